using System.Text.Json;
using System.Text.RegularExpressions;
using Mutual.Core.Access;
using Mutual.Core.Channel;

namespace Mutual.Core.Individuals;

/// <summary>The documented shape and limits of an individual's profile and an organization's vendor profile.</summary>
public static partial class ProfileRules
{
    public const int MaxAddresses = 10;
    public const int AddressLineMax = 200;
    public const int CityMax = 100;
    public const int RegionMax = 100;
    public const int PostalCodeMax = 20;
    public const int LabelMax = 40;
    public const int MaxPreferences = 30;
    public const int PreferenceKeyMax = 64;
    public const int PreferenceValueMax = 500;
    public const int MaxCategories = 50;
    public const int CategoryMax = 64;

    // Generous bounds for the JSON columns: the limits above keep the documents far below them.
    public const int AddressesJsonMax = 16_000;
    public const int PreferencesJsonMax = 32_000;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static List<PostalAddress> Addresses(Validation v, IEnumerable<PostalAddress?>? addresses)
    {
        var list = (addresses ?? []).ToList();
        if (list.Count > MaxAddresses) v.Add("addresses", $"At most {MaxAddresses} addresses are allowed.");
        var result = new List<PostalAddress>();
        for (var i = 0; i < list.Count && i < MaxAddresses; i++)
        {
            var a = list[i];
            var field = $"addresses[{i}]";
            if (a is null)
            {
                v.Add(field, "An address is an object with line1, city and country.");
                continue;
            }
            var country = a.Country is null ? null : ChannelRules.Normalize(a.Country);
            v.Require($"{field}.line1", a.Line1, AddressLineMax).MaxLength($"{field}.line2", a.Line2, AddressLineMax)
                .Require($"{field}.city", a.City, CityMax).MaxLength($"{field}.region", a.Region, RegionMax)
                .MaxLength($"{field}.postalCode", a.PostalCode, PostalCodeMax).MaxLength($"{field}.label", a.Label, LabelMax);
            if (!ChannelRules.IsCountry(country)) v.Add($"{field}.country", "'country' is an ISO 3166-1 alpha-2 code such as \"DE\".");
            result.Add(new PostalAddress(Trim(a.Label), Trim(a.Line1), Trim(a.Line2), Trim(a.City), Trim(a.Region), Trim(a.PostalCode), country));
        }
        return result;
    }

    public static Dictionary<string, string> Preferences(Validation v, IDictionary<string, string?>? preferences)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (preferences is null) return result;
        if (preferences.Count > MaxPreferences) v.Add("preferences", $"At most {MaxPreferences} preferences are allowed.");
        foreach (var (key, value) in preferences)
        {
            if (!PreferenceKey().IsMatch(key))
                v.Add("preferences", $"'{Clip(key)}' is not a preference key: lowercase letters, digits, '.', '_' and '-', at most {PreferenceKeyMax}.");
            else if (value is null || value.Length > PreferenceValueMax)
                v.Add("preferences", $"The value of '{key}' must be text of at most {PreferenceValueMax} characters.");
            else result[key] = value.Trim();
        }
        return result;
    }

    /// <summary>What an organization sells: slugs such as "solar-panels", lower-cased and de-duplicated.</summary>
    public static List<string> Categories(Validation v, IEnumerable<string?>? categories)
    {
        if (categories is null)
        {
            v.Add("categories", "'categories' is required (slugs such as \"solar-panels\").");
            return [];
        }
        var list = categories.Select(c => c?.Trim().ToLowerInvariant()).ToList();
        if (list.Count > MaxCategories) v.Add("categories", $"At most {MaxCategories} categories.");
        else if (list.Any(c => c is null || c.Length > CategoryMax || !Category().IsMatch(c)))
            v.Add("categories", $"Each category is a slug of lowercase letters and digits joined by '-' (at most {CategoryMax} characters).");
        return list.Where(c => c is not null).Select(c => c!).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Where an organization sells: ISO 3166 codes, validated as the Channel area does for partners.</summary>
    public static List<string> Territories(Validation v, IEnumerable<string?>? territories)
    {
        if (territories is null)
        {
            v.Add("territories", "'territories' is required (ISO codes such as \"DE\" or \"US-CA\").");
            return [];
        }
        return ChannelRules.Territories(v, "territories", territories.ToList());
    }

    internal static List<PostalAddress> ReadAddresses(string json) => JsonSerializer.Deserialize<List<PostalAddress>>(json, Json) ?? [];

    internal static Dictionary<string, string> ReadPreferences(string json) => JsonSerializer.Deserialize<Dictionary<string, string>>(json, Json) ?? [];

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Clip(string s) => s.Length <= PreferenceKeyMax ? s : s[..PreferenceKeyMax] + "…";

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex PreferenceKey();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Category();
}

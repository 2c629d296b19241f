using System.Security.Cryptography;
using System.Text;
using Mutual.Core.Access;
using Mutual.Core.Channel;
using Mutual.Core.Commerce;
using Mutual.Core.Consent;
using Mutual.Core.Individuals;

namespace Mutual.Core.Intents;

/// <summary>The documented limits of intents and offers, and the pseudonym vendors know a buyer by.</summary>
public static class IntentRules
{
    public const int TitleMax = 200;
    public const int CategoryMax = ProfileRules.CategoryMax;
    public const int DescriptionMax = 4000;
    public const int SummaryMax = 2000;
    public const int ReasonMax = 500;
    public const int DefaultDays = 30;
    public const int MaxDays = 90;
    public const string DeclinedForAnother = "The buyer chose another offer.";
    public const string DeclinedWithdrawn = "The buyer withdrew the intent.";
    public const string DeclinedExpired = "The intent expired.";

    /// <summary>Shared with the accepted vendor unless the intent names other scopes: enough to answer the buyer.</summary>
    public static readonly IReadOnlyList<string> DefaultScopes = [ConsentScopes.Email];

    // The pseudonym is keyed by a fixed purpose label and derived from the intent id alone: it is stable for the
    // intent, and two intents of the same buyer carry unrelated pseudonyms, so vendors cannot link them.
    private static readonly byte[] PseudonymKey = Encoding.UTF8.GetBytes("mutual/intent-pseudonym/v1");

    /// <summary>"Buyer 7F3A2C": how vendors name the owner of an intent before reveal.</summary>
    public static string Pseudonym(Guid intentId) =>
        "Buyer " + Convert.ToHexString(HMACSHA256.HashData(PseudonymKey, intentId.ToByteArray()))[..6];

    public static string? Category(Validation v, string? category)
    {
        var c = category?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(c)) v.Add("category", "'category' is required (a slug such as \"solar-panels\").");
        else if (!IsCategory(c))
            v.Add("category", $"'category' is a slug of lowercase letters and digits joined by '-' (at most {CategoryMax} characters).");
        return c;
    }

    /// <summary>An ISO 3166 territory, validated as partner and vendor territories are; returns it normalized.</summary>
    public static string? Location(Validation v, string? location)
    {
        if (string.IsNullOrWhiteSpace(location)) return null;
        var l = ChannelRules.Normalize(location);
        if (!ChannelRules.IsTerritory(l)) v.Add("location", "'location' is an ISO 3166 code: a country (\"ES\") or a subdivision (\"ES-MD\").");
        return l;
    }

    public static string? Currency(Validation v, string field, string? currency)
    {
        if (currency is null) return null;
        var c = ChannelRules.Normalize(currency);
        if (!CommerceRules.IsCurrency(c)) v.Add(field, $"'{field}' is an ISO 4217 code such as \"EUR\".");
        return c;
    }

    public static void Amount(Validation v, string field, decimal? amount)
    {
        if (amount is { } a && (a < 0 || a > CommerceRules.MaxAmount || decimal.Round(a, 2) != a))
            v.Add(field, $"'{field}' must be between 0 and {CommerceRules.MaxAmount:0} with at most two decimals.");
    }

    public static List<string> Terms(Validation v, IEnumerable<string?>? terms)
    {
        var list = (terms ?? []).Select(t => t?.Trim()).ToList();
        if (list.Any(t => ConsentTerms.Find(t) is null))
            v.Add("terms", $"Each term is one of the standard agreements: {string.Join(", ", ConsentTerms.Roster.Select(t => t.Id))} (GET /api/v1/consents/terms).");
        return list.OfType<string>().Distinct().ToList();
    }

    public static List<string> Scopes(Validation v, IEnumerable<string?>? scopes)
    {
        if (scopes is null) return [.. DefaultScopes];
        var list = scopes.Select(s => s?.Trim()).ToList();
        if (list.Count == 0) v.Add("scopes", $"At least one scope is shared with the vendor you choose: {string.Join(", ", ConsentScopes.All)}.");
        else if (list.Any(s => !ConsentScopes.IsKnown(s))) v.Add("scopes", $"Each scope is one of {string.Join(", ", ConsentScopes.All)}.");
        return list.OfType<string>().Distinct().OrderBy(s => ConsentScopes.All.ToList().IndexOf(s)).ToList();
    }

    // The same slug rule as vendor-profile categories, so an intent can only name a category a vendor can serve.
    private static bool IsCategory(string c)
    {
        var check = new Validation();
        ProfileRules.Categories(check, [c]);
        return check.IsValid;
    }
}

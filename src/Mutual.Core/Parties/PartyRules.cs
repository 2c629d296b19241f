using System.Net.Mail;
using Mutual.Core.Access;

namespace Mutual.Core.Parties;

/// <summary>Limits and normalisation shared by creating and editing a party.</summary>
public static class PartyRules
{
    public const int NameMax = 200;
    public const int WebsiteMax = 500;
    public const int PublicProfileMax = 2000;
    public const int ListMax = 20;
    public const int TagMax = 50;

    /// <summary>
    /// A new party for <paramref name="owner"/>'s book, validated and normalised, with its search text set; null when
    /// <paramref name="v"/> collected errors. The one way a party is made, by the API and by CSV import alike.
    /// </summary>
    public static Party? NewParty(Validation v, CreatePartyRequest request, Guid owner, DateTime now)
    {
        if (!TryParseKind(request.Kind, out var kind)) v.Add("kind", "'kind' must be 'person' or 'organization'.");
        v.Require("name", request.Name, NameMax);
        v.MaxLength("publicProfile", request.PublicProfile, PublicProfileMax);
        var emails = Emails(v, request.Emails);
        var phones = Phones(v, request.Phones);
        var tags = Tags(v, request.Tags);
        var website = Website(v, request.Website);
        if (!v.IsValid) return null;
        var party = new Party
        {
            Kind = kind,
            Name = request.Name!.Trim(),
            Emails = emails,
            Phones = phones,
            Tags = tags,
            Website = website,
            PublicProfile = string.IsNullOrWhiteSpace(request.PublicProfile) ? null : request.PublicProfile.Trim(),
            OwnerPartyId = owner,
            CreatedAt = now,
            UpdatedAt = now,
        };
        party.RefreshSearchText();
        return party;
    }

    public static bool TryParseKind(string? kind, out PartyKind value)
    {
        switch (kind)
        {
            case "person": value = PartyKind.Person; return true;
            case "organization": value = PartyKind.Organization; return true;
            default: value = default; return false;
        }
    }

    public static string KindName(PartyKind kind) => kind == PartyKind.Person ? "person" : "organization";

    public static List<string> Emails(Validation v, IEnumerable<string?>? emails)
    {
        var result = Clean(v, "emails", emails, 254);
        foreach (var e in result)
        {
            if (!IsEmail(e)) v.Add("emails", $"'{e}' is not an email address.");
        }
        return result.Select(e => e.ToLowerInvariant()).Distinct().ToList();
    }

    public static List<string> Phones(Validation v, IEnumerable<string?>? phones)
    {
        var result = Clean(v, "phones", phones, 40);
        foreach (var p in result)
        {
            if (!p.All(c => char.IsDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.') || !p.Any(char.IsDigit))
                v.Add("phones", $"'{p}' is not a phone number.");
        }
        return result;
    }

    public static List<string> Tags(Validation v, IEnumerable<string?>? tags) =>
        Clean(v, "tags", tags, TagMax).Select(t => t.ToLowerInvariant()).Distinct().ToList();

    public static string? Website(Validation v, string? website)
    {
        if (string.IsNullOrWhiteSpace(website)) return null;
        website = website.Trim();
        if (!website.Contains("://", StringComparison.Ordinal)) website = "https://" + website;
        if (website.Length > WebsiteMax || !Uri.TryCreate(website, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            v.Add("website", "'website' must be an http or https address.");
            return null;
        }
        return website;
    }

    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    private static List<string> Clean(Validation v, string field, IEnumerable<string?>? values, int max)
    {
        var list = (values ?? []).Select(x => x?.Trim()).Where(x => !string.IsNullOrEmpty(x)).Select(x => x!).ToList();
        if (list.Count > ListMax) v.Add(field, $"At most {ListMax} values are allowed in '{field}'.");
        foreach (var x in list.Where(x => x.Length > max)) v.Add(field, $"Each value in '{field}' must be at most {max} characters.");
        return list;
    }
}

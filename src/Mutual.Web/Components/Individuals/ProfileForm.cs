using Mutual.Core.Individuals;

namespace Mutual.Web.Components.Individuals;

/// <summary>The profile as the page edits it: rows that can be added and removed, turned into the PUT request on save.</summary>
public sealed class ProfileForm
{
    public string? Name { get; set; }
    public List<TextRow> Emails { get; } = [];
    public List<TextRow> Phones { get; } = [];
    public List<AddressRow> Addresses { get; } = [];
    public List<PreferenceRow> Preferences { get; } = [];

    public static ProfileForm From(ProfileDto p)
    {
        var f = new ProfileForm { Name = p.Name };
        f.Emails.AddRange(p.Emails.Select(e => new TextRow { Text = e }));
        f.Phones.AddRange(p.Phones.Select(e => new TextRow { Text = e }));
        f.Addresses.AddRange(p.Addresses.Select(AddressRow.From));
        f.Preferences.AddRange(p.Preferences.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => new PreferenceRow { Key = x.Key, Value = x.Value }));
        return f;
    }

    /// <summary>Empty rows are dropped (an unused "add" is not an error); everything else goes to the server's validation as typed.</summary>
    public ProfileRequest ToRequest()
    {
        var prefs = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var p in Preferences.Where(p => !string.IsNullOrWhiteSpace(p.Key) || !string.IsNullOrWhiteSpace(p.Value)))
            prefs[(p.Key ?? "").Trim()] = p.Value ?? "";
        return new ProfileRequest(Name,
            Emails.Where(e => !string.IsNullOrWhiteSpace(e.Text)).Select(e => e.Text).ToList(),
            Phones.Where(e => !string.IsNullOrWhiteSpace(e.Text)).Select(e => e.Text).ToList(),
            Addresses.Where(a => !a.IsEmpty).Select(a => (PostalAddress?)a.ToAddress()).ToList(),
            prefs);
    }

    /// <summary>Addresses the server numbered: the index among the non-empty rows sent, mapped back to the row on screen.</summary>
    public int SentIndex(AddressRow row) => Addresses.Where(a => !a.IsEmpty).ToList().IndexOf(row);
}

public sealed class TextRow
{
    public Guid Key { get; } = Guid.NewGuid();
    public string? Text { get; set; }
}

public sealed class PreferenceRow
{
    public Guid Id { get; } = Guid.NewGuid();
    public string? Key { get; set; }
    public string? Value { get; set; }
}

public sealed class AddressRow
{
    public Guid Key { get; } = Guid.NewGuid();
    public string? Label { get; set; }
    public string? Line1 { get; set; }
    public string? Line2 { get; set; }
    public string? City { get; set; }
    public string? Region { get; set; }
    public string? PostalCode { get; set; }
    public string? Country { get; set; }

    public bool IsEmpty => new[] { Label, Line1, Line2, City, Region, PostalCode }.All(string.IsNullOrWhiteSpace);

    public static AddressRow From(PostalAddress a) => new()
    {
        Label = a.Label, Line1 = a.Line1, Line2 = a.Line2, City = a.City, Region = a.Region, PostalCode = a.PostalCode, Country = a.Country,
    };

    public PostalAddress ToAddress() => new(Label, Line1, Line2, City, Region, PostalCode, Country);
}

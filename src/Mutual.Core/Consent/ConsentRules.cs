namespace Mutual.Core.Consent;

public static class ConsentStatus
{
    /// <summary>Terms were proffered; no data flows until the grantee accepts them.</summary>
    public const string Proffered = "proffered";

    /// <summary>Live (unless past its expiry): the grantee reads the granted scopes.</summary>
    public const string Active = "active";

    /// <summary>The grantee declined the proffered terms; no data ever flowed under this grant.</summary>
    public const string Declined = "declined";
    public const string Revoked = "revoked";

    /// <summary>
    /// An active or still proffered grant whose expiry has passed. Read against the clock at once; the expiry sweep
    /// stores it afterwards and announces it (<c>consent.expired</c>).
    /// </summary>
    public const string Expired = "expired";

    /// <summary>The status as of <paramref name="now"/>: a grant that could still flow (or be answered) lapses at its expiry.</summary>
    public static string At(ConsentGrant c, DateTime now) =>
        (c.Status == Active || c.Status == Proffered) && c.ExpiresAt is { } e && e <= now ? Expired : c.Status;
}

/// <summary>The profile scopes a consent can grant, and the profile fields each opens.</summary>
public static class ConsentScopes
{
    public const string Email = "contact.email";
    public const string Phone = "contact.phone";
    public const string Postal = "address.postal";
    public const string Preferences = "preferences";

    public static readonly IReadOnlyList<string> All = [Email, Phone, Postal, Preferences];

    public static bool IsKnown(string? scope) => scope is not null && All.Contains(scope);
}

/// <summary>A standard agreement an individual proffers, modelled on IEEE 7012 (MyTerms): a stable id and the human text.</summary>
public sealed record ConsentTerm(string Id, string Title, string Text);

/// <summary>
/// The roster of standard agreements. Ids are stable forever: a signed-off record names them, so a text that
/// must change means a new id (e.g. "no-sharing-2"), never an edit of an existing entry.
/// </summary>
public static class ConsentTerms
{
    public static readonly IReadOnlyList<ConsentTerm> Roster =
    [
        new("purchase-only", "For this purchase only", "My data is used only to complete this purchase and its after-sales service, and for nothing else."),
        new("no-sharing", "No sharing", "My data is not shared with, sold to or disclosed to any third party."),
        new("intent-only", "This request only", "Contact me about this request and nothing else; no newsletters, offers or follow-ups beyond it."),
        new("no-marketing", "No marketing", "My data is not used for marketing, profiling or advertising of any kind."),
    ];

    public static ConsentTerm? Find(string? id) => Roster.FirstOrDefault(t => t.Id == id);
}

public static class ConsentRules
{
    public const int PurposeMax = 500;
    public const int ReasonMax = 500;
}

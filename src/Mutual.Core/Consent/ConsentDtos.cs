using Mutual.Core.Parties;

namespace Mutual.Core.Consent;

public sealed record GrantConsentRequest(Guid? GranteePartyId, List<string?>? Scopes, string? Purpose, DateTime? ExpiresAt, List<string?>? Terms);

public sealed record DeclineConsentRequest(string? Reason);

/// <summary>One step of the signed-off record: who (party and the person acting for it) did what, and when.</summary>
public sealed record SignOff(string Action, Guid PartyId, Guid PersonPartyId, DateTime At, string? Reason);

/// <summary>
/// The terms as both sides read them: the agreements proffered (id, title, text), the individual's proffer and
/// the grantee's answer (null while it is awaited).
/// </summary>
public sealed record TermsRecord(IReadOnlyList<ConsentTerm> Agreements, SignOff Proffered, SignOff? Decision);

/// <summary>
/// A consent as grantor and grantee see it alike. <c>live</c> says whether data flows now: active, not revoked
/// and not past <c>expiresAt</c> by the server's clock.
/// </summary>
public sealed record ConsentDto(Guid Id, Guid GrantorPartyId, Guid GranteePartyId, PartyRef Grantor, PartyRef Grantee,
    IReadOnlyList<string> Scopes, string Purpose, string Status, bool Live, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? RevokedAt,
    TermsRecord? Terms, long Version)
{
    public static ConsentDto From(ConsentGrant c, Dictionary<Guid, PartyRef> names, DateTime now)
    {
        var status = ConsentStatus.At(c, now);
        TermsRecord? terms = null;
        if (c.Terms.Count > 0)
        {
            var decision = c.DecidedAt is { } at
                ? new SignOff(c.Decision ?? "accepted", c.GranteePartyId, c.DecidedByPersonPartyId ?? Guid.Empty, at, c.DeclineReason)
                : null;
            terms = new TermsRecord(c.Terms.Select(id => ConsentTerms.Find(id)!).ToList(),
                new SignOff("proffered", c.GrantorPartyId, c.GrantorPartyId, c.CreatedAt, null), decision);
        }
        return new ConsentDto(c.Id, c.GrantorPartyId, c.GranteePartyId, names.Get(c.GrantorPartyId), names.Get(c.GranteePartyId),
            c.Scopes, c.Purpose, status, status == ConsentStatus.Active, c.CreatedAt, c.ExpiresAt, c.RevokedAt, terms, c.Version);
    }
}

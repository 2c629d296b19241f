using Mutual.Core.Parties;

namespace Mutual.Core.Intents;

public sealed record PublishIntentRequest(string? Title, string? Category, string? Description, decimal? Budget, string? Currency,
    string? Location, DateOnly? NeededBy, List<string?>? Terms, List<string?>? Scopes, DateTime? ExpiresAt);

public sealed record MakeOfferRequest(string? Summary, decimal? Price, string? Currency);

/// <summary>
/// An intent as the actor may see it. <c>buyer</c> is the pseudonym every side reads; <c>owner</c> is present only for
/// the owner, and for a vendor that offered once the owner revealed themself or accepted its offer. The owner alone
/// reads the offer counts; a vendor reads its own offer (<c>myOffer</c>) and nothing of the others'.
/// </summary>
public sealed record IntentDto(Guid Id, string Buyer, PartyRef? Owner, string Title, string Category, string? Description,
    decimal? Budget, string? Currency, string? Location, DateOnly? NeededBy, IReadOnlyList<string> Terms, IReadOnlyList<string> Scopes,
    string Status, DateTime CreatedAt, DateTime ExpiresAt, bool Revealed, int? OfferCount, int? PendingOfferCount, OfferDto? MyOffer,
    Guid? AcceptedOfferId, Guid? ConversationId, Guid? ConsentId, long Version);

/// <summary>An offer as its vendor and the intent's owner read it alike.</summary>
public sealed record OfferDto(Guid Id, Guid IntentId, PartyRef Vendor, string Summary, decimal? Price, string? Currency, string Status,
    DateTime CreatedAt, DateTime? DecidedAt, string? DeclineReason, long Version)
{
    public static OfferDto From(Offer o, Dictionary<Guid, PartyRef> names) =>
        new(o.Id, o.IntentId, names.Get(o.VendorPartyId), o.Summary, o.Price, o.Currency, o.Status, o.CreatedAt, o.DecidedAt, o.DeclineReason, o.Version);
}

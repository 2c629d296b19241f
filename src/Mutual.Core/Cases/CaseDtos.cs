using Mutual.Core.Parties;

namespace Mutual.Core.Cases;

public sealed record OpenCaseRequest(string? Title, Guid? CustomerPartyId, string? Description, string? Reference, string? Priority);

/// <summary>
/// A case as a participant sees it. <see cref="TrackingCode"/> is filled only in the answer to opening it:
/// only its hash is stored, so whoever opens the case passes the code on to the customer.
/// </summary>
public sealed record CaseDto(Guid Id, string Title, string Description, string? Reference, string Priority, string Stage,
    Guid CustomerPartyId, PartyRef Customer, Guid HolderPartyId, PartyRef Holder, Guid OpenedByPartyId,
    DateTime? RespondBy, DateTime ResolveBy, bool ResponseBreached, bool ResolutionBreached,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? ResolvedAt, long Version, string? TrackingCode);

/// <summary>One timeline line; <see cref="Internal"/> marks the acting organization's own notes; an attachment line carries its <see cref="File"/>.</summary>
public sealed record CaseEntryDto(Guid Id, string Kind, Guid AuthorPartyId, PartyRef Author, string? Stage,
    Guid? FromPartyId, Guid? ToPartyId, string? Text, bool Internal, DateTime At, CaseFileDto? File = null);

/// <summary>An attachment's metadata (never its bytes); <see cref="Sha256"/> is lowercase hex.</summary>
public sealed record CaseFileDto(Guid Id, Guid CaseId, Guid EntryId, string FileName, string ContentType, long Size, string Sha256,
    Guid UploadedByPartyId, DateTime At);

/// <summary>Filters of the case list; all optional. View is null (every case the actor takes part in), 'holding' or 'customer'.</summary>
public sealed record CaseListQuery(string? View = null, string? Stage = null, string? Priority = null, bool? Breached = null,
    int? Limit = null, string? Cursor = null);

public sealed record TrackStageDto(string Stage, DateTime At);

public sealed record TrackReplyDto(string From, string Text, DateTime At);

/// <summary>What anyone with the tracking code may read: no notes, no contact details, no party ids.</summary>
public sealed record TrackDto(string Title, string Status, string Stage, string Holder, DateTime OpenedAt, DateTime ExpectedResolutionAt,
    DateTime? ResolvedAt, IReadOnlyList<TrackStageDto> Stages, IReadOnlyList<TrackReplyDto> Replies);

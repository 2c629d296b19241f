using System.Text.Json.Nodes;
using Mutual.Core.Accounts;
using Mutual.Core.Data;
using Mutual.Core.Parties;
using Mutual.Core.Relationships;
using Mutual.Web.Infrastructure;

namespace Mutual.Web.Api;

public static class PartiesApi
{
    public static void MapPartiesApi(this IEndpointRouteBuilder api)
    {
        var parties = api.MapGroup("/parties").WithTags("Parties");

        parties.MapPost("/", async (CreatePartyRequest request, CreatePartyHandler handler, HttpContext http, CancellationToken ct) =>
            ApiResults.Created(http, await handler.HandleAsync(request, ct), p => $"/api/v1/parties/{p.Id}", p => p.Version))
        .WithMetadata(new IdempotentAttribute())
        .WithSummary("Add a person or organization to your book")
        .Produces<PartyDto>(201).ProducesValidationProblem();

        parties.MapGet("/", async (string? q, string? role, string? tag, string? kind, int? limit, string? cursor, ListPartiesHandler handler, CancellationToken ct) =>
            ApiResults.Ok(await handler.HandleAsync(new ListPartiesRequest(q, role, tag, kind, limit, cursor), ct)))
        .WithSummary("Your book: search (full text over names, emails, tags), filter by role, tag or kind")
        .Produces<Page<PartyDto>>().ProducesValidationProblem();

        parties.MapGet("/{id:guid}", async (Guid id, GetPartyHandler handler, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await handler.HandleAsync(id, ct), p => p.Version))
        .WithSummary("One party, as far as you may see it").Produces<PartyDto>().ProducesProblem(404);

        parties.MapPatch("/{id:guid}", async (Guid id, JsonObject patch, UpdatePartyHandler handler, HttpContext http, CancellationToken ct) =>
        {
            var request = PatchReader.ReadParty(patch, out var errors);
            if (request is null) return TypedResults.ValidationProblem(errors, "One or more fields are invalid.", title: "The request is invalid.");
            return ApiResults.Ok(http, await handler.HandleAsync(id, request, ApiResults.IfMatch(http), ct), p => p.Version);
        })
        .WithSummary("Change a party (JSON merge patch; If-Match with the ETag)")
        .Accepts<CreatePartyRequest>("application/json", "application/merge-patch+json")
        .Produces<PartyDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412);

        parties.MapGet("/{id:guid}/relationships", async (Guid id, bool? active, int? limit, string? cursor, RelationshipQueries queries, CancellationToken ct) =>
            ApiResults.Ok(await queries.ForPartyAsync(id, active ?? false, limit, cursor, ct)))
        .WithSummary("A party's relationships in both directions, as far as you may see them")
        .Produces<Page<RelationshipDto>>().ProducesProblem(404);

        parties.MapGet("/{id:guid}/timeline", async (Guid id, int? limit, string? cursor, TimelineQuery query, CancellationToken ct) =>
            ApiResults.Ok(await query.HandleAsync(id, limit, cursor, ct)))
        .WithSummary("Messages and relationship events of a party, newest first")
        .Produces<Page<TimelineItem>>().ProducesProblem(404);

        parties.MapPost("/{id:guid}/invitations", async (Guid id, InviteRequest request, InvitationService invitations, HttpContext http, CancellationToken ct) =>
            ApiResults.Created(http, await invitations.InviteAsync(id, request, ct), i => $"/api/v1/invitations/{i.Id}"))
        .WithMetadata(new IdempotentAttribute())
        .WithSummary("Invite a person in your book to join and act for their organization")
        .Produces<InvitationDto>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        api.MapGet("/invitations/{id:guid}", async (Guid id, InvitationService invitations, CancellationToken ct) =>
            ApiResults.Ok(await invitations.GetAsync(id, ct)))
        .WithTags("Parties").WithSummary("An invitation you sent: whether and when it was accepted (the token is never shown again)")
        .Produces<InvitationStatusDto>().ProducesProblem(404);

        api.MapGet("/directory", async (string? q, int? limit, string? cursor, ListDirectoryHandler handler, CancellationToken ct) =>
            ApiResults.Ok(await handler.HandleAsync(q, limit, cursor, ct)))
        .WithTags("Parties").WithSummary("The member parties of the network: name, kind and public profile")
        .Produces<Page<DirectoryEntry>>();
    }
}

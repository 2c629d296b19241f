using System.Text.Json.Nodes;
using Mutual.Core.Cases;
using Mutual.Core.Data;
using Mutual.Web.Infrastructure;

namespace Mutual.Web.Api;

public static class CasesApi
{
    /// <summary>The rate-limiter policy of the public tracking endpoint, partitioned by client IP.</summary>
    public const string TrackPolicy = "track";

    public sealed record HandOffRequest(Guid? ToPartyId, string? Note);

    public sealed record TextRequest(string? Text);

    public static void MapCasesApi(this IEndpointRouteBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");

        cases.MapPost("/", async (OpenCaseRequest request, Cases service, HttpContext http, CancellationToken ct) =>
            ApiResults.Created(http, await service.OpenAsync(request, ct), c => $"/api/v1/cases/{c.Id}", c => c.Version))
        .WithMetadata(new IdempotentAttribute())
        .WithSummary("Open a case for a customer; the answer carries the trackingCode, shown this once")
        .Produces<CaseDto>(201).ProducesValidationProblem();

        cases.MapGet("/", async (string? view, string? stage, int? limit, string? cursor, CaseQueries queries, CancellationToken ct) =>
            ApiResults.Ok(await queries.ListAsync(view, stage, limit, cursor, ct)))
        .WithSummary("Cases you take part in, newest first; view=holding for those you hold now; stage (or 'open') filters")
        .Produces<Page<CaseDto>>().ProducesValidationProblem();

        cases.MapGet("/{id:guid}", async (Guid id, CaseQueries queries, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await queries.GetAsync(id, null, ct), c => c.Version))
        .WithSummary("One case").Produces<CaseDto>().ProducesProblem(404);

        cases.MapPatch("/{id:guid}", async (Guid id, JsonObject patch, Cases service, HttpContext http, CancellationToken ct) =>
        {
            var stage = patch["stage"] is JsonValue s && s.TryGetValue<string>(out var text) ? text : null;
            return ApiResults.Ok(http, await service.MoveAsync(id, stage, ApiResults.IfMatch(http), ct), c => c.Version);
        })
        .WithSummary("Move a case you hold to a stage: triage, awaiting_customer, resolved or closed (If-Match)")
        .Produces<CaseDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(422);

        cases.MapPost("/{id:guid}/handoffs", async (Guid id, HandOffRequest request, Cases service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.HandOffAsync(id, request.ToPartyId, request.Note, ct), c => c.Version))
        .WithSummary("Hand a case you hold to another member organization, with a note for it (the customer does not read the note)")
        .Produces<CaseDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);

        cases.MapGet("/{id:guid}/timeline", async (Guid id, int? limit, string? cursor, CaseQueries queries, CancellationToken ct) =>
            ApiResults.Ok(await queries.TimelineAsync(id, limit, cursor, ct)))
        .WithSummary("The case's timeline oldest first: opened, stages, hand-offs, public replies and your own internal notes")
        .Produces<Page<CaseEntryDto>>().ProducesValidationProblem().ProducesProblem(404);

        cases.MapPost("/{id:guid}/replies", async (Guid id, TextRequest request, Cases service, HttpContext http, CancellationToken ct) =>
            ApiResults.Created(http, await service.ReplyAsync(id, request.Text, ct), e => $"/api/v1/cases/{id}/timeline"))
        .WithMetadata(new IdempotentAttribute())
        .WithSummary("A public reply on the case's shared thread (the holder or the customer)")
        .Produces<CaseEntryDto>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);

        cases.MapPost("/{id:guid}/notes", async (Guid id, TextRequest request, Cases service, HttpContext http, CancellationToken ct) =>
            ApiResults.Created(http, await service.NoteAsync(id, request.Text, ct), e => $"/api/v1/cases/{id}/timeline"))
        .WithMetadata(new IdempotentAttribute())
        .WithSummary("An internal note only your organization ever reads")
        .Produces<CaseEntryDto>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);

        api.MapGet("/track/{trackingCode}", async (string trackingCode, CaseTracking tracking, CancellationToken ct) =>
            await tracking.FindAsync(trackingCode, ct) is { } found ? Results.Ok(found) : Results.Problem(statusCode: 404, title: "Not Found", detail: "No case has that tracking code."))
        .AllowAnonymous().RequireRateLimiting(TrackPolicy).WithTags("Cases")
        .WithSummary("Public status of a case by its tracking code: stage, holder, stages with dates, expected resolution, public replies")
        .Produces<TrackDto>().ProducesProblem(404).ProducesProblem(429);
    }
}

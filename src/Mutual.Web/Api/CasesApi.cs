using System.Text.Json.Nodes;
using Mutual.Core.Access;
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
        // A replay opens nothing new but does not repeat the code: only its hash is kept anywhere (a lost code is rotated).
        .WithMetadata(new IdempotentAttribute { Withheld = ["trackingCode"] })
        .WithSummary("Open a case for a customer; the answer carries the trackingCode, shown this once")
        .Produces<CaseDto>(201).ProducesValidationProblem();

        cases.MapGet("/", async Task<IResult> (string? view, string? stage, string? priority, string? breached, int? limit, string? cursor, CaseQueries queries, CancellationToken ct) =>
        {
            if (breached is not (null or "true" or "false"))
                return ApiResults.Problem(Outcome<object>.Invalid("breached", "'breached' must be true or false."));
            return ApiResults.Ok(await queries.ListAsync(new CaseListQuery(view, stage, priority, breached is null ? null : breached == "true", limit, cursor), ct));
        })
        .WithSummary("Cases you take part in, newest first; view=holding (you hold them now) or view=customer (you are the customer, any vendor); stage (or 'open'), priority and breached=true|false filter")
        .Produces<Page<CaseDto>>().ProducesValidationProblem();

        // A literal segment: it never matches /{id:guid}.
        cases.MapGet("/sla", async Task<IResult> (string? since, CaseSlaReport report, CancellationToken ct) =>
        {
            DateTime? from = null;
            if (since is not null)
            {
                if (!DateTimeOffset.TryParse(since, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
                    return ApiResults.Problem(Outcome<object>.Invalid("since", "'since' must be an RFC 3339 date-time."));
                from = parsed.UtcDateTime;
            }
            return TypedResults.Ok(await report.GetAsync(from, ct));
        })
        .WithSummary("SLA performance per organization on the cases you take part in, since a time (default 90 days back): holdings, breaches, response-met rate")
        .Produces<SlaReportDto>().ProducesValidationProblem();

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

        cases.MapPost("/{id:guid}/tracking-code", async (Guid id, Cases service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.RotateTrackingCodeAsync(id, ct), c => c.Version))
        .WithSummary("Replace the case's tracking code (the holder or the customer): the answer carries the new trackingCode, shown this once; the old code stops working")
        .Produces<CaseDto>().ProducesProblem(404).ProducesProblem(422);

        cases.MapPost("/{id:guid}/handoffs", async (Guid id, HandOffRequest request, Cases service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.HandOffAsync(id, request.ToPartyId, request.Note, ct), c => c.Version))
        .WithSummary("Hand a case you hold to another member organization, with a note for it (the customer does not read the note)")
        .Produces<CaseDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);

        cases.MapGet("/{id:guid}/timeline", async (Guid id, int? limit, string? cursor, CaseQueries queries, CancellationToken ct) =>
            ApiResults.Ok(await queries.TimelineAsync(id, limit, cursor, ct: ct)))
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

        cases.MapPost("/{id:guid}/confirm", async (Guid id, Cases service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.ConfirmAsync(id, ct), c => c.Version))
        .WithSummary("The customer confirms a resolved case, which closes it")
        .Produces<CaseDto>().ProducesProblem(404).ProducesProblem(422);

        // Not idempotent on purpose: a replay would have to store the token, and only its hash is kept.
        cases.MapPost("/{id:guid}/customer-links", async (Guid id, CaseCustomerLinks links, HttpContext http, CancellationToken ct) =>
            ApiResults.Created(http, await links.IssueAsync(id, ct), _ => $"/api/v1/cases/{id}"))
        .WithSummary("The holder issues a one-time link (7 days) for a customer who is not signed in, to reply once or confirm the resolution; the token is shown this once")
        .Produces<CaseLinkDto>(201).ProducesProblem(404).ProducesProblem(422);

        cases.MapCaseAttachmentsApi();

        api.MapGet("/track/{trackingCode}", async (string trackingCode, CaseTracking tracking, CancellationToken ct) =>
            await tracking.FindAsync(trackingCode, ct) is { } found ? Results.Ok(found) : Results.Problem(statusCode: 404, title: "Not Found", detail: "No case has that tracking code."))
        .AllowAnonymous().RequireRateLimiting(TrackPolicy).AddEndpointFilter(TrackPages.NoStore).WithTags("Cases")
        .WithSummary("Public status of a case by its tracking code: stage, holder, stages with dates, expected resolution, public replies")
        .Produces<TrackDto>().ProducesProblem(404).ProducesProblem(429);
    }
}

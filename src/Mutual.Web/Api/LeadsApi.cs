using System.Text.Json.Nodes;
using Mutual.Core.Channel;
using Mutual.Core.Data;
using Mutual.Web.Infrastructure;

namespace Mutual.Web.Api;

public static class LeadsApi
{
    public sealed record DeclineRequest(string? Reason);

    public sealed record AssignRequest(Guid? PartnerPartyId);

    public sealed record CreateLeadsRequest(List<CreateLeadRequest?>? Leads);

    public static void MapLeadsApi(this IEndpointRouteBuilder api)
    {
        var leads = api.MapGroup("/leads").WithTags("Channel");

        leads.MapPost("/", async (CreateLeadRequest request, Leads service, LeadIntake intake, HttpContext http, CancellationToken ct) =>
            ApiResults.Created(http, await intake.CreateAsync(service, request, LeadSources.Api, ct), l => $"/api/v1/leads/{l.Id}", l => l.Version))
        .WithMetadata(new IdempotentAttribute())
        .WithSummary("Create a lead; it is routed at once (see assignedPartnerPartyId, status and routingReason)")
        .Produces<LeadDto>(201).ProducesValidationProblem();

        leads.MapPost("/batch", async (CreateLeadsRequest request, Leads service, LeadIntake intake, CancellationToken ct) =>
            ApiResults.Ok(await intake.CreateManyAsync(service, request.Leads, LeadSources.Api, ct)))
        .WithMetadata(new IdempotentAttribute())
        .WithSummary($"Create up to {LeadIntake.MaxLeadsPerRequest} leads at once, routed in order as if each were created before the next; all or none")
        .Produces<LeadBatchDto>().ProducesValidationProblem();

        leads.MapGet("/", async (string? view, string? status, Guid? partnerPartyId, int? limit, string? cursor, LeadQueries queries, CancellationToken ct) =>
            ApiResults.Ok(await queries.ListAsync(view, status, partnerPartyId, limit, cursor, ct)))
        .WithSummary("Leads newest first: all you see, view=inbox (routed to you) or view=book (yours); status (or 'open') and partnerPartyId filter")
        .Produces<Page<LeadDto>>().ProducesValidationProblem();

        leads.MapGet("/pipeline", async (LeadQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.PipelineAsync(ct)))
        .WithSummary("Your pipeline across partners: leads by status, open and won value per partner, and the queue")
        .Produces<PipelineDto>();

        leads.MapGet("/{id:guid}", async (Guid id, LeadQueries queries, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await queries.GetAsync(id, ct), l => l.Version))
        .WithSummary("One lead with its routing hops and status history").Produces<LeadDto>().ProducesProblem(404);

        leads.MapPost("/{id:guid}/accept", async (Guid id, Leads service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.AcceptAsync(id, ct), l => l.Version))
        .WithSummary("Accept a lead routed to you, before its deadline (acceptBy)").Produces<LeadDto>().ProducesProblem(404).ProducesProblem(422);

        leads.MapPost("/{id:guid}/decline", async (Guid id, DeclineRequest? request, Leads service, CancellationToken ct) =>
        {
            var result = await service.DeclineAsync(id, request?.Reason, ct);
            return result.IsOk ? Results.NoContent() : ApiResults.Problem(result);
        })
        .WithSummary("Decline a lead routed to you; it goes to the next best partner at once and you no longer see it")
        .Produces(204).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);

        leads.MapPost("/{id:guid}/assign", async (Guid id, AssignRequest request, Leads service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.AssignAsync(id, request.PartnerPartyId, ct), l => l.Version))
        .WithSummary("Offer a queued or unanswered lead of yours to a partner you choose").Produces<LeadDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);

        leads.MapPatch("/{id:guid}", async (Guid id, JsonObject patch, Leads service, HttpContext http, CancellationToken ct) =>
        {
            var status = patch["status"] is JsonValue s && s.TryGetValue<string>(out var text) ? text : null;
            decimal? value = patch["value"] is JsonValue v && v.TryGetValue<decimal>(out var number) ? number : null;
            var valueIsNumber = patch["value"] is null || value is not null;
            return ApiResults.Ok(http, await service.ProgressAsync(id, status, value, ApiResults.IfMatch(http), valueIsNumber, ct), l => l.Version);
        })
        .WithSummary("Report progress on a lead you hold: status contacted, qualified, won (with value) or lost (If-Match)")
        .Produces<LeadDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(422);
    }
}

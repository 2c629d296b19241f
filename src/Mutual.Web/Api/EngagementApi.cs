using Mutual.Core.Data;
using Mutual.Core.Engagement;
using Mutual.Web.Infrastructure;

namespace Mutual.Web.Api;

public static class EngagementApi
{
    public static void MapEngagementApi(this IEndpointRouteBuilder api)
    {
        var engagement = api.MapGroup("/engagement").WithTags("Engagement");

        engagement.MapGet("/attention", async (int? limit, string? cursor, EngagementService service, CancellationToken ct) =>
            ApiResults.Ok(await service.AttentionAsync(limit, cursor, ct)))
        .WithSummary("Relationships whose two-way dialogue is overdue under their tier, the longest overdue first, with the reason")
        .Produces<Page<AttentionItem>>();

        engagement.MapGet("/tiers", async (EngagementService service, CancellationToken ct) => TypedResults.Ok(await service.TiersAsync(ct)))
        .WithSummary("Your book's engagement tiers and how often each must hear from you").Produces<IReadOnlyList<TierDto>>();

        engagement.MapPut("/tiers/{name}", async (string name, SetTierRequest request, EngagementService service, CancellationToken ct) =>
            ApiResults.Ok(await service.SetTierAsync(name, request, ct)))
        .WithSummary("Create a tier or change its cadence (admins)").Produces<TierDto>().ProducesValidationProblem().ProducesProblem(422);

        engagement.MapGet("/health", async (HealthQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.SummaryAsync(5, ct)))
        .WithSummary("Health across your relationships by role (healthy, watch, at risk) and the biggest movers over 30 days")
        .Produces<HealthSummary>();

        api.MapGet("/parties/{id:guid}/engagement", async (Guid id, EngagementService service, CancellationToken ct) =>
            ApiResults.Ok(await service.GetAsync(id, ct)))
        .WithTags("Engagement").WithSummary("Your dialogue with a party: tier, last messages each way, when dialogue is due")
        .Produces<EngagementDto>().ProducesProblem(404);

        api.MapPut("/parties/{id:guid}/engagement", async (Guid id, AssignTierRequest request, EngagementService service, CancellationToken ct) =>
            ApiResults.Ok(await service.AssignAsync(id, request, ct)))
        .WithTags("Engagement").WithSummary("Put a party in one of your tiers (or null to take it out)")
        .Produces<EngagementDto>().ProducesValidationProblem().ProducesProblem(404);

        api.MapGet("/parties/{id:guid}/health", async (Guid id, HealthQueries queries, CancellationToken ct) =>
            ApiResults.Ok(await queries.ForPartyAsync(id, ct)))
        .WithTags("Engagement").WithSummary("The health (0–100) of your relationship with a party, its factors and 90-day trend")
        .Produces<HealthDto>().ProducesProblem(404);
    }
}

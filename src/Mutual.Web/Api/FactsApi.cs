using Mutual.Core.Data;
using Mutual.Core.Discovery;
using Mutual.Web.Infrastructure;

namespace Mutual.Web.Api;

public static class FactsApi
{
    public static void MapFactsApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/parties/{id:guid}/facts", async (Guid id, RecordFactRequest request, RecordFactHandler handler, HttpContext http, CancellationToken ct) =>
            ApiResults.Created(http, await handler.HandleAsync(id, request, ct), f => $"/api/v1/facts/{f.Id}", f => f.Version))
        .WithMetadata(new IdempotentAttribute()).WithTags("Discovery")
        .WithSummary("Record a fact about a party (key, value, source, shelf life; optionally shared with the party itself)")
        .Produces<FactDto>(201).ProducesValidationProblem().ProducesProblem(404);

        api.MapGet("/parties/{id:guid}/facts", async (Guid id, int? limit, string? cursor, FactQueries queries, CancellationToken ct) =>
            ApiResults.Ok(await queries.AboutPartyAsync(id, limit, cursor, ct)))
        .WithTags("Discovery").WithSummary("The facts about a party you may see, with freshness, confirmedAt and expiresAt")
        .Produces<Page<FactDto>>().ProducesProblem(404);

        var facts = api.MapGroup("/facts").WithTags("Discovery");

        facts.MapGet("/{id:guid}", async (Guid id, FactQueries queries, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await queries.GetAsync(id, ct), f => f.Version))
        .WithSummary("One fact").Produces<FactDto>().ProducesProblem(404);

        facts.MapPost("/{id:guid}/confirm", async (Guid id, ConfirmFactRequest? request, ConfirmFactHandler handler, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await handler.HandleAsync(id, request ?? new ConfirmFactRequest(null), ApiResults.IfMatch(http), ct), f => f.Version))
        .WithSummary("Confirm a fact (owner, or the subject when shared with it); a different value corrects it and keeps the old one in the history")
        .Produces<FactDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412);

        facts.MapGet("/{id:guid}/history", async (Guid id, int? limit, string? cursor, FactQueries queries, CancellationToken ct) =>
            ApiResults.Ok(await queries.HistoryAsync(id, limit, cursor, ct)))
        .WithSummary("A fact's values and confirmations, oldest first").Produces<Page<FactRevisionDto>>().ProducesProblem(404);

        facts.MapDelete("/{id:guid}", async (Guid id, DeleteFactHandler handler, HttpContext http, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(id, ApiResults.IfMatch(http), ct);
            return result.IsOk ? Results.NoContent() : ApiResults.Problem(result);
        })
        .WithSummary("Withdraw a fact you recorded").Produces(204).ProducesProblem(404).ProducesProblem(412);

        var discovery = api.MapGroup("/discovery").WithTags("Discovery");

        discovery.MapGet("/stale", async (int? limit, string? cursor, FactQueries queries, CancellationToken ct) =>
            ApiResults.Ok(await queries.StaleAsync(limit, cursor, ct)))
        .WithSummary("Your stale facts, the longest expired first: what to re-discover").Produces<Page<FactDto>>();

        discovery.MapGet("/shared-with-me", async (int? limit, string? cursor, FactQueries queries, CancellationToken ct) =>
            ApiResults.Ok(await queries.SharedWithMeAsync(limit, cursor, ct)))
        .WithSummary("What others know about you: facts shared with your party, to confirm or correct").Produces<Page<FactDto>>();

        discovery.MapGet("/shelf-lives", async (ShelfLives shelfLives, CancellationToken ct) => TypedResults.Ok(await shelfLives.ListAsync(ct)))
        .WithSummary("Shelf lives in effect for your book: your rules, then the built-in defaults").Produces<IReadOnlyList<ShelfLifeDto>>();

        discovery.MapPut("/shelf-lives/{pattern}", async (string pattern, SetShelfLifeRequest request, ShelfLives shelfLives, CancellationToken ct) =>
            ApiResults.Ok(await shelfLives.SetAsync(pattern, request, ct)))
        .WithSummary("Set the shelf life of a key or key prefix ('need.*') for your book (admins)")
        .Produces<ShelfLifeDto>().ProducesValidationProblem().ProducesProblem(422);

        discovery.MapDelete("/shelf-lives/{pattern}", async (string pattern, ShelfLives shelfLives, CancellationToken ct) =>
        {
            var result = await shelfLives.RemoveAsync(pattern, ct);
            return result.IsOk ? Results.NoContent() : ApiResults.Problem(result);
        })
        .WithSummary("Remove a shelf-life rule; the default applies again (admins)").Produces(204).ProducesProblem(404).ProducesProblem(422);
    }
}

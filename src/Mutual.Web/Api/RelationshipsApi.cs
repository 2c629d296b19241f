using Mutual.Core.Relationships;
using Mutual.Web.Infrastructure;

namespace Mutual.Web.Api;

public static class RelationshipsApi
{
    public static void MapRelationshipsApi(this IEndpointRouteBuilder api)
    {
        var relationships = api.MapGroup("/relationships").WithTags("Relationships");

        relationships.MapPost("/", async (CreateRelationshipRequest request, CreateRelationshipHandler handler, HttpContext http, CancellationToken ct) =>
            ApiResults.Created(http, await handler.HandleAsync(request, ct), r => $"/api/v1/relationships/{r.Id}", r => r.Version))
        .WithMetadata(new IdempotentAttribute())
        .WithSummary("Record a relationship: fromPartyId {kind} toPartyId, e.g. Ana works-for Globex")
        .Produces<RelationshipDto>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        relationships.MapGet("/kinds", () => TypedResults.Ok(RelationshipKinds.All))
        .WithSummary("The relationship kinds and how each reads from both ends");

        relationships.MapGet("/{id:guid}", async (Guid id, RelationshipQueries queries, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await queries.GetAsync(id, ct), r => r.Version))
        .WithSummary("One relationship").Produces<RelationshipDto>().ProducesProblem(404);

        relationships.MapPost("/{id:guid}/end", async (Guid id, EndRelationshipRequest? request, EndRelationshipHandler handler, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await handler.HandleAsync(id, request ?? new EndRelationshipRequest(null), ApiResults.IfMatch(http), ct), r => r.Version))
        .WithSummary("End a relationship (it stays on record with its dates)")
        .Produces<RelationshipDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(422);
    }
}

using Mutual.Core.Channel;
using Mutual.Core.Data;
using Mutual.Web.Infrastructure;

namespace Mutual.Web.Api;

public static class PartnersApi
{
    public static void MapPartnersApi(this IEndpointRouteBuilder api)
    {
        var partners = api.MapGroup("/partners").WithTags("Channel");

        partners.MapGet("/", async (int? limit, string? cursor, PartnerProfiles profiles, CancellationToken ct) =>
            ApiResults.Ok(await profiles.ListAsync(limit, cursor, ct)))
        .WithSummary("Your partners' profiles, each with its computed track record and capacity left")
        .Produces<Page<PartnerProfileDto>>().ProducesValidationProblem();

        partners.MapGet("/{partyId:guid}/profile", async (Guid partyId, PartnerProfiles profiles, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await profiles.GetAsync(partyId, ct), p => p.Version))
        .WithSummary("One partner's profile: certifications, territories, capacity and track record")
        .Produces<PartnerProfileDto>().ProducesProblem(404);

        partners.MapPut("/{partyId:guid}/profile", async (Guid partyId, PartnerProfileRequest request, PartnerProfiles profiles, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await profiles.PutAsync(partyId, request, ApiResults.IfMatch(http), ct), p => p.Version))
        .WithSummary("Create or replace a partner's profile (certifications as names or { name, expiresAt }; territories as ISO codes; capacity)")
        .Produces<PartnerProfileDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412);

        partners.MapDelete("/{partyId:guid}/profile", async (Guid partyId, PartnerProfiles profiles, CancellationToken ct) =>
        {
            var result = await profiles.DeleteAsync(partyId, ct);
            return result.IsOk ? Results.NoContent() : ApiResults.Problem(result);
        })
        .WithSummary("Stop routing to a partner (its leads and track record stay)").Produces(204).ProducesProblem(404);

        var rules = api.MapGroup("/routing-rules").WithTags("Channel");

        rules.MapGet("/", async (RoutingRules service, CancellationToken ct) => TypedResults.Ok(new { items = await service.ListAsync(ct) }))
        .WithSummary("Your routing rules in the order they are tried (the first that matches a lead applies)");

        rules.MapGet("/{id:guid}", async (Guid id, RoutingRules service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.GetAsync(id, ct), r => r.Version))
        .WithSummary("One routing rule").Produces<RoutingRuleDto>().ProducesProblem(404);

        rules.MapPost("/", async (RoutingRuleRequest request, RoutingRules service, HttpContext http, CancellationToken ct) =>
            ApiResults.Created(http, await service.CreateAsync(request, ct), r => $"/api/v1/routing-rules/{r.Id}", r => r.Version))
        .WithMetadata(new IdempotentAttribute())
        .WithSummary("Add a routing rule (admins): countries, minimum value, required certification, hours to accept, whether capacity counts")
        .Produces<RoutingRuleDto>(201).ProducesValidationProblem().ProducesProblem(422);

        rules.MapPatch("/{id:guid}", async (Guid id, RoutingRuleRequest request, RoutingRules service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.UpdateAsync(id, request, ApiResults.IfMatch(http), ct), r => r.Version))
        .WithSummary("Change a rule or move it (position); minValue 0 and requiredCertification \"\" clear them (admins; If-Match)")
        .Produces<RoutingRuleDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(422);

        rules.MapDelete("/{id:guid}", async (Guid id, RoutingRules service, HttpContext http, CancellationToken ct) =>
        {
            var result = await service.DeleteAsync(id, ApiResults.IfMatch(http), ct);
            return result.IsOk ? Results.NoContent() : ApiResults.Problem(result);
        })
        .WithSummary("Remove a routing rule (admins; If-Match)").Produces(204).ProducesProblem(404).ProducesProblem(412).ProducesProblem(422);
    }
}

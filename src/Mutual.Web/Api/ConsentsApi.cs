using Mutual.Core.Consent;
using Mutual.Core.Data;
using Mutual.Web.Infrastructure;

namespace Mutual.Web.Api;

/// <summary>Consents with terms, the profile reads they allow, and the individual's log of those reads.</summary>
public static class ConsentsApi
{
    public static void MapConsentsApi(this IEndpointRouteBuilder api)
    {
        var consents = api.MapGroup("/consents").WithTags("Consents");

        consents.MapGet("/terms", () => TypedResults.Ok(new { items = ConsentTerms.Roster }))
        .WithSummary("The standard agreements (IEEE 7012 style) an individual may proffer with a consent, by stable id");

        consents.MapPost("/", async (GrantConsentRequest request, Consents service, HttpContext http, CancellationToken ct) =>
            ApiResults.Created(http, await service.GrantAsync(request, ct), c => $"/api/v1/consents/{c.Id}", c => c.Version))
        .WithMetadata(new IdempotentAttribute())
        .WithSummary("Grant an organization scopes of your profile for a purpose (individuals); with terms it is live once the organization accepts them")
        .Produces<ConsentDto>(201).ProducesValidationProblem().ProducesProblem(422);

        consents.MapGet("/", async (string? status, int? limit, string? cursor, Consents service, CancellationToken ct) =>
            ApiResults.Ok(await service.ListAsync(status, limit, cursor, ct)))
        .WithSummary("Your consents, newest first: an individual's grants, or those granted to your organization (status filters)")
        .Produces<Page<ConsentDto>>().ProducesValidationProblem();

        consents.MapGet("/{id:guid}", async (Guid id, Consents service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.GetAsync(id, ct), c => c.Version))
        .WithSummary("One consent with its signed-off terms record (grantor and grantee only)")
        .Produces<ConsentDto>().ProducesProblem(404);

        consents.MapDelete("/{id:guid}", async (Guid id, Consents service, HttpContext http, CancellationToken ct) =>
        {
            var result = await service.RevokeAsync(id, ApiResults.IfMatch(http), ct);
            return result.IsOk ? Results.NoContent() : ApiResults.Problem(result);
        })
        .WithSummary("Revoke a consent at once (the grantor); the record stays, with status revoked")
        .Produces(204).ProducesProblem(404).ProducesProblem(412).ProducesProblem(422);

        consents.MapPost("/{id:guid}/accept", async (Guid id, Consents service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.AcceptAsync(id, ApiResults.IfMatch(http), ct), c => c.Version))
        .WithSummary("Accept the proffered terms (the grantee organization); the consent becomes live")
        .Produces<ConsentDto>().ProducesProblem(404).ProducesProblem(412).ProducesProblem(422);

        consents.MapPost("/{id:guid}/decline", async (Guid id, DeclineConsentRequest? request, Consents service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.DeclineAsync(id, request ?? new DeclineConsentRequest(null), ApiResults.IfMatch(http), ct), c => c.Version))
        .WithSummary("Decline the proffered terms (the grantee organization; optional reason); no data ever flows under this consent")
        .Produces<ConsentDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(422);

        api.MapGet("/parties/{id:guid}/profile", async (Guid id, SharedProfiles profiles, CancellationToken ct) =>
            ApiResults.Ok(await profiles.ReadAsync(id, ct)))
        .WithTags("Consents")
        .WithSummary("What your organization may see of an individual: the fields of the scopes of its live consents; 404 with none. Each read is logged for the individual")
        .Produces<SharedProfileDto>().ProducesProblem(404);

        api.MapGet("/me/access-log", async (int? limit, string? cursor, SharedProfiles profiles, CancellationToken ct) =>
            ApiResults.Ok(await profiles.LogAsync(limit, cursor, ct)))
        .WithTags("Consents")
        .WithSummary("Who read your shared profile, newest first: organization, its person, scopes, consents, when")
        .Produces<Page<AccessLogEntryDto>>().ProducesValidationProblem();
    }
}

using Mutual.Core.ApiKeys;
using Mutual.Core.Data;
using Mutual.Web.Infrastructure;

namespace Mutual.Web.Api;

public static class ApiKeysApi
{
    /// <summary>Keys are managed by people only: the area "api-keys" is not grantable, so a key cannot mint or revoke keys.</summary>
    public const string Area = "api-keys";

    public static void MapApiKeysApi(this IEndpointRouteBuilder api)
    {
        var keys = api.MapGroup("/api-keys").WithTags("API keys").RequireArea(Area);

        keys.MapPost("/", async (CreateApiKeyRequest request, ApiKeyService service, HttpContext http, CancellationToken ct) =>
            ApiResults.Created(http, await service.CreateAsync(request, ct), k => $"/api/v1/api-keys/{k.Id}"))
        // Not idempotent on purpose: a stored replay would keep the plain secret beside its hash for a day.
        .WithSummary("Create a key for another system (name, scopes such as parties:read, optional expiresAt); the key is shown only now")
        .Produces<ApiKeyDto>(201).ProducesValidationProblem();

        keys.MapGet("/", async (int? limit, string? cursor, ApiKeyService service, CancellationToken ct) =>
            ApiResults.Ok(await service.ListAsync(limit, cursor, ct)))
        .WithSummary("Your organization's keys, newest first, without the keys themselves").Produces<Page<ApiKeyDto>>().ProducesValidationProblem();

        keys.MapGet("/scopes", () => TypedResults.Ok(ApiScopes.All))
        .WithSummary("The scopes a key can hold").Produces<IReadOnlyList<string>>();

        keys.MapGet("/{id:guid}", async (Guid id, ApiKeyService service, CancellationToken ct) => ApiResults.Ok(await service.GetAsync(id, ct)))
        .WithSummary("One key, without the key itself").Produces<ApiKeyDto>().ProducesProblem(404);

        keys.MapDelete("/{id:guid}", async (Guid id, ApiKeyService service, CancellationToken ct) =>
        {
            var result = await service.RevokeAsync(id, ct);
            return result.IsOk ? Results.NoContent() : ApiResults.Problem(result);
        })
        .WithSummary("Revoke a key at once").Produces(204).ProducesProblem(404);
    }
}

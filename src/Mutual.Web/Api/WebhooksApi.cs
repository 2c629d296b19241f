using System.Text.Json;
using System.Text.Json.Nodes;
using Mutual.Core.Data;
using Mutual.Core.Events;
using Mutual.Core.Webhooks;
using Mutual.Web.Infrastructure;

namespace Mutual.Web.Api;

public static class WebhooksApi
{
    public static void MapWebhooksApi(this IEndpointRouteBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks");

        webhooks.MapPost("/", async (CreateWebhookRequest request, WebhookService service, HttpContext http, CancellationToken ct) =>
            ApiResults.Created(http, await service.CreateAsync(request, ct), w => $"/api/v1/webhooks/{w.Id}", w => w.Version))
        // Not idempotent on purpose: a stored replay would keep the plain secret beside its hash for a day.
        .WithSummary("Register an endpoint for event types (or \"*\"); the answer carries the signing secret, shown only now")
        .Produces<WebhookDto>(201).ProducesValidationProblem();

        webhooks.MapGet("/", async (int? limit, string? cursor, WebhookService service, CancellationToken ct) =>
            ApiResults.Ok(await service.ListAsync(limit, cursor, ct)))
        .WithSummary("Your organization's endpoints").Produces<Page<WebhookDto>>().ProducesValidationProblem();

        webhooks.MapGet("/event-types", () => TypedResults.Ok(EventTypes.Known))
        .WithSummary("The event types an endpoint can subscribe to").Produces<IReadOnlyList<string>>();

        webhooks.MapGet("/{id:guid}", async (Guid id, WebhookService service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.GetAsync(id, ct), w => w.Version))
        .WithSummary("One endpoint (without its secret)").Produces<WebhookDto>().ProducesProblem(404);

        webhooks.MapPatch("/{id:guid}", async (Guid id, JsonObject patch, WebhookService service, HttpContext http, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var url = Read(patch, "url", JsonValueKind.String, errors, n => n.GetValue<string>());
            var enabled = Read(patch, "enabled", JsonValueKind.True, errors, n => n.GetValue<bool>());
            var events = Read(patch, "events", JsonValueKind.Array, errors, n => n.AsArray().Select(e => e is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null).ToList());
            if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
            return ApiResults.Ok(http, await service.UpdateAsync(id, url, events, enabled, ApiResults.IfMatch(http), ct), w => w.Version);
        })
        .WithSummary("Change url, events or enabled (merge patch; If-Match). Enabling resumes pending deliveries")
        .Produces<WebhookDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412);

        webhooks.MapDelete("/{id:guid}", async (Guid id, WebhookService service, HttpContext http, CancellationToken ct) =>
        {
            var result = await service.DeleteAsync(id, ApiResults.IfMatch(http), ct);
            return result.IsOk ? Results.NoContent() : ApiResults.Problem(result);
        })
        .WithSummary("Remove an endpoint and its delivery log").Produces(204).ProducesProblem(404).ProducesProblem(412);

        webhooks.MapPost("/{id:guid}/rotate-secret", async (Guid id, WebhookService service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.RotateSecretAsync(id, ct), w => w.Version))
        .WithSummary("A new signing secret, shown only now; for 24 hours deliveries carry signatures by both the old and the new one")
        .Produces<WebhookDto>().ProducesProblem(404);

        webhooks.MapGet("/{id:guid}/deliveries", async (Guid id, string? state, int? limit, string? cursor, WebhookService service, CancellationToken ct) =>
            ApiResults.Ok(await service.DeliveriesAsync(id, state, limit, cursor, ct)))
        .WithSummary("The delivery log, newest first (state: pending, delivered, failed)")
        .Produces<Page<WebhookDeliveryDto>>().ProducesValidationProblem().ProducesProblem(404);

        webhooks.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", async (Guid id, Guid deliveryId, WebhookService service, CancellationToken ct) =>
            ApiResults.Ok(await service.RedeliverAsync(id, deliveryId, ct)))
        .WithSummary("Send a delivery again now, with a fresh retry schedule")
        .Produces<WebhookDeliveryDto>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
    }

    /// <summary>A merge-patch field: absent is null; present with the wrong JSON type is a field error.</summary>
    private static T? Read<T>(JsonObject patch, string name, JsonValueKind kind, Dictionary<string, string[]> errors, Func<JsonNode, T> read)
    {
        if (!patch.TryGetPropertyValue(name, out var node)) return default;
        var actual = node?.GetValueKind();
        var fits = kind == JsonValueKind.True ? actual is JsonValueKind.True or JsonValueKind.False : actual == kind;
        if (fits) return read(node!);
        errors[name] = [kind switch
        {
            JsonValueKind.String => $"'{name}' must be a string.",
            JsonValueKind.True => $"'{name}' must be true or false.",
            _ => $"'{name}' must be an array of strings.",
        }];
        return default;
    }
}

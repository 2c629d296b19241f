using Mutual.Core.Data;
using Mutual.Core.Intents;
using Mutual.Web.Infrastructure;

namespace Mutual.Web.Api;

/// <summary>Intentcasting: individuals publish what they want, matching vendors answer with offers, the individual accepts one.</summary>
public static class IntentsApi
{
    public static void MapIntentsApi(this IEndpointRouteBuilder api)
    {
        var intents = api.MapGroup("/intents").WithTags("Intents");

        intents.MapPost("/", async (PublishIntentRequest request, Intents service, HttpContext http, CancellationToken ct) =>
            ApiResults.Created(http, await service.PublishAsync(request, ct), i => $"/api/v1/intents/{i.Id}", i => i.Version))
        .WithMetadata(new IdempotentAttribute())
        .WithSummary("Publish an intent (individuals): title, category slug, budget and currency, location (ISO 3166), neededBy, terms, scopes for the vendor you accept, expiresAt (default 30 days, at most 90)")
        .Produces<IntentDto>(201).ProducesValidationProblem().ProducesProblem(422);

        intents.MapGet("/", async (string? status, bool? offered, int? limit, string? cursor, Intents service, CancellationToken ct) =>
            ApiResults.Ok(await service.ListAsync(status, offered ?? false, limit, cursor, ct)))
        .WithSummary("Newest first: an individual's own intents (status filters); for a vendor the open intents matching its vendor profile, pseudonymous, or with offered=true those it offered on")
        .Produces<Page<IntentDto>>().ProducesValidationProblem();

        intents.MapGet("/{id:guid}", async (Guid id, Intents service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.GetAsync(id, ct), i => i.Version))
        .WithSummary("One intent: the owner sees everything; a vendor sees the buyer's pseudonym (the owner only after reveal or acceptance) and its own offer")
        .Produces<IntentDto>().ProducesProblem(404);

        intents.MapPost("/{id:guid}/withdraw", async (Guid id, Intents service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.WithdrawAsync(id, ApiResults.IfMatch(http), ct), i => i.Version))
        .WithSummary("Withdraw an open intent (the owner; If-Match); pending offers are declined politely")
        .Produces<IntentDto>().ProducesProblem(404).ProducesProblem(412).ProducesProblem(422);

        intents.MapPost("/{id:guid}/reveal", async (Guid id, Intents service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.RevealAsync(id, ApiResults.IfMatch(http), ct), i => i.Version))
        .WithSummary("Show your name and party id to the vendors that offered on your intent (the owner; If-Match)")
        .Produces<IntentDto>().ProducesProblem(404).ProducesProblem(412).ProducesProblem(422);

        intents.MapGet("/{id:guid}/offers", async (Guid id, int? limit, string? cursor, Offers service, CancellationToken ct) =>
            ApiResults.Ok(await service.ListAsync(id, limit, cursor, ct)))
        .WithSummary("Offers on an intent, oldest first: the owner reads all of them, a vendor only its own")
        .Produces<Page<OfferDto>>().ProducesValidationProblem().ProducesProblem(404);

        intents.MapPost("/{id:guid}/offers", async (Guid id, MakeOfferRequest request, Offers service, HttpContext http, CancellationToken ct) =>
            ApiResults.Created(http, await service.MakeAsync(id, request, ct), o => $"/api/v1/intents/{id}/offers/{o.Id}", o => o.Version))
        .WithMetadata(new IdempotentAttribute())
        .WithSummary("Offer on an open intent that matches your vendor profile: summary, price and currency (the intent's if omitted); one pending offer per vendor")
        .Produces<OfferDto>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        intents.MapPost("/{id:guid}/offers/{offerId:guid}/accept", async (Guid id, Guid offerId, AcceptOffer service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.AcceptAsync(id, offerId, ApiResults.IfMatch(http), ct), i => i.Version))
        .WithSummary("Accept an offer (the owner; If-Match on the intent): other offers are declined, and a customer-of relationship, a conversation and a consent under the intent's terms are created")
        .Produces<IntentDto>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(422);

        intents.MapPost("/{id:guid}/offers/{offerId:guid}/withdraw", async (Guid id, Guid offerId, Offers service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.WithdrawAsync(id, offerId, ApiResults.IfMatch(http), ct), o => o.Version))
        .WithSummary("Withdraw your pending offer (the vendor that made it; If-Match on the offer)")
        .Produces<OfferDto>().ProducesProblem(404).ProducesProblem(412).ProducesProblem(422);
    }
}

using Mutual.Core.Commerce;
using Mutual.Core.Data;
using Mutual.Web.Infrastructure;

namespace Mutual.Web.Api;

public static class CartsApi
{
    public static void MapCartsApi(this IEndpointRouteBuilder api)
    {
        var carts = api.MapGroup("/carts").WithTags("Commerce");

        carts.MapPost("/", async (CreateCartRequest request, CartService service, HttpContext http, CancellationToken ct) =>
            ApiResults.Created(http, await service.CreateAsync(request, ct), c => $"/api/v1/carts/{c.Id}", c => c.Version))
        .WithMetadata(new IdempotentAttribute())
        .WithSummary("Open a cart with a seller for delivery to a country (and optional ISO 3166-2 region); one open cart per seller (409)")
        .Produces<CartDto>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        carts.MapGet("/", async (string? status, int? limit, string? cursor, CartService service, CancellationToken ct) =>
            ApiResults.Ok(await service.ListAsync(status, limit, cursor, ct)))
        .WithSummary("Your carts, newest first (status=open|checked_out)").Produces<Page<CartDto>>().ProducesValidationProblem();

        carts.MapGet("/{id:guid}", async (Guid id, CartService service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.GetAsync(id, ct), c => c.Version))
        .WithSummary("One of your carts, priced for its delivery country: unit prices, line totals, total").Produces<CartDto>().ProducesProblem(404);

        carts.MapPatch("/{id:guid}", async (Guid id, UpdateCartRequest request, CartService service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.UpdatePlaceAsync(id, request, ApiResults.IfMatch(http), ct), c => c.Version))
        .WithSummary("Move the delivery place (country, region); re-prices the cart (If-Match)")
        .Produces<CartDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(422);

        carts.MapPut("/{id:guid}/lines/{productId:guid}", async (Guid id, Guid productId, SetCartLineRequest request, CartService service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.SetLineAsync(id, productId, request, ApiResults.IfMatch(http), ct), c => c.Version))
        .WithSummary("Add a product or set its quantity (1–10,000); answers the cart (If-Match on the cart's ETag)")
        .Produces<CartDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(422);

        carts.MapDelete("/{id:guid}/lines/{productId:guid}", async (Guid id, Guid productId, CartService service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.RemoveLineAsync(id, productId, ApiResults.IfMatch(http), ct), c => c.Version))
        .WithSummary("Remove a product from the cart; answers the cart (If-Match)")
        .Produces<CartDto>().ProducesProblem(404).ProducesProblem(412).ProducesProblem(422);

        carts.MapGet("/{id:guid}/partners", async (Guid id, Checkout service, CancellationToken ct) =>
            ApiResults.Ok(await service.PartnersAsync(id, ct)))
        .WithSummary("The seller's partners that can fulfil this cart (serve the delivery place, have capacity, price every product), best first, with their price")
        .Produces<List<PartnerOptionDto>>().ProducesProblem(404).ProducesProblem(422);

        carts.MapPost("/{id:guid}/checkout", async (Guid id, CheckoutRequest? request, Checkout service, HttpContext http, CancellationToken ct) =>
            ApiResults.Created(http, await service.CheckoutAsync(id, request ?? new CheckoutRequest(null), ApiResults.IfMatch(http), ct),
                o => $"/api/v1/orders/{o.Id}", o => o.Version))
        .WithMetadata(new IdempotentAttribute())
        .WithSummary("Check out: hand the cart to the partnerPartyId you chose among the qualified ones, or to the best one "
            + "(lowest price, most capacity left, longest since its last hand-off, id). Creates the order, closes the cart, emits cart.handed_off.")
        .Produces<OrderDto>(201).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412).ProducesProblem(422);
    }
}

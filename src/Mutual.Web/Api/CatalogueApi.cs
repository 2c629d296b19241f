using Mutual.Core.Commerce;
using Mutual.Core.Data;
using Mutual.Web.Infrastructure;

namespace Mutual.Web.Api;

public static class CatalogueApi
{
    public static void MapCatalogueApi(this IEndpointRouteBuilder api)
    {
        var products = api.MapGroup("/catalogue/products").WithTags("Commerce");

        products.MapPost("/", async (CreateProductRequest request, CatalogueService service, HttpContext http, CancellationToken ct) =>
            ApiResults.Created(http, await service.CreateAsync(request, ct), p => $"/api/v1/catalogue/products/{p.Id}", p => p.Version))
        .WithMetadata(new IdempotentAttribute())
        .WithSummary("Add a product to your catalogue (sku unique per seller; prices per ISO country or \"*\" default, ISO 4217 currency)")
        .Produces<ProductDto>(201).ProducesValidationProblem();

        products.MapGet("/", async (string? q, Guid? sellerPartyId, int? limit, string? cursor, CatalogueService service, CancellationToken ct) =>
            ApiResults.Ok(await service.ListAsync(q, sellerPartyId, limit, cursor, ct)))
        .WithSummary("The catalogue by name: every seller's active products and your own withdrawn ones; q searches name and sku")
        .Produces<Page<ProductDto>>().ProducesValidationProblem();

        products.MapGet("/{id:guid}", async (Guid id, CatalogueService service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.GetAsync(id, ct), p => p.Version))
        .WithSummary("One product (a withdrawn one only for its seller)").Produces<ProductDto>().ProducesProblem(404);

        products.MapPatch("/{id:guid}", async (Guid id, UpdateProductRequest request, CatalogueService service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.UpdateAsync(id, request, ApiResults.IfMatch(http), ct), p => p.Version))
        .WithSummary("Change your product (merge patch: sku, name, description, active; prices replaces the whole list; If-Match)")
        .Produces<ProductDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412);

        products.MapDelete("/{id:guid}", async (Guid id, CatalogueService service, HttpContext http, CancellationToken ct) =>
        {
            var outcome = await service.DeleteAsync(id, ApiResults.IfMatch(http), ct);
            return outcome.IsOk ? Results.NoContent() : ApiResults.Problem(outcome);
        })
        .WithSummary("Delete your product (open carts lose its line; orders keep their snapshot; If-Match)")
        .Produces(204).ProducesProblem(404).ProducesProblem(412);

        products.MapGet("/{id:guid}/partner-prices", async (Guid id, Guid? partnerPartyId, int? limit, string? cursor, PartnerPrices service, CancellationToken ct) =>
            ApiResults.Ok(await service.ListAsync(id, partnerPartyId, limit, cursor, ct)))
        .WithSummary("A product's partner prices: all of them for the seller, its own for a partner")
        .Produces<Page<PartnerPriceDto>>().ProducesValidationProblem().ProducesProblem(404);

        products.MapPut("/{id:guid}/partner-prices/{partnerPartyId:guid}", async (Guid id, Guid partnerPartyId, SetPartnerPricesRequest request, PartnerPrices service, CancellationToken ct) =>
            ApiResults.Ok(await service.SetAsync(id, partnerPartyId, request, ct)))
        .WithSummary("Set what one of your partners charges for your product, per region (replaces its list; [] removes it). "
            + "A product with partner prices is fulfilled only by partners that price it, at their price.")
        .Produces<Page<PartnerPriceDto>>().ProducesValidationProblem().ProducesProblem(404);
    }
}

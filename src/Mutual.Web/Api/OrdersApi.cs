using Mutual.Core.Commerce;
using Mutual.Core.Data;
using Mutual.Web.Infrastructure;

namespace Mutual.Web.Api;

public static class OrdersApi
{
    public static void MapOrdersApi(this IEndpointRouteBuilder api)
    {
        var orders = api.MapGroup("/orders").WithTags("Commerce");

        orders.MapGet("/", async (string? role, string? status, int? limit, string? cursor, OrderService service, CancellationToken ct) =>
            ApiResults.Ok(await service.ListAsync(role, status, limit, cursor, ct)))
        .WithSummary("Your orders, newest first: as customer, seller or fulfilling partner (role=customer|seller|partner), optionally by status")
        .Produces<Page<OrderDto>>().ProducesValidationProblem();

        orders.MapGet("/{id:guid}", async (Guid id, OrderService service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.GetAsync(id, ct), o => o.Version))
        .WithSummary("One order — the handed-off cart with lines, prices, delivery place, status and history (customer, seller and partner only)")
        .Produces<OrderDto>().ProducesProblem(404);

        orders.MapPatch("/{id:guid}", async (Guid id, UpdateOrderRequest request, OrderService service, HttpContext http, CancellationToken ct) =>
            ApiResults.Ok(http, await service.UpdateAsync(id, request, ApiResults.IfMatch(http), ct), o => o.Version))
        .WithSummary("Move the order forward: handed_off → confirmed → shipped → delivered (the partner), or cancelled before shipping "
            + "(partner or seller; the customer until confirmed). Optional note; If-Match; emits order.status_changed.")
        .Produces<OrderDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(412).ProducesProblem(422);
    }
}

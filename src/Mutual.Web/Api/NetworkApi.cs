using Mutual.Core.Network;
using Mutual.Web.Infrastructure;

namespace Mutual.Web.Api;

public static class NetworkApi
{
    /// <summary>How long a search waits for this node's first full load of the network before answering 503.</summary>
    public static readonly TimeSpan WarmWait = TimeSpan.FromSeconds(10);

    public static void MapNetworkApi(this IEndpointRouteBuilder api)
    {
        var parties = api.MapGroup("/parties").WithTags("Network");

        // to and maxHops are read as text so that a malformed value is a field error, not a bare 400.
        parties.MapGet("/{id:guid}/paths", async (Guid id, string? to, string? maxHops, PathSearch search, NetworkSync sync, CancellationToken ct) =>
        {
            if (!await sync.WaitWarmAsync(WarmWait, ct))
                return TypedResults.Problem("The network index of this node is still loading; try again shortly.", statusCode: 503,
                    title: "Service unavailable.", extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = 5 });
            return ApiResults.Ok(await search.HandleAsync(id, to, maxHops, ct));
        })
        .AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            if (result is Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult { StatusCode: 503 })
                context.HttpContext.Response.Headers.RetryAfter = "5";
            return result;
        })
        .WithSummary("Warm introductions: the shortest chains of relationships you may see from this party to another (to=, maxHops= 1–6, default 4), strongest first")
        .Produces<PathsDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(503);
    }
}

using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Mutual.Core.Network;
using Mutual.Web.Infrastructure;

namespace Mutual.Web.Api;

public static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (IDbContextFactory<MutualDbContext> factory, CancellationToken ct) =>
                await CanConnectAsync(factory, ct) ? Results.Ok(new { status = "ok" }) : Unavailable)
            .AllowAnonymous().WithTags("Operations").WithSummary("200 once the database is reachable (API.md); /health/ready says whether the node is in service");

        // What a load balancer should ask before sending a node traffic: besides the database, the node's network
        // index must be loaded (about a minute at a million parties; warm paths answer 503 until then) and the node
        // warmed up on itself (NodeWarmUp, a second or two). API.md fixes /health as "the database is reachable", so
        // this is a second probe rather than a stricter /health.
        app.MapGet("/health/ready", async (IDbContextFactory<MutualDbContext> factory, NetworkIndex index, NetworkSync sync, NodeWarmUp warmUp, CancellationToken ct) =>
            {
                if (!await CanConnectAsync(factory, ct)) return Unavailable;
                if (!index.IsWarm)
                {
                    // A load that failed (the database was down at start) is started again here: a node kept out of
                    // service gets no searches, which would otherwise be what retries it.
                    _ = sync.WarmAsync();
                    return Starting("The network index is still loading.");
                }
                if (warmUp.IsDone) return Results.Ok(new { status = "ok" });
                warmUp.Start(); // after a load this probe retried, nothing else starts it
                return Starting("The node is warming up: running its hot requests once before it takes traffic.");
            })
            .AllowAnonymous().WithTags("Operations")
            .WithSummary("In service: 200 once the database is reachable, this node's network index is loaded and the node has warmed up; 503 before");

        // The process answers at all: what an orchestrator's liveness probe asks, without touching the database.
        // The benchmarks also use it as the framework's own ceiling on this machine.
        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "ok" }))
            .AllowAnonymous().WithTags("Operations").WithSummary("Liveness: 200 while the process serves requests; no database access");
    }

    private static IResult Starting(string detail) => Results.Json(new { status = "starting", detail }, statusCode: 503);

    private static readonly IResult Unavailable = Results.Json(new { status = "unavailable" }, statusCode: 503);

    private static async Task<bool> CanConnectAsync(IDbContextFactory<MutualDbContext> factory, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Database.CanConnectAsync(ct);
    }
}

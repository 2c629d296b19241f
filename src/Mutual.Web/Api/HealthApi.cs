using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Mutual.Core.Network;

namespace Mutual.Web.Api;

public static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (IDbContextFactory<MutualDbContext> factory, CancellationToken ct) =>
                await CanConnectAsync(factory, ct) ? Results.Ok(new { status = "ok" }) : Unavailable)
            .AllowAnonymous().WithTags("Operations").WithSummary("200 once the database is reachable (API.md); /health/ready says whether the node is in service");

        // What a load balancer should ask before sending a node traffic: besides the database, the node's network
        // index must be loaded (about a minute at a million parties; warm paths answer 503 until then). API.md fixes
        // /health as "the database is reachable", so this is a second probe rather than a stricter /health.
        app.MapGet("/health/ready", async (IDbContextFactory<MutualDbContext> factory, NetworkIndex index, NetworkSync sync, CancellationToken ct) =>
            {
                if (!await CanConnectAsync(factory, ct)) return Unavailable;
                if (index.IsWarm) return Results.Ok(new { status = "ok" });
                // A load that failed (the database was down at start) is started again here: a node kept out of
                // service gets no searches, which would otherwise be what retries it.
                _ = sync.WarmAsync();
                return Results.Json(new { status = "starting", detail = "The network index is still loading." }, statusCode: 503);
            })
            .AllowAnonymous().WithTags("Operations")
            .WithSummary("In service: 200 once the database is reachable and this node's network index is loaded; 503 before");

        // The process answers at all: what an orchestrator's liveness probe asks, without touching the database.
        // The benchmarks also use it as the framework's own ceiling on this machine.
        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "ok" }))
            .AllowAnonymous().WithTags("Operations").WithSummary("Liveness: 200 while the process serves requests; no database access");
    }

    private static readonly IResult Unavailable = Results.Json(new { status = "unavailable" }, statusCode: 503);

    private static async Task<bool> CanConnectAsync(IDbContextFactory<MutualDbContext> factory, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Database.CanConnectAsync(ct);
    }
}

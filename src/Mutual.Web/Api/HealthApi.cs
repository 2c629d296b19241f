using Mutual.Core.Data;

namespace Mutual.Web.Api;

public static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (Microsoft.EntityFrameworkCore.IDbContextFactory<MutualDbContext> factory, CancellationToken ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            return await db.Database.CanConnectAsync(ct)
                ? Results.Ok(new { status = "ok" })
                : Results.Json(new { status = "unavailable" }, statusCode: 503);
        })
        .AllowAnonymous().WithTags("Operations").WithSummary("Readiness: 200 once the database is reachable");

        // The process answers at all: what an orchestrator's liveness probe asks, without touching the database.
        // The benchmarks also use it as the framework's own ceiling on this machine.
        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "ok" }))
            .AllowAnonymous().WithTags("Operations").WithSummary("Liveness: 200 while the process serves requests; no database access");
    }
}

using Mutual.Core.Data;

namespace Mutual.Web.Api;

public static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (Microsoft.EntityFrameworkCore.IDbContextFactory<MutualDbContext> factory, CancellationToken ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            return await db.Database.CanConnectAsync(ct)
                ? Results.Ok(new { status = "ok" })
                : Results.Json(new { status = "unavailable" }, statusCode: 503);
        })
        .AllowAnonymous().WithTags("Operations").WithSummary("Liveness: 200 once the database is reachable");
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Data;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>
/// The data-protection key ring lives in the database: what one node protects (sign-in cookies, antiforgery tokens),
/// another node reads, and so does a node started after the first one stopped.
/// </summary>
public sealed class DataProtectionKeyTests
{
    [Fact]
    public async Task NodesShareOneKeyRingThatOutlivesThem()
    {
        await using var first = new MutualApp();
        await first.InitializeAsync();
        var secret = Protector(first).Protect("session of Hannah Host");

        string again;
        await using (var second = new AppNode(first.Database))
        {
            await second.InitializeAsync();
            Assert.Equal("session of Hannah Host", Protector(second).Unprotect(secret));
            again = Protector(second).Protect("issued by the second node");
        }
        Assert.Equal("issued by the second node", Protector(first).Unprotect(again));

        await using (var restarted = new AppNode(first.Database))
        {
            await restarted.InitializeAsync();
            Assert.Equal("session of Hannah Host", Protector(restarted).Unprotect(secret));
        }

        var factory = first.Services.GetRequiredService<IDbContextFactory<MutualDbContext>>();
        await using var db = await factory.CreateSystemAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync(TestContext.Current.CancellationToken));
        await using var anonymous = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await anonymous.DataProtectionKeys.CountAsync(TestContext.Current.CancellationToken)); // only the system reads keys
    }

    private static IDataProtector Protector(MutualApp app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Mutual.Tests.Session");
}

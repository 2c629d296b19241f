using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Mutual.Core.Cases;
using Mutual.Core.Engagement;

namespace Mutual.Browser.Tests.Support;

/// <summary>
/// A browser app of its own with a clock the tests move (days pass for cadences and shelf lives), as the API
/// tests' MutualApp does. It starts at the real time, so cookies and dates look ordinary; moving it forward
/// can outlive tokens and cookies, so a test signs in again after moving it. One class uses it, and a class's
/// tests run one after another, so no other test sees the clock jump.
/// </summary>
public sealed class ClockedBrowserApp : BrowserApp
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>Takes today's health snapshot, as the daily job would.</summary>
    public async Task SnapshotHealthAsync()
    {
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<HealthSnapshotJob>().RunAsync();
    }

    /// <summary>Flags the cases whose SLA targets passed, as the minute sweep would.</summary>
    public async Task SweepCasesAsync()
    {
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<CaseSlaSweep>().RunAsync();
    }
}

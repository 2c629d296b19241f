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
            services.AddSingleton<TimeProvider>(new UiTimersInRealTime(Clock));
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

/// <summary>
/// The app's clock for <see cref="ClockedBrowserApp"/>: the fake clock for "now" and for the app's own timers (a
/// countdown re-rendering every minute, a worker's tick of a second or more), so moving the clock fires them; real
/// time for sub-second timers. MudBlazor 9 takes its timers from the app's TimeProvider too, and its autocomplete's
/// debounce (100–300 ms) would otherwise wait for the fake clock to move: a search typed into a party picker then
/// only ran if the input's focus event happened to arrive after the text, which on a loaded machine it often did not.
/// </summary>
public sealed class UiTimersInRealTime(FakeTimeProvider clock) : TimeProvider
{
    private static readonly TimeSpan RealBelow = TimeSpan.FromSeconds(1);

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();
    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;
    public override long TimestampFrequency => clock.TimestampFrequency;
    public override long GetTimestamp() => clock.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        dueTime >= TimeSpan.Zero && dueTime < RealBelow && (period == Timeout.InfiniteTimeSpan || period < RealBelow)
            ? System.CreateTimer(callback, state, dueTime, period)
            : clock.CreateTimer(callback, state, dueTime, period);
}

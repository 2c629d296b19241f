using Microsoft.EntityFrameworkCore;
using Mutual.Core.Accounts;
using Mutual.Core.Data;

namespace Mutual.Core.Demo;

/// <summary>A demo account: every one signs in with <see cref="DemoNetwork.Password"/>.</summary>
public sealed record DemoAccount(string Email, string Name, string ActingFor, bool IsAdmin);

/// <summary>A demo case's public tracking link (<c>/track/{code}</c>), shown once because only the code's hash is stored.</summary>
public sealed record DemoTrack(string Title, string Path);

/// <summary>What loading the demo did, or why it did nothing.</summary>
public sealed record DemoResult(bool Loaded, string? Refusal, IReadOnlyList<DemoAccount> Accounts,
    int Parties, int Relationships, int Conversations, int Messages, int Cases = 0, DemoTrack? Track = null)
{
    public static DemoResult Refused(string reason) => new(false, reason, [], 0, 0, 0, 0);
}

/// <summary>
/// A realistic network around "Northwind Components" — staff, partners, a supplier, a competitor,
/// customers and individuals, with four months of two-way conversations — written through the same
/// handlers the API uses, each step as the actor who would take it, so the demo exercises the real rules.
/// </summary>
public static class DemoNetwork
{
    /// <summary>The password of every demo account; the demo is for laptops and trials, never production.</summary>
    public const string Password = "mutual-demo";

    public const string HostName = "Northwind Components";

    public const string AlreadySetUp = "The database already has accounts; the demo network loads only into an empty database.";

    public static async Task<DemoResult> LoadAsync(IDbContextFactory<MutualDbContext> factory, TimeProvider clock, AuthOptions auth, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(clock);
        if (await new AccountSetup(factory, clock, auth).IsSetUpAsync(ct)) return DemoResult.Refused(AlreadySetUp);

        // The handlers stamp records with the clock's "now"; a clock the loader moves through the past
        // spreads creation and activity times over the months the story covers.
        var demoClock = new DemoClock(clock.GetUtcNow());
        var loader = new DemoLoader(factory, demoClock, auth, ct);
        if (!await loader.LoadCastAsync()) return DemoResult.Refused(AlreadySetUp);
        await loader.AssignTiersAsync(110);
        await loader.RecordFactsAsync();
        // The story is played in time order with a weekly health snapshot in between, so trends are real.
        var nextSnapshot = demoClock.At(98, 23);
        foreach (var thread in DemoThreads.All.OrderByDescending(t => t.DaysAgo).ThenBy(t => t.Hour))
        {
            while (demoClock.At(thread.DaysAgo, thread.Hour) > nextSnapshot)
            {
                await loader.SnapshotAsync(nextSnapshot);
                nextSnapshot = nextSnapshot.AddDays(7);
            }
            await loader.PlayAsync(thread);
        }
        await loader.AddFollowUpsAsync();
        await loader.ChannelAsync();
        await loader.AddCatalogueAsync();
        await loader.OrdersAsync();
        await loader.CasesAsync();
        await loader.IndividualsAsync();
        await loader.IntentsAsync();
        await loader.SnapshotAsync(demoClock.RealNow);

        await using var db = await factory.CreateSystemAsync(ct);
        return new DemoResult(true, null, loader.Accounts,
            await db.Parties.CountAsync(ct), await db.Relationships.CountAsync(ct),
            await db.Conversations.CountAsync(ct), await db.Messages.CountAsync(ct), await db.Cases.CountAsync(ct), loader.Showcase);
    }
}

/// <summary>A clock the loader sets to chosen moments; it never runs by itself, so loading is repeatable.</summary>
internal sealed class DemoClock(DateTimeOffset realNow) : TimeProvider
{
    private readonly DateTime _today = realNow.UtcDateTime.Date;

    public DateTimeOffset RealNow { get; } = realNow;

    public DateTimeOffset Now { get; set; } = realNow;

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>A moment <paramref name="daysAgo"/> days before today at the given UTC time, never later than the real now.</summary>
    public DateTimeOffset At(int daysAgo, double hour = 9)
    {
        var at = new DateTimeOffset(_today.AddDays(-daysAgo).AddHours(hour), TimeSpan.Zero);
        return at < RealNow ? at : RealNow.AddMinutes(-1);
    }

    public DateTimeOffset Set(int daysAgo, double hour = 9) => Now = At(daysAgo, hour);
}

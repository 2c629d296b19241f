using Mutual.Core.Discovery;
using Mutual.Core.Engagement;

namespace Mutual.Core.Demo;

/// <summary>
/// The discipline side of the demo: engagement tiers for the host's key relationships, facts of every
/// freshness (some shared with their subject, one already corrected by it), follow-ups, and weekly
/// health snapshots taken while the story is played, so the trend and the movers are real.
/// </summary>
internal sealed partial class DemoLoader
{
    public async Task AssignTiersAsync(int daysAgo)
    {
        foreach (var (by, party, tier) in new[]
        {
            ("daniel", "globex", "strategic"), ("daniel", "initech", "key"), ("daniel", "umbrella", "key"),
            ("lukas", "baltic", "strategic"), ("lukas", "iberia", "key"), ("hannah", "steelworks", "key"),
            ("daniel", "tom", "standard"),
        })
        {
            clock.Set(daysAgo, 9);
            await using var db = await AsAsync(by);
            Check(await new EngagementService(db, clock).AssignAsync(_parties[party], new AssignTierRequest(tier), ct), $"tier {party}");
        }
    }

    public async Task RecordFactsAsync()
    {
        await FactAsync("daniel", "globex", "need.servo-drives", "40 SD-400 drives for Line 3", "quote Q-2291 call", 104);
        await FactAsync("daniel", "globex", "budget.line-3", "€52,000 approved", "call with Ana", 70);
        await FactAsync("daniel", "globex", "decision-maker.drives", "Ana Lima (procurement), Felix Braun signs off", "visit", 90);
        var billing = await FactAsync("daniel", "globex", "contact.billing-email", "invoices@globex.example", "import", 400, shared: true);
        await FactAsync("daniel", "initech", "need.retrofit", "Gearbox retrofit on two packaging lines", "call with Joanna", 120, shared: true);
        await FactAsync("daniel", "initech", "renewal.service-contract", "Renews 1 March", "contract", 200);
        await FactAsync("daniel", "umbrella", "preference.delivery", "Tuesday mornings, dock 2", "Marco by email", 30, shared: true);
        await FactAsync("lukas", "baltic", "contact.partner-manager", "Jonas Petrauskas", "partner agreement", 380);
        await FactAsync("hannah", "steelworks", "budget.price-increase", "+6% on gear blanks from Q1", "supplier letter", 40);
        await FactAsync("daniel", "tom", "preference.contact", "Email only, no calls before 10:00", "Tom himself", 60, shared: true);

        // Globex keeps Northwind's picture of it true: Ana corrected the billing address from her side.
        clock.Set(20, 11);
        await using var db = await AsAsync("ana");
        Check(await new ConfirmFactHandler(db, clock).HandleAsync(billing, new ConfirmFactRequest("ap-invoices@globex.example"), null, ct), "correct billing");
    }

    public async Task AddFollowUpsAsync()
    {
        clock.Now = clock.RealNow.AddHours(-2);
        foreach (var (by, party, title, dueInDays) in new[]
        {
            ("daniel", "globex", "Send Line 3 commissioning plan to Ana", 2),
            ("daniel", "umbrella", "Call Marco about the at-risk renewal", -3),
            ("lukas", "baltic", "Quarterly partner review with Jonas", 9),
            ("daniel", "initech", "Confirm retrofit scope with Joanna", 0),
        })
        {
            await using var db = await AsAsync(by);
            var due = clock.RealNow.UtcDateTime.Date.AddDays(dueInDays).AddHours(15);
            Check(await new TaskService(db, clock).CreateAsync(new CreateTaskRequest(title, due, _parties[party], null, null), ct), title);
        }
    }

    /// <summary>Records the day's health as of the clock's moment, like the nightly job would have.</summary>
    public Task SnapshotAsync(DateTimeOffset at)
    {
        clock.Now = at;
        return new HealthSnapshotJob(factory, clock).RunAsync(ct);
    }

    private async Task<Guid> FactAsync(string by, string about, string key, string value, string source, int learnedDaysAgo, bool shared = false)
    {
        var learned = clock.Set(learnedDaysAgo, 10);
        await using var db = await AsAsync(by);
        var request = new RecordFactRequest(key, value, source, learned.UtcDateTime, null, shared);
        return Check(await new RecordFactHandler(db, clock).HandleAsync(_parties[about], request, ct), key).Id;
    }
}

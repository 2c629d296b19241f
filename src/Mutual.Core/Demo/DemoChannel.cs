using Mutual.Core.Channel;
using Mutual.Core.Data;

namespace Mutual.Core.Demo;

/// <summary>
/// The channel side of the demo: profiles for the two partners, two routing rules, and a dozen leads played
/// through routing, acceptance and progress as the partners' own people, so the pipeline, the track records
/// and the partners' inboxes come from real history. One lead waits in the queue (Iberia declined it and
/// nobody else covers Spain) and one was offered to Baltic Automation a few hours ago and awaits its answer.
/// </summary>
internal sealed partial class DemoLoader
{
    private sealed record DemoLead(string Title, string Contact, string Country, string? Region, decimal Value, int DaysAgo,
        string? DeclineReason = null, string[]? Progress = null, decimal? WonValue = null, string? Certification = null);

    /// <summary>In creation order. Progress steps follow acceptance a few days apart; a lead without them stays accepted.</summary>
    private static readonly DemoLead[] ChannelLeads =
    [
        new("Conveyor retrofit, Kaunas plant", "Rasa Jankauskienė", "LT", null, 48_000, 96, Progress: ["contacted", "qualified", "won"], WonValue: 52_500),
        new("Packaging line drives, Sabadell", "Jordi Puig", "ES", "CT", 64_000, 90, Progress: ["contacted", "qualified", "won"], WonValue: 61_000),
        new("Servo drives for a bottling line", "Andris Ozols", "LV", null, 22_000, 84, Progress: ["contacted", "won"], WonValue: 21_500),
        new("Gearbox replacement, Tallinn port", "Kadri Tamm", "EE", null, 15_000, 77, Progress: ["contacted", "lost"]),
        new("Motor refurbishment, Porto", "Rui Almeida", "PT", null, 9_000, 70, Progress: ["lost"]),
        new("Pump drives, Lisbon water works", "Inês Costa", "PT", null, 14_000, 62, Progress: ["contacted", "qualified", "won"], WonValue: 14_000),
        new("Mill drives upgrade, Riga", "Jānis Bērziņš", "LV", null, 80_000, 45, Progress: ["contacted", "qualified"], Certification: "drives-service"),
        new("Warehouse conveyors, Valencia", "Lucía Martín", "ES", null, 35_000, 30, Progress: ["contacted"]),
        new("Press line drives, Zaragoza", "Pablo Ruiz", "ES", null, 120_000, 18, DeclineReason: "No engineers free for a project this size before the third quarter."),
        new("Drive retrofit, Helsinki harbour cranes", "Mikko Virtanen", "FI", null, 27_000, 12, Progress: ["contacted"]),
        new("Spare gearboxes, Vilnius", "Tomas Kazlauskas", "LT", null, 6_500, 5),
        new("Cold-store conveyors, Tartu", "Kristjan Kask", "EE", null, 18_000, 0),
    ];

    public async Task ChannelAsync()
    {
        clock.Set(110, 9);
        await ProfileAsync("baltic", ["LT", "LV", "EE", "FI"], 6, ("drives-service", 400), ("conveyor-specialist", -20));
        await ProfileAsync("iberia", ["ES", "PT"], 4, ("drives-service", 200));
        await RuleAsync("Large projects in Iberia", ["ES", "PT"], 50_000, "drives-service", 12);
        await RuleAsync("Baltics fast lane", ["LT", "LV", "EE"], null, null, 8);

        foreach (var lead in ChannelLeads)
        {
            // The newest lead arrives this morning, so its partner still has hours left to answer it.
            if (lead.DaysAgo == 0) clock.Now = clock.RealNow.AddHours(-3);
            else clock.Set(lead.DaysAgo, 9.5);
            LeadDto created;
            await using (var db = await AsAsync("lukas"))
            {
                var request = new CreateLeadRequest(lead.Title, lead.Contact, lead.Country, lead.Region, lead.Certification, lead.Value);
                created = Check(await LeadService(db).CreateAsync(request, LeadSources.Staff, ct), lead.Title);
            }
            if (lead.DaysAgo == 0) continue;
            var partner = created.AssignedPartnerPartyId == _parties["baltic"] ? "jonas" : "carmen";
            clock.Now = clock.Now.AddHours(lead.DaysAgo % 3 + 1.5);
            await using (var db = await AsAsync(partner))
            {
                if (lead.DeclineReason is not null)
                {
                    Check(await LeadService(db).DeclineAsync(created.Id, lead.DeclineReason, ct), "decline " + lead.Title);
                    continue;
                }
                Check(await LeadService(db).AcceptAsync(created.Id, ct), "accept " + lead.Title);
            }
            var step = 0;
            foreach (var status in lead.Progress ?? [])
            {
                clock.Now = clock.Now.AddDays(Math.Max(1, lead.DaysAgo / 8) + step++);
                await using var db = await AsAsync(partner);
                Check(await LeadService(db).ProgressAsync(created.Id, status, status == "won" ? lead.WonValue : null, null, ct: ct), $"{status} {lead.Title}");
            }
        }
    }

    private Leads LeadService(MutualDbContext db) => new(db, new LeadRouter(db, clock), new LeadQueries(db), clock);

    /// <summary>A certification's days to expiry; a negative number means it has already lapsed.</summary>
    private async Task ProfileAsync(string partner, string[] territories, int capacity, params (string Name, int ExpiresInDays)[] certifications)
    {
        await using var db = await AsAsync("lukas");
        var certs = certifications.Select(c => (CertificationInput?)new CertificationInput(c.Name, clock.RealNow.UtcDateTime.Date.AddDays(c.ExpiresInDays))).ToList();
        var request = new PartnerProfileRequest(certs, [.. territories], capacity);
        Check(await new PartnerProfiles(db, clock).PutAsync(_parties[partner], request, null, ct), "profile " + partner);
    }

    private async Task RuleAsync(string name, string[] countries, decimal? minValue, string? certification, int hours)
    {
        await using var db = await AsAsync("hannah"); // routing rules are for administrators
        var request = new RoutingRuleRequest(name, null, true, [.. countries], minValue, certification, hours, true);
        Check(await new RoutingRules(db, clock).CreateAsync(request, ct), "rule " + name);
    }
}

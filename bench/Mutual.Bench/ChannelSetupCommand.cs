using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Accounts;
using Mutual.Core.Channel;
using Mutual.Core.Parties;

namespace Mutual.Bench;

/// <summary>
/// Gives a tenant what lead routing needs, which the synthetic network lacks: partner profiles (territories,
/// certifications, capacity) for organizations it already knows, and a few routing rules. Goes through the
/// product's own services, so everything is validated as over the API. Then writes lead bodies for wrk
/// (one JSON per line) that exercise every rule and the default.
/// </summary>
internal static class ChannelSetupCommand
{
    // A dozen markets, some by subdivision, so territory matching does real work; DACH and North America have rules.
    private static readonly string[] Countries = ["DE", "AT", "CH", "FR", "GB", "NL", "ES", "IT", "SE", "PL", "US", "CA", "JP", "BR"];
    private static readonly string[] UsStates = ["CA", "NY", "TX", "WA", "IL"];
    private static readonly string[] Certifications = ["cloud", "security", "networking", "data", "ai"];

    public static Command Create()
    {
        var email = new Option<string>("--email") { Required = true, Description = "The administrator whose organization routes the leads" };
        var partners = new Option<int>("--partners") { DefaultValueFactory = _ => 200, Description = "How many partner profiles" };
        var outDir = new Option<string>("--out") { Required = true, Description = "Folder for leads.txt (paths) and leads.json (bodies)" };
        var count = new Option<int>("--count") { DefaultValueFactory = _ => 1000, Description = "How many distinct lead bodies" };
        var batchSize = new Option<int>("--batch-size") { DefaultValueFactory = _ => 100, Description = "Leads a request of the batch scenario carries (POST /leads/batch)" };
        var command = new Command("channel-setup", "Create partner profiles and routing rules, and write lead bodies for wrk") { email, partners, outDir, count, batchSize };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = BenchDatabase.Open(parse);
            db.Actor = Mutual.Core.Access.Actor.System;
            var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Email == parse.GetValue(email)!, ct);
            db.Actor = SignInService.ToActor(account);
            var rng = new Random(7);
            var clock = TimeProvider.System;

            var organizations = await db.Parties.AsNoTracking()
                .Where(p => p.OwnerPartyId == db.Actor.PartyId && p.Kind == PartyKind.Organization && p.Id != db.Actor.PartyId)
                .OrderBy(p => p.Id).Select(p => p.Id).Take(parse.GetValue(partners)).ToListAsync(ct);
            if (organizations.Count == 0) throw new InvalidOperationException("The account's organization knows no other organizations: load a network first.");
            // A database grown by earlier runs holds their open leads already: the room each partner is given counts on
            // top of them, so every run routes against the same room (else later runs queue more and more of their leads).
            var open = await db.PartnerProfiles.AsNoTracking().Where(p => p.OwnerPartyId == db.Actor.PartyId)
                .ToDictionaryAsync(p => p.PartnerPartyId, p => p.LeadsOpen, ct);
            var profiles = new PartnerProfiles(db, clock);
            foreach (var partner in organizations)
            {
                var territories = Enumerable.Range(0, rng.Next(1, 5)).Select(_ => Territory(rng)).Cast<string?>().ToList();
                var certs = Certifications.Where(_ => rng.NextDouble() < 0.35)
                    .Select(c => new CertificationInput(c, rng.NextDouble() < 0.2 ? DateTime.UtcNow.AddDays(rng.Next(-60, 365)) : null)).Cast<CertificationInput?>().ToList();
                var capacity = Math.Min(ChannelRules.MaxCapacity, open.GetValueOrDefault(partner) + rng.Next(1_000, 10_000));
                var outcome = await profiles.PutAsync(partner, new PartnerProfileRequest(certs, territories, capacity), null, ct);
                if (!outcome.IsOk) throw new InvalidOperationException($"Partner profile refused: {outcome.Detail} {JsonSerializer.Serialize(outcome.Errors)}");
                db.ChangeTracker.Clear();
            }

            var rules = new RoutingRules(db, clock);
            // Set up once: a run on a database set up before keeps its rules (each run used to add three more).
            var named = (await db.RoutingRules.AsNoTracking().Where(r => r.OwnerPartyId == db.Actor.PartyId).Select(r => r.Name).ToListAsync(ct)).ToHashSet();
            foreach (var rule in new RoutingRuleRequest[]
            {
                new("Enterprise deals", null, true, [], 100_000m, "security", 12, true),
                new("DACH", null, true, ["DE", "AT", "CH"], null, null, 24, true),
                new("North America", null, true, ["US", "CA"], null, "cloud", 48, true),
            })
            {
                if (named.Contains(rule.Name!)) continue;
                var outcome = await rules.CreateAsync(rule, ct);
                if (!outcome.IsOk) throw new InvalidOperationException($"Routing rule refused: {outcome.Detail} {JsonSerializer.Serialize(outcome.Errors)}");
            }

            var dir = parse.GetValue(outDir)!;
            Directory.CreateDirectory(dir);
            var n = parse.GetValue(count);
            await File.WriteAllLinesAsync(Path.Combine(dir, "leads.txt"), Enumerable.Repeat("/api/v1/leads", n), ct);
            var bodies = Enumerable.Range(0, n).Select(i => LeadBody(i, rng)).ToList();
            await File.WriteAllLinesAsync(Path.Combine(dir, "leads.json"), bodies, ct);
            // The same leads, --batch-size to a request (POST /leads/batch): a body per line, as many bodies as leads.json has leads.
            var size = parse.GetValue(batchSize);
            await File.WriteAllLinesAsync(Path.Combine(dir, "leads-batch.txt"), Enumerable.Repeat("/api/v1/leads/batch", n), ct);
            await File.WriteAllLinesAsync(Path.Combine(dir, "leads-batch.json"), Enumerable.Range(0, n).Select(i =>
                "{\"leads\":[" + string.Join(",", Enumerable.Range(i, size).Select(j => bodies[j % n])) + "]}"), ct);
            Console.WriteLine($"{organizations.Count} partner profiles and 3 routing rules for {account.Email}; {n} lead bodies and {n} batches of {size} in {dir}.");
            return 0;
        });
        return command;
    }

    /// <summary>How the routing scenario's leads came out, by status: routed means offered to a partner.</summary>
    public static Command CreateCount()
    {
        var email = new Option<string>("--email") { Required = true, Description = "The administrator whose organization owns the leads" };
        var command = new Command("count-leads", "Print leads=N routed=N queued=N for the account's organization") { email };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = BenchDatabase.Open(parse);
            db.Actor = Mutual.Core.Access.Actor.System;
            var owner = await db.Accounts.AsNoTracking().Where(a => a.Email == parse.GetValue(email)!).Select(a => a.ActingPartyId).SingleAsync(ct);
            var byStatus = await db.Leads.IgnoreQueryFilters().Where(l => l.OwnerPartyId == owner)
                .GroupBy(l => l.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            var queued = byStatus.Where(s => s.Key == LeadStatus.Unassigned).Sum(s => s.Count);
            Console.WriteLine($"leads={byStatus.Sum(s => s.Count)} routed={byStatus.Sum(s => s.Count) - queued} queued={queued}");
            return 0;
        });
        return command;
    }

    private static string Territory(Random rng)
    {
        var country = Countries[rng.Next(Countries.Length)];
        return country == "US" && rng.NextDouble() < 0.6 ? $"US-{UsStates[rng.Next(UsStates.Length)]}" : country;
    }

    private static string LeadBody(int i, Random rng)
    {
        var country = Countries[rng.Next(Countries.Length)];
        var value = rng.NextDouble() < 0.8 ? Math.Round((decimal)(rng.NextDouble() * 250_000), 2) : (decimal?)null;
        return JsonSerializer.Serialize(new
        {
            title = "Bench lead " + i.ToString(CultureInfo.InvariantCulture),
            contactName = "Contact " + i.ToString(CultureInfo.InvariantCulture),
            country,
            region = country == "US" && rng.NextDouble() < 0.7 ? UsStates[rng.Next(UsStates.Length)] : null,
            requiredCertification = rng.NextDouble() < 0.3 ? Certifications[rng.Next(Certifications.Length)] : null,
            value,
        });
    }
}

using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Accounts;

namespace Mutual.Bench;

/// <summary>
/// Picks what the load generator asks for: random records the signed-in account may see, chosen through the
/// app's own query filters, written as one request path per line (one file per scenario) for bench/wrk/paths.lua.
/// </summary>
internal static class SampleCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Required = true, Description = "The account the benchmark signs in as" };
        var outDir = new Option<string>("--out") { Required = true, Description = "Folder for the request files" };
        var count = new Option<int>("--count") { DefaultValueFactory = _ => 1000 };
        var command = new Command("sample", "Write request paths for each HTTP scenario") { email, outDir, count };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = BenchDatabase.Open(parse);
            db.Actor = Mutual.Core.Access.Actor.System;
            var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Email == parse.GetValue(email)!, ct);
            db.Actor = SignInService.ToActor(account);
            var n = parse.GetValue(count);

            // Parties of the network: by now a whole run's import has added a million parties to this book of ~600,000,
            // none with a relationship or a conversation; sampled too, about six in ten page, timeline and warm-path
            // requests asked about a party with nothing to show or no way to reach it (runs before 2026-11-25 midday).
            var parties = await db.Parties.AsNoTracking().Where(p => p.OwnerPartyId == db.Actor.PartyId && p.Id != db.Actor.PartyId
                    && db.Relationships.Any(r => r.FromPartyId == p.Id || r.ToPartyId == p.Id))
                .OrderBy(_ => EF.Functions.Random()).Take(n).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
            var conversations = await db.Conversations.AsNoTracking()
                .OrderBy(_ => EF.Functions.Random()).Take(n).Select(c => c.Id).ToListAsync(ct);
            if (parties.Count == 0 || conversations.Count == 0)
                throw new InvalidOperationException("The account sees no parties or conversations: load a network first (mutual demo --size …).");

            var dir = parse.GetValue(outDir)!;
            Directory.CreateDirectory(dir);
            await Write(dir, "party-list", parties.Select(_ => "/api/v1/parties?limit=50"), ct);
            await Write(dir, "party-search", parties.Select(p => "/api/v1/parties?limit=20&q=" + Uri.EscapeDataString(p.Name.Split(' ')[^1])), ct);
            await Write(dir, "party-get", parties.Select(p => $"/api/v1/parties/{p.Id}"), ct);
            await Write(dir, "party-timeline", parties.Select(p => $"/api/v1/parties/{p.Id}/timeline?limit=20"), ct);
            await Write(dir, "thread-read", conversations.Select(c => $"/api/v1/conversations/{c}/messages?limit=50"), ct);
            await Write(dir, "message-post", conversations.Select(c => $"/api/v1/conversations/{c}/messages"), ct);
            await Write(dir, "paths", parties.Select(p => $"/api/v1/parties/{db.Actor.PartyId}/paths?to={p.Id}&maxHops=4"), ct);
            Console.WriteLine($"Sampled {parties.Count} parties and {conversations.Count} conversations visible to {account.Email}.");
            return 0;
        });
        return command;
    }

    private static Task Write(string dir, string name, IEnumerable<string> lines, CancellationToken ct) =>
        File.WriteAllLinesAsync(Path.Combine(dir, name + ".txt"), lines, ct);
}

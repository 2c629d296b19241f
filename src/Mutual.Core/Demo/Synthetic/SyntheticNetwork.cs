using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Accounts;
using Mutual.Core.Data;
using Mutual.Core.Parties;
using Mutual.Core.Relationships;

namespace Mutual.Core.Demo.Synthetic;

/// <summary>Where a load reports each table's progress (the command line draws a bar with rows/s).</summary>
public interface ISyntheticProgress
{
    IProgress<long> Begin(string table, long total);
    void End(string table);
}

/// <summary>One table as loaded: rows written and the time spent writing them.</summary>
public sealed record SyntheticTable(string Name, long Rows, TimeSpan Elapsed)
{
    public double RowsPerSecond => Rows / Math.Max(Elapsed.TotalSeconds, 1e-6);
}

public sealed record SyntheticResult(bool Loaded, string? Refusal, IReadOnlyList<SyntheticTable> Tables, IReadOnlyList<DemoAccount> Accounts, TimeSpan Elapsed)
{
    public static SyntheticResult Refused(string reason) => new(false, reason, [], [], TimeSpan.Zero);
}

/// <summary>
/// Loads a synthetic network of a chosen size, deterministic from a seed, through each store's bulk path
/// (<see cref="BulkInsert"/>): the benchmarks' data. Four tenant organizations are members with accounts and hold
/// the books (60/20/12/8 % of the parties); everything the app reads is written with it — search text and
/// index, relationship events for timelines, conversation participants, counts and last-activity fields — and
/// the planner's statistics are refreshed at the end.
/// </summary>
public static class SyntheticNetwork
{
    public const string Password = DemoNetwork.Password;
    public const string NotEmpty = "The database is not empty; the synthetic network loads only into an empty, migrated database.";

    /// <summary>The benchmark accounts: an admin and a user for each tenant.</summary>
    public static IEnumerable<(string Email, int Tenant, bool IsAdmin)> AccountEmails() =>
        Enumerable.Range(0, SyntheticGraph.Tenants).SelectMany(t => new[]
        {
            ($"bench-admin@{SyntheticText.TenantDomain(t)}", t, true),
            ($"bench-user2@{SyntheticText.TenantDomain(t)}", t, false),
        });

    public static async Task<SyntheticResult> LoadAsync(IDbContextFactory<MutualDbContext> factory, TimeProvider clock, AuthOptions auth,
        SyntheticSize size, int seed, ISyntheticProgress? progress, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        await using var db = await factory.CreateSystemAsync(ct);
        if (await db.Parties.AnyAsync(ct) || await db.Accounts.AnyAsync(ct)) return SyntheticResult.Refused(NotEmpty);

        var span = new SyntheticSpan(clock.GetUtcNow());
        var writer = new TableWriter(db, progress, ct);
        // One connection for the whole load: the SQLite pragmas below are per connection.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (!db.IsPostgres()) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;", ct);
            var graph = new SyntheticGraph(size.Parties, new Random(seed));
            var partyIds = new Guid[size.Parties];
            await using (await SqliteSearchIndex.SuspendAsync(db, ct))
                await writer.WriteAsync("parties", size.Parties, Parties(graph, partyIds, span, new Random(seed + 1)));

            var edgeRng = new Random(seed + 2);
            var events = new List<RelationshipEvent>();
            await writer.WriteAsync("relationships", size.Relationships,
                Relationships(graph.Edges(size.Relationships, edgeRng), partyIds, span, edgeRng, events),
                async () =>
                {
                    await writer.AppendAsync("relationship events", events);
                    events.Clear();
                });

            var conversations = new SyntheticConversations(graph, partyIds, size.Conversations, size.Messages, seed, span, new Random(seed + 3));
            await writer.WriteAsync("conversations", size.Conversations, conversations.Conversations());
            await writer.WriteAsync("participants", null, conversations.Participants());
            await writer.WriteAsync("messages", size.Messages, conversations.Messages(new Random(seed + 4)));

            // On PostgreSQL a vacuum, not only statistics: rows just copied in are not yet marked visible to all, so
            // every index-only read (a conversation's recent messages, say) would visit the table as well until
            // autovacuum got round to these tables, which for an insert-only table can be a long while.
            await db.Database.ExecuteSqlRawAsync(db.IsPostgres() ? "VACUUM (ANALYZE);" : "PRAGMA analysis_limit = 2000; ANALYZE;", ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var accounts = await AddAccountsAsync(factory, clock, auth, ct);
        return new SyntheticResult(true, null, writer.Tables, accounts, total.Elapsed);
    }

    private static IEnumerable<Party> Parties(SyntheticGraph graph, Guid[] ids, SyntheticSpan span, Random rng)
    {
        for (var i = 0; i < graph.Count; i++)
        {
            var at = span.At((double)i / graph.Count);
            var tenant = graph.Book[i];
            var p = new Party { Id = SyntheticIds.At(at, rng), Kind = graph.IsOrganization[i] ? PartyKind.Organization : PartyKind.Person, CreatedAt = at, UpdatedAt = at };
            ids[i] = p.Id;
            p.OwnerPartyId = ids[tenant];
            if (i < SyntheticGraph.Tenants)
            {
                p.Name = SyntheticText.TenantName(i);
                p.Emails = [$"hello@{SyntheticText.TenantDomain(i)}"];
                p.Website = $"https://{SyntheticText.TenantDomain(i)}";
                p.PublicProfile = SyntheticVocabulary.ProfileLines[i % SyntheticVocabulary.ProfileLines.Length];
                p.IsMember = true;
                p.IsHost = i == 0;
            }
            else if (p.Kind == PartyKind.Organization) SyntheticText.FillOrganization(p, i, rng);
            else SyntheticText.FillPerson(p, i, rng);
            p.RefreshSearchText();
            yield return p;
        }
    }

    /// <summary>Relationships, each with its "started" event (and, for one in twenty-five, an "ended" one), for timelines.</summary>
    private static IEnumerable<Relationship> Relationships(IEnumerable<SyntheticEdge> edges, Guid[] ids, SyntheticSpan span, Random rng, List<RelationshipEvent> events)
    {
        var slot = -1;
        var inSlot = 0;
        foreach (var e in edges)
        {
            inSlot = e.Slot == slot ? inSlot + 1 : 0;
            slot = e.Slot;
            // Made just after the slot's party arrived, a millisecond apart, so ids keep time order.
            var at = span.At((double)e.Slot / ids.Length).AddMilliseconds(1 + inSlot);
            var r = new Relationship
            {
                Id = SyntheticIds.At(at, rng), FromPartyId = ids[e.From], ToPartyId = ids[e.To], Kind = e.Kind,
                Since = at, OwnerPartyId = ids[e.Book], CreatedAt = at,
            };
            events.Add(WithId(RelationshipEvent.Of(r, RelationshipEvent.Started, at), SyntheticIds.At(at, rng)));
            // The tenants' own staff stay, so every tenant keeps people to write its side of conversations.
            var staff = e.Kind == "works-for" && e.To < SyntheticGraph.Tenants;
            if (!staff && rng.NextDouble() < 0.04)
            {
                var until = at + (span.End - at) * rng.NextDouble();
                r.Until = until.AddTicks(-(until.Ticks % 10));
                r.Version = 2;
                events.Add(WithId(RelationshipEvent.Of(r, RelationshipEvent.Ended, r.Until.Value), SyntheticIds.At(r.Until.Value, rng)));
            }
            yield return r;
        }
    }

    private static RelationshipEvent WithId(RelationshipEvent e, Guid id)
    {
        e.Id = id;
        return e;
    }

    /// <summary>The sign-ins the benchmarks use, through the normal account set-up (hashing is slow, so only these few).</summary>
    private static async Task<IReadOnlyList<DemoAccount>> AddAccountsAsync(IDbContextFactory<MutualDbContext> factory, TimeProvider clock, AuthOptions auth, CancellationToken ct)
    {
        var setup = new AccountSetup(factory, clock, auth);
        var accounts = new List<DemoAccount>();
        Guid[] tenants;
        await using (var db = await factory.CreateSystemAsync(ct))
            tenants = await db.Parties.Where(p => p.IsMember).OrderBy(p => p.CreatedAt).Select(p => p.Id).Take(SyntheticGraph.Tenants).ToArrayAsync(ct);
        foreach (var (email, tenant, isAdmin) in AccountEmails())
        {
            var name = (isAdmin ? "Bench Admin " : "Bench User ") + (tenant + 1);
            var created = await setup.CreateUserAsync(name, email, Password, tenants[tenant], isAdmin, ct);
            if (!created.IsOk) throw new InvalidOperationException($"Could not create {email}: {created.Detail}");
            accounts.Add(new DemoAccount(email, name, SyntheticText.TenantName(tenant), isAdmin));
        }
        return accounts;
    }
}

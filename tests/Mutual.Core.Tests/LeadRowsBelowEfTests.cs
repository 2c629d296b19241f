using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Mutual.Core.Access;
using Mutual.Core.Channel;
using Mutual.Core.Data;
using Mutual.Core.Events;
using Mutual.Core.Parties;

namespace Mutual.Core.Tests;

/// <summary>A save that moves leads writes its added leads, offers and events below EF (BulkInsert), exactly as EF writes them (decision 037).</summary>
public sealed class LeadRowsBelowEfTests(CoreDatabase database) : IClassFixture<CoreDatabase>
{
    /// <summary>Records the commands EF itself sends (the rows written below EF do not pass through EF's interceptors).</summary>
    private sealed class EfCommands : DbCommandInterceptor
    {
        public List<string> Texts { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Texts.Add(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Texts.Add(command.CommandText);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    [Fact]
    public async Task RowsWrittenBelowEfReadExactlyAsTheRowsEfWrites()
    {
        var owner = await database.NewMemberAsync("Below EF Owner");
        var partner = await database.NewMemberAsync("Below EF Partner");
        var at = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc).AddTicks(1_234_560); // PostgreSQL keeps microseconds

        var below = new EfCommands();
        // Two of each: on SQLite the second row reuses the statement and its parameters.
        var (first, firstHop, firstEv) = Made(owner, partner, at);
        var (lead, hop, ev) = Made(owner, partner, at);
        await using (var db = database.OpenIntercepted(owner, below))
        {
            db.AddRange(first, firstHop, firstEv, lead, hop, ev);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        Assert.DoesNotContain(below.Texts, t => t.Contains("INSERT INTO \"Leads\"") || t.Contains("INSERT INTO \"LeadHops\"") || t.Contains("INSERT INTO \"Outbox\""));

        // An added row of another kind (one the leads could refer to) sends the whole save through EF.
        var byEf = new EfCommands();
        var (lead2, hop2, ev2) = Made(owner, partner, at);
        await using (var db = database.OpenIntercepted(owner, byEf))
        {
            var other = new Party { Kind = PartyKind.Person, Name = "Unrelated", OwnerPartyId = owner.PartyId, CreatedAt = at, UpdatedAt = at };
            db.AddRange(lead2, hop2, ev2, other);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        Assert.Contains(byEf.Texts, t => t.Contains("INSERT INTO \"Leads\""));

        await using var read = database.Open(Actor.System);
        await AssertSameRowsAsync(read, "Leads", first.Id, lead2.Id, "Id");
        await AssertSameRowsAsync(read, "Leads", lead.Id, lead2.Id, "Id");
        await AssertSameRowsAsync(read, "LeadHops", hop.Id, hop2.Id, "Id", "LeadId");
        await AssertSameRowsAsync(read, "Outbox", ev.Id, ev2.Id, "Id");
        // And EF reads them back as it wrote them.
        var leads = await read.Leads.IgnoreQueryFilters().Where(l => l.Id == lead.Id || l.Id == lead2.Id).Include(l => l.Hops).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, leads.Count);
        Assert.All(leads, l => Assert.Equal((at, 1234.56m, "Rule “Nord”: ünïcödé", 1), (l.CreatedAt, l.Value!.Value, l.RoutingReason, l.Hops.Count)));
        Assert.Equal(ev.AudiencePartyIds, (await read.Outbox.SingleAsync(o => o.Id == ev.Id, TestContext.Current.CancellationToken)).AudiencePartyIds);
    }

    [Fact]
    public async Task AFailedWriteIsReportedAsEfReportsOneAndWritesNothing()
    {
        var owner = await database.NewMemberAsync("Below EF Clash");
        var partner = await database.NewMemberAsync("Below EF Clash Partner");
        var at = new DateTime(2026, 11, 3, 9, 0, 0, DateTimeKind.Utc);
        var (lead, hop, ev) = Made(owner, partner, at);
        await using (var db = database.Open(owner))
        {
            db.AddRange(lead, hop, ev);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var (again, againHop, againEv) = Made(owner, partner, at);
        again.Id = lead.Id; // the same key: the store refuses the row
        againHop.LeadId = lead.Id;
        await using (var db = database.Open(owner))
        {
            db.AddRange(againEv, againHop, again);
            var e = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
            Assert.True(StoreErrors.IsUniqueViolation(e));
        }
        await using var read = database.Open(Actor.System);
        Assert.False(await read.Outbox.AnyAsync(o => o.Id == againEv.Id, TestContext.Current.CancellationToken));
        Assert.False(await read.LeadHops.IgnoreQueryFilters().AnyAsync(h => h.Id == againHop.Id, TestContext.Current.CancellationToken));
    }

    private static (Lead, LeadHop, OutboxMessage) Made(Actor owner, Actor partner, DateTime at)
    {
        var lead = new Lead
        {
            OwnerPartyId = owner.PartyId, Title = "Pumps for the new plant", ContactName = "Dana Ortiz", Country = "DE", Region = "BY",
            RequiredCertification = "cloud", Value = 1234.56m, Source = LeadSources.Api, Status = LeadStatus.Assigned,
            AssignedPartnerPartyId = partner.PartyId, AssignedAt = at, AcceptBy = at.AddHours(48), RoutingReason = "Rule “Nord”: ünïcödé",
            CreatedAt = at, UpdatedAt = at,
        };
        var hop = new LeadHop { LeadId = lead.Id, PartnerPartyId = partner.PartyId, AssignedAt = at, AcceptBy = at.AddHours(48), Reason = "Chosen." };
        lead.Hops.Add(hop);
        var ev = OutboxMessage.Create("lead.assigned", at, new { title = lead.Title }, [owner.PartyId, partner.PartyId]);
        return (lead, hop, ev);
    }

    /// <summary>Every column of the two rows holds the same stored value (their ids and the named columns aside).</summary>
    private static async Task AssertSameRowsAsync(MutualDbContext db, string table, Guid first, Guid second, params string[] differing)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        var rows = new Dictionary<Guid, Dictionary<string, object>>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                var row = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetValue);
                var id = Guid.Parse(Convert.ToString(row["Id"])!);
                if (id == first || id == second) rows[id] = row;
            }
        }
        Assert.Equal(2, rows.Count);
        foreach (var (column, value) in rows[first].Where(c => !differing.Contains(c.Key)))
        {
            var other = rows[second][column];
            Assert.True(value is Array a && other is Array b ? a.Cast<object>().SequenceEqual(b.Cast<object>()) : Equals(value, other),
                $"{table}.{column}: {value} written below EF, {other} by EF");
        }
    }
}

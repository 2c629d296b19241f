using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Mutual.Core.Access;
using Mutual.Core.Channel;

namespace Mutual.Core.Tests;

/// <summary>The migration that brings in the pipeline totals counts the leads already there, on either store.</summary>
public sealed class PipelineTotalsMigrationTests(CoreDatabase database) : IClassFixture<CoreDatabase>
{
    [Fact]
    public async Task TheMigrationCountsTheLeadsAlreadyThereAsTheSavesWouldHave()
    {
        var ct = TestContext.Current.CancellationToken;
        var owner = await database.NewMemberAsync("Pipeline Owner");
        var (a, b) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var now = database.Clock.GetUtcNow().UtcDateTime;
        Lead New(Guid? partner, string status, decimal? value, decimal? won = null) => new()
        {
            OwnerPartyId = owner.PartyId, Title = "Lead", ContactName = "Carla", Country = "DE", AssignedPartnerPartyId = partner,
            Status = status, Value = value, WonValue = won, CreatedAt = now, UpdatedAt = now,
        };
        await using (var db = database.Open(Actor.System))
        {
            db.Leads.AddRange(New(null, LeadStatus.Unassigned, 10.5m), New(null, LeadStatus.Unassigned, null), New(a, LeadStatus.Assigned, 1000m),
                New(a, LeadStatus.Assigned, 0.01m), New(a, LeadStatus.Won, 999_999_999_999.99m, 1234.56m), New(b, LeadStatus.Lost, 20m));
            await db.SaveChangesAsync(ct);
        }
        var kept = await TotalsAsync(ct);

        await using (var db = database.Open(Actor.System))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var introduced = migrations.FindLastIndex(m => m.EndsWith("_PipelineTotals", StringComparison.Ordinal));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[introduced - 1], cancellationToken: ct);
            await migrator.MigrateAsync(cancellationToken: ct);
        }

        var counted = await TotalsAsync(ct);
        Assert.Equal(kept, counted);
        Assert.Equal(4, counted.Count);
        Assert.Contains((PipelineTotal.Queue, LeadStatus.Unassigned, new PipelineSums.Sum(2, 1050, 0)), counted);
        Assert.Contains((a, LeadStatus.Won, new PipelineSums.Sum(1, 99_999_999_999_999, 123_456)), counted);
        await using var check = database.Open(Actor.System);
        Assert.Equal((await PipelineSums.CountAsync(check, owner.PartyId, ct)).Select(c => (c.Key.Partner, c.Key.Status, c.Value)).Order(), counted);

        async Task<List<(Guid, string, PipelineSums.Sum)>> TotalsAsync(CancellationToken token)
        {
            await using var db = database.Open(Actor.System);
            return (await db.PipelineTotals.Where(t => t.OwnerPartyId == owner.PartyId).ToListAsync(token))
                .Select(t => (t.PartnerPartyId, t.Status, new PipelineSums.Sum(t.Leads, t.ValueCents, t.WonCents))).Order().ToList();
        }
    }
}

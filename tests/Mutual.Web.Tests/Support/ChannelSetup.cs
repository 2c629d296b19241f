using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Channel;
using Mutual.Core.Data;

namespace Mutual.Web.Tests.Support;

/// <summary>Set-up steps for channel tests: an owner organization of its own and its partners' profiles, over the API.</summary>
public static class ChannelSetup
{
    /// <summary>A new owner organization and one partner organization per profile, each profile put by the owner.</summary>
    public static async Task<(Member Owner, Member[] Partners)> ChannelAsync(this MutualApp app, params object[] profiles)
    {
        var admin = await app.AdminAsync();
        var owner = await app.JoinAsync(admin, "Owner Co", "Olga Owner");
        var partners = new List<Member>();
        for (var i = 0; i < profiles.Length; i++)
        {
            var partner = await app.JoinAsync(admin, $"Partner {(char)('A' + i)}", $"Pat Partner{i}");
            var response = await owner.Client.PutAsJsonAsync($"/api/v1/partners/{partner.OrganizationId}/profile", profiles[i]);
            await response.Expect(HttpStatusCode.OK);
            partners.Add(partner);
        }
        return (owner, partners.ToArray());
    }

    /// <summary>A partner profile's body: territories, capacity and certifications (names, or objects with an expiry).</summary>
    public static object Profile(string[] territories, int capacity = 5, params object[] certifications) => new { certifications, territories, capacity };

    /// <summary>The partners' kept tallies and the owner's pipeline totals equal a count from scratch of the owner's leads.</summary>
    public static async Task AssertKeptCountsAsync(this MutualApp app, Member owner, Member[] partners)
    {
        var ct = TestContext.Current.CancellationToken;
        var factory = app.Services.GetRequiredService<IDbContextFactory<MutualDbContext>>();
        await using var db = await SystemContext.CreateSystemAsync(factory);
        var counted = await PartnerTallies.CountAsync(db, owner.OrganizationId, partners.Select(x => x.OrganizationId).ToList(), ct);
        var lastOffers = await db.LeadHops.Where(h => h.Lead!.OwnerPartyId == owner.OrganizationId)
            .GroupBy(h => h.PartnerPartyId).Select(g => new { g.Key, Last = g.Max(h => h.AssignedAt) }).ToDictionaryAsync(x => x.Key, x => (DateTime?)x.Last, ct);
        foreach (var profile in await db.PartnerProfiles.Where(x => x.OwnerPartyId == owner.OrganizationId).ToListAsync(ct))
        {
            Assert.Equal(counted[profile.PartnerPartyId], Tally.Of(profile));
            Assert.Equal(lastOffers.GetValueOrDefault(profile.PartnerPartyId), profile.LastAssignedAt);
        }
        await AssertPipelineCountedAsync(db, owner);
    }

    /// <summary>The kept pipeline totals equal the owner's leads counted from scratch (rows emptied by moves aside).</summary>
    public static async Task AssertPipelineCountedAsync(MutualDbContext db, Member owner)
    {
        var ct = TestContext.Current.CancellationToken;
        var counted = await PipelineSums.CountAsync(db, owner.OrganizationId, ct);
        var kept = await db.PipelineTotals.Where(t => t.OwnerPartyId == owner.OrganizationId && t.Leads != 0).ToListAsync(ct);
        Assert.Equal(counted.OrderBy(c => c.Key.Partner).ThenBy(c => c.Key.Status, StringComparer.Ordinal).Select(c => (c.Key.Partner, c.Key.Status, c.Value)),
            kept.OrderBy(t => t.PartnerPartyId).ThenBy(t => t.Status, StringComparer.Ordinal)
                .Select(t => (t.PartnerPartyId, t.Status, new PipelineSums.Sum(t.Leads, t.ValueCents, t.WonCents))));
    }
}

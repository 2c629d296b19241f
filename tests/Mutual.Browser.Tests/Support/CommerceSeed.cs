using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Channel;
using Mutual.Core.Data;

namespace Mutual.Browser.Tests.Support;

/// <summary>A seller (the host), its partners and a customer, arranged for the commerce tests.</summary>
public static class CommerceSeed
{
    public const string Password = "shop-password-1";

    /// <summary>
    /// TEMPORARY, as in the API tests: a PartnerProfile row written through a system context, because the
    /// partner-profile API lands on another branch. Swap for PUT /api/v1/partners/{partyId}/profile once merged.
    /// </summary>
    public static async Task AddPartnerProfileAsync(this BrowserApp app, Guid owner, Guid partner, string[] territories, int capacity)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<MutualDbContext>>();
        await using var db = await factory.CreateSystemAsync();
        db.PartnerProfiles.Add(new PartnerProfile
        {
            OwnerPartyId = owner, PartnerPartyId = partner, Territories = [.. territories], Capacity = capacity, UpdatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>An organization with one person who joins the network and acts for it; returns the organization and the email.</summary>
    public static async Task<(Guid Organization, string Email)> MemberOrganizationAsync(this Seed host, string baseUrl, string organization, string person)
    {
        var org = await host.PartyAsync("organization", organization);
        var email = $"{Guid.NewGuid():N}@members.test";
        var personId = await host.PartyAsync("person", person, [email]);
        await host.RelateAsync(personId, org, "works-for");
        using var _ = await host.JoinAsync(baseUrl, personId, email, Password);
        return (org, email);
    }

    /// <summary>An individual customer who signs in and acts for themselves.</summary>
    public static async Task<string> IndividualAsync(this Seed host, string baseUrl, string name)
    {
        var email = $"{Guid.NewGuid():N}@people.test";
        var person = await host.PartyAsync("person", name, [email]);
        using var _ = await host.JoinAsync(baseUrl, person, email, Password);
        return email;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Channel;
using Mutual.Core.Data;

namespace Mutual.Web.Tests.Support;

/// <summary>Set-up steps for commerce tests, written as the HTTP contract where one exists.</summary>
public static class Commerce
{
    /// <summary>
    /// Writes a PartnerProfile row directly through a system context: the commerce tests need a partner in their
    /// set-up, given by the owner's party id alone, not the profile API's behaviour (the channel tests set partners up
    /// through PUT /api/v1/partners/{partyId}/profile, Support/ChannelSetup.cs).
    /// </summary>
    public static async Task AddPartnerProfileAsync(this MutualApp app, Guid ownerPartyId, Guid partnerPartyId, string[] territories, int capacity)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<MutualDbContext>>();
        await using var db = await factory.CreateSystemAsync();
        db.PartnerProfiles.Add(new PartnerProfile
        {
            OwnerPartyId = ownerPartyId, PartnerPartyId = partnerPartyId, Territories = [.. territories], Capacity = capacity,
            UpdatedAt = app.Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
    }

    public static async Task<JsonNode> CreateProductAsync(this HttpClient seller, string sku, params object[] prices) =>
        await seller.PostJson("/api/v1/catalogue/products", new { sku, name = $"Product {sku}", description = "A fine thing", prices });

    public static object Price(string region, decimal amount, string currency = "EUR") => new { region, currency, amount };

    public static async Task SetPartnerPriceAsync(this HttpClient seller, Guid productId, Guid partnerId, params object[] prices)
    {
        var response = await seller.PutAsJsonAsync($"/api/v1/catalogue/products/{productId}/partner-prices/{partnerId}", new { prices });
        await response.Expect(HttpStatusCode.OK);
    }

    public static async Task<JsonNode> OpenCartAsync(this HttpClient customer, Guid sellerId, string country, string? region = null) =>
        await customer.PostJson("/api/v1/carts", new { sellerPartyId = sellerId, country, region });

    public static async Task<JsonNode> SetLineAsync(this HttpClient customer, Guid cartId, Guid productId, int quantity, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await customer.PutAsJsonAsync($"/api/v1/carts/{cartId}/lines/{productId}", new { quantity });
        await response.Expect(expected);
        return await response.Json();
    }

    public static Task<JsonNode> CheckoutAsync(this HttpClient customer, Guid cartId, Guid? partnerPartyId = null, HttpStatusCode expected = HttpStatusCode.Created) =>
        customer.PostJson($"/api/v1/carts/{cartId}/checkout", new { partnerPartyId }, expected);

    public static async Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    /// <summary>The outbox events of a type about an order, as their data and audience.</summary>
    public static async Task<List<(JsonNode Data, List<Guid> Audience)>> EventsAsync(this MutualApp app, string type, Guid orderId)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<MutualDbContext>>();
        await using var db = await factory.CreateSystemAsync();
        var id = orderId.ToString();
        var rows = await db.Outbox.AsNoTracking().Where(o => o.Type == type && o.Data.Contains(id)).OrderBy(o => o.Id).ToListAsync();
        return rows.Select(r => (JsonNode.Parse(r.Data)!, r.AudiencePartyIds)).ToList();
    }
}

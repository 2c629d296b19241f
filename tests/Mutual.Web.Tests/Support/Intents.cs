using System.Net;
using System.Text.Json.Nodes;

namespace Mutual.Web.Tests.Support;

/// <summary>A buyer, two vendors that match ("heat-pumps" in ES) and one that does not.</summary>
public sealed record IntentCast(Individual Buyer, Member Vendor, Member Rival, Member Outsider);

public static class IntentSupport
{
    public static async Task<IntentCast> IntentCastAsync(this MutualApp app)
    {
        var (buyer, vendor) = await app.BuyerAndVendorAsync();
        var admin = await app.AdminAsync();
        var rival = await app.JoinAsync(admin, "Rival Heat", "Rolf Rival");
        var outsider = await app.JoinAsync(admin, "Bakery Co", "Bea Baker");
        await vendor.Client.VendorProfileAsync(["heat-pumps", "solar-panels"], ["ES"]);
        await rival.Client.VendorProfileAsync(["heat-pumps"], ["ES-MD"]);
        await outsider.Client.VendorProfileAsync(["bread"], ["ES"]);
        return new IntentCast(buyer, vendor, rival, outsider);
    }

    public static async Task VendorProfileAsync(this HttpClient client, string[] categories, string[] territories) =>
        await (await client.PutJsonAsync("/api/v1/me/vendor-profile", new { categories, territories })).Expect(HttpStatusCode.OK);

    public static Task<JsonNode> PublishAsync(this Individual buyer, string location = "ES-MD", string[]? terms = null, string title = "A heat pump for my flat") =>
        buyer.Client.PostJson("/api/v1/intents", new { title, category = "heat-pumps", budget = 8000m, currency = "EUR", location, neededBy = "2027-01-15", terms = terms ?? ["no-sharing"] });

    public static async Task<Guid> OfferAsync(this Member vendor, Guid intent, decimal price = 7500m) =>
        (await vendor.Client.PostJson($"/api/v1/intents/{intent}/offers", new { summary = $"{price} all included", price })).Id();

    public static async Task<List<Guid>> OpenIntentsAsync(this HttpClient client) =>
        (await client.GetJson("/api/v1/intents?limit=200")).Items().Select(i => i.Id()).ToList();
}

using Mutual.Browser.Tests.Support;

namespace Mutual.Browser.Tests;

/// <summary>Warm introductions on a party page of the demo network, and their screenshots.</summary>
public sealed class WarmPathTests(Chromium chromium, DemoBrowserApp app) : IClassFixture<DemoBrowserApp>
{
    [Fact]
    public async Task APartyPageShowsHowTheOrganizationReachesThatParty()
    {
        using var api = await Seed.SignInAsync(app.BaseUrl, "hannah@northwind.example", "mutual-demo");
        var grace = await api.FindPartyAsync("Grace Hall");
        foreach (var (size, viewport, scheme) in new[] { ("desktop", Chromium.Desktop, ColorScheme.Light), ("phone", Chromium.Phone, ColorScheme.Dark) })
        {
            var page = await chromium.NewPageAsync(app.BaseUrl, viewport, scheme);
            await page.SignInAsync("hannah@northwind.example", "mutual-demo");
            await page.GoAsync($"/parties/{grace}");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Grace Hall");

            // Northwind's customer Wayne Bottling employs Grace: Northwind → customer-of → Wayne Bottling → works-for → Grace Hall.
            var card = page.Locator(".warm-card");
            var first = card.Locator(".warm-path").First;
            await Expect(first.Locator(".warm-party")).ToHaveTextAsync([DemoHost, "Wayne Bottling", "Grace Hall"]);
            await Expect(first.Locator(".warm-kind")).ToHaveTextAsync(["customer-of", "works-for"]);
            await card.ScrollIntoViewIfNeededAsync();
            await Screenshots.SaveAsync(page, $"warm-paths-{size}");

            // A party nothing links to says so.
            var loner = await api.PartyAsync("organization", $"Loner {Seed.Suffix()}");
            await page.GoAsync($"/parties/{loner}");
            await Expect(card.Locator(".warm-empty")).ToContainTextAsync("No chain of relationships");
            await page.Context.CloseAsync();
        }
    }

    private const string DemoHost = Mutual.Core.Demo.DemoNetwork.HostName;
}

using System.Text.RegularExpressions;
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
        var harborName = $"Harbor Foods {Seed.Suffix()}";
        var harbor = await api.PartyAsync("organization", harborName);
        await api.RelateAsync(grace, harbor, "referred");
        foreach (var (size, viewport, scheme) in new[] { ("desktop", Chromium.Desktop, ColorScheme.Light), ("phone", Chromium.Phone, ColorScheme.Dark) })
        {
            var page = await chromium.NewPageAsync(app.BaseUrl, viewport, scheme);
            await page.SignInAsync("hannah@northwind.example", "mutual-demo");
            await page.GoAsync($"/parties/{grace}");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Grace Hall");

            // "Wayne Bottling is a customer of Northwind" and "Grace works for Wayne Bottling", both walked against their
            // direction, read from Northwind's side: Northwind has as customer Wayne Bottling, which employs Grace Hall.
            var card = page.Locator(".warm-card");
            var first = card.Locator(".warm-path").First;
            await Expect(first.Locator(".warm-party")).ToHaveTextAsync([DemoHost, "Wayne Bottling", "Grace Hall"]);
            await Expect(first.Locator(".warm-kind")).ToHaveTextAsync(["has as customer", "employs"]);
            // Strength in words; the number is in the tooltip.
            var strength = first.Locator(".warm-strength");
            await Expect(strength.Locator(".warm-dialogue")).ToHaveTextAsync(new Regex("^(No|Little|Some|Strong) recent dialogue$"));
            await Expect(strength).ToHaveAttributeAsync("title", new Regex(@"^Strength \d+\.\d\d, from the messages of the last 90 days"));
            await card.ScrollIntoViewIfNeededAsync();
            await Screenshots.SaveAsync(page, $"warm-paths-{size}");

            // A hop walked with its direction reads forward: Grace Hall referred Harbor Foods.
            await page.GoAsync($"/parties/{harbor}");
            await Expect(first.Locator(".warm-party")).ToHaveTextAsync([DemoHost, "Wayne Bottling", "Grace Hall", harborName]);
            await Expect(first.Locator(".warm-kind")).ToHaveTextAsync(["has as customer", "employs", "referred"]);
            await card.ScrollIntoViewIfNeededAsync();
            await Screenshots.SaveAsync(page, $"warm-paths-forward-{size}");

            // A party nothing links to says so.
            var loner = await api.PartyAsync("organization", $"Loner {Seed.Suffix()}");
            await page.GoAsync($"/parties/{loner}");
            await Expect(card.Locator(".warm-empty")).ToContainTextAsync("No chain of relationships");
            await card.ScrollIntoViewIfNeededAsync();
            await Screenshots.SaveAsync(page, $"warm-paths-empty-{size}");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task TheCardSearchesOnlyOnceThePageIsLiveSoItNeverHoldsUpThePartyPage()
    {
        using var api = await Seed.SignInAsync(app.BaseUrl, "hannah@northwind.example", "mutual-demo");
        var grace = await api.FindPartyAsync("Grace Hall");
        foreach (var (size, viewport, scheme) in new[] { ("desktop", Chromium.Desktop, ColorScheme.Light), ("phone", Chromium.Phone, ColorScheme.Dark) })
        {
            var signedIn = await chromium.NewPageAsync(app.BaseUrl, viewport, scheme);
            await signedIn.SignInAsync("hannah@northwind.example", "mutual-demo");
            // Without JavaScript the page stays as the server prerendered it: the party is there, the card is loading.
            await using var context = await chromium.Browser.NewContextAsync(new()
            {
                BaseURL = app.BaseUrl, ViewportSize = viewport, ColorScheme = scheme, TimezoneId = "UTC",
                JavaScriptEnabled = false, StorageState = await signedIn.Context.StorageStateAsync(),
            });
            await signedIn.Context.CloseAsync();
            var page = await context.NewPageAsync();
            await page.GotoAsync($"/parties/{grace}");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Grace Hall");
            var card = page.Locator(".warm-card");
            await Expect(card.Locator(".warm-loading")).ToHaveTextAsync("Looking for who can introduce you to Grace Hall…");
            await Expect(card.Locator(".warm-path")).ToHaveCountAsync(0);
            await card.ScrollIntoViewIfNeededAsync();
            await Screenshots.SaveAsync(page, $"warm-paths-loading-{size}");
        }
    }

    private const string DemoHost = Mutual.Core.Demo.DemoNetwork.HostName;
}

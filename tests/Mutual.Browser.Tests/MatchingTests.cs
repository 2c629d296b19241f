using Mutual.Browser.Tests.Support;

namespace Mutual.Browser.Tests;

/// <summary>A rep and a buyer state their values; the vendor sees its people ranked on the buyer's page and assigns one.</summary>
public sealed class MatchingTests(Chromium chromium, BrowserApp app)
{
    private static readonly Dictionary<string, object> Calm = new()
    {
        ["communication-style"] = "brief", ["channel"] = new[] { "email" }, ["priorities"] = new[] { "sustainability", "quality", "price" },
        ["decision-pace"] = "considered", ["relationship"] = "long-term",
    };

    [Fact]
    public async Task TheVendorSeesItsRepsRankedWithTheReasonAndAssignsOne()
    {
        var s = Seed.Suffix();
        using var host = await Seed.SignInAsync(app.BaseUrl, BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        var vendor = await host.PartyAsync("organization", $"Solar Shop {s}");
        var vera = await host.PartyAsync("person", $"Vera Rep {s}", [$"vera-{s}@solar.test"]);
        await host.RelateAsync(vera, vendor, "works-for");
        using var veraApi = await host.JoinAsync(app.BaseUrl, vera, $"vera-{s}@solar.test", "vera-password-1");
        await veraApi.ValuesAsync(Calm);
        var (buyerApi, buyer) = await Seed.RegisterAsync(app.BaseUrl, $"Ida Buyer {s}", $"ida-{s}@people.test", "ida-password-1");
        using (buyerApi) await buyerApi.ValuesAsync(Calm);

        var page = await chromium.NewPageAsync(app.BaseUrl);
        await page.SignInAsync($"vera-{s}@solar.test", "vera-password-1");
        await page.GoAsync($"/parties/{buyer}");
        var card = page.Locator(".contact-card");
        await Expect(card).ToContainTextAsync("No one is assigned yet.");
        await Expect(card.Locator(".contact-rep").First).ToContainTextAsync($"Vera Rep {s}");
        await Expect(card.Locator(".contact-reason").First).ToContainTextAsync("Both prefer brief messages, like email, put sustainability first");
        await card.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "matching-card-desktop");
        await card.GetByRole(AriaRole.Button, new() { Name = $"Assign Vera Rep {s}" }).ClickAsync();
        await Expect(card.Locator(".contact-current")).ToContainTextAsync($"Vera Rep {s}");
        await page.SetViewportSizeAsync(Chromium.Phone.Width, Chromium.Phone.Height);
        await card.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "matching-card-phone");

        await page.SetViewportSizeAsync(Chromium.Desktop.Width, Chromium.Desktop.Height);
        await page.GoAsync("/me/values");
        await Expect(page.Locator("fieldset[data-question='communication-style']").GetByRole(AriaRole.Radio, new() { Name = "Brief and to the point" })).ToBeCheckedAsync();
        await Expect(page.Locator(".values-about")).ToContainTextAsync("never age, gender");
        await Screenshots.SaveAsync(page, "my-values-desktop");
        // Reloaded at phone size, so the layout settles as a phone would first draw it.
        await page.SetViewportSizeAsync(Chromium.Phone.Width, Chromium.Phone.Height);
        await page.GoAsync("/me/values");
        await Expect(page.Locator(".values-form")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "my-values-phone");
    }
}

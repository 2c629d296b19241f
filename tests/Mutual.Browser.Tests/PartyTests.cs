using System.Text.RegularExpressions;
using Mutual.Browser.Tests.Support;

namespace Mutual.Browser.Tests;

public sealed class PartyTests(Chromium chromium, BrowserApp app)
{
    [Fact]
    public async Task TheGlobalSearchFindsAPartyAndOpensItsPage()
    {
        var name = $"Initech {Seed.Suffix()}";
        using var host = await Seed.SignInAsync(app.BaseUrl, BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        var id = await host.PartyAsync("organization", name, ["hello@initech.test"], ["key-account"]);
        var page = await chromium.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(BrowserApp.AdminEmail, BrowserApp.AdminPassword);

        await page.Keyboard.PressAsync("/");
        await Expect(page.Locator("#global-search")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(name);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex(@"/parties\?q=Initech"));
        var row = page.Locator(".party-table tbody tr", new() { HasText = name });
        await Expect(row).ToContainTextAsync("#key-account");
        await row.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();

        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/parties/{id}");
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Expect(page.Locator(".party-card")).ToContainTextAsync("hello@initech.test");
    }

    [Fact]
    public async Task ARelationshipAddedOnOnePartyReadsFromBothEnds()
    {
        var s = Seed.Suffix();
        using var host = await Seed.SignInAsync(app.BaseUrl, BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        var umbrella = await host.PartyAsync("organization", $"Umbrella {s}");
        var rita = await host.PartyAsync("person", $"Rita Reyes {s}");
        var page = await chromium.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(BrowserApp.AdminEmail, BrowserApp.AdminPassword);

        await page.GoAsync($"/parties/{rita}");
        await page.Locator(".rels").Button("Add").ClickAsync();
        var dialog = page.MudDialog();
        await Expect(dialog).ToBeVisibleAsync();
        await page.PickPartyAsync("#rel-other", $"Umbrella {s}");
        await Expect(dialog).ToContainTextAsync($"Reads: Rita Reyes {s} works for Umbrella {s}");
        await dialog.Button("Add relationship").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        await Expect(page.Locator(".rels .rel-reading")).ToHaveTextAsync($"works for Umbrella {s}");
        await Expect(page.Locator(".party-sub")).ToContainTextAsync("employee");
        await Expect(page.Locator(".tl")).ToContainTextAsync($"Rita Reyes {s} now works for Umbrella {s}");

        await page.Locator(".rels .rel-reading").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/parties/{umbrella}");
        await Expect(page.Locator(".rels .rel-reading")).ToHaveTextAsync($"employs Rita Reyes {s}");
    }
}

using Mutual.Browser.Tests.Support;

namespace Mutual.Browser.Tests;

/// <summary>
/// Each main page at desktop (1280×800) and phone (390×844) size, light and dark, saved under
/// screenshots/ in the test output for a person to look at. Each shot also asserts that the page shows
/// what it is for, so a broken page fails here rather than in a picture nobody opens.
/// </summary>
public sealed class ScreenshotTests(Chromium chromium, BrowserApp app)
{
    [Fact]
    public async Task MainPagesAtDesktopAndPhoneSizes()
    {
        var n = await SeedNetworkAsync();

        foreach (var (size, viewport) in new[] { ("desktop", Chromium.Desktop), ("phone", Chromium.Phone) })
        {
            var login = await chromium.NewPageAsync(app.BaseUrl, viewport);
            await login.GotoAsync("/login");
            await Expect(login.Locator("h1")).ToHaveTextAsync("Sign in");
            await ShotAsync(login, $"login-{size}");

            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                var suffix = scheme == ColorScheme.Dark ? $"{size}-dark" : size;
                var page = await chromium.NewPageAsync(app.BaseUrl, viewport, scheme);
                await page.SignInAsync(BrowserApp.AdminEmail, BrowserApp.AdminPassword);
                await Expect(page.Locator(".conv-row").First).ToBeVisibleAsync();
                await ShotAsync(page, $"home-{suffix}");

                await page.GoAsync("/parties");
                await Expect(page.Locator(size == "phone" ? ".party-cards" : ".party-table")).ToContainTextAsync(n.Org);
                await ShotAsync(page, $"parties-{suffix}");
                if (scheme == ColorScheme.Light)
                {
                    await page.OpenDialogAsync(page.Button("New party"));
                    await page.FillAsync("#party-website", "not a web address");
                    await page.MudDialog().Button("Add party").ClickAsync();
                    await Expect(page.MudDialog()).ToContainTextAsync("'name' is required.");
                    await Expect(page.MudDialog()).ToContainTextAsync("'website' must be an http or https address.");
                    await ShotAsync(page, $"new-party-dialog-{suffix}");
                    await page.MudDialog().Button("Cancel").ClickAsync();
                    await Expect(page.MudDialog()).ToBeHiddenAsync();
                }

                await page.GoAsync($"/parties/{n.OrgId}");
                await Expect(page.Locator(".rels")).ToContainTextAsync("employs");
                await Expect(page.Locator(".tl-item").First).ToBeVisibleAsync();
                await ShotAsync(page, $"party-{suffix}");

                await page.GoAsync($"/conversations/{n.ConversationId}");
                await Expect(page.Locator(".thread .message").First).ToBeVisibleAsync();
                await ShotAsync(page, $"conversation-{suffix}");

                if (size == "phone" && scheme == ColorScheme.Light)
                {
                    await page.Button("Show navigation").ClickAsync();
                    var nav = page.Locator(".app-drawer");
                    await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Directory" })).ToBeVisibleAsync();
                    await Expect(nav.Locator(".user-badge")).ToContainTextAsync("acting for Host Co");
                    await ShotAsync(page, "navigation-phone");
                    await nav.GetByRole(AriaRole.Link, new() { Name = "Directory" }).ClickAsync();
                    await Expect(page).ToHaveURLAsync(app.BaseUrl + "/directory");
                    await Expect(nav).Not.ToBeInViewportAsync();
                }
                await page.GoAsync("/directory");
                await Expect(page.Locator(".directory-list")).ToContainTextAsync(n.Org);
                await ShotAsync(page, $"directory-{suffix}");
                await page.Context.CloseAsync();
            }
            await login.Context.CloseAsync();
        }
    }

    private static Task ShotAsync(IPage page, string name) => Screenshots.SaveAsync(page, name);

    private sealed record Network(string Org, Guid OrgId, Guid ConversationId);

    /// <summary>A small, realistic network: a customer with two people (one a member), a supplier, a partner, and a few conversations.</summary>
    private async Task<Network> SeedNetworkAsync()
    {
        var s = Seed.Suffix();
        using var host = await Seed.SignInAsync(app.BaseUrl, BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        var hostId = await host.MeAsync();
        var org = $"Northwind Traders {s}";
        var orgId = await host.PartyAsync("organization", org, ["hello@northwind.test"], ["key-account", "emea"], "northwind.test");
        var supplier = await host.PartyAsync("organization", $"Contoso Supplies {s}", ["sales@contoso.test"], ["logistics"]);
        var partner = await host.PartyAsync("organization", $"Fabrikam Partners {s}", [], ["reseller"]);
        var maria = await host.PartyAsync("person", $"Maria Anders {s}", [$"maria.{s}@northwind.test"]);
        var tom = await host.PartyAsync("person", $"Tom Lee {s}", [$"tom.{s}@northwind.test"]);
        await host.RelateAsync(orgId, hostId, "customer-of");
        await host.RelateAsync(supplier, hostId, "supplier-of");
        await host.RelateAsync(partner, hostId, "partner-of");
        await host.RelateAsync(maria, orgId, "works-for");
        await host.RelateAsync(tom, orgId, "works-for");
        await host.RelateAsync(partner, orgId, "referred");
        var conversation = await host.ConversationAsync($"Q1 delivery schedule {s}", [orgId],
            "Hi Maria,\n\nHere is the proposed schedule for Q1:\n\n- 12 Jan: first batch\n- 2 Feb: second batch\n\nDoes that work for you?");
        using var mariaApi = await host.JoinAsync(app.BaseUrl, maria, $"maria.{s}@northwind.test", "maria-password-1");
        await mariaApi.PostAsync(conversation, "Works for us. Could the **second batch** come a week earlier?");
        await host.PostAsync(conversation, "Logged: call with Maria, agreed on 26 Jan.", "call");
        await host.ConversationAsync($"Pallet pricing 2027 {s}", [supplier], "Please send your 2027 price list.", "email");
        await host.ConversationAsync($"Joint offer for Northwind {s}", [partner, orgId], "Let us prepare a joint offer.");
        await mariaApi.ConversationAsync($"Invoice question {s}", [hostId], "Invoice 2026-114 lists 12 pallets; we received 10.");
        return new Network(org, orgId, conversation);
    }
}

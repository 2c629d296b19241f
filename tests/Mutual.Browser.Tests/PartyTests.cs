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
        var dialog = await page.OpenDialogAsync(page.Locator(".rels").Button("Add"));
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

        // Ending keeps the relationship on record, greyed, with its dates.
        await page.Locator(".rels").Button($"End: employs Rita Reyes {s}").ClickAsync();
        await page.MudDialog().Button("End it").ClickAsync();
        await Expect(page.Locator(".rels .rel.ended")).ToContainTextAsync("ended ·");
        await Expect(page.Locator(".rels").Button($"End: employs Rita Reyes {s}")).ToHaveCountAsync(0);
        await Expect(page.Locator(".tl")).ToContainTextAsync($"Rita Reyes {s} no longer works for Umbrella {s}");
    }

    [Fact]
    public async Task TheComposerLogsACallWithThePartyOnItsTimeline()
    {
        var s = Seed.Suffix();
        using var host = await Seed.SignInAsync(app.BaseUrl, BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        var id = await host.PartyAsync("organization", $"Soylent {s}");
        var page = await chromium.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        await page.GoAsync($"/parties/{id}");
        await Expect(page.Locator(".timeline .empty-state")).ToContainTextAsync("Nothing here yet");

        await page.Locator(".composer").GetByRole(AriaRole.Combobox, new() { Name = "Channel" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Call", Exact = true }).ClickAsync();
        await page.FillAsync("#composer-subject", $"Kick-off {s}");
        await page.Locator(".composer input[type=datetime-local]").FillAsync("2026-11-02T10:30");
        await page.FillAsync("#composer-body", "Talked through the rollout plan.");
        await page.Locator(".composer").Button("Log it").ClickAsync();

        var item = page.Locator(".tl-item").First;
        await Expect(item).ToContainTextAsync($"{BrowserApp.AdminName} for {BrowserApp.HostName} · Call in Kick-off {s}");
        await Expect(item).ToContainTextAsync("Talked through the rollout plan.");
        await Expect(item.Locator("time")).ToHaveAttributeAsync("datetime", "2026-11-02T10:30:00Z");
        await Expect(page.Locator("#composer-body")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task AnEditOverSomeoneElsesChangeIsRefusedWithAClearMessage()
    {
        var s = Seed.Suffix();
        using var host = await Seed.SignInAsync(app.BaseUrl, BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        var id = await host.PartyAsync("organization", $"Hooli {s}");
        var page = await chromium.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        await page.GoAsync($"/parties/{id}");
        await page.OpenDialogAsync(page.Locator(".party-card").Button("Edit"));
        await Expect(page.Locator("#edit-name")).ToHaveValueAsync($"Hooli {s}");

        await host.RenameAsync(id, $"Hooli XYZ {s}");
        await page.FillAsync("#edit-name", $"Hooli Inc {s}");
        await page.MudDialog().Button("Save").ClickAsync();
        await Expect(page.MudDialog().GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone changed this party after you opened it");

        await page.MudDialog().Button("Load their version").ClickAsync();
        await Expect(page.Locator("#edit-name")).ToHaveValueAsync($"Hooli XYZ {s}");
        await page.FillAsync("#edit-name", $"Hooli Inc {s}");
        await page.MudDialog().Button("Save").ClickAsync();
        await Expect(page.MudDialog()).ToBeHiddenAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Hooli Inc {s}");
    }
}

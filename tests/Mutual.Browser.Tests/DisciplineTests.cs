using System.Text.RegularExpressions;
using Mutual.Browser.Tests.Support;

namespace Mutual.Browser.Tests;

/// <summary>
/// Discovery, dialogue and discipline in the browser: facts with freshness, the subject correcting what a
/// vendor knows about it, the needs-attention queue, health. Runs on its own app whose clock the tests move.
/// </summary>
public sealed partial class DisciplineTests(Chromium chromium, ClockedBrowserApp app) : IClassFixture<ClockedBrowserApp>
{
    private const string Admin = BrowserApp.AdminEmail;
    private const string Password = BrowserApp.AdminPassword;

    [Fact]
    public async Task AFactSharedWithACustomerIsCorrectedByThemAndTheHostSeesBothValues()
    {
        var s = Seed.Suffix();
        using var host = await Seed.SignInAsync(app.BaseUrl, Admin, Password);
        var hostId = await host.MeAsync();
        var globex = await host.PartyAsync("organization", $"Globex {s}");
        var gina = await host.PartyAsync("person", $"Gina Gray {s}", [$"gina.{s}@globex.test"]);
        await host.RelateAsync(globex, hostId, "customer-of");
        await host.RelateAsync(gina, globex, "works-for");
        using var ginaApi = await host.JoinAsync(app.BaseUrl, gina, $"gina.{s}@globex.test", "gina-password-1");

        // (a) Host staff record a fact on the party page, shared with the customer; field errors first.
        var page = await chromium.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(Admin, Password);
        await page.GoAsync($"/parties/{globex}");
        await Expect(page.Locator(".facts-panel .empty-state")).ToContainTextAsync("Nothing known yet");
        var dialog = await page.OpenDialogAsync(page.Locator(".facts-panel").Button("Add fact"));
        await page.FillAsync("#fact-key", "Seats Needed");
        await dialog.Button("Add fact").ClickAsync();
        await Expect(dialog).ToContainTextAsync("'key' must be dotted lower-case words");
        await Expect(dialog).ToContainTextAsync("'value' is required.");
        await page.FillAsync("#fact-key", "need.seats");
        await page.FillAsync("#fact-value", "120 seats");
        await page.FillAsync("#fact-source", "call");
        await dialog.GetByRole(AriaRole.Checkbox).CheckAsync();
        await dialog.Button("Add fact").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        var fact = page.Locator(".facts-panel .fact", new() { HasText = "need.seats" });
        await Expect(fact.Locator(".fresh-badge")).ToHaveTextAsync("fresh");
        await Expect(fact).ToContainTextAsync("120 seats");
        await Expect(fact).ToContainTextAsync("shared with them");
        await Expect(fact.Locator(".fresh-when")).ToContainTextAsync("stale on");

        // (b) The customer's person opens "About us" and corrects the value.
        var guest = await chromium.NewPageAsync(app.BaseUrl);
        await guest.SignInAsync($"gina.{s}@globex.test", "gina-password-1");
        await guest.Locator(".app-nav").GetByRole(AriaRole.Link, new() { Name = "About us" }).ClickAsync();
        await Expect(guest).ToHaveURLAsync(app.BaseUrl + "/discovery/about-us");
        var known = guest.Locator(".about-owner", new() { HasText = BrowserApp.HostName });
        var theirs = known.Locator(".fact", new() { HasText = "need.seats" });
        await Expect(theirs).ToContainTextAsync("120 seats");
        var correct = await guest.OpenDialogAsync(theirs.Button("Correct need.seats"));
        await guest.FillAsync("#correct-value", "150 seats");
        await correct.Button("Save correction").ClickAsync();
        await Expect(correct).ToBeHiddenAsync();
        await Expect(theirs.Locator(".fact-value")).ToHaveTextAsync("150 seats");

        // The host sees the corrected value, and the history keeps both.
        await page.GoAsync($"/parties/{globex}");
        await Expect(fact.Locator(".fact-value")).ToHaveTextAsync("150 seats");
        var history = await page.OpenDialogAsync(fact.Button("History of need.seats"));
        await Expect(history.Locator(".fact-rev")).ToHaveCountAsync(2);
        await Expect(history.Locator(".fact-rev").Nth(0)).ToContainTextAsync("Recorded");
        await Expect(history.Locator(".fact-rev").Nth(0)).ToContainTextAsync("120 seats");
        await Expect(history.Locator(".fact-rev").Nth(1)).ToContainTextAsync($"Corrected by Globex {s}");
        await Expect(history.Locator(".fact-rev").Nth(1)).ToContainTextAsync("150 seats");
        await page.Context.CloseAsync();
        await guest.Context.CloseAsync();
    }

    [Fact]
    public async Task RememberThisTurnsAMessageIntoAFactAboutTheOtherSide()
    {
        var s = Seed.Suffix();
        using var host = await Seed.SignInAsync(app.BaseUrl, Admin, Password);
        var initech = await host.PartyAsync("organization", $"Initech {s}");
        var conversation = await host.ConversationAsync($"Renewal {s}", [initech], "Our budget for next year is 40k EUR.", "email");
        var page = await chromium.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(Admin, Password);
        await page.GoAsync($"/conversations/{conversation}");

        var dialog = await page.OpenDialogAsync(page.Locator(".thread .message").First.Button("Remember this"));
        await Expect(page.Locator("#fact-value")).ToHaveValueAsync("Our budget for next year is 40k EUR.");
        await Expect(page.Locator("#fact-source")).ToHaveValueAsync("message");
        await page.FillAsync("#fact-key", "budget.total");
        await dialog.Button("Add fact").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        await page.GoAsync($"/parties/{initech}");
        var fact = page.Locator(".facts-panel .fact", new() { HasText = "budget.total" });
        await Expect(fact).ToContainTextAsync("Our budget for next year is 40k EUR.");
        await Expect(fact).ToContainTextAsync("message");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnOverdueRelationshipNeedsAttentionOnMyDayWithItsReason()
    {
        var s = Seed.Suffix();
        using (var host = await Seed.SignInAsync(app.BaseUrl, Admin, Password))
        {
            var umbrella = await host.PartyAsync("organization", $"Umbrella {s}");
            await host.TierAsync(umbrella, "strategic");
            await host.FollowUpAsync($"Send the proposal {s}", app.Clock.GetUtcNow().UtcDateTime.AddDays(3), umbrella);
        }
        app.Clock.Advance(TimeSpan.FromDays(20)); // the strategic tier expects dialogue every 14 days

        var page = await chromium.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(Admin, Password);
        var row = page.Locator(".home-attention .attention", new() { HasText = $"Umbrella {s}" });
        await Expect(row).ToContainTextAsync("No two-way dialogue since joining the strategic tier");
        await Expect(row).ToContainTextAsync("days overdue");
        var task = page.Locator(".home-followups .task", new() { HasText = $"Send the proposal {s}" });
        await Expect(task).ToHaveClassAsync(new Regex("overdue"));
        await task.Button($"Done: Send the proposal {s}").ClickAsync();
        await Expect(task).ToHaveCountAsync(0);

        await row.GetByRole(AriaRole.Link, new() { Name = $"Write to Umbrella {s}" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Umbrella {s}");
        await Expect(page.Locator(".engagement-panel")).ToContainTextAsync("overdue");
        await page.Context.CloseAsync();
    }
}

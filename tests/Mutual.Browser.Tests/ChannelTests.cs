using System.Text.RegularExpressions;
using Mutual.Browser.Tests.Support;

namespace Mutual.Browser.Tests;

/// <summary>
/// Channel collaboration in the browser: the host's admin sets up a partner and routes a lead to it, the partner's
/// person accepts and wins it from the inbox, and the host's pipeline shows the win. Runs on its own app with a
/// clock the tests move, so the accept countdown can be seen ticking.
/// </summary>
public sealed partial class ChannelTests(Chromium chromium, ClockedBrowserApp app) : IClassFixture<ClockedBrowserApp>
{
    private const string Admin = BrowserApp.AdminEmail;
    private const string Password = BrowserApp.AdminPassword;

    [Fact]
    public async Task APartnerAcceptsARoutedLeadFromItsInboxAndTheWinShowsInTheHostsPipeline()
    {
        var s = Seed.Suffix();
        var partner = $"Baltic Automation {s}";
        var email = $"jonas.{s}@baltic.test";
        using (var host = await Seed.SignInAsync(app.BaseUrl, Admin, Password))
        {
            var (_, jonas) = await host.PartnerAsync(app.BaseUrl, await host.MeAsync(), partner, $"Jonas P {s}", email, "jonas-password-1");
            jonas.Dispose();
        }

        // The host's admin adds the partner's profile: a valid and an expired certification, two territories, capacity 3.
        var page = await chromium.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(Admin, Password);
        await page.Locator(".app-nav").GetByRole(AriaRole.Link, new() { Name = "Partners" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/channel/partners");
        await page.WaitReadyAsync();
        var dialog = await page.OpenDialogAsync(page.Button("Add partner"));
        await page.PickPartyAsync("#partner-pick", partner);
        await dialog.Button("Add certification").ClickAsync();
        await page.FillAsync("#cert-name-0", "drives-service");
        await dialog.Button("Add certification").ClickAsync();
        await page.FillAsync("#cert-name-1", "safety-audit");
        await page.FillAsync("#cert-expires-1", "2020-01-31");
        await page.FillAsync("#territory-input", "lt");
        await page.PressAsync("#territory-input", "Enter");
        await page.FillAsync("#territory-input", "LV");
        await page.PressAsync("#territory-input", "Enter");
        await Expect(dialog.Locator(".chip-input-chips")).ToContainTextAsync("LT");
        await page.FillAsync("#partner-capacity", "3");
        await dialog.Button("Save profile").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        var row = page.Locator(".partner-row", new() { HasText = partner });
        await Expect(row.Locator(".chip-cert")).ToHaveTextAsync("drives-service");
        await Expect(row.Locator(".chip-expired")).ToHaveTextAsync(new Regex(@"safety-audit\s*· expired"));
        await Expect(row.Locator(".chip-territory")).ToHaveTextAsync(["LT", "LV"]);
        await Expect(row.Locator(".capacity")).ToContainTextAsync("0 of 3 · 3 left");

        // A new lead is routed to it at once, and the dialog says where and why.
        await page.Locator(".app-nav").GetByRole(AriaRole.Link, new() { Name = "Pipeline" }).ClickAsync();
        await Expect(page.Locator(".pipeline-chart-panel .empty-state")).ToContainTextAsync("No lead has reached a partner yet");
        dialog = await page.OpenDialogAsync(page.Button("New lead"));
        await page.FillAsync("#lead-title", $"Conveyor drives {s}");
        await page.FillAsync("#lead-contact", "Rasa Jankauskienė");
        await page.FillAsync("#lead-country", "lt");
        await page.FillAsync("#lead-value", "12000");
        await dialog.Button("Create and route").ClickAsync();
        await Expect(dialog.Locator(".routed-to")).ToHaveTextAsync($"Routed to {partner}");
        await Expect(dialog.Locator(".routing-reason")).ToContainTextAsync("covering LT");
        await Expect(dialog.Locator(".routing-reason")).ToContainTextAsync("Chosen for the best track record");
        await Screenshots.SaveAsync(page, "channel-new-lead-routed-desktop");
        await dialog.Button("Open lead").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/leads/[0-9a-f-]{36}$"));
        var leadUrl = page.Url;
        await Expect(page.Locator(".lead-holder")).ToHaveTextAsync(partner);
        await Expect(page.Locator(".lead-tl")).ToContainTextAsync($"Offered to {partner}");

        // The partner's person finds it in the inbox, with time left that counts down as the clock moves.
        var guest = await chromium.NewPageAsync(app.BaseUrl);
        await guest.SignInAsync(email, "jonas-password-1");
        await guest.Locator(".app-nav").GetByRole(AriaRole.Link, new() { Name = "Lead inbox" }).ClickAsync();
        await Expect(guest).ToHaveURLAsync(app.BaseUrl + "/channel/inbox");
        var card = guest.Locator(".inbox-lead", new() { HasText = $"Conveyor drives {s}" });
        await Expect(card.Locator(".countdown-text")).ToHaveTextAsync("1 d 0 h left");
        app.Clock.Advance(TimeSpan.FromHours(2));
        await Expect(card.Locator(".countdown-text")).ToHaveTextAsync("22 h 0 min left");
        await Expect(card).ToContainTextAsync("from " + BrowserApp.HostName);
        await Screenshots.SaveAsync(guest, "channel-inbox-desktop");
        await ScreenshotPhoneInboxAsync(email);

        await card.Button($"Accept Conveyor drives {s}").ClickAsync();
        await Expect(card.Locator(".lead-status")).ToHaveTextAsync("Accepted");
        await card.Button($"Contacted: Conveyor drives {s}").ClickAsync();
        await Expect(card.Locator(".lead-status")).ToHaveTextAsync("Contacted");
        var won = await guest.OpenDialogAsync(card.Button($"Won…: Conveyor drives {s}"));
        await Expect(guest.Locator("#won-value")).ToHaveValueAsync("12000");
        await guest.FillAsync("#won-value", "15000");
        await won.Button("Mark as won").ClickAsync();
        await Expect(won).ToBeHiddenAsync();
        await Expect(card.Locator(".lead-status")).ToHaveTextAsync("Won");
        await Expect(card.Locator(".lead-actions")).ToHaveCountAsync(0);
        await guest.Context.CloseAsync();

        // The host's pipeline counts the win; the lead page tells the whole story.
        await page.GoAsync("/channel/pipeline");
        await Expect(page.Locator(".stat-won-value")).ToHaveTextAsync("15,000");
        await Expect(page.Locator(".pipeline-chart svg")).ToBeVisibleAsync();
        await Expect(page.Locator(".pipeline-chart")).ToHaveAttributeAsync("aria-label", new Regex($"{partner} 1 won"));
        await Expect(page.Locator(".lead-row", new() { HasText = $"Conveyor drives {s}" }).Locator(".lead-status")).ToHaveTextAsync("Won");
        await Screenshots.SaveAsync(page, "channel-pipeline-desktop");
        await page.GotoAsync(leadUrl);
        await page.WaitReadyAsync();
        await Expect(page.Locator(".lead-tl")).ToContainTextAsync($"{partner}: accepted");
        await Expect(page.Locator(".lead-tl-won")).ToContainTextAsync("Value 15,000");
        await Screenshots.SaveAsync(page, "channel-lead-desktop");
        await page.GoAsync("/channel/partners");
        await Expect(row.Locator(".track")).ToContainTextAsync("100%");
        await Screenshots.SaveAsync(page, "channel-partners-desktop");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AdminsOrderRoutingRulesAndAQueuedLeadIsAssignedByHandThenDeclinedWithAReason()
    {
        var s = Seed.Suffix();
        var partner = $"Alpine Drives {s}";
        var email = $"urs.{s}@alpine.test";
        Guid partnerId;
        using (var host = await Seed.SignInAsync(app.BaseUrl, Admin, Password))
        {
            (partnerId, var urs) = await host.PartnerAsync(app.BaseUrl, await host.MeAsync(), partner, $"Urs Keller {s}", email, "urs-password-1");
            urs.Dispose();
            await host.PartnerProfileAsync(partnerId, ["CH"], 2);
            await host.LeadAsync($"Lift drives, Graz {s}", "AT", 40_000); // nobody covers Austria: it waits in the queue
        }

        // Rules: two added through the dialog (countries only this test uses), the second moved up, then one switched off.
        var page = await chromium.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(Admin, Password);
        await page.GoAsync("/channel/partners");
        foreach (var (name, country, hours) in new[] { ($"Swiss deals {s}", "CH", "12"), ($"Austria {s}", "AT", "4") })
        {
            var dialog = await page.OpenDialogAsync(page.Locator(".rules-panel").Button("Add rule"));
            await page.FillAsync("#rule-name", name);
            await page.FillAsync("#rule-countries", country);
            await page.FillAsync("#rule-hours", hours);
            await dialog.Button("Save rule").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
        }
        var rules = page.Locator(".rule", new() { HasText = s });
        await Expect(rules).ToHaveCountAsync(2);
        await Expect(rules.Nth(1)).ToContainTextAsync("AT · 4 h to accept · capacity counts");
        await page.Locator(".rules-panel").Button($"Move Austria {s} up").ClickAsync();
        await Expect(rules.Nth(0).Locator(".rule-name")).ToHaveTextAsync($"Austria {s}");
        await rules.Nth(1).Locator("input[type=checkbox]").ClickAsync();
        await Expect(rules.Nth(1)).ToHaveClassAsync(new Regex("rule-off"));
        await Screenshots.SaveAsync(page, "channel-rules-desktop");

        // The queued lead is offered to the partner by hand.
        await page.GoAsync("/channel/pipeline");
        var queued = page.Locator(".queue-item", new() { HasText = $"Lift drives, Graz {s}" });
        var assign = await page.OpenDialogAsync(queued.Button($"Assign Lift drives, Graz {s}"));
        await assign.GetByText(partner).ClickAsync();
        await assign.Button("Assign").ClickAsync();
        await Expect(assign).ToBeHiddenAsync();
        await Expect(queued).ToHaveCountAsync(0);
        var row = page.Locator(".lead-row", new() { HasText = $"Lift drives, Graz {s}" });
        await Expect(row).ToContainTextAsync(partner);
        await Expect(row.Locator(".lead-status")).ToHaveTextAsync("Awaiting acceptance");

        // The partner declines with a reason; the lead returns to the queue and the host reads why.
        var guest = await chromium.NewPageAsync(app.BaseUrl);
        await guest.SignInAsync(email, "urs-password-1");
        await guest.GoAsync("/channel/inbox");
        var card = guest.Locator(".inbox-lead", new() { HasText = $"Lift drives, Graz {s}" });
        var decline = await guest.OpenDialogAsync(card.Button($"Decline Lift drives, Graz {s}"));
        await guest.FillAsync("#decline-reason", "We do not serve Austria.");
        await decline.Button("Decline lead").ClickAsync();
        await Expect(decline).ToBeHiddenAsync();
        await Expect(card).ToHaveCountAsync(0);
        await Expect(guest.Locator(".empty-state")).ToContainTextAsync("Nothing open right now");
        await guest.Context.CloseAsync();

        await page.GoAsync("/channel/pipeline");
        await queued.Locator("a").ClickAsync();
        await Expect(page.Locator(".lead-holder")).ToContainTextAsync("in the queue");
        await Expect(page.Locator(".lead-tl-declined")).ToContainTextAsync("“We do not serve Austria.”");
        await Expect(page.Locator(".routing-reason")).ToContainTextAsync("No partner qualifies");
        await page.Context.CloseAsync();
    }

    private async Task ScreenshotPhoneInboxAsync(string email)
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var phone = await chromium.NewPageAsync(app.BaseUrl, Chromium.Phone, scheme);
            await phone.SignInAsync(email, "jonas-password-1");
            await phone.GoAsync("/channel/inbox");
            await Expect(phone.Locator(".inbox-lead .countdown-text").First).ToBeVisibleAsync();
            await Screenshots.SaveAsync(phone, $"channel-inbox-phone{(scheme == ColorScheme.Dark ? "-dark" : "")}");
            await phone.Context.CloseAsync();
        }
    }
}

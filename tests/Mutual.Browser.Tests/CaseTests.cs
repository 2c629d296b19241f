using System.Text.RegularExpressions;
using Mutual.Browser.Tests.Support;

namespace Mutual.Browser.Tests;

/// <summary>
/// Service cases in the browser: the host's staff opens a case for a customer organization and hands it to a partner;
/// the partner finds it in its inbox, answers the customer and keeps an internal note; the customer's person follows
/// the case and reads the answer but never the note; the partner resolves it.
/// </summary>
public sealed partial class CaseTests(Chromium chromium, BrowserApp app)
{
    [Fact]
    public async Task StaffOpensACaseThePartnerAnswersInItsInboxAndTheCustomerReadsTheReplyButNeverTheNote()
    {
        var s = Seed.Suffix();
        var (customer, partner, title, outsider) = ($"Globex {s}", $"North Service {s}", $"Gearbox rattles {s}", $"Book Only {s}");
        string customerEmail, partnerEmail;
        using (var host = await Seed.SignInAsync(app.BaseUrl, BrowserApp.AdminEmail, BrowserApp.AdminPassword))
        {
            (_, customerEmail) = await host.MemberOrganizationAsync(app.BaseUrl, customer, $"Gina G {s}");
            (_, partnerEmail) = await host.MemberOrganizationAsync(app.BaseUrl, partner, $"Nils North {s}");
            await host.PartyAsync("organization", outsider); // in the book only: it has no account, so it cannot work a case
        }

        // Staff opens the case from the list; the tracking code is shown once, with the public link.
        var staff = await chromium.NewPageAsync(app.BaseUrl);
        await staff.SignInAsync(BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        await staff.Locator(".app-nav").GetByRole(AriaRole.Link, new() { Name = "Cases" }).ClickAsync();
        await Expect(staff).ToHaveURLAsync(app.BaseUrl + "/cases");
        await staff.WaitReadyAsync();
        var dialog = await staff.OpenDialogAsync(staff.Button("New case"));
        await dialog.Button("Open case").ClickAsync();
        await Expect(dialog).ToContainTextAsync("'title' is required");
        await staff.PickPartyAsync("#case-customer", customer);
        // The pick re-renders the dialog; typing before that lands could be lost to it.
        await Expect(dialog).ToContainTextAsync($"Customer: {customer}");
        await staff.FillAsync("#case-title", title);
        await staff.FillAsync("#case-description", "The gearbox rattles above 1200 rpm since the last service.");
        await staff.FillAsync("#case-reference", "ORDER-4711");
        await dialog.Button("Open case").ClickAsync();
        var code = dialog.Locator("#case-tracking-code");
        await Expect(code).ToHaveValueAsync(new Regex("^[A-Za-z0-9_-]{22}$"));
        await Expect(dialog.Locator(".case-track-link")).ToHaveTextAsync(new Regex("/track/[A-Za-z0-9_-]{22}$"));
        await Screenshots.SaveAsync(staff, "case-new-code-desktop");
        await dialog.Button("Go to the case").ClickAsync();
        await Expect(staff).ToHaveURLAsync(CaseUrl());
        var caseUrl = new Uri(staff.Url).AbsolutePath;
        await Expect(staff.Locator(".tracker-step.current")).ToContainTextAsync("Received");
        await Expect(staff.Locator(".case-sla-response")).ToContainTextAsync(new Regex("responds within (8 h|7 h 59 min)"));

        // Hand off to the partner, with a note the customer must never read; a party that cannot sign in is refused.
        dialog = await staff.OpenDialogAsync(staff.Button("Hand off…"));
        await Expect(dialog).ToContainTextAsync("never this note");
        await staff.PickPartyAsync("#handoff-to", outsider);
        await Expect(dialog).ToContainTextAsync($"To: {outsider}"); // the pick has landed before the button is pressed
        await dialog.Button("Hand off").ClickAsync();
        await Expect(dialog).ToContainTextAsync("must be another member organization");
        await staff.PickPartyAsync("#handoff-to", partner);
        await Expect(dialog).ToContainTextAsync($"To: {partner}");
        await staff.FillAsync("#handoff-note", "Warranty case, our cost");
        await dialog.Button("Hand off").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(staff.Locator(".tracker-step.current")).ToContainTextAsync("With partner");
        await Expect(staff.Locator(".case-holder")).ToHaveTextAsync(partner);
        await Expect(staff.Locator(".case-entry-handoff")).ToContainTextAsync($"You → {partner}");
        await Expect(staff.Button("Hand off…")).ToHaveCountAsync(0); // only the holder works the case
        await Expect(staff.Button("Customer link…")).ToHaveCountAsync(0);

        // The partner finds it in its inbox, answers the customer and writes an internal note.
        var north = await chromium.NewPageAsync(app.BaseUrl);
        await north.SignInAsync(partnerEmail, CommerceSeed.Password);
        await north.GoAsync("/cases");
        await Expect(north.Locator(".role-tab.active")).ToHaveTextAsync("Inbox");
        var row = north.Locator(".case-table tbody tr", new() { HasText = title });
        await Expect(row).ToContainTextAsync("With partner");
        await Expect(row).ToContainTextAsync(new Regex("Respond within (8 h|7 h 59 min)"));
        await Screenshots.SaveAsync(north, "cases-desktop");
        await PhoneShotAsync(partnerEmail, "/cases", ".case-cards .case-title", "cases-phone");
        await row.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(north).ToHaveURLAsync(app.BaseUrl + caseUrl);
        await north.WaitReadyAsync();
        await Expect(north.Locator(".case-entry-handoff")).ToContainTextAsync("Warranty case, our cost");
        await north.FillAsync("#case-text", "We will send a technician on Tuesday.");
        await north.Button("Send reply").ClickAsync();
        await Expect(north.Locator(".case-entry-reply")).ToContainTextAsync("We will send a technician on Tuesday.");
        await north.GetByRole(AriaRole.Radio, new() { Name = "Internal note" }).ClickAsync();
        await Expect(north.Locator(".case-composer-note")).ToContainTextAsync($"Only {partner} sees this");
        await north.FillAsync("#case-text", "Bearing probably worn, bring a spare.");
        await north.Button("Add note").ClickAsync();
        var note = north.Locator(".case-entry-internal");
        await Expect(note).ToContainTextAsync("Bearing probably worn");
        await Expect(note).ToContainTextAsync($"Only {partner} sees this");
        await Expect(north.Locator(".case-sla-response")).ToContainTextAsync("met");

        // Files: a log is accepted and downloads with the browser's own sign-in; a web page is refused with the server's reason.
        await north.SetInputFilesAsync("#case-file", new FilePayload { Name = "rattle.html", MimeType = "text/html", Buffer = "<script>x</script>"u8.ToArray() });
        await Expect(north.Locator(".case-upload-error")).ToContainTextAsync("Accepted: PDF, PNG");
        await north.SetInputFilesAsync("#case-file", new FilePayload { Name = "vibration.log", MimeType = "text/plain", Buffer = "rpm=1250 amplitude=high\n"u8.ToArray() });
        var file = north.Locator(".case-files .case-file-link", new() { HasText = "vibration.log" });
        await Expect(file).ToBeVisibleAsync();
        await Expect(north.Locator(".case-entry-attachment")).ToContainTextAsync("vibration.log");
        var download = await north.Context.APIRequest.GetAsync(await file.GetAttributeAsync("href") ?? "");
        Assert.Equal(200, download.Status);
        Assert.Equal("rpm=1250 amplitude=high\n", await download.TextAsync());

        // A one-time link for the customer, shown once, to send by hand.
        dialog = await north.OpenDialogAsync(north.Button("Customer link…"));
        await dialog.Button("Issue link").ClickAsync();
        await Expect(dialog.Locator("#case-customer-link")).ToHaveValueAsync(new Regex("/track/reply/[A-Za-z0-9_-]{22}$"));
        await Screenshots.SaveAsync(north, "case-customer-link-desktop");
        await dialog.Button("Done").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Screenshots.SaveAsync(north, "case-desktop");
        await PhoneShotAsync(partnerEmail, caseUrl, ".case-entry-internal", "case-phone");
        await PhoneShotAsync(partnerEmail, caseUrl, ".case-entry-internal", "case-phone-dark", ColorScheme.Dark, scroll: true);

        // The customer's person follows the case: the reply and the hand-off are there, the notes are not.
        var globex = await chromium.NewPageAsync(app.BaseUrl);
        await globex.SignInAsync(customerEmail, CommerceSeed.Password);
        await globex.GoAsync("/cases");
        await Expect(globex.Locator(".role-tab.active")).ToHaveTextAsync("As customer"); // it holds no case, so its own come first
        var mine = globex.Locator(".case-table tbody tr", new() { HasText = title });
        await Expect(mine).ToContainTextAsync(partner);
        await mine.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(globex).ToHaveURLAsync(app.BaseUrl + caseUrl);
        await globex.WaitReadyAsync();
        await Expect(globex.Locator(".case-entry-reply")).ToContainTextAsync("We will send a technician on Tuesday.");
        await Expect(globex.Locator(".case-entry-handoff")).ToContainTextAsync(partner);
        await Expect(globex.Locator(".case-timeline")).Not.ToContainTextAsync("Bearing probably worn");
        await Expect(globex.Locator(".case-timeline")).Not.ToContainTextAsync("Warranty case");
        await Expect(globex.Locator(".case-entry-internal")).ToHaveCountAsync(0);
        await Expect(globex.GetByRole(AriaRole.Radio, new() { Name = "Internal note" })).ToHaveCountAsync(0);
        await Expect(globex.Button("Move to…")).ToHaveCountAsync(0);
        await Expect(globex.Locator(".case-files")).ToContainTextAsync("vibration.log");
        await Expect(globex.Button("Confirm resolved")).ToHaveCountAsync(0); // not resolved yet

        // The partner resolves it; the customer confirms, which closes it.
        await north.Button("Move to…").ClickAsync();
        await north.GetByRole(AriaRole.Menuitem, new() { Name = "Resolve" }).ClickAsync();
        await Expect(north.Locator(".tracker-step.current")).ToContainTextAsync("Resolved");
        await globex.GoAsync(caseUrl);
        await Expect(globex.Locator(".tracker-step.current")).ToContainTextAsync("Resolved");
        await Expect(globex.Locator(".case-confirm-hint")).ToContainTextAsync($"goes back to {partner}");
        await Screenshots.SaveAsync(globex, "case-customer-resolved-desktop");
        await globex.Button("Confirm resolved").ClickAsync();
        await Expect(globex.Locator(".tracker-step.current")).ToContainTextAsync("Closed");
        await Expect(globex.Locator(".case-timeline")).ToContainTextAsync("You confirmed it is resolved");
        await Expect(globex.Locator("#case-text")).ToHaveCountAsync(0); // a closed case takes no more replies
        await Screenshots.SaveAsync(globex, "case-customer-desktop");

        // Staff sees how the organizations kept their targets above its list.
        await staff.GoAsync("/cases?view=all&stage=all");
        await Expect(staff.Locator(".case-sla-orgs")).ToContainTextAsync(partner);
        await Expect(staff.Locator(".case-table tbody tr", new() { HasText = title })).ToContainTextAsync("Closed");
        await Screenshots.SaveAsync(staff, "cases-staff-desktop");
    }

    [Fact]
    public async Task SomeoneWithoutCasesStartsOnTheirOwnAndReportsAProblemToAVendor()
    {
        string email;
        using (var host = await Seed.SignInAsync(app.BaseUrl, BrowserApp.AdminEmail, BrowserApp.AdminPassword))
            email = await host.IndividualAsync(app.BaseUrl, $"Pia Person {Seed.Suffix()}");
        var page = await chromium.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(email, CommerceSeed.Password);
        await page.GoAsync("/cases");
        await Expect(page.Locator(".role-tab.active")).ToHaveTextAsync("As customer");
        await Expect(page.Locator(".empty-state")).ToContainTextAsync("You have raised no case");
        await Expect(page.Locator(".case-sla-chart")).ToHaveCountAsync(0); // the SLA chart is for organizations' staff
        await Screenshots.SaveAsync(page, "cases-empty-desktop");

        // She reports a problem to a vendor, which holds the case from the start; she keeps the tracking code.
        var title = $"Kettle leaks {Seed.Suffix()}";
        var dialog = await page.OpenDialogAsync(page.Button("Report a problem").First); // in the header and in the empty state
        await page.PickPartyAsync("#case-vendor", BrowserApp.HostName);
        await Expect(dialog).ToContainTextAsync($"Handled by: {BrowserApp.HostName}");
        await page.FillAsync("#case-title", title);
        await page.FillAsync("#case-description", "Water comes out at the base when it boils.");
        await dialog.Button("Open case").ClickAsync();
        await Expect(dialog.Locator("#case-tracking-code")).ToHaveValueAsync(new Regex("^[A-Za-z0-9_-]{22}$"));
        await Expect(dialog).ToContainTextAsync($"is open with {BrowserApp.HostName}");
        await dialog.Button("Go to the case").ClickAsync();
        await Expect(page).ToHaveURLAsync(CaseUrl());
        await Expect(page.Locator(".case-holder")).ToHaveTextAsync(BrowserApp.HostName);
        await Expect(page.Button("Hand off…")).ToHaveCountAsync(0); // the vendor works it, not the customer

        var staff = await chromium.NewPageAsync(app.BaseUrl);
        await staff.SignInAsync(BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        await staff.GoAsync("/cases?view=inbox");
        await Expect(staff.Locator(".case-table tbody tr", new() { HasText = title })).ToContainTextAsync("Received");
    }

    private async Task PhoneShotAsync(string email, string path, string waitFor, string name, ColorScheme scheme = ColorScheme.Light, bool scroll = false)
    {
        var phone = await chromium.NewPageAsync(app.BaseUrl, Chromium.Phone, scheme);
        await phone.SignInAsync(email, CommerceSeed.Password);
        await phone.GoAsync(path);
        await Expect(phone.Locator(waitFor).First).ToBeVisibleAsync();
        if (scroll) await phone.Locator(waitFor).First.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(phone, name);
        await phone.Context.CloseAsync();
    }

    [GeneratedRegex(@"/cases/[0-9a-f-]{36}$")]
    private static partial Regex CaseUrl();
}

using System.Text.RegularExpressions;
using Mutual.Browser.Tests.Support;

namespace Mutual.Browser.Tests;

/// <summary>What the organization holding a case meets beyond the happy path: a colleague's change in the meantime,
/// and a one-time link for a customer who does not sign in.</summary>
public sealed class CaseHolderTests(Chromium chromium, BrowserApp app)
{
    [Fact]
    public async Task AMoveOverAColleaguesChangeSaysSoAndReloads()
    {
        var s = Seed.Suffix();
        string path;
        using (var host = await Seed.SignInAsync(app.BaseUrl, BrowserApp.AdminEmail, BrowserApp.AdminPassword))
        {
            var (customer, _) = await host.MemberOrganizationAsync(app.BaseUrl, $"Initech {s}", $"Ian I {s}");
            path = $"/cases/{await host.CaseAsync($"Invoice query {s}", customer, "urgent")}";
        }
        var first = await chromium.NewPageAsync(app.BaseUrl);
        await first.SignInAsync(BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        await first.GoAsync(path);
        var second = await chromium.NewPageAsync(app.BaseUrl);
        await second.SignInAsync(BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        await second.GoAsync(path);
        await Expect(second.Locator(".case-sla-response")).ToContainTextAsync(new Regex("responds within (1 h|59 min)"));

        await first.Button("Move to…").ClickAsync();
        await first.GetByRole(AriaRole.Menuitem, new() { Name = "Back to triage" }).ClickAsync();
        await Expect(first.Locator(".tracker-step.current")).ToContainTextAsync("Triage");

        // The second tab still shows the case as received: its move carries the old version and is refused.
        await second.Button("Move to…").ClickAsync();
        await second.GetByRole(AriaRole.Menuitem, new() { Name = "Resolve" }).ClickAsync();
        await Expect(second.Locator(".case-stale")).ToContainTextAsync("changed by someone else");
        await Expect(second.Locator(".tracker-step.current")).ToContainTextAsync("Received");
        await second.Locator(".case-stale").Button("Reload").ClickAsync();
        await Expect(second.Locator(".tracker-step.current")).ToContainTextAsync("Triage");
        await Expect(second.Locator(".case-stale")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheHolderIssuesACustomerLinkReadyToEmail()
    {
        var s = Seed.Suffix();
        var name = $"Carla Customer {s}";
        string path;
        using (var host = await Seed.SignInAsync(app.BaseUrl, BrowserApp.AdminEmail, BrowserApp.AdminPassword))
        {
            var carla = await host.PartyAsync("person", name, [$"carla.{s}@people.test"]);
            path = $"/cases/{await host.CaseAsync($"Warranty claim {s}", carla)}";
        }
        var page = await chromium.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        await page.GoAsync(path);
        var dialog = await page.OpenDialogAsync(page.Button("Customer link…"));
        await Expect(dialog).ToContainTextAsync("Mutual does not send it");
        await dialog.Button("Issue link").ClickAsync();
        var link = await dialog.Locator("#case-customer-link").InputValueAsync();
        Assert.Matches("/track/reply/[A-Za-z0-9_-]{22}$", link);
        var mail = dialog.GetByRole(AriaRole.Link, new() { Name = $"E-mail it to carla.{s}@people.test" });
        Assert.StartsWith($"mailto:carla.{s}%40people.test?subject=", await mail.GetAttributeAsync("href"));
        Assert.Contains(Uri.EscapeDataString(link), await mail.GetAttributeAsync("href"));
    }
}

using System.Text.RegularExpressions;
using Mutual.Browser.Tests.Support;

namespace Mutual.Browser.Tests;

/// <summary>
/// A missed SLA target as people see it: badges in the list, the staff chart's breach count leading to the breached
/// filter, and the breach line on the case. Runs on its own app with a clock the test moves past the target.
/// </summary>
public sealed class CaseSlaTests(Chromium chromium, ClockedBrowserApp app) : IClassFixture<ClockedBrowserApp>
{
    [Fact]
    public async Task AMissedResponseShowsInTheListTheChartAndTheCase()
    {
        var s = Seed.Suffix();
        var title = $"Line stopped {s}";
        using (var host = await Seed.SignInAsync(app.BaseUrl, BrowserApp.AdminEmail, BrowserApp.AdminPassword))
        {
            var (customer, _) = await host.MemberOrganizationAsync(app.BaseUrl, $"Umbrella {s}", $"Una U {s}");
            await host.CaseAsync(title, customer, "urgent");
        }
        app.Clock.Advance(TimeSpan.FromHours(2)); // the urgent response target is one hour
        await app.SweepCasesAsync();

        var page = await chromium.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        await page.GoAsync("/cases");
        var row = page.Locator(".case-table tbody tr", new() { HasText = title });
        await Expect(row.Locator(".sla-badge")).ToHaveTextAsync("response missed");
        await Expect(row).ToContainTextAsync("Urgent");
        var hostLine = page.Locator(".case-sla-orgs li", new() { HasText = BrowserApp.HostName });
        await Expect(hostLine).ToContainTextAsync("0% of 1 response on time");
        await Screenshots.SaveAsync(page, "cases-breach-desktop");

        await hostLine.GetByRole(AriaRole.Link, new() { Name = "1 breach" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("breached=true"));
        await Expect(page.GetByRole(AriaRole.Switch, new() { Name = "Missed a target" })).ToBeCheckedAsync();
        row = page.Locator(".case-table tbody tr", new() { HasText = title });
        await Expect(row).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await page.WaitReadyAsync();
        await Expect(page.Locator(".case-sla-response .sla-badge")).ToHaveTextAsync("response missed");
        await Expect(page.Locator(".case-entry-breach")).ToContainTextAsync("Response target missed by You");
    }
}

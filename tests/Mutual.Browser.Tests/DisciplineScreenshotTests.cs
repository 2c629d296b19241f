using Mutual.Browser.Tests.Support;

namespace Mutual.Browser.Tests;

/// <summary>(d) Health on the party page and the engagement dashboard's chart, and the discipline pages' screenshots.</summary>
public sealed partial class DisciplineTests
{
    [Fact]
    public async Task HealthShowsOnThePartyPageAndTheDashboardChartsIt()
    {
        var n = await SeedHealthAsync();

        foreach (var (size, viewport) in new[] { ("desktop", Chromium.Desktop), ("phone", Chromium.Phone) })
        {
            var page = await chromium.NewPageAsync(app.BaseUrl, viewport);
            await page.SignInAsync(Admin, Password);
            await Expect(page.Locator(".home-attention .attention", new() { HasText = n.Org })).ToBeVisibleAsync();
            await Expect(page.Locator(".home-stale .fact").First).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, $"my-day-discipline-{size}");

            await page.GoAsync($"/parties/{n.OrgId}");
            var health = page.Locator(".engagement-panel .health");
            await Expect(health.Locator(".health-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{1,3}$"));
            await Expect(health.Locator(".health-factor")).ToHaveCountAsync(4);
            await Expect(health).ToContainTextAsync("Recent dialogue");
            await Expect(health.Locator(".health-trend svg")).ToBeVisibleAsync();
            await Expect(page.Locator(".facts-panel .fact")).ToHaveCountAsync(3);
            await Screenshots.SaveAsync(page, $"party-facts-health-{size}");
            if (size == "desktop")
            {
                await page.Locator(".facts-panel").ScrollIntoViewIfNeededAsync();
                await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "party-facts-health-full-desktop.png"), FullPage = true });
            }

            await page.GoAsync("/engagement");
            await Expect(page.Locator(".health-chart svg")).ToBeVisibleAsync();
            await Expect(page.Locator(".health-chart")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("customers [1-9]"));
            await Expect(page.Locator(".engagement-movers")).ToContainTextAsync(n.Org);
            await Screenshots.SaveAsync(page, $"engagement-{size}");

            await page.GoAsync("/settings");
            await Expect(page.Locator(".settings-list").First).ToContainTextAsync("strategic");
            await Screenshots.SaveAsync(page, $"settings-{size}");

            var guest = await chromium.NewPageAsync(app.BaseUrl, viewport);
            await guest.SignInAsync(n.GuestEmail, "lena-password-1");
            await guest.GoAsync("/discovery/about-us");
            await Expect(guest.Locator(".about-owner .fact")).ToHaveCountAsync(2);
            await Screenshots.SaveAsync(guest, $"about-us-{size}");
            await guest.Context.CloseAsync();
            await page.Context.CloseAsync();
        }
    }

    private sealed record HealthNetwork(string Org, Guid OrgId, string GuestEmail);

    /// <summary>A customer in the strategic tier with two-way dialogue, facts of each freshness, a follow-up, and a month of snapshots.</summary>
    private async Task<HealthNetwork> SeedHealthAsync()
    {
        var s = Seed.Suffix();
        var org = $"Northwind {s}";
        var email = $"lena.{s}@northwind.test";
        Guid orgId;
        using (var host = await Seed.SignInAsync(app.BaseUrl, Admin, Password))
        {
            var hostId = await host.MeAsync();
            orgId = await host.PartyAsync("organization", org, ["hello@northwind.test"], ["key-account"]);
            var partner = await host.PartyAsync("organization", $"Fabrikam {s}");
            var lena = await host.PartyAsync("person", $"Lena Lind {s}", [email]);
            await host.RelateAsync(orgId, hostId, "customer-of");
            await host.RelateAsync(partner, hostId, "partner-of");
            await host.RelateAsync(lena, orgId, "works-for");
            await host.TierAsync(orgId, "strategic");
            await host.TierAsync(partner, "key");
            await host.FactAsync(orgId, "need.seats", "120 seats for the EMEA rollout", shared: true);
            await host.FactAsync(orgId, "renewal.date", "March 2027", shared: true);
            await host.FactAsync(orgId, "budget.total", "40k EUR", shelfLifeDays: 20);
            using var lenaApi = await host.JoinAsync(app.BaseUrl, lena, email, "lena-password-1");
            var c = await host.ConversationAsync($"Rollout plan {s}", [orgId], "Here is the rollout plan for Q1.");
            await lenaApi.PostAsync(c, "Looks good, let us talk on Monday.");
            var p = await host.ConversationAsync($"Joint offer {s}", [partner], "Shall we prepare a joint offer?");
            await host.PostAsync(p, "Logged: call with Fabrikam.", "call");
        }
        await app.SnapshotHealthAsync();
        app.Clock.Advance(TimeSpan.FromDays(10));
        await app.SnapshotHealthAsync();
        app.Clock.Advance(TimeSpan.FromDays(20)); // dialogue is now overdue and the budget fact stale
        await app.SnapshotHealthAsync();
        using (var host = await Seed.SignInAsync(app.BaseUrl, Admin, Password))
            await host.FollowUpAsync($"Call Lena about the renewal {s}", app.Clock.GetUtcNow().UtcDateTime.AddDays(-1), orgId);
        return new HealthNetwork(org, orgId, email);
    }
}

using Mutual.Browser.Tests.Support;

namespace Mutual.Browser.Tests;

/// <summary>The channel pages over the demo network: a pipeline with history, as someone trying Mutual meets it; and their screenshots.</summary>
public sealed class ChannelDemoTests(Chromium chromium, DemoBrowserApp app) : IClassFixture<DemoBrowserApp>
{
    private const string Password = "mutual-demo";

    [Fact]
    public async Task TheDemoPipelineShowsBothPartnersTheQueueAndALeadAwaitingAcceptance()
    {
        foreach (var (size, viewport, scheme) in new[]
        {
            ("desktop", Chromium.Desktop, ColorScheme.Light), ("phone", Chromium.Phone, ColorScheme.Light), ("desktop-dark", Chromium.Desktop, ColorScheme.Dark),
        })
        {
            var page = await chromium.NewPageAsync(app.BaseUrl, viewport, scheme);
            await page.SignInAsync("hannah@northwind.example", Password);
            await page.GoAsync("/channel/pipeline");
            await Expect(page.Locator(".pipeline-chart")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("Baltic Automation .*Iberia Industrial Services"));
            await Expect(page.Locator(".queue-item")).ToHaveCountAsync(1);
            await Expect(page.Locator(".queue-item")).ToContainTextAsync("Press line drives, Zaragoza");
            await Expect(page.Locator(".lead-row")).ToHaveCountAsync(12);
            await Screenshots.SaveAsync(page, $"channel-demo-pipeline-{size}");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, $"channel-demo-pipeline-full-{size}.png"), FullPage = true });

            await page.GoAsync("/channel/partners");
            await Expect(page.Locator(".partner-row")).ToHaveCountAsync(2);
            await Expect(page.Locator(".partner-row", new() { HasText = "Baltic Automation" }).Locator(".chip-expired")).ToContainTextAsync("conveyor-specialist");
            await Expect(page.Locator(".rule")).ToHaveCountAsync(2);
            await Screenshots.SaveAsync(page, $"channel-demo-partners-{size}");

            await page.GoAsync("/channel/pipeline?status=unassigned");
            await page.Locator(".lead-row a", new() { HasText = "Press line drives, Zaragoza" }).ClickAsync();
            await Expect(page.Locator(".lead-tl-declined")).ToContainTextAsync("No engineers free");
            await Expect(page.Locator(".lead-holder")).ToContainTextAsync("in the queue");
            await Screenshots.SaveAsync(page, $"channel-demo-lead-{size}");
            await page.Context.CloseAsync();

            var jonas = await chromium.NewPageAsync(app.BaseUrl, viewport, scheme);
            await jonas.SignInAsync("jonas@baltic-automation.example", Password);
            await jonas.GoAsync("/channel/inbox");
            var offer = jonas.Locator(".inbox-lead-offer");
            await Expect(offer).ToContainTextAsync("Cold-store conveyors, Tartu");
            await Expect(offer.Locator(".countdown-text")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d h \d+ min left$"));
            await Screenshots.SaveAsync(jonas, $"channel-demo-inbox-{size}");
            await jonas.Context.CloseAsync();
        }
    }
}

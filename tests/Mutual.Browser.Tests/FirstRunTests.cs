using Mutual.Browser.Tests.Support;

namespace Mutual.Browser.Tests;

public sealed class FirstRunTests(Chromium chromium, EmptyBrowserApp app) : IClassFixture<EmptyBrowserApp>
{
    [Fact]
    public async Task AnEmptyDatabaseLeadsToSetupWhichCreatesTheAdminAndSignsIn()
    {
        var page = await chromium.NewPageAsync(app.BaseUrl);

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/setup");
        await page.FillAsync("#organization", "Acme Works");
        await page.FillAsync("#name", "Ada Admin");
        await page.FillAsync("#email", "ada@acme.test");
        await page.FillAsync("#password", "short");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator(".auth-field-error")).ToContainTextAsync("at least 8 characters");
        await Screenshots.SaveAsync(page, "setup-error-desktop");

        await page.FillAsync("#password", "a-long-enough-password");
        await page.ClickAsync("button[type=submit]");
        await page.WaitReadyAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        await Expect(page.Locator(".app-bar .user-badge")).ToContainTextAsync("Ada Admin · acting for Acme Works");
        // A new book: every list on My day is empty and says what it is for.
        await Expect(page.Locator(".home-attention .empty-state")).ToContainTextAsync("Every relationship is in touch");
        await Expect(page.Locator(".home-stale .empty-state")).ToContainTextAsync("Everything you know is current");
        await Expect(page.Locator(".home-followups .empty-state")).ToContainTextAsync("No follow-ups due");
        await Expect(page.Locator(".empty-state", new() { HasText = "You are all caught up" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "home-empty-desktop");

        var stranger = await chromium.NewPageAsync(app.BaseUrl);
        await stranger.GotoAsync("/setup");
        await Expect(stranger).ToHaveURLAsync(Ui.LoginUrl());
        await stranger.SignInAsync("ada@acme.test", "a-long-enough-password");
        await Expect(stranger.Locator(".app-bar .user-badge")).ToContainTextAsync("acting for Acme Works");
    }
}

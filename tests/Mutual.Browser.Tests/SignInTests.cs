using Mutual.Browser.Tests.Support;

namespace Mutual.Browser.Tests;

public sealed class SignInTests(Chromium chromium, BrowserApp app)
{
    [Fact]
    public async Task WrongPasswordIsRefusedAndTheRightOneOpensTheRequestedPage()
    {
        var page = await chromium.NewPageAsync(app.BaseUrl);

        await page.GotoAsync("/parties");
        await Expect(page).ToHaveURLAsync(Ui.LoginUrl());
        await page.FillAsync("#email", BrowserApp.AdminEmail);
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is wrong.");

        await page.FillAsync("#email", BrowserApp.AdminEmail);
        await page.FillAsync("#password", BrowserApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/parties");
        await Expect(page.Locator(".app-bar .user-badge")).ToContainTextAsync($"{BrowserApp.AdminName} · acting for {BrowserApp.HostName}");
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        var page = await chromium.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        await page.SignOutAsync();

        await page.GotoAsync("/conversations");
        await Expect(page).ToHaveURLAsync(Ui.LoginUrl());
    }
}

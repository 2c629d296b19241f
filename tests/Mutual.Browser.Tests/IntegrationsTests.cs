using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Mutual.Browser.Tests.Support;

namespace Mutual.Browser.Tests;

/// <summary>
/// Webhooks and API keys in the browser: secrets shown once, the delivery log fed by a real dispatcher pass,
/// redelivery, rotation, and keys that work until they are revoked. Runs on an app that may deliver to loopback.
/// </summary>
public sealed partial class IntegrationsTests(Chromium chromium, WebhookBrowserApp app) : IClassFixture<WebhookBrowserApp>
{
    private const string Admin = BrowserApp.AdminEmail;
    private const string Password = BrowserApp.AdminPassword;
    // Nothing listens on the discard port: every attempt fails at once with a connection error.
    private const string DeadUrl = "http://127.0.0.1:9/hook";

    [Fact]
    public async Task AnEndpointIsAddedWithItsSecretShownOnceAndItsDeliveryLogFills()
    {
        var page = await chromium.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(Admin, Password);
        await page.Locator(".app-nav").GetByRole(AriaRole.Link, new() { Name = "Integrations" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/integrations");
        await Expect(page.Locator(".empty-state", new() { HasText = "No webhook endpoints yet" })).ToBeVisibleAsync();

        // Field errors from Core, next to their fields; then a valid endpoint for one event type.
        var dialog = await page.OpenDialogAsync(page.Button("Add endpoint"));
        await page.FillAsync("#webhook-url", "not a url");
        await dialog.Button("Add endpoint").ClickAsync();
        await Expect(dialog.Locator(".mud-input-control", new() { Has = page.Locator("#webhook-url") })).ToContainTextAsync("'url' must be an absolute https URL.");
        await Expect(dialog.Locator(".event-picker .field-error")).ToContainTextAsync("must name at least one event type");
        await page.FillAsync("#webhook-url", DeadUrl);
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "party.created" }).CheckAsync();
        await dialog.Button("Add endpoint").ClickAsync();

        var secret = dialog.Locator("#webhook-secret");
        await Expect(secret).ToHaveValueAsync(WhsecSecret());
        await Expect(dialog).ToContainTextAsync("you will not see this again");
        var shown = await secret.InputValueAsync();
        await Screenshots.SaveAsync(page, "webhook-secret-once-desktop");
        await dialog.Button("Done").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        var row = page.Locator(".hook-row", new() { HasText = DeadUrl });
        await Expect(row).ToContainTextAsync("party.created");
        await Expect(row).ToContainTextAsync("no deliveries yet");
        Assert.DoesNotContain(shown, await page.ContentAsync());

        // An event, fanned out and sent (and failed: nothing listens) by the worker's own services.
        using (var host = await Seed.SignInAsync(app.BaseUrl, Admin, Password))
            await host.PartyAsync("organization", $"Hooked {Seed.Suffix()}");
        await app.PumpWebhooksAsync();
        await page.GoAsync("/integrations");
        await Expect(row.Locator(".hook-last")).ToContainTextAsync("pending · no answer");
        await Expect(row).ToContainTextAsync("failing since");
        await ScreenshotBothAsync(page, "integrations");

        await row.GetByRole(AriaRole.Link, new() { Name = DeadUrl }).ClickAsync();
        await page.WaitReadyAsync();
        var delivery = page.Locator(".delivery-row", new() { HasText = "party.created" });
        await Expect(delivery).ToHaveCountAsync(1);
        await Expect(delivery.Locator("td[data-label=Attempts]")).ToHaveTextAsync("1");
        await Expect(delivery.Locator("td[data-label='Last error']")).Not.ToHaveTextAsync("—");
        await Expect(delivery.Locator("td[data-label='Next attempt']")).Not.ToHaveTextAsync("—");
        await Expect(page.Locator(".delivery-chart svg")).ToBeVisibleAsync();
        await Expect(page.Locator(".signature-help")).ToContainTextAsync("webhook-signature");
        await Expect(page.Locator(".signature-help a[href='https://www.standardwebhooks.com']")).ToBeVisibleAsync();
        await ScreenshotBothAsync(page, "webhook-endpoint");

        // Redeliver starts a fresh schedule: no attempts yet, due now.
        await delivery.GetByRole(AriaRole.Button, new() { NameRegex = RedeliverName() }).ClickAsync();
        await Expect(delivery.Locator("td[data-label=Attempts]")).ToHaveTextAsync("0");

        // Disable and enable again from the page; the owner's reason shows while it is off.
        await page.Button("Disable").ClickAsync();
        await Expect(page.Locator(".hook-summary")).ToContainTextAsync("Disabled by its owner.");
        await Expect(delivery.GetByRole(AriaRole.Button, new() { NameRegex = RedeliverName() })).ToBeDisabledAsync();
        await page.Button("Enable").ClickAsync();
        await Expect(page.Locator(".hook-summary .status-ok")).ToHaveTextAsync("enabled");

        // Edit: subscribe to everything.
        var edit = await page.OpenDialogAsync(page.Button("Edit"));
        await edit.GetByRole(AriaRole.Checkbox, new() { Name = "All events, including ones added later" }).CheckAsync();
        await edit.Button("Save").ClickAsync();
        await Expect(edit).ToBeHiddenAsync();
        await Expect(page.Locator(".hook-summary")).ToContainTextAsync("all events");

        // Rotate: a new secret, once, with the grace period explained.
        var rotate = await page.OpenDialogAsync(page.Button("Rotate secret"));
        await Expect(rotate).ToContainTextAsync("24 hours");
        await rotate.Button("Rotate secret").ClickAsync();
        await Expect(rotate.Locator("#webhook-secret")).ToHaveValueAsync(WhsecSecret());
        Assert.NotEqual(shown, await rotate.Locator("#webhook-secret").InputValueAsync());
        await rotate.Button("Done").ClickAsync();
        await Expect(page.Locator(".hook-summary")).ToContainTextAsync("previous secret also signs until");

        // Delete, confirmed, takes the endpoint and its log away.
        await page.Button("Delete").ClickAsync();
        await page.MudDialog().Button("Delete").ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/integrations");
        await Expect(page.Locator(".empty-state", new() { HasText = "No webhook endpoints yet" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnApiKeyIsShownOnceWorksWithinItsScopesAndStopsWhenRevoked()
    {
        var page = await chromium.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(Admin, Password);
        await page.GoAsync("/integrations");
        await Expect(page.Locator(".empty-state", new() { HasText = "No API keys yet" })).ToBeVisibleAsync();

        var dialog = await page.OpenDialogAsync(page.Button("Create key"));
        await dialog.Button("Create key").ClickAsync();
        await Expect(dialog).ToContainTextAsync("'name' is required.");
        await Expect(dialog.Locator(".field-error")).ToContainTextAsync("must name at least one scope");
        var name = $"ERP sync {Seed.Suffix()}";
        await page.FillAsync("#key-name", name);
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "parties:read" }).CheckAsync();
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "leads:write" }).CheckAsync();
        await Screenshots.SaveAsync(page, "api-key-create-desktop");
        await dialog.Button("Create key").ClickAsync();
        var keyField = dialog.Locator("#api-key-value");
        await Expect(keyField).ToHaveValueAsync(new Regex("^mk_"));
        await Expect(dialog).ToContainTextAsync("you will not see this again");
        var key = await keyField.InputValueAsync();
        await dialog.Button("Done").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        var row = page.Locator(".key-row", new() { HasText = name });
        await Expect(row).ToContainTextAsync(key[..9] + "…" + key[^4..]);
        await Expect(row).ToContainTextAsync("parties read");
        await Expect(row).ToContainTextAsync("leads write");
        await Expect(row.Locator(".status-chip")).ToHaveTextAsync("active");
        Assert.DoesNotContain(key, await page.ContentAsync());
        Assert.Equal(HttpStatusCode.OK, await GetPartiesAsync(key));

        await Screenshots.SaveAsync(page, "integrations-keys-desktop");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}" }).ClickAsync();
        await page.MudDialog().Button("Revoke").ClickAsync();
        await Expect(row.Locator(".status-chip")).ToContainTextAsync("revoked");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}" })).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.Unauthorized, await GetPartiesAsync(key));
        await page.Context.CloseAsync();
    }

    private async Task<HttpStatusCode> GetPartiesAsync(string key)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return (await http.GetAsync("api/v1/parties")).StatusCode;
    }

    /// <summary>Desktop and phone, light and dark, of the page as it is now.</summary>
    private async Task ScreenshotBothAsync(IPage page, string name)
    {
        var url = new Uri(page.Url).PathAndQuery;
        await Screenshots.SaveAsync(page, $"{name}-desktop");
        foreach (var (suffix, viewport, scheme) in new[] { ("phone", Chromium.Phone, ColorScheme.Light), ("dark-desktop", Chromium.Desktop, ColorScheme.Dark) })
        {
            var other = await chromium.NewPageAsync(app.BaseUrl, viewport, scheme);
            await other.SignInAsync(Admin, Password);
            await other.GoAsync(url);
            await Expect(other.Locator(".hook-row, .delivery-row").First).ToBeVisibleAsync();
            await Screenshots.SaveAsync(other, $"{name}-{suffix}");
            await other.Context.CloseAsync();
        }
    }

    [GeneratedRegex("^whsec_[A-Za-z0-9+/=]{40,}$")]
    private static partial Regex WhsecSecret();

    [GeneratedRegex("^Redeliver party.created ")]
    private static partial Regex RedeliverName();
}

/// <summary>On the ordinary app (private networks not allowed), a loopback endpoint is refused next to its field.</summary>
public sealed class WebhookGuardTests(Chromium chromium, BrowserApp app)
{
    [Fact]
    public async Task APrivateAddressIsRefusedWithAFieldError()
    {
        var page = await chromium.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        await page.GoAsync("/integrations");
        var dialog = await page.OpenDialogAsync(page.Button("Add endpoint"));
        await page.FillAsync("#webhook-url", "https://127.0.0.1/hook");
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "All events, including ones added later" }).CheckAsync();
        await dialog.Button("Add endpoint").ClickAsync();
        await Expect(dialog.Locator(".mud-input-control", new() { Has = page.Locator("#webhook-url") }))
            .ToContainTextAsync("'url' points to a private, loopback or otherwise internal address.");
        await Expect(dialog.Locator("#webhook-secret")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}

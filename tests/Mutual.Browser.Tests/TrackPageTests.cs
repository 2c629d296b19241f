using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mutual.Browser.Tests.Support;

namespace Mutual.Browser.Tests;

/// <summary>The public tracking page in a browser with JavaScript switched off: read, sign in, answer.</summary>
public sealed class TrackPageTests(Chromium chromium, BrowserApp app)
{
    [Fact]
    public async Task TheCustomerFollowsAndAnswersACaseWithoutJavaScript()
    {
        var suffix = Seed.Suffix();
        using var host = await Seed.SignInAsync(app.BaseUrl, BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        var email = $"lea-{suffix}@lumen.test";
        var (customerOrg, customer) = await host.PartnerAsync(app.BaseUrl, await host.MeAsync(), $"Lumen Café {suffix}", "Lea Lumen", email, "lumen-password-1");
        customer.Dispose();
        using var staff = await ApiAsync(BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        var opened = await PostAsync(staff, "api/v1/cases", new { title = "Espresso machine leaks", customerPartyId = customerOrg, description = "Water under the group head", priority = "high" });
        var id = opened["id"]!.GetValue<Guid>();
        var code = opened["trackingCode"]!.GetValue<string>();
        await PostAsync(staff, $"api/v1/cases/{id}/replies", new { text = "Thanks, Lea. Could you send the serial number from the label at the back?" });
        await PostAsync(staff, $"api/v1/cases/{id}/notes", new { text = "Likely the gasket; check stock." });
        (await staff.PatchAsJsonAsync($"api/v1/cases/{id}", new { stage = "awaiting_customer" })).EnsureSuccessStatusCode();

        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, ViewportSize = Chromium.Phone, JavaScriptEnabled = false, TimezoneId = "UTC" });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/track/{code}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Espresso machine leaks");
        await Expect(page.Locator(".status")).ToContainTextAsync("Waiting for your answer");
        await Expect(page.Locator(".steps [aria-current=step]")).ToHaveTextAsync("In progress");
        await Expect(page.Locator(".replies")).ToContainTextAsync("serial number");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("gasket");
        await Screenshots.SaveAsync(page, "track-public-phone");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "lumen-password-1");
        await page.ClickAsync("button[type=submit]");
        await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/track/{code}");

        await page.ClickAsync("button:has-text('Send reply')"); // empty: the browser's own required check keeps it here
        await page.GetByLabel("Your reply").FillAsync("Serial is LX-4711-B.");
        await page.ClickAsync("button:has-text('Send reply')");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("your answer is on the case");
        await Expect(page.Locator(".replies li.mine")).ToContainTextAsync("Serial is LX-4711-B.");
        await Expect(page.Locator(".status")).ToContainTextAsync("Being looked at");
        await page.SetViewportSizeAsync(Chromium.Desktop.Width, Chromium.Desktop.Height);
        await Screenshots.SaveAsync(page, "track-customer-desktop");
        await context.CloseAsync();
    }

    private async Task<HttpClient> ApiAsync(string email, string password)
    {
        var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl + "/") };
        var response = await http.PostAsJsonAsync("api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<JsonObject> PostAsync(HttpClient http, string path, object body)
    {
        var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}

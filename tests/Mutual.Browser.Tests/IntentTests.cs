using System.Text.RegularExpressions;
using Mutual.Browser.Tests.Support;

namespace Mutual.Browser.Tests;

/// <summary>
/// Issue 4 point 4 from both sides in the browser: a person publishes an intent; a matching vendor sees it under a
/// pseudonym and offers; the person compares the offers side by side and accepts one; the conversation opens for both.
/// </summary>
public sealed class IntentTests(Chromium chromium, BrowserApp app)
{
    [Fact]
    public async Task APersonPublishesAVendorOffersThePersonAcceptsAndTheConversationOpensForBoth()
    {
        var s = Seed.Suffix();
        var (buyerName, vendorName, rivalName, category) = ($"Ines Buyer {s}", $"Rueda Bikes {s}", $"Pedal Co {s}", $"city-bikes-{s}");
        string vendorEmail, rivalEmail;
        using (var host = await Seed.SignInAsync(app.BaseUrl, BrowserApp.AdminEmail, BrowserApp.AdminPassword))
        {
            (_, vendorEmail) = await host.MemberOrganizationAsync(app.BaseUrl, vendorName, $"Rosa Rueda {s}");
            (_, rivalEmail) = await host.MemberOrganizationAsync(app.BaseUrl, rivalName, $"Paco Pedal {s}");
        }
        using (var v = await Seed.SignInAsync(app.BaseUrl, vendorEmail, CommerceSeed.Password)) await v.VendorProfileAsync([category], ["ES"]);
        // A rival of the same category offers first through the API, so there is something to compare.
        using var rival = await Seed.SignInAsync(app.BaseUrl, rivalEmail, CommerceSeed.Password);
        await rival.VendorProfileAsync([category], ["ES-MD"]);
        var (buyerApi, _) = await Seed.RegisterAsync(app.BaseUrl, buyerName, $"ines-{s}@people.test", "ines-password-1");
        buyerApi.Dispose();

        // The person publishes from /intents; a bad location is reported at its field, then fixed.
        var me = await chromium.NewPageAsync(app.BaseUrl);
        await me.SignInAsync($"ines-{s}@people.test", "ines-password-1");
        await me.Locator(".app-nav").GetByRole(AriaRole.Link, new() { Name = "Intents" }).ClickAsync();
        await Expect(me).ToHaveURLAsync(app.BaseUrl + "/intents");
        await me.WaitReadyAsync();
        await Expect(me.Locator(".empty-state", new() { HasText = "No intent yet" })).ToBeVisibleAsync();
        var dialog = await me.OpenDialogAsync(me.Button("Publish an intent").First);
        await me.FillAsync("#intent-title", "A city bike for commuting");
        await me.FillAsync("#intent-category", category);
        await me.FillAsync("#intent-description", "Upright, with lights and a rack; 1.70 m rider.");
        await me.FillAsync("#intent-budget", "600");
        await me.FillAsync("#intent-location", "Madrid");
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "No marketing" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Phone numbers" }).ClickAsync();
        await dialog.Button("Publish").ClickAsync();
        await Expect(dialog.Locator(".mud-input-control", new() { Has = me.Locator("#intent-location") })).ToContainTextAsync("ISO 3166");
        await me.FillAsync("#intent-location", "ES-MD");
        await Screenshots.SaveAsync(me, "intent-publish-desktop");
        await dialog.Button("Publish").ClickAsync();
        await Expect(me).ToHaveURLAsync(new Regex("/intents/[0-9a-f-]{36}$"));
        var intentId = Guid.Parse(new Uri(me.Url).AbsolutePath.Split('/')[^1]);
        await Expect(me.Locator(".intent-head")).ToContainTextAsync("No marketing");
        await Expect(me.Locator(".intent-head")).ToContainTextAsync(buyerName);
        await Expect(me.Locator(".empty-state", new() { HasText = "No offer yet" })).ToBeVisibleAsync();

        // The vendor sees it in Open intents under a pseudonym, with the terms, and offers.
        var shop = await chromium.NewPageAsync(app.BaseUrl);
        await shop.SignInAsync(vendorEmail, CommerceSeed.Password);
        await shop.Locator(".app-nav").GetByRole(AriaRole.Link, new() { Name = "Intents" }).ClickAsync();
        await shop.WaitReadyAsync();
        var card = shop.Locator(".intent-card", new() { HasText = "A city bike for commuting" });
        await Expect(card).ToContainTextAsync("Buyer ");
        await Expect(card).Not.ToContainTextAsync(buyerName);
        await Expect(card).ToContainTextAsync("No marketing");
        await Expect(card).ToContainTextAsync("EUR 600.00");
        await Screenshots.SaveAsync(shop, "intents-open-desktop");
        var offer = await shop.OpenDialogAsync(card.GetByRole(AriaRole.Button, new() { Name = "Make an offer" }));
        await shop.FillAsync("#offer-summary", "Dutch city bike, lights and rack fitted, delivered in a week.");
        await shop.FillAsync("#offer-price", "549");
        await offer.Button("Send offer").ClickAsync();
        await Expect(offer).ToBeHiddenAsync();
        await Expect(card.Locator(".offer-status-pending")).ToHaveTextAsync("Pending");
        await Expect(card).ToContainTextAsync("EUR 549.00");
        // On the intent's own page the vendor sees who of its people should answer; the buyer stated no values.
        await shop.GoAsync($"/intents/{intentId}");
        var reps = shop.Locator(".contact-card", new() { HasText = "Who should answer" });
        await Expect(reps.GetByTestId("offer-reps-none")).ToContainTextAsync("has not shared stated values");
        await Expect(shop.Locator(".app-main")).Not.ToContainTextAsync(buyerName);
        await rival.OfferAsync(intentId, "Steel commuter, two-year service included.", 640m);

        // The person compares both side by side and accepts the vendor's, after a confirm.
        await me.GoAsync($"/intents/{intentId}");
        var offers = me.Locator(".offer-card");
        await Expect(offers).ToHaveCountAsync(2);
        await Expect(me.Locator(".offer-card", new() { HasText = rivalName })).ToContainTextAsync("EUR 640.00");
        await Screenshots.SaveAsync(me, "intent-offers-desktop");
        await me.Button($"Accept the offer of {vendorName}").ClickAsync();
        await me.MudDialog().Button("Accept").ClickAsync();
        await Expect(me.Locator(".intent-head .status-chip")).ToHaveTextAsync("Accepted");
        await Expect(me.Locator(".offer-card", new() { HasText = vendorName }).Locator(".status-chip")).ToHaveTextAsync("Accepted");
        await Expect(me.Locator(".offer-card", new() { HasText = rivalName })).ToContainTextAsync("The buyer chose another offer.");
        await Screenshots.SaveAsync(me, "intent-accepted-desktop");
        await me.GetByRole(AriaRole.Link, new() { Name = "Open the conversation" }).ClickAsync();
        await Expect(me).ToHaveURLAsync(new Regex("/conversations/[0-9a-f-]{36}$"));
        await Expect(me.Locator("body")).ToContainTextAsync("Dutch city bike");

        // The vendor finds the conversation in its inbox, and now knows who the buyer is.
        await shop.GoAsync("/conversations");
        await Expect(shop.Locator(".conv-row", new() { HasText = "A city bike for commuting" })).ToContainTextAsync(buyerName);
        await shop.GoAsync($"/intents/{intentId}");
        await Expect(shop.Locator(".intent-head")).ToContainTextAsync(buyerName);
        await Expect(shop.Locator(".offer-card .status-chip")).ToHaveTextAsync("Accepted");

        // My vendors lists the vendor the acceptance tied the person to, with the accepted offer.
        await me.GoAsync("/me/vendors");
        var vendorCard = me.Locator(".vendor-card", new() { HasText = vendorName });
        await Expect(vendorCard.Locator(".vendor-offers")).ToContainTextAsync("A city bike for commuting");
        await Expect(vendorCard.Locator(".vendor-offers .status-chip")).ToHaveTextAsync("Accepted");

        // Phone-width pictures of the buyer's comparison and list.
        var phone = await chromium.NewPageAsync(app.BaseUrl, Chromium.Phone);
        await phone.SignInAsync($"ines-{s}@people.test", "ines-password-1");
        await phone.GoAsync($"/intents/{intentId}");
        await Expect(phone.Locator(".offer-card")).ToHaveCountAsync(2);
        await Screenshots.SaveAsync(phone, "intent-offers-phone");
        await phone.GoAsync("/intents");
        await Expect(phone.Locator(".intent-card")).ToContainTextAsync("2 offers");
        await Screenshots.SaveAsync(phone, "intents-phone");
        await phone.Context.CloseAsync();
    }
}

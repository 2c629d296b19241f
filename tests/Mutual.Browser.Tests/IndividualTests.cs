using System.Text.RegularExpressions;
using Mutual.Browser.Tests.Support;

namespace Mutual.Browser.Tests;

/// <summary>
/// Issue 4 from both sides in the browser: a person signs up, fills in their profile, shares parts of it with a vendor under
/// their terms; the vendor accepts the terms and sees exactly the shared fields on the person's page; the person sees that
/// read in their access log, revokes, and the vendor's card is gone.
/// </summary>
public sealed partial class IndividualTests(Chromium chromium, BrowserApp app)
{
    [Fact]
    public async Task APersonSignsUpSharesUnderTermsTheVendorAcceptsAndReadsAndARevocationEndsIt()
    {
        var s = Seed.Suffix();
        var (vendor, name, email, password) = ($"Velo Shop {s}", $"Iris Individual {s}", $"iris-{s}@people.test", "iris-password-1");
        string vendorEmail;
        using (var host = await Seed.SignInAsync(app.BaseUrl, BrowserApp.AdminEmail, BrowserApp.AdminPassword))
            (_, vendorEmail) = await host.MemberOrganizationAsync(app.BaseUrl, vendor, $"Vera Velo {s}");

        // Sign up from the login page's link; the new person lands on their profile, signed in.
        var me = await chromium.NewPageAsync(app.BaseUrl);
        await me.GotoAsync("/login");
        await me.GetByRole(AriaRole.Link, new() { Name = "Create your account" }).ClickAsync();
        await Expect(me).ToHaveURLAsync(app.BaseUrl + "/signup");
        await me.FillAsync("#name", name);
        await me.FillAsync("#email", email);
        await me.FillAsync("#password", "short");
        await me.ClickAsync("button[type=submit]");
        await Expect(me.Locator(".auth-field-error")).ToContainTextAsync("'password' must be at least");
        await me.FillAsync("#password", password);
        await me.ClickAsync("button[type=submit]");
        await Expect(me).ToHaveURLAsync(new Regex("/me/profile"));
        await me.WaitReadyAsync();
        await Expect(me.Locator(".app-nav")).ToContainTextAsync("My vendors");
        await Expect(me.Locator(".app-nav")).Not.ToContainTextAsync("Engagement");

        // The profile: the sign-up email is there; add a phone, an address (the country is checked at its field) and a preference.
        await Expect(me.Locator("#email-0")).ToHaveValueAsync(email);
        await me.Button("Add phone").ClickAsync();
        await me.FillAsync("#phone-0", "+49 30 1234567");
        await me.Button("Add address").ClickAsync();
        await me.FillAsync("#address-0-label", "home");
        await me.FillAsync("#address-0-line1", "Lindenstraße 5");
        await me.FillAsync("#address-0-postcode", "10969");
        await me.FillAsync("#address-0-city", "Berlin");
        await me.Button("Add preference").ClickAsync();
        await me.FillAsync("#pref-0-key", "contact.time");
        await me.FillAsync("#pref-0-value", "evenings");
        await me.Button("Save profile").ClickAsync();
        await Expect(me.Locator(".profile-address .field-error")).ToContainTextAsync("ISO 3166-1");
        await me.Locator(".profile-address div.mud-select").First.ClickAsync();
        await me.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Germany (DE)" }).ClickAsync();
        // The choice reaches the server after the menu's close animation; a save clicked before it is shown still sees
        // the old value (as it would for a person that quick).
        await Expect(me.GetByRole(AriaRole.Combobox, new() { Name = "Country" })).ToHaveTextAsync("Germany (DE)");
        await me.Button("Save profile").ClickAsync();
        await Expect(me.Locator(".mud-snackbar")).ToContainTextAsync("Profile saved.");
        await Expect(me.Locator(".profile-address .field-error")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(me, "profile-desktop");

        // Share email, phone and preferences (not the address) with the vendor, under a term.
        await me.GoAsync("/me/consents");
        var dialog = await me.OpenDialogAsync(me.Button("Share with a vendor").First);
        await me.PickPartyAsync("#share-with", vendor);
        await Expect(dialog).ToContainTextAsync($"With: {vendor}");
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Email addresses" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Phone numbers" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Preferences" }).First.ClickAsync();
        await me.FillAsync("#share-purpose", "Delivery of my new bike");
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "No sharing" }).ClickAsync();
        await Screenshots.SaveAsync(me, "consent-share-desktop");
        await dialog.Button("Share").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        var card = me.Locator(".consent-card", new() { HasText = vendor });
        await Expect(card.Locator(".status-chip")).ToHaveTextAsync("Awaiting their answer");
        await Expect(card).ToContainTextAsync("Delivery of my new bike");

        // The vendor accepts the terms and sees the shared fields, and only those, on the person's page.
        var shop = await chromium.NewPageAsync(app.BaseUrl);
        await shop.SignInAsync(vendorEmail, CommerceSeed.Password);
        await shop.GoAsync("/consents");
        var pending = shop.Locator(".consent-card", new() { HasText = name });
        await Expect(pending).ToContainTextAsync("No sharing");
        await Expect(pending.Locator(".status-chip")).ToHaveTextAsync("Terms to answer");
        await Screenshots.SaveAsync(shop, "consents-vendor-desktop");
        await pending.Button("Accept terms").ClickAsync();
        var granted = shop.Locator(".consent-card", new() { HasText = name });
        await Expect(granted.Locator(".status-chip")).ToHaveTextAsync("Active");
        await Expect(granted).ToContainTextAsync("Accepted by");
        await granted.GetByRole(AriaRole.Link, new() { Name = "See what they share" }).ClickAsync();
        await Expect(shop).ToHaveURLAsync(new Regex("/parties/[0-9a-f-]{36}$"));
        var partyUrl = new Uri(shop.Url).AbsolutePath;
        var shared = shop.Locator(".shared-profile");
        await Expect(shared).ToContainTextAsync(email);
        await Expect(shared).ToContainTextAsync("+49 30 1234567");
        await Expect(shared).ToContainTextAsync("evenings");
        await Expect(shared).ToContainTextAsync("Delivery of my new bike");
        await Expect(shared).Not.ToContainTextAsync("Lindenstraße"); // the address was not shared
        await Screenshots.SaveAsync(shop, "party-shared-profile-desktop");

        // The person sees the read in the access log, and the terms record on their side.
        await me.GoAsync("/me/access-log");
        await Expect(me.Locator(".access-row").First).ToContainTextAsync(vendor);
        await Expect(me.Locator(".access-row").First).ToContainTextAsync("Delivery of my new bike");
        await Expect(me.Locator(".access-chart")).ToContainTextAsync("Reads per organization");
        await Screenshots.SaveAsync(me, "access-log-desktop");
        await me.GoAsync("/me/consents");
        card = me.Locator(".consent-card", new() { HasText = vendor });
        await Expect(card.Locator(".status-chip")).ToHaveTextAsync("Active");

        // Revoking (after a confirm) ends it at once: the vendor's card is gone on its next look.
        await card.Button("Revoke").ClickAsync();
        await me.MudDialog().Button("Revoke").ClickAsync();
        await Expect(card.Locator(".status-chip")).ToHaveTextAsync("Revoked");
        await shop.GoAsync(partyUrl);
        await Expect(shop.Locator("h1")).ToHaveTextAsync(name);
        await Expect(shop.Locator(".shared-profile")).ToHaveCountAsync(0);

        // My vendors lists the shop with the revoked consent; phone-width pictures of it and of the profile.
        await me.GoAsync("/me/vendors");
        await Expect(me.Locator(".vendor-card", new() { HasText = vendor })).ToContainTextAsync("Revoked");
        await Screenshots.SaveAsync(me, "my-vendors-desktop");
        var phone = await chromium.NewPageAsync(app.BaseUrl, Chromium.Phone);
        await phone.SignInAsync(email, password);
        await phone.GoAsync("/me/profile");
        await Expect(phone.Locator("#address-0-line1")).ToHaveValueAsync("Lindenstraße 5");
        await Screenshots.SaveAsync(phone, "profile-phone");
        await phone.GoAsync("/me/vendors");
        await Expect(phone.Locator(".vendor-card").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(phone, "my-vendors-phone");
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task AnOrganizationStatesWhatItSellsAndIsToldTheIndividualPagesAreNotItsOwn()
    {
        var s = Seed.Suffix();
        string vendorEmail;
        using (var host = await Seed.SignInAsync(app.BaseUrl, BrowserApp.AdminEmail, BrowserApp.AdminPassword))
            (_, vendorEmail) = await host.MemberOrganizationAsync(app.BaseUrl, $"Sun Roofs {s}", $"Sol Roof {s}");
        var page = await chromium.NewPageAsync(app.BaseUrl);
        await page.SignInAsync(vendorEmail, CommerceSeed.Password);
        await page.Locator(".app-nav").GetByRole(AriaRole.Link, new() { Name = "Vendor profile" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/settings/vendor-profile");
        await page.WaitReadyAsync();
        await Expect(page.Locator(".vendor-profile")).ToContainTextAsync("Not saved yet");
        await page.FillAsync("#vendor-categories", "solar_panels");
        await page.Button("Save vendor profile").ClickAsync();
        await Expect(page.Locator(".vendor-profile")).ToContainTextAsync("Each category is a slug");
        await page.Locator(".chip-input-chips .mud-chip-close-button").First.ClickAsync();
        await page.FillAsync("#vendor-categories", "solar-panels, heat-pumps");
        await page.Locator("#vendor-categories").PressAsync("Enter");
        await page.FillAsync("#vendor-territories", "de at");
        await page.Button("Save vendor profile").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Vendor profile saved.");
        await page.GoAsync("/settings/vendor-profile");
        await Expect(page.Locator(".vendor-profile")).ToContainTextAsync("heat-pumps");
        await Expect(page.Locator(".vendor-profile")).ToContainTextAsync("AT");
        await Screenshots.SaveAsync(page, "vendor-profile-desktop");

        // The individual's own pages tell an organization where its side lives instead.
        await page.GoAsync("/me/profile");
        await Expect(page.Locator(".empty-state")).ToContainTextAsync("This page is for individuals");
        await Expect(page.Locator("#profile-name")).ToHaveCountAsync(0);
    }
}

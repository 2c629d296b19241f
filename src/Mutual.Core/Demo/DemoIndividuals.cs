using Microsoft.EntityFrameworkCore;
using Mutual.Core.Consent;
using Mutual.Core.Data;
using Mutual.Core.Individuals;

namespace Mutual.Core.Demo;

/// <summary>
/// The buy side of the demo: what the host and its partners sell and where (vendor profiles), three individuals who keep
/// their own profiles — two invited by the host, one who signed up on their own — and the consents they gave, under their
/// own terms, with the reads those consents allowed. Everything goes through the services the API uses, as each party.
/// </summary>
internal sealed partial class DemoLoader
{
    public async Task IndividualsAsync()
    {
        await VendorProfileAsync("hannah", ["drives", "gearboxes", "motors", "field-service", "spare-parts"],
            ["DE", "AT", "CH", "PL", "CZ", "NL", "DK", "US"]);
        await VendorProfileAsync("jonas", ["drives", "conveyors", "automation", "field-service"], ["LT", "LV", "EE", "PL"]);
        await VendorProfileAsync("carmen", ["drives", "field-service", "spare-parts"], ["ES", "PT"]);

        await SignUpAsync("sofia", "Sofia Lindqvist", "sofia.lindqvist@mail.example", 40);
        await ProfileAsync("tom", 60, new ProfileRequest("Tom Becker", ["tom.becker@mail.example"], ["+49 40 5550 7781"],
            [new PostalAddress("Workshop", "Am Kanal 12", null, "Hamburg", null, "20457", "DE")],
            new() { ["contact.hours"] = "Weekdays after 16:00", ["language"] = "de" }));
        await ProfileAsync("maria", 66, new ProfileRequest("Maria Santos", ["maria.santos@mail.example"], ["+351 21 555 0142"],
            [new PostalAddress("Home workshop", "Rua das Flores 28", "2º", "Lisboa", null, "1200-195", "PT")],
            new() { ["language"] = "pt", ["delivery"] = "Leave parcels with the neighbour at number 30" }));
        await ProfileAsync("sofia", 39, new ProfileRequest("Sofia Lindqvist", ["sofia.lindqvist@mail.example"], [],
            [new PostalAddress(null, "Tallinna 5", null, "Tartu", null, "51005", "EE")],
            new() { ["contact.channel"] = "email", ["language"] = "en" }));

        // Tom shares contact details with the host without terms: live at once; the host's support reads them.
        await GrantAsync("tom", "northwind", ["contact.email", "contact.phone"], "Service reminders for my workshop drive", [], 58);
        await ReadProfileAsync("daniel", "tom", 57);
        await ReadProfileAsync("priya", "tom", 21);
        // Maria's order: purchase-only and no sharing, which the host accepts before reading her address.
        var order = await GrantAsync("maria", "northwind", ["contact.email", "address.postal"], "Delivery of my gearbox order",
            ["purchase-only", "no-sharing"], 65, expiresInDays: 90);
        await AnswerAsync("daniel", order, accept: true, 65);
        await ReadProfileAsync("daniel", "maria", 64);
        // Maria let Iberia call her about a local service visit, then changed her mind.
        var call = await GrantAsync("maria", "iberia", ["contact.phone"], "A local technician for a service visit", [], 30);
        await ReadProfileAsync("carmen", "maria", 29);
        await RevokeAsync("maria", call, 12);
        // Sofia asked Baltic for a quote, intent-only; Baltic has not answered her terms yet, so nothing flows.
        await GrantAsync("sofia", "baltic", ["contact.email", "preferences"], "A quote for a conveyor retrofit",
            ["intent-only", "no-marketing"], 3, expiresInDays: 30);
    }

    private async Task VendorProfileAsync(string by, string[] categories, string[] territories)
    {
        clock.Set(BookDay - 5, 9);
        await using var db = await AsAsync(by);
        Check(await new VendorProfiles(db, clock).PutAsync(new VendorProfileRequest([.. categories], [.. territories]), null, ct), "vendor profile " + by);
    }

    private async Task SignUpAsync(string key, string name, string email, int daysAgo)
    {
        clock.Set(daysAgo, 19);
        Check(await new Registration(factory, clock, auth).RegisterAsync(new RegisterRequest(email, DemoNetwork.Password, name), ct), "sign up " + email);
        await using var system = await factory.CreateSystemAsync(ct);
        var account = await system.Accounts.AsNoTracking().FirstAsync(a => a.Email == email, ct);
        _parties[key] = account.PersonPartyId;
        await AddAccountAsync(key, account);
    }

    private async Task ProfileAsync(string who, int daysAgo, ProfileRequest request)
    {
        clock.Set(daysAgo, 20);
        await using var db = await AsAsync(who);
        Check(await new MyProfile(db, clock).PutAsync(request, null, ct), "profile " + who);
    }

    private async Task<Guid> GrantAsync(string who, string vendor, string[] scopes, string purpose, string[] terms, int daysAgo, int? expiresInDays = null)
    {
        var at = clock.Set(daysAgo, 18);
        await using var db = await AsAsync(who);
        var request = new GrantConsentRequest(_parties[vendor], [.. scopes], purpose, at.AddDays(expiresInDays ?? 365).UtcDateTime, [.. terms]);
        return Check(await new Consents(db).GrantAsync(request, ct), $"{who} grants {vendor}").Id;
    }

    private async Task AnswerAsync(string who, Guid consentId, bool accept, int daysAgo)
    {
        clock.Set(daysAgo, 9.5);
        await using var db = await AsAsync(who);
        var consents = new Consents(db);
        Check(accept ? await consents.AcceptAsync(consentId, null, ct) : await consents.DeclineAsync(consentId, new(null), null, ct), "answer consent");
    }

    private async Task ReadProfileAsync(string who, string individual, int daysAgo)
    {
        clock.Set(daysAgo, 10);
        await using var db = await AsAsync(who);
        Check(await new SharedProfiles(db).ReadAsync(_parties[individual], ct), $"{who} reads {individual}");
    }

    private async Task RevokeAsync(string who, Guid consentId, int daysAgo)
    {
        clock.Set(daysAgo, 21);
        await using var db = await AsAsync(who);
        Check(await new Consents(db).RevokeAsync(consentId, null, ct), "revoke consent");
    }
}

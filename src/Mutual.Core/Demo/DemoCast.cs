using Mutual.Core.Access;
using Mutual.Core.Accounts;
using Mutual.Core.Parties;

namespace Mutual.Core.Demo;

/// <summary>Who is in the demo network, how they are related, and who joined it by invitation.</summary>
internal sealed partial class DemoLoader
{
    /// <summary>The day (counted back from today) the host set up its book; the story starts here.</summary>
    private const int BookDay = 124;

    /// <summary>Returns false when the database got an account meanwhile (the bootstrap refuses).</summary>
    public async Task<bool> LoadCastAsync()
    {
        clock.Set(BookDay + 1, 8);
        var bootstrap = await new AccountSetup(factory, clock, auth).BootstrapAsync(
            new SetupRequest(DemoNetwork.HostName, "Hannah Weber", "hannah@northwind.example", DemoNetwork.Password), ct);
        if (bootstrap.Kind == OutcomeKind.Conflict) return false;
        var hannah = Check(bootstrap, "bootstrap");
        _parties["northwind"] = hannah.ActingPartyId;
        _parties["hannah"] = hannah.PersonPartyId;
        await AddAccountAsync("hannah", hannah);
        await DescribeHostAsync();
        await StaffAsync("daniel", "Daniel Novak", "daniel@northwind.example");
        await StaffAsync("priya", "Priya Shah", "priya@northwind.example");
        await StaffAsync("lukas", "Lukas Meyer", "lukas@northwind.example");

        await PartnersAndSuppliersAsync();
        await CustomersAsync();
        await RelationshipsAsync();
        await InvitationsAsync();
        await LaterContactsAsync();
        return true;
    }

    private async Task DescribeHostAsync()
    {
        clock.Set(BookDay + 1, 8.5);
        await using var db = await AsAsync("hannah");
        var request = new UpdatePartyRequest
        {
            Emails = new List<string?> { "info@northwind.example" },
            Phones = new List<string?> { "+49 40 5550 1000" },
            Website = "https://northwind.example",
            PublicProfile = "Industrial drives, gearboxes and motors, made in Hamburg since 1987. Service in 14 countries through our partners.",
        };
        Check(await new UpdatePartyHandler(db, clock).HandleAsync(_parties["northwind"], request, null, ct), "describe host");
    }

    private async Task PartnersAndSuppliersAsync()
    {
        await OrganizationAsync("lukas", "baltic", "Baltic Automation", "baltic-automation.example", ["partner", "eu", "baltics"],
            "System integrator for drives and conveyors in Lithuania, Latvia and Estonia. Certified Northwind service partner.");
        await PersonAsync("lukas", "jonas", "Jonas Petrauskas", "jonas@baltic-automation.example", ["sales"], "baltic", 2100);
        await PersonAsync("lukas", "ieva", "Ieva Kalniņa", null, ["service-engineer"], "baltic", 700);
        await OrganizationAsync("lukas", "iberia", "Iberia Industrial Services", "iberia-industrial.example", ["reseller", "eu", "iberia"],
            "Reseller and field service for industrial drives in Spain and Portugal.");
        await PersonAsync("lukas", "carmen", "Carmen Ruiz", "carmen@iberia-industrial.example", ["partner-manager"], "iberia", 1600);
        await OrganizationAsync("hannah", "steelworks", "Steelworks Ostrava", "steelworks-ostrava.example", ["supplier", "eu", "steel"],
            "Forged blanks and alloy steel bar since 1951.");
        await PersonAsync("hannah", "petr", "Petr Dvořák", "petr@steelworks-ostrava.example", ["sales"], "steelworks", 3300);
        await OrganizationAsync("daniel", "apex", "Apex Motion", "apex-motion.example", ["competitor", "servo"]);
    }

    private async Task CustomersAsync()
    {
        await OrganizationAsync("daniel", "globex", "Globex Manufacturing", "globex.example", ["key-account", "automotive", "eu"],
            "Automotive components; plants in Poznań and Győr.");
        await PersonAsync("daniel", "ana", "Ana Lima", "ana@globex.example", ["procurement"], "globex", 1900);
        await PersonAsync("daniel", "felix", "Felix Braun", "felix@globex.example", ["plant-engineering"], "globex", 1200);
        await OrganizationAsync("daniel", "initech", "Initech Packaging", "initech.example", ["packaging", "eu"],
            "Packaging lines for food and pharma.");
        await PersonAsync("daniel", "joanna", "Joanna Park", "joanna@initech.example", ["purchasing"], "initech", 1000);
        await PersonAsync("daniel", "samuel", "Samuel Okafor", null, ["maintenance"], "initech", 2500);
        await OrganizationAsync("daniel", "umbrella", "Umbrella Foods", "umbrella-foods.example", ["at-risk", "food", "eu"]);
        await PersonAsync("daniel", "marco", "Marco Rossi", "marco@umbrella-foods.example", ["operations"], "umbrella", 399);
        await PersonAsync("daniel", "lena", "Lena Fischer", null, ["quality"], "umbrella", 800);
        await PersonAsync("daniel", "tom", "Tom Becker", "tom.becker@mail.example", ["individual", "workshop"]);
    }

    private async Task RelationshipsAsync()
    {
        await RelateAsync("hannah", "globex", "customer-of", "northwind", 1500);
        await RelateAsync("hannah", "initech", "customer-of", "northwind", 700);
        await RelateAsync("hannah", "umbrella", "customer-of", "northwind", 1100);
        await RelateAsync("hannah", "tom", "customer-of", "northwind", 540);
        await RelateAsync("lukas", "umbrella", "customer-of", "iberia", 400);
        await RelateAsync("hannah", "steelworks", "supplier-of", "northwind", 3000);
        await RelateAsync("hannah", "steelworks", "supplier-of", "apex", 1800);
        await RelateAsync("lukas", "baltic", "partner-of", "northwind", 1200);
        await RelateAsync("lukas", "iberia", "reseller-of", "northwind", 800);
        await RelateAsync("hannah", "apex", "competitor-of", "northwind", 4000);
        await RelateAsync("daniel", "daniel", "knows", "ana", 1400);
        await RelateAsync("lukas", "ana", "knows", "jonas", 900);
        // Marco came to Umbrella from Initech: the old job stays on record as history.
        var marcoAtInitech = await RelateAsync("daniel", "marco", "works-for", "initech", 2600);
        await EndAsync("daniel", marcoAtInitech, 400);
    }

    private async Task InvitationsAsync()
    {
        await InviteAsync("daniel", "ana", "ana@globex.example", 118);
        await InviteAsync("lukas", "jonas", "jonas@baltic-automation.example", 117);
        await InviteAsync("lukas", "carmen", "carmen@iberia-industrial.example", 116);
        await InviteAsync("hannah", "petr", "petr@steelworks-ostrava.example", 115);
        await InviteAsync("daniel", "joanna", "joanna@initech.example", 114);
        await InviteAsync("daniel", "tom", "tom.becker@mail.example", 113);
    }

    /// <summary>Parties that enter the story later: a customer won from the competitor, a referral, a private prospect, a partner's own lead.</summary>
    private async Task LaterContactsAsync()
    {
        await OrganizationAsync("hannah", "wayne", "Wayne Bottling", "wayne-bottling.example", ["key-account", "beverage", "us"], daysAgo: 102);
        await PersonAsync("hannah", "grace", "Grace Hall", "grace@wayne-bottling.example", ["management"], "wayne", 3000, 102);
        await PersonAsync("hannah", "victor", "Victor Stone", "victor@wayne-bottling.example", ["maintenance"], "wayne", 1300, 102);
        await PersonAsync("hannah", "ruth", "Ruth Adams", null, ["purchasing"], "wayne", 600, 102);
        var wayneAtApex = await RelateAsync("hannah", "wayne", "customer-of", "apex", 2200, 102);
        await EndAsync("hannah", wayneAtApex, 110, 102);
        await RelateAsync("hannah", "wayne", "customer-of", "northwind", 100);

        await PersonAsync("daniel", "maria", "Maria Santos", "maria.santos@mail.example", ["individual", "workshop"], daysAgo: 73);
        await RelateAsync("daniel", "tom", "referred", "maria", 73, 73);
        await InviteAsync("daniel", "maria", "maria.santos@mail.example", 72);
        await RelateAsync("daniel", "maria", "customer-of", "northwind", 69);

        await OrganizationAsync("lukas", "stark", "Stark Logistics", "stark-logistics.example", ["logistics", "eu", "new-customer"], daysAgo: 49);
        await PersonAsync("lukas", "olga", "Olga Ivanova", "olga@stark-logistics.example", ["engineering"], "stark", 1100, 49);
        await RelateAsync("lukas", "baltic", "referred", "stark", 50, 49);
        await RelateAsync("daniel", "stark", "customer-of", "northwind", 23);

        await OrganizationAsync("daniel", "vandelay", "Vandelay Imports", "vandelay.example", ["prospect", "logistics"], daysAgo: 27);
        await PersonAsync("daniel", "helen", "Helen Brooks", "helen@vandelay.example", ["operations"], "vandelay", 2000, 27);

        // In Baltic Automation's own book: the host never sees it.
        await OrganizationAsync("jonas", "rigadairy", "Riga Dairy Cooperative", "riga-dairy.example", ["lead", "food", "baltics"], daysAgo: 23);
    }
}

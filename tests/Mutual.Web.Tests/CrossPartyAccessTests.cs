using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using Mutual.Web.Tests.Support;

namespace Mutual.Web.Tests;

/// <summary>
/// The product's promise: an actor from another party cannot read, change or even detect what it may not
/// see. Every endpoint is probed with the partner's credentials against the host's private records.
/// </summary>
public sealed class CrossPartyAccessTests(MutualApp app) : IClassFixture<MutualApp>
{
    private sealed record World(HttpClient Host, Guid HostId, Member Partner, Guid Prospect, Guid Relationship, Guid Conversation, Guid Message, Guid SharedConversation, Guid Fact, Guid Task, string Tag, Guid Invitation, Guid Rival, Guid Lead, Guid Rule, Guid Webhook, Guid ApiKey, Purchase Shop, Guid Case, Guid CaseFile, Sharing Sharing);

    /// <summary>An individual who shares with the rival: one consent accepted under terms (read once), one still proffered.</summary>
    private sealed record Sharing(Individual Individual, Guid Consent, Guid Proffered, Member Vendor, Guid Intent, Guid Offer);

    /// <summary>The host buying from another seller, whose order went to a rival partner: North Partners is a partner of the same seller.</summary>
    private sealed record Purchase(Guid Cart, Guid Product, Guid Order, Guid HostProduct);

    private async Task<World> BuildAsync()
    {
        var host = await app.AdminAsync();
        var hostId = (await host.GetJson("/api/v1/me"))["actingPartyId"]!.GetValue<Guid>();
        var partner = await app.JoinAsync(host, "North Partners", "Pia Partner");
        // Each world's prospect has words of its own, so one test's invitation cannot show up in another's search.
        var tag = Guid.NewGuid().ToString("N")[..8];
        var prospect = await host.CreatePartyAsync("person", $"Secret{tag} Prospect", [$"secret{tag}@prospect.test"], [$"whale{tag}"]);
        var colleague = await host.CreatePartyAsync("organization", "Prospect Holdings");
        var relationship = await host.RelateAsync(prospect, colleague, "works-for");
        var conversation = (await host.PostJson("/api/v1/conversations", new { subject = "Private pricing", participantPartyIds = new[] { prospect }, body = "Host-only notes" })).Id();
        var shared = (await host.PostJson("/api/v1/conversations", new { subject = "Joint deal", participantPartyIds = new[] { partner.OrganizationId }, body = "Hello partner" })).Id();
        var message = (await host.GetJson($"/api/v1/conversations/{conversation}/messages")).Items()[0].Id();
        // A fact about the partner itself, kept private by the host: the subject must not see it either.
        var fact = (await host.PostJson($"/api/v1/parties/{partner.OrganizationId}/facts", new { key = "preference.margin", value = "thin", source = "internal" })).Id();
        var task = (await host.PostJson("/api/v1/tasks", new { title = "Call the prospect", dueAt = DateTime.UtcNow.AddDays(1), partyId = prospect })).Id();
        await host.PutAsJsonAsync($"/api/v1/parties/{prospect}/engagement", new { tier = "strategic" });
        var invited = await host.CreatePartyAsync("person", $"Invitee {tag}");
        var invitation = (await host.PostJson($"/api/v1/parties/{invited}/invitations", new { email = $"invitee{tag}@host.test" })).Id();
        var webhook = (await host.PostJson("/api/v1/webhooks", new { url = "https://93.184.216.34/hook", events = new[] { "party.created" } })).Id();
        var apiKey = (await host.PostJson("/api/v1/api-keys", new { name = "Host sync", scopes = new[] { "parties:read" } })).Id();
        // A lead of the host's routed to a rival partner, in a territory of this world's own.
        var rival = await app.JoinAsync(host, "Rival Partners", "Rita Rival");
        var territory = $"DE-{tag[..3].ToUpperInvariant()}";
        (await host.PutAsJsonAsync($"/api/v1/partners/{rival.OrganizationId}/profile", new { territories = new[] { territory }, capacity = 10 })).EnsureSuccessStatusCode();
        // Tests of this class run one after another on one app, and an organization keeps at most 100 routing rules:
        // the rules of earlier worlds, whose tests are done, go first.
        foreach (var old in (await host.GetJson("/api/v1/routing-rules")).Items())
            (await host.DeleteAsync($"/api/v1/routing-rules/{old.Id()}")).EnsureSuccessStatusCode();
        var rule = (await host.PostJson("/api/v1/routing-rules", new { name = $"Rule {tag}", countries = new[] { territory } })).Id();
        var lead = (await host.PostJson("/api/v1/leads", new { title = "Secret deal", contactName = "Carl Contact", country = "DE", region = territory[3..] })).Id();
        // A case of the host's for the prospect, handed to the rival: the partner never held it.
        var serviceCase = (await host.PostJson("/api/v1/cases", new { title = "Secret case", customerPartyId = prospect, description = "Host-only case" })).Id();
        var caseFile = (await (await (await host.PostAsync($"/api/v1/cases/{serviceCase}/attachments", CaseAttachmentTests.Form("secret.png", CaseAttachmentTests.Png))).Expect(HttpStatusCode.Created)).Json()).Id();
        await host.PostJson($"/api/v1/cases/{serviceCase}/handoffs", new { toPartyId = rival.OrganizationId, note = "Rival only" }, HttpStatusCode.OK);
        return new World(host, hostId, partner, prospect, relationship, conversation, message, shared, fact, task, tag, invitation, rival.OrganizationId, lead, rule, webhook, apiKey, await ShopAsync(host, partner), serviceCase, caseFile,
            await ShareAsync(rival, tag));
    }

    private async Task<Sharing> ShareAsync(Member rival, string tag)
    {
        var individual = await app.RegisterAsync($"Indy{tag} Individual");
        await (await individual.Client.PutJsonAsync("/api/v1/me/profile", Individuals.FullProfile($"Indy{tag} Individual", individual.Email))).Expect(HttpStatusCode.OK);
        var consent = await individual.GrantAsync(rival.OrganizationId, ["contact.email", "contact.phone"], ["no-sharing"]);
        await (await rival.Client.PostAsync($"/api/v1/consents/{consent}/accept", null)).Expect(HttpStatusCode.OK);
        var proffered = await individual.GrantAsync(rival.OrganizationId, ["preferences"], ["intent-only"]);
        await rival.Client.GetJson($"/api/v1/parties/{individual.PartyId}/profile");
        await (await rival.Client.PutJsonAsync($"/api/v1/parties/{individual.PartyId}/contact-person", new { repPartyId = rival.PersonId })).Expect(HttpStatusCode.OK);
        // An intent the rival matches and offered on; the partner has no vendor profile.
        await rival.Client.VendorProfileAsync(["heat-pumps"], ["ES"]);
        var intent = (await individual.PublishAsync("ES")).Id();
        var offer = await rival.OfferAsync(intent);
        return new Sharing(individual, consent, proffered, rival, intent, offer);
    }

    private async Task<Purchase> ShopAsync(HttpClient host, Member partner)
    {
        var seller = await app.JoinAsync(host, "Rival Seller", "Rita Seller");
        var rival = await app.JoinAsync(host, "Rival Fulfil", "Rolf Rival");
        await app.AddPartnerProfileAsync(seller.OrganizationId, rival.OrganizationId, ["DE"], 10);
        await app.AddPartnerProfileAsync(seller.OrganizationId, partner.OrganizationId, ["DE"], 10);
        var product = (await seller.Client.CreateProductAsync("RS-1", Commerce.Price("DE", 10m))).Id();
        await seller.Client.SetPartnerPriceAsync(product, rival.OrganizationId, Commerce.Price("DE", 9m));
        await seller.Client.SetPartnerPriceAsync(product, partner.OrganizationId, Commerce.Price("DE", 11m));
        var first = (await host.OpenCartAsync(seller.OrganizationId, "DE")).Id();
        await host.SetLineAsync(first, product, 1);
        var order = (await host.CheckoutAsync(first)).Id();
        var cart = (await host.OpenCartAsync(seller.OrganizationId, "DE")).Id();
        await host.SetLineAsync(cart, product, 2);
        var hostProduct = (await host.PostJson("/api/v1/catalogue/products", new { sku = "HOST-" + Guid.NewGuid().ToString("N")[..6], name = "Unreleased", active = false, prices = Array.Empty<object>() })).Id();
        return new Purchase(cart, product, order, hostProduct);
    }

    public static TheoryData<string, string> HiddenEndpoints => new()
    {
        { "GET", "/api/v1/parties/{prospect}" },
        { "PATCH", "/api/v1/parties/{prospect}" },
        { "GET", "/api/v1/parties/{prospect}/relationships" },
        { "GET", "/api/v1/parties/{prospect}/timeline" },
        { "GET", "/api/v1/parties/{prospect}/paths?to={host}" },
        { "GET", "/api/v1/parties/{host}/paths?to={prospect}" },
        { "POST", "/api/v1/parties/{prospect}/invitations" },
        { "GET", "/api/v1/relationships/{relationship}" },
        { "POST", "/api/v1/relationships/{relationship}/end" },
        { "GET", "/api/v1/conversations/{conversation}" },
        { "GET", "/api/v1/conversations/{conversation}/messages" },
        { "POST", "/api/v1/conversations/{conversation}/messages" },
        { "POST", "/api/v1/conversations/{conversation}/read" },
        { "GET", "/api/v1/conversations/{conversation}/messages/{message}" },
        { "PATCH", "/api/v1/parties/{host}" },
        { "GET", "/api/v1/parties/{prospect}/facts" },
        { "POST", "/api/v1/parties/{prospect}/facts" },
        { "GET", "/api/v1/facts/{fact}" },
        { "POST", "/api/v1/facts/{fact}/confirm" },
        { "GET", "/api/v1/facts/{fact}/history" },
        { "DELETE", "/api/v1/facts/{fact}" },
        { "GET", "/api/v1/parties/{prospect}/engagement" },
        { "PUT", "/api/v1/parties/{prospect}/engagement" },
        { "GET", "/api/v1/parties/{prospect}/health" },
        { "GET", "/api/v1/tasks/{task}" },
        { "GET", "/api/v1/invitations/{invitation}" },
        { "PATCH", "/api/v1/tasks/{task}" },
        { "GET", "/api/v1/leads/{lead}" },
        { "PATCH", "/api/v1/leads/{lead}" },
        { "POST", "/api/v1/leads/{lead}/accept" },
        { "POST", "/api/v1/leads/{lead}/decline" },
        { "POST", "/api/v1/leads/{lead}/assign" },
        { "GET", "/api/v1/partners/{rival}/profile" },
        { "DELETE", "/api/v1/partners/{rival}/profile" },
        { "GET", "/api/v1/routing-rules/{rule}" },
        { "PATCH", "/api/v1/routing-rules/{rule}" },
        { "DELETE", "/api/v1/routing-rules/{rule}" },
        { "GET", "/api/v1/webhooks/{webhook}" },
        { "PATCH", "/api/v1/webhooks/{webhook}" },
        { "DELETE", "/api/v1/webhooks/{webhook}" },
        { "POST", "/api/v1/webhooks/{webhook}/rotate-secret" },
        { "GET", "/api/v1/webhooks/{webhook}/deliveries" },
        { "POST", "/api/v1/webhooks/{webhook}/deliveries/{webhook}/redeliver" },
        { "GET", "/api/v1/api-keys/{apikey}" },
        { "DELETE", "/api/v1/api-keys/{apikey}" },
        { "GET", "/api/v1/carts/{cart}" },
        { "PATCH", "/api/v1/carts/{cart}" },
        { "PUT", "/api/v1/carts/{cart}/lines/{product}" },
        { "DELETE", "/api/v1/carts/{cart}/lines/{product}" },
        { "GET", "/api/v1/carts/{cart}/partners" },
        { "POST", "/api/v1/carts/{cart}/checkout" },
        { "GET", "/api/v1/orders/{order}" },
        { "PATCH", "/api/v1/orders/{order}" },
        { "GET", "/api/v1/catalogue/products/{hostproduct}" },
        { "PATCH", "/api/v1/catalogue/products/{hostproduct}" },
        { "DELETE", "/api/v1/catalogue/products/{hostproduct}" },
        { "GET", "/api/v1/catalogue/products/{hostproduct}/partner-prices" },
        { "PUT", "/api/v1/catalogue/products/{hostproduct}/partner-prices/{host}" },
        { "PUT", "/api/v1/catalogue/products/{product}/partner-prices/{host}" },
        { "GET", "/api/v1/cases/{case}" },
        { "PATCH", "/api/v1/cases/{case}" },
        { "POST", "/api/v1/cases/{case}/handoffs" },
        { "GET", "/api/v1/cases/{case}/timeline" },
        { "POST", "/api/v1/cases/{case}/replies" },
        { "POST", "/api/v1/cases/{case}/notes" },
        { "POST", "/api/v1/cases/{case}/confirm" },
        { "POST", "/api/v1/cases/{case}/customer-links" },
        { "POST", "/api/v1/cases/{case}/tracking-code" },
        { "GET", "/api/v1/cases/{case}/attachments" },
        { "POST", "/api/v1/cases/{case}/attachments" },
        { "GET", "/api/v1/cases/{case}/attachments/{casefile}" },
        { "GET", "/api/v1/consents/{consent}" },
        { "DELETE", "/api/v1/consents/{consent}" },
        { "POST", "/api/v1/consents/{consent}/accept" },
        { "POST", "/api/v1/consents/{consent}/decline" },
        { "GET", "/api/v1/consents/{proffered}" },
        { "DELETE", "/api/v1/consents/{proffered}" },
        { "POST", "/api/v1/consents/{proffered}/accept" },
        { "POST", "/api/v1/consents/{proffered}/decline" },
        { "GET", "/api/v1/parties/{individual}/profile" },
        { "GET", "/api/v1/parties/{prospect}/rep-matches" },
        { "GET", "/api/v1/parties/{prospect}/contact-person" },
        { "PUT", "/api/v1/parties/{prospect}/contact-person" },
        { "DELETE", "/api/v1/parties/{prospect}/contact-person" },
        { "GET", "/api/v1/parties/{individual}/contact-person" },
        { "DELETE", "/api/v1/parties/{individual}/contact-person" },
        { "GET", "/api/v1/intents/{intent}" },
        { "GET", "/api/v1/intents/{intent}/offers" },
        { "POST", "/api/v1/intents/{intent}/offers" },
        { "POST", "/api/v1/intents/{intent}/withdraw" },
        { "POST", "/api/v1/intents/{intent}/reveal" },
        { "POST", "/api/v1/intents/{intent}/offers/{offer}/accept" },
        { "POST", "/api/v1/intents/{intent}/offers/{offer}/withdraw" },
        { "GET", "/api/v1/intents/{intent}/rep-matches" },
    };

    [Theory]
    [MemberData(nameof(HiddenEndpoints))]
    public async Task PartnerGets404ForTheHostsPrivateRecords(string method, string template)
    {
        var w = await BuildAsync();
        var url = template.Replace("{prospect}", w.Prospect.ToString()).Replace("{relationship}", w.Relationship.ToString())
            .Replace("{conversation}", w.Conversation.ToString()).Replace("{host}", w.HostId.ToString()).Replace("{message}", w.Message.ToString())
            .Replace("{fact}", w.Fact.ToString()).Replace("{task}", w.Task.ToString())
            .Replace("{invitation}", w.Invitation.ToString()).Replace("{lead}", w.Lead.ToString()).Replace("{rival}", w.Rival.ToString())
            .Replace("{rule}", w.Rule.ToString())
            .Replace("{webhook}", w.Webhook.ToString()).Replace("{apikey}", w.ApiKey.ToString())
            .Replace("{cart}", w.Shop.Cart.ToString()).Replace("{product}", w.Shop.Product.ToString()).Replace("{order}", w.Shop.Order.ToString())
            .Replace("{hostproduct}", w.Shop.HostProduct.ToString()).Replace("{case}", w.Case.ToString())
            .Replace("{casefile}", w.CaseFile.ToString())
            .Replace("{consent}", w.Sharing.Consent.ToString()).Replace("{proffered}", w.Sharing.Proffered.ToString()).Replace("{individual}", w.Sharing.Individual.PartyId.ToString())
            .Replace("{intent}", w.Sharing.Intent.ToString()).Replace("{offer}", w.Sharing.Offer.ToString());
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PATCH" or "PUT")
            request.Content = JsonContent.Create(new { name = "Hijacked", body = "Injected", email = "x@evil.test", tags = new[] { "pwned" }, key = "x.y", value = "Injected", source = "evil", tier = "key", status = "confirmed", enabled = false, events = new[] { "*" },
                quantity = 5, country = "FR", stage = "closed", text = "Injected", toPartyId = w.Partner.OrganizationId, active = true, prices = new[] { new { region = "*", currency = "EUR", amount = 1m } } });
        var response = await w.Partner.Client.SendAsync(request);
        await response.Expect(HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        // Nothing changed on the host's side.
        var prospect = await w.Host.GetJson($"/api/v1/parties/{w.Prospect}");
        Assert.Equal($"Secret{w.Tag} Prospect", prospect["name"]!.GetValue<string>());
        Assert.Equal(1, (await w.Host.GetJson($"/api/v1/conversations/{w.Conversation}"))["messageCount"]!.GetValue<int>());
        Assert.True((await w.Host.GetJson($"/api/v1/relationships/{w.Relationship}"))["active"]!.GetValue<bool>());
        Assert.Equal("Host Co", (await w.Host.GetJson($"/api/v1/parties/{w.HostId}"))["name"]!.GetValue<string>());
        var fact = await w.Host.GetJson($"/api/v1/facts/{w.Fact}");
        Assert.Equal("thin", fact["value"]!.GetValue<string>());
        Assert.Equal(1, fact["version"]!.GetValue<int>());
        Assert.Empty((await w.Host.GetJson($"/api/v1/parties/{w.Prospect}/facts")).Items());
        Assert.Equal("open", (await w.Host.GetJson($"/api/v1/tasks/{w.Task}"))["status"]!.GetValue<string>());
        Assert.Equal("strategic", (await w.Host.GetJson($"/api/v1/parties/{w.Prospect}/engagement"))["tier"]!.GetValue<string>());
        var lead = await w.Host.GetJson($"/api/v1/leads/{w.Lead}");
        Assert.Equal(("assigned", w.Rival, 1), (lead["status"]!.GetValue<string>(), lead["assignedPartnerPartyId"]!.GetValue<Guid>(), lead["version"]!.GetValue<int>()));
        Assert.Equal(1, (await w.Host.GetJson($"/api/v1/partners/{w.Rival}/profile"))["version"]!.GetValue<int>());
        Assert.Equal($"Rule {w.Tag}", (await w.Host.GetJson($"/api/v1/routing-rules/{w.Rule}"))["name"]!.GetValue<string>());
        var webhook = await w.Host.GetJson($"/api/v1/webhooks/{w.Webhook}");
        Assert.True(webhook["enabled"]!.GetValue<bool>());
        Assert.Equal(1, webhook["version"]!.GetValue<int>());
        Assert.Equal(["party.created"], webhook["events"].Strings());
        Assert.True((await w.Host.GetJson($"/api/v1/api-keys/{w.ApiKey}"))["active"]!.GetValue<bool>());
        Assert.DoesNotContain((await w.Partner.Client.GetJson("/api/v1/webhooks?limit=200")).Items(), x => x.Id() == w.Webhook);
        Assert.DoesNotContain((await w.Partner.Client.GetJson("/api/v1/api-keys?limit=200")).Items(), x => x.Id() == w.ApiKey);
        var cart = await w.Host.GetJson($"/api/v1/carts/{w.Shop.Cart}");
        Assert.Equal(("open", "DE", 2), (cart["status"]!.GetValue<string>(), cart["country"]!.GetValue<string>(), cart["version"]!.GetValue<int>()));
        Assert.Equal(2, cart["lines"]![0]!["quantity"]!.GetValue<int>());
        Assert.Equal("handed_off", (await w.Host.GetJson($"/api/v1/orders/{w.Shop.Order}"))["status"]!.GetValue<string>());
        var hostProduct = await w.Host.GetJson($"/api/v1/catalogue/products/{w.Shop.HostProduct}");
        Assert.Equal(("Unreleased", false, 1), (hostProduct["name"]!.GetValue<string>(), hostProduct["active"]!.GetValue<bool>(), hostProduct["version"]!.GetValue<int>()));
        var serviceCase = await w.Host.GetJson($"/api/v1/cases/{w.Case}");
        Assert.Equal(("with_partner", w.Rival, 3), (serviceCase["stage"]!.GetValue<string>(), serviceCase["holderPartyId"]!.GetValue<Guid>(), serviceCase["version"]!.GetValue<int>()));
        Assert.Equal(3, (await w.Host.GetJson($"/api/v1/cases/{w.Case}/timeline")).Items().Count);
        Assert.Single((await w.Host.GetJson($"/api/v1/cases/{w.Case}/attachments")).Items());
        var indy = w.Sharing.Individual.Client;
        var consent = await indy.GetJson($"/api/v1/consents/{w.Sharing.Consent}");
        Assert.Equal(("active", 2), (consent["status"]!.GetValue<string>(), consent["version"]!.GetValue<int>()));
        var proffered = await indy.GetJson($"/api/v1/consents/{w.Sharing.Proffered}");
        Assert.Equal(("proffered", 1), (proffered["status"]!.GetValue<string>(), proffered["version"]!.GetValue<int>()));
        // Only the rival's one read is in the individual's log: the partner's probe read nothing.
        Assert.Equal([w.Rival], (await indy.GetJson("/api/v1/me/access-log")).Items().Select(e => e!["reader"]!["id"]!.GetValue<Guid>()));
        Assert.Equal($"Indy{w.Tag} Individual", (await indy.GetJson("/api/v1/me/profile"))["name"]!.GetValue<string>());
        // The rival's contact person for the individual is untouched.
        var contact = await w.Sharing.Vendor.Client.GetJson($"/api/v1/parties/{w.Sharing.Individual.PartyId}/contact-person");
        Assert.Equal((w.Sharing.Vendor.PersonId, 1), (contact["repPartyId"]!.GetValue<Guid>(), contact["version"]!.GetValue<int>()));
        var intent = await indy.GetJson($"/api/v1/intents/{w.Sharing.Intent}");
        Assert.Equal(("open", false, 1, 1), (intent["status"]!.GetValue<string>(), intent["revealed"]!.GetValue<bool>(), intent["version"]!.GetValue<int>(), intent["offerCount"]!.GetValue<int>()));
        var offer = (await indy.GetJson($"/api/v1/intents/{w.Sharing.Intent}/offers")).Items().Single()!;
        Assert.Equal((w.Sharing.Offer, "pending", 1), (offer.Id(), offer["status"]!.GetValue<string>(), offer["version"]!.GetValue<int>()));
    }

    [Fact]
    public async Task AnotherVendorNeverSeesAnIndividualsConsentsProfileOrAccessLog()
    {
        var w = await BuildAsync();
        var partner = w.Partner.Client;
        var consents = (await partner.GetJson("/api/v1/consents?limit=200")).Items().Select(c => c.Id()).ToList();
        Assert.DoesNotContain(w.Sharing.Consent, consents);
        Assert.DoesNotContain(w.Sharing.Proffered, consents);
        Assert.Empty((await partner.GetJson("/api/v1/me/access-log?limit=200")).Items());
        await (await partner.GetAsync("/api/v1/me/profile")).Expect(HttpStatusCode.NotFound);
        // The individual is a member of the network: the partner sees the name and kind, no contact detail.
        var seen = await partner.GetJson($"/api/v1/parties/{w.Sharing.Individual.PartyId}");
        Assert.Equal("member", seen["view"]!.GetValue<string>());
        Assert.DoesNotContain(w.Sharing.Individual.Email, seen.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1234567", seen.ToJsonString(), StringComparison.Ordinal);
        // Nor does the host, which runs the installation but holds no consent.
        await (await w.Host.GetAsync($"/api/v1/parties/{w.Sharing.Individual.PartyId}/profile")).Expect(HttpStatusCode.NotFound);
        Assert.DoesNotContain(w.Sharing.Consent, (await w.Host.GetJson("/api/v1/consents?limit=200")).Items().Select(c => c.Id()));
        // Nor any intent: the partner and the host sell nothing that matches, and offered nothing.
        Assert.DoesNotContain(w.Sharing.Intent, await partner.OpenIntentsAsync());
        Assert.Empty((await partner.GetJson("/api/v1/intents?offered=true")).Items());
        Assert.DoesNotContain(w.Sharing.Intent, await w.Host.OpenIntentsAsync());
        // The individual, for their part, sees nothing of the host's book.
        await (await w.Sharing.Individual.Client.GetAsync($"/api/v1/parties/{w.Prospect}")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task APartnerNeverSeesAnotherPartnersOrders()
    {
        var w = await BuildAsync();
        Assert.Empty((await w.Partner.Client.GetJson("/api/v1/orders?limit=200")).Items());
        Assert.Empty((await w.Partner.Client.GetJson("/api/v1/orders?role=partner&limit=200")).Items());
        Assert.Empty((await w.Partner.Client.GetJson("/api/v1/carts?limit=200")).Items());
        // Its own price for the seller's product is its business; the rival's price is not.
        var prices = (await w.Partner.Client.GetJson($"/api/v1/catalogue/products/{w.Shop.Product}/partner-prices")).Items();
        Assert.Equal([w.Partner.OrganizationId], prices.Select(p => p!["partnerPartyId"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task APartnerSeesOnlyTheLeadsRoutedToIt()
    {
        var w = await BuildAsync();
        Assert.DoesNotContain(w.Lead, (await w.Partner.Client.GetJson("/api/v1/leads?limit=200")).Items().Select(l => l.Id()));
        Assert.Empty((await w.Partner.Client.GetJson("/api/v1/leads/pipeline"))["partners"]!.AsArray());
        Assert.DoesNotContain((await w.Partner.Client.GetJson("/api/v1/partners?limit=200")).Items(), p => p!["partnerPartyId"]!.GetValue<Guid>() == w.Rival);
        Assert.DoesNotContain(w.Rule, (await w.Partner.Client.GetJson("/api/v1/routing-rules")).Items().Select(r => r.Id()));
    }

    [Fact]
    public async Task PartnersQueuesNeverShowTheHostsEngagementOrTasks()
    {
        var w = await BuildAsync();
        app.Clock.Advance(TimeSpan.FromDays(20));
        var partner = await app.SignInAgainAsync(w.Partner);
        Assert.DoesNotContain((await partner.Client.GetJson("/api/v1/engagement/attention?limit=200")).Items(), i => i!["partyId"]!.GetValue<Guid>() == w.Prospect);
        Assert.DoesNotContain(w.Task, (await partner.Client.GetJson("/api/v1/tasks?mine=false&limit=200")).Items().Select(t => t.Id()));
        var host = await app.AdminAsync();
        Assert.Contains((await host.GetJson("/api/v1/engagement/attention?limit=200")).Items(), i => i!["partyId"]!.GetValue<Guid>() == w.Prospect);
    }

    [Fact]
    public async Task ASubjectDoesNotSeeFactsNotSharedWithIt()
    {
        var w = await BuildAsync();
        Assert.DoesNotContain(w.Fact, (await w.Partner.Client.GetJson($"/api/v1/parties/{w.Partner.OrganizationId}/facts")).Items().Select(f => f.Id()));
        Assert.DoesNotContain(w.Fact, (await w.Partner.Client.GetJson("/api/v1/discovery/shared-with-me")).Items().Select(f => f.Id()));
        Assert.DoesNotContain(w.Fact, (await w.Partner.Client.GetJson("/api/v1/discovery/stale")).Items().Select(f => f.Id()));
    }

    [Fact]
    public async Task PartnerCannotFindTheHostsProspectBySearchListOrDirectory()
    {
        var w = await BuildAsync();
        foreach (var q in new[] { $"secret{w.Tag}", $"secret{w.Tag} prospect", $"whale{w.Tag}", $"secret{w.Tag}@prospect.test" })
        {
            Assert.Empty((await w.Partner.Client.GetJson($"/api/v1/parties?q={Uri.EscapeDataString(q)}")).Items());
            Assert.Empty((await w.Partner.Client.GetJson($"/api/v1/directory?q={Uri.EscapeDataString(q)}")).Items());
        }
        Assert.DoesNotContain(w.Prospect, (await w.Partner.Client.GetJson("/api/v1/parties?limit=200")).Items().Select(p => p.Id()));
        Assert.DoesNotContain(w.Prospect, (await w.Partner.Client.GetJson("/api/v1/directory?limit=200")).Items().Select(p => p.Id()));
    }

    [Fact]
    public async Task PartnerSeesExactlyTheConversationsItsOrganizationTakesPartIn()
    {
        var w = await BuildAsync();
        var inbox = (await w.Partner.Client.GetJson("/api/v1/conversations?limit=200")).Items().Select(c => c.Id()).ToList();
        Assert.Contains(w.SharedConversation, inbox);
        Assert.DoesNotContain(w.Conversation, inbox);
        var hostTimeline = (await w.Partner.Client.GetJson($"/api/v1/parties/{w.HostId}/timeline?limit=200")).Items();
        Assert.DoesNotContain(hostTimeline, i => i!["conversationId"]?.GetValue<Guid>() == w.Conversation);
        Assert.Contains(hostTimeline, i => i!["conversationId"]?.GetValue<Guid>() == w.SharedConversation);
    }

    [Fact]
    public async Task PartnerCannotPullTheHostsProspectIntoItsOwnRecords()
    {
        var w = await BuildAsync();
        await (await w.Partner.Client.PostAsJsonAsync("/api/v1/relationships", new { fromPartyId = w.Partner.OrganizationId, toPartyId = w.Prospect, kind = "knows" }))
            .Expect(HttpStatusCode.NotFound);
        await (await w.Partner.Client.PostAsJsonAsync("/api/v1/conversations", new { subject = "Sneaky", participantPartyIds = new[] { w.Prospect } }))
            .Expect(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await w.Host.GetJson($"/api/v1/parties/{w.Prospect}/relationships")).Items(), r => r!["kind"]!.GetValue<string>() == "knows");
    }

    [Fact]
    public async Task HostCannotSeeThePartnersOwnBook()
    {
        var w = await BuildAsync();
        var own = await w.Partner.Client.CreatePartyAsync("organization", "Partner's Own Lead", ["lead@partner-book.test"]);
        await (await w.Host.GetAsync($"/api/v1/parties/{own}")).Expect(HttpStatusCode.NotFound);
        Assert.Empty((await w.Host.GetJson("/api/v1/parties?q=partner-book")).Items());
        Assert.Equal("owner", (await w.Partner.Client.GetJson($"/api/v1/parties/{own}"))["view"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheOtherEndOfARelationshipSeesItButNotTheOwnersTags()
    {
        var w = await BuildAsync();
        var partnerRelationships = (await w.Partner.Client.GetJson($"/api/v1/parties/{w.Partner.OrganizationId}/relationships")).Items();
        Assert.Contains(partnerRelationships, r => r!["kind"]!.GetValue<string>() == "works-for");
        var self = await w.Partner.Client.GetJson($"/api/v1/parties/{w.Partner.OrganizationId}");
        Assert.Equal("self", self["view"]!.GetValue<string>());
        Assert.Empty(self["tags"]!.AsArray());
        Assert.Null(self["ownerPartyId"]);
    }

    [Fact]
    public async Task APersonSeesTheThreadsTheyTakePartInPersonallyAndNoOthers()
    {
        var w = await BuildAsync();
        var invitation = await w.Host.PostJson($"/api/v1/parties/{w.Prospect}/invitations", new { email = $"secret{w.Tag}@prospect.test" });
        // Prospect works for Prospect Holdings, so the account acts for that organization.
        var client = app.CreateClient();
        var token = await client.PostJson("/api/v1/auth/accept-invitation", new { token = invitation["token"]!.GetValue<string>(), password = "prospect-pass-1" }, HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token["accessToken"]!.GetValue<string>());
        var inbox = (await client.GetJson("/api/v1/conversations")).Items().Select(c => c.Id()).ToList();
        Assert.Contains(w.Conversation, inbox); // the prospect personally takes part in it
        Assert.DoesNotContain(w.SharedConversation, inbox);
        await (await client.GetAsync($"/api/v1/conversations/{w.SharedConversation}")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PartnerCannotMintAnAccountThatActsForTheHost()
    {
        var w = await BuildAsync();
        var mallory = await w.Partner.Client.CreatePartyAsync("person", "Mallory", ["mallory@evil.test"]);
        await w.Partner.Client.RelateAsync(mallory, w.HostId, "works-for"); // the host is a member, so visible
        var invitation = await w.Partner.Client.PostJson($"/api/v1/parties/{mallory}/invitations", new { email = "mallory@evil.test" });
        Assert.Equal(mallory, invitation["actingPartyId"]!.GetValue<Guid>());
        var client = app.CreateClient();
        var token = await client.PostJson("/api/v1/auth/accept-invitation", new { token = invitation["token"]!.GetValue<string>(), password = "mallory-pass-1" }, HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token["accessToken"]!.GetValue<string>());
        Assert.Equal(mallory, (await client.GetJson("/api/v1/me"))["actingPartyId"]!.GetValue<Guid>());
        await (await client.GetAsync($"/api/v1/parties/{w.Prospect}")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task APartnerSeesNoCaseItNeverHeldAndNoOtherOrganizationsNotes()
    {
        var w = await BuildAsync();
        Assert.DoesNotContain(w.Case, (await w.Partner.Client.GetJson("/api/v1/cases?limit=200")).Items().Select(c => c.Id()));
        // Nor can it open a case about the host's private contact, which would show it the contact's name.
        var refused = await w.Partner.Client.PostJson("/api/v1/cases", new { title = "Probe", customerPartyId = w.Prospect, description = "x" }, HttpStatusCode.BadRequest);
        Assert.NotNull(refused["errors"]!["customerPartyId"]);
        // The host opens a case, notes something privately and hands it to the partner.
        var opened = await w.Host.PostJson("/api/v1/cases", new { title = "Shared case", customerPartyId = w.Prospect, description = "Fix it" });
        await w.Host.PostJson($"/api/v1/cases/{opened.Id()}/notes", new { text = $"HostSecret{w.Tag}" });
        await w.Host.PostJson($"/api/v1/cases/{opened.Id()}/handoffs", new { toPartyId = w.Partner.OrganizationId, note = "Over to you" }, HttpStatusCode.OK);
        await w.Partner.Client.PostJson($"/api/v1/cases/{opened.Id()}/notes", new { text = $"PartnerSecret{w.Tag}" });
        var partnerSees = (await w.Partner.Client.GetJson($"/api/v1/cases/{opened.Id()}")).ToJsonString()
            + (await w.Partner.Client.GetJson($"/api/v1/cases/{opened.Id()}/timeline")).ToJsonString();
        Assert.DoesNotContain($"HostSecret{w.Tag}", partnerSees, StringComparison.Ordinal);
        Assert.DoesNotContain($"secret{w.Tag}@prospect.test", partnerSees, StringComparison.Ordinal);
        var hostSees = (await w.Host.GetJson($"/api/v1/cases/{opened.Id()}/timeline")).ToJsonString();
        Assert.DoesNotContain($"PartnerSecret{w.Tag}", hostSees, StringComparison.Ordinal);
        var track = (await app.CreateClient().GetJson($"/api/v1/track/{opened["trackingCode"]!.GetValue<string>()}")).ToJsonString();
        foreach (var secret in new[] { $"HostSecret{w.Tag}", $"PartnerSecret{w.Tag}", "Over to you", $"secret{w.Tag}@prospect.test", w.Prospect.ToString() })
            Assert.DoesNotContain(secret, track, StringComparison.Ordinal);
        // The rival's case stays out of the partner's list even after it took part in another case.
        Assert.Equal([opened.Id()], (await w.Partner.Client.GetJson("/api/v1/cases?limit=200")).Items().Select(c => c.Id()));
    }

    [Fact]
    public async Task AFormerHolderDownloadsAnAttachmentButAnOutsiderGets404()
    {
        var w = await BuildAsync();
        // The host handed the case to the rival; as a former holder it still downloads the file it attached.
        var download = await (await w.Host.GetAsync($"/api/v1/cases/{w.Case}/attachments/{w.CaseFile}")).Expect(HttpStatusCode.OK);
        Assert.Equal(CaseAttachmentTests.Png, await download.Content.ReadAsByteArrayAsync());
        await (await w.Partner.Client.GetAsync($"/api/v1/cases/{w.Case}/attachments/{w.CaseFile}")).Expect(HttpStatusCode.NotFound);
        // Nor through a case of its own: a file is found only under its own case.
        var own = (await w.Partner.Client.PostJson("/api/v1/cases", new { title = "Own case", customerPartyId = w.HostId, description = "x" })).Id();
        await (await w.Partner.Client.GetAsync($"/api/v1/cases/{own}/attachments/{w.CaseFile}")).Expect(HttpStatusCode.NotFound);
        Assert.DoesNotContain("secret.png", (await w.Partner.Client.GetJson($"/api/v1/cases/{own}/timeline")).ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret.png", (await w.Partner.Client.GetJson("/api/v1/cases/sla")).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACustomerLinkNeverExposesInternalNotesOrHandOffNotes()
    {
        var w = await BuildAsync();
        var opened = (await w.Host.PostJson("/api/v1/cases", new { title = "Linked case", customerPartyId = w.Prospect, description = "Fix it" })).Id();
        await w.Host.PostJson($"/api/v1/cases/{opened}/notes", new { text = $"HostNote{w.Tag}" });
        await w.Host.PostJson($"/api/v1/cases/{opened}/handoffs", new { toPartyId = w.Partner.OrganizationId, note = $"HandoffNote{w.Tag}" }, HttpStatusCode.OK);
        await w.Partner.Client.PostJson($"/api/v1/cases/{opened}/notes", new { text = $"PartnerNote{w.Tag}" });
        await w.Partner.Client.PostJson($"/api/v1/cases/{opened}/replies", new { text = "We are on it." });
        var token = (await w.Partner.Client.PostJson($"/api/v1/cases/{opened}/customer-links", new { }))["token"]!.GetValue<string>();
        using var scope = app.Services.CreateScope();
        var links = scope.ServiceProvider.GetRequiredService<Mutual.Core.Cases.CaseCustomerLinks>();
        var seen = System.Text.Json.JsonSerializer.Serialize(await links.FindAsync(token))
            + System.Text.Json.JsonSerializer.Serialize((await links.ReplyAsync(token, "Thanks")).Value);
        foreach (var secret in new[] { "HostNote", "HandoffNote", "PartnerNote", w.Prospect.ToString(), $"secret{w.Tag}@" })
            Assert.DoesNotContain(secret, seen, StringComparison.Ordinal);
        Assert.Contains("We are on it.", seen, StringComparison.Ordinal);
    }
}

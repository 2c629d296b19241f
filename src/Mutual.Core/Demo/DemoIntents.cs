using Mutual.Core.Conversations;
using Mutual.Core.Intents;

namespace Mutual.Core.Demo;

/// <summary>
/// Intentcasting in the demo: Tom asked for a gearbox overhaul and took Northwind's offer (a conversation and a consent
/// under his terms came with it); Sofia's open request for a conveyor drive, with no place named, drew offers from
/// Northwind and Baltic Automation to compare; Maria's request for a service visit in Portugal waits on Iberia's offer.
/// </summary>
internal sealed partial class DemoLoader
{
    public async Task IntentsAsync()
    {
        var overhaul = await PublishAsync("tom", 20, new PublishIntentRequest("Overhaul of a worm gearbox on my lathe", "gearboxes",
            "Worm gearbox, ratio 1:40, about 25 years old; it runs hot and has play on the output shaft. Repair or exchange unit.",
            600m, "EUR", "DE", null, ["purchase-only"], ["contact.email", "contact.phone"], null));
        var northwindOffer = await OfferAsync("daniel", overhaul, 19, "Exchange unit G-40 with a two-year warranty; we take your old gearbox back. Delivery in 5 working days.", 540m);
        clock.Set(18, 20);
        Guid conversation;
        await using (var db = await AsAsync("tom"))
            conversation = Check(await new AcceptOffer(db).AcceptAsync(overhaul, northwindOffer, null, ct), "Tom accepts").ConversationId!.Value;
        // The conversation the acceptance opened goes on like any other.
        await ReplyAsync("daniel", conversation, 17, 9, "Thank you, Mr Becker. The G-40 leaves Hamburg on Thursday; please keep the old unit in its box for our courier.");
        await ReplyAsync("tom", conversation, 12, 18, "Fitted it this weekend: quiet and no play at all. The old gearbox is packed and ready.");

        var conveyor = await PublishAsync("sofia", 4, new PublishIntentRequest("Drive for a small bakery conveyor", "drives",
            "A 4 m belt conveyor for bread trays, 0.5 m/s, single shift. Quiet, washable, and serviceable for ten years.",
            2500m, "EUR", null, null, ["intent-only", "no-marketing"], null, null));
        await OfferAsync("daniel", conveyor, 3, "M-075 geared motor, IP66 washdown, with a frequency inverter; shipped from Hamburg, you install.", 1890m);
        await OfferAsync("jonas", conveyor, 2, "Supply and installation in Tartu: M-075 washdown drive, inverter set-up and a first-year service visit.", 2380m);

        var visit = await PublishAsync("maria", 6, new PublishIntentRequest("Service visit for a lathe motor in Lisbon", "field-service",
            "The replacement motor is in; I would like a technician to align it and check the wiring.", 150m, "EUR", "PT", null,
            ["purchase-only", "no-sharing"], null, null));
        await OfferAsync("carmen", visit, 5, "Half-day visit by our Lisbon technician, alignment and wiring check included.", 135m);
    }

    private async Task ReplyAsync(string who, Guid conversationId, int daysAgo, double hour, string body)
    {
        var at = clock.Set(daysAgo, hour);
        await using var db = await AsAsync(who);
        Check(await new PostMessageHandler(db, clock).HandleAsync(conversationId, new PostMessageRequest(body, null, at.UtcDateTime), ct), "reply " + who);
    }

    private async Task<Guid> PublishAsync(string who, int daysAgo, PublishIntentRequest request)
    {
        clock.Set(daysAgo, 19.5);
        await using var db = await AsAsync(who);
        return Check(await new Intents.Intents(db).PublishAsync(request, ct), "publish " + request.Title).Id;
    }

    private async Task<Guid> OfferAsync(string who, Guid intentId, int daysAgo, string summary, decimal price)
    {
        clock.Set(daysAgo, 10.5);
        await using var db = await AsAsync(who);
        return Check(await new Offers(db).MakeAsync(intentId, new MakeOfferRequest(summary, price, "EUR"), ct), $"{who} offers").Id;
    }
}

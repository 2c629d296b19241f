using static Mutual.Core.Cases.CasePriority;
using static Mutual.Core.Cases.CaseStage;

namespace Mutual.Core.Demo;

/// <summary>
/// Eleven service cases, one or two in every stage. Baltic Automation and Iberia hold two open cases each; every customer
/// who can sign in has one; two cases miss a target (Umbrella's resolution, Globex's seal kits' response). Every other
/// step comes inside its targets (docs/decisions/009-cases.md), which the demo test checks through the final sweep.
/// </summary>
internal static class DemoCaseScript
{
    public static readonly DemoCase[] All =
    [
        C("HG-200 gearboxes run hot after installation", "globex", Normal, 16, 8.5,
            "Both HG-200 gearboxes from this order reach 85 °C within an hour at the Kaunas plant. Reported by Ana Lima by phone.",
            [
                Move(0.25, "priya", Triage),
                Note(0.5, "priya", "Baltic Automation installed these the day before yesterday. Most likely the oil level after transport: cheaper to check on site than to swap the units."),
                HandOff(0.75, "priya", "baltic", "Jonas, could Ieva check both HG-200s in Kaunas? Your installation of this order, so warranty applies."),
                Reply(2, "jonas", "Hello Ana, our service engineer Ieva Kalniņa will be at the Kaunas plant tomorrow at 8:00."),
                Note(2.25, "jonas", "Ieva: take oil for two gearboxes and spare breather plugs. Bill it to Northwind's warranty, not to Globex."),
                Reply(26, "jonas", "Both gearboxes had lost oil through the breather plug in transport. Topped up, plugs replaced, ran four hours at 66 °C."),
                HandOff(26.5, "jonas", "northwind", "Fixed under warranty: three hours on site plus oil. Back to you for the paperwork; please credit us the service time."),
                Reply(27.5, "priya", "Thank you, Ana. Could you keep an eye on the temperatures for a couple of days and let us know?"),
                Move(27.6, "priya", AwaitingCustomer),
                Reply(50, "ana", "Both gearboxes have stayed at 64–66 °C for two days. All good, thank you!"),
                Reply(51, "priya", "Great to hear. We will close this in a week if nothing else comes up."),
                Move(51.1, "priya", Resolved),
                Note(51.5, "priya", "Warranty credit for Baltic's service time booked with finance."),
                Move(219, "priya", Closed),
            ], order: "ana", showcase: true),

        C("Commissioning visit for the new conveyors", "stark", Low, 20, 11,
            "Olga Ivanova asks for an engineer to commission the new conveyor drives at the Riga hub.",
            [
                Reply(2, "daniel", "Hello Olga, a commissioning visit is a service day rather than a case: order 'Field service day' (NW-SVC-DAY) from our catalogue and pick the date. Closing this one."),
                Move(2.1, "daniel", Closed),
            ], by: "daniel"),

        C("Output shaft broke on the filler gearbox", "wayne", Urgent, 12, 7,
            "Victor Stone reports that the output shaft of the filler's gearbox broke; the bottling line is stopped.",
            [
                Move(0.2, "priya", Triage),
                Note(0.4, "priya", "The shaft comes from the forged blanks Steelworks delivered in the spring. A spare gearbox goes out by air freight today either way."),
                Reply(0.5, "priya", "Hello Victor, a spare gearbox leaves Hamburg by air freight today. We have asked our steel supplier to check the shaft's material."),
                HandOff(0.8, "priya", "steelworks", "Petr, a shaft from your batch broke at Wayne Bottling. Please check the material certificate and hardness of the batch urgently."),
                Reply(1.5, "petr", "We have pulled the batch records: hardness and certificate are within specification. Please send us the broken shaft for a lab analysis."),
                Note(1.7, "petr", "Batch 24-117: all certificates in order. Lab slot booked for Thursday."),
                Reply(6, "petr", "The spare gearbox is in and the line runs again. Our lab found a machining notch, not a material fault; the report follows by e-mail."),
                Move(6.2, "petr", Resolved),
            ]),

        C("Workshop lathe motor hums but won't start", "tom", Normal, 9, 10,
            "Tom Becker's lathe motor hums and does not start; the fuse holds.",
            [
                Reply(1, "priya", "Hello Tom, that sounds like the start capacitor. Could you send a photo of the motor's nameplate?"),
                Move(1.1, "priya", AwaitingCustomer),
                Note(1.3, "priya", "Out of warranty since March; send the capacitor free of charge as goodwill, he is a long-standing customer."),
                Reply(20, "tom", "Here it is: 1.1 kW, 230 V, capacitor 30 µF. Thanks for the quick answer!"),
                Reply(21, "priya", "A 30 µF capacitor is on its way to you today, free of charge. Fitting instructions are in the parcel."),
                Move(21.1, "priya", Resolved),
            ]),

        C("Seal kits and overhaul for two HG-200s", "globex", Low, 3, 9,
            "Ana Lima asks for seal kits and an on-site overhaul of two HG-200 gearboxes at the Kaunas plant during the shutdown at the end of the month.",
            [
                HandOff(1, "daniel", "baltic", "Jonas, one for Ieva: an overhaul during Globex's shutdown, seal kits from our stock."),
                Sweep(25.5),
                Reply(30, "jonas", "Sorry for the slow answer, Ana: Ieva was on a site visit. We can do the overhaul on the 28th and 29th; the seal kits are reserved."),
                Note(30.2, "jonas", "We missed the response time on this one. Globex requests go on the shared board from now on."),
            ], by: "daniel"),

        C("Oil weeping from a gearbox output shaft", "maria", Low, 2, 15,
            "Maria Santos sees oil at the output shaft of the gearbox on her bench grinder.",
            [
                Move(3, "priya", Triage),
                Reply(3.2, "priya", "Hello Maria, that is usually the shaft seal. Could you send a photo of the shaft and of the gearbox's type plate?"),
                Move(3.3, "priya", AwaitingCustomer),
            ]),

        // From here on, DaysAgo 0: the case was opened the given number of hours before the demo's "now".
        C("Mixer drive keeps tripping on line 2", "umbrella", High, 0, 40,
            "Umbrella Foods' mixer drive on line 2 trips on overcurrent several times a shift. Reported by Marco Rossi.",
            [
                Move(0.3, "priya", Triage),
                HandOff(0.5, "priya", "iberia", "Umbrella is your customer too and the line is in your territory. High priority: they are an at-risk account."),
                Reply(2.5, "carmen", "Hello Marco, we read the fault log remotely: the motor's insulation is failing. We are sourcing a replacement motor."),
                Note(2.7, "carmen", "No 7.5 kW IE4 motor in stock in Spain; asked Northwind's warehouse. Marco is unhappy, handle with care."),
                Sweep(24.5),
                Reply(30, "carmen", "The replacement motor ships from Hamburg today; our engineer fits it on arrival. The drive runs at reduced load until then."),
            ]),

        C("Delivery date for the inverter order", "initech", Normal, 0, 20,
            "Joanna Park needs the inverter and the couplings on site before the line 4 start-up on Monday.",
            [
                Move(0.3, "priya", Triage),
                HandOff(0.5, "priya", "iberia", "Carmen, this is your shipment to Initech: can you confirm the delivery date to Joanna?"),
                Reply(3, "carmen", "Hello Joanna, the parcel left our Zaragoza warehouse two days ago; the carrier expects it on Friday before noon."),
                Note(3.2, "carmen", "Checked with the carrier by phone: the Friday slot is confirmed."),
                Reply(5, "joanna", "Thank you, Carmen. Friday works; we will plan the start-up for Monday."),
            ], order: "joanna"),

        C("Parameter backup for the line 4 drives", "initech", Normal, 0, 6,
            "Samuel Okafor would like a backup of the drive parameters before the line 4 start-up.",
            [
                Move(0.5, "priya", Triage),
                Note(0.7, "priya", "We need Samuel's parameter export first; Daniel asks him on Thursday's call."),
            ]),

        C("Sorter drives stop with alarm F07 after a firmware update", "stark", High, 0, 4,
            "Olga Ivanova reports that the sorter drives at the Riga hub stop with alarm F07 since this morning's firmware update.",
            [
                Move(0.2, "priya", Triage),
                HandOff(0.3, "priya", "baltic", "Stark's sorter in Riga is down. Please roll back the firmware, remotely or on site."),
                Reply(0.8, "jonas", "Hello Olga, Ieva is connecting remotely now and will roll back the firmware on the affected drives."),
                Note(1, "jonas", "F07 is the encoder check after update 4.2. Rolling back to 4.1 on all 60 drives; Northwind's R&D should hear of it."),
            ]),

        C("Filler drive vibrates at full speed", "wayne", Normal, 0, 1.5,
            "Grace Hall reports vibration on the filler drive above 80 % speed since Monday.", [], by: "daniel"),
    ];

    private static DemoCase C(string title, string customer, string priority, int daysAgo, double hour, string description,
        DemoCaseStep[] steps, string by = "priya", string? order = null, bool showcase = false) =>
        new(title, by, customer, priority, daysAgo, hour, description, steps, order, showcase);

    private static DemoCaseStep Move(double afterHours, string who, string stage) => new(afterHours, who, DemoCaseAction.Move, stage);

    private static DemoCaseStep Reply(double afterHours, string who, string text) => new(afterHours, who, DemoCaseAction.Reply, text);

    private static DemoCaseStep Note(double afterHours, string who, string text) => new(afterHours, who, DemoCaseAction.Note, text);

    private static DemoCaseStep HandOff(double afterHours, string who, string to, string note) => new(afterHours, who, DemoCaseAction.HandOff, note, to);

    private static DemoCaseStep Sweep(double afterHours) => new(afterHours, null, DemoCaseAction.Sweep);
}

/// <summary>
/// A case of the script, opened by a host staff member (<c>By</c>) <c>DaysAgo</c> days back at <c>Hour</c> UTC or, with
/// DaysAgo 0, <c>Hour</c> hours before now (so recent cases stay inside their targets whenever the demo loads).
/// <c>Order</c> names the customer whose demo order the case refers to.
/// </summary>
internal sealed record DemoCase(string Title, string By, string Customer, string Priority, int DaysAgo, double Hour, string Description,
    DemoCaseStep[] Steps, string? Order, bool Showcase);

internal enum DemoCaseAction { Open, Move, Reply, Note, HandOff, Sweep }

/// <summary>A step <c>AfterHours</c> after opening, by an actor key; <c>Text</c> is the stage, reply, note or hand-off note. A sweep has no actor.</summary>
internal sealed record DemoCaseStep(double AfterHours, string? Who, DemoCaseAction Action, string? Text = null, string? To = null);

using static Mutual.Core.Conversations.Channels;

namespace Mutual.Core.Demo;

/// <summary>
/// The conversations of the demo, oldest story first within each group. Members of the network reply
/// themselves; for customers that have not joined, staff log what was said on calls and by email.
/// Internal notes have no participant but the host, so a party that joins later never sees them.
/// </summary>
internal static partial class DemoThreads
{
    public static IEnumerable<DemoThread> All => Customers().Concat(Network());

    private static DemoThread T(string subject, string channel, string[] with, int daysAgo, double hour, params DemoLine[] lines) =>
        new(subject, channel, with, daysAgo, hour, lines);

    private static DemoLine L(string who, double afterHours, string body, string? channel = null) => new(who, afterHours, body, channel);

    private static IEnumerable<DemoThread> Customers() =>
    [
        T("Quote Q-2291: 40 SD-400 servo drives for Line 3", Email, ["globex"], 104, 9,
            L("daniel", 0, """
                Hi Ana,

                as discussed, here is our quote for Line 3:

                | Item | Qty | Unit price | Total |
                |---|---:|---:|---:|
                | SD-400 servo drive, 4 kW | 40 | €1,180 | €47,200 |
                | Encoder cable, 5 m | 40 | €38 | €1,520 |
                | Commissioning, 2 days on site | 1 | €2,400 | €2,400 |

                **Total €51,120** net, delivery 6 weeks after order, valid for 30 days.

                Best regards,
                Daniel
                """),
            L("ana", 22, "Thanks Daniel. Lead time is the sticking point: our Line 3 ramp-up starts in seven weeks. Can you do 5 weeks? And for 40 units we'd expect better than list price — what volume discount can you offer?"),
            L("daniel", 27, "I checked with production: 5 weeks is feasible if we have the PO by Friday. On 40 units I can offer 4 % off the drives, which brings the total to €49,232."),
            L("ana", 50, "Agreed. PO 4500-1187 is going through our system today. Please confirm the delivery date in writing."),
            L("daniel", 52, "PO received, thank you! Confirmed: delivery 5 weeks from today, DAP Poznań plant.")),

        T("Globex — account plan (internal)", Note, [], 90, 16,
            L("daniel", 0, """
                **Globex Manufacturing — key account plan**

                - Spend last year: €310k, mostly SD-400 drives and GX gearboxes
                - Decision makers: Ana Lima (procurement), Felix Braun (plant engineering)
                - Opportunities: Line 3 (won), two new lines next year, a spare-parts consignment stock
                - Risks: Apex Motion is quoting aggressively
                """),
            L("hannah", 20, "Good plan. Let's offer them a framework agreement before Apex gets a foot in the door — I'll join the next meeting.")),

        T("Delivery delay: PO 4500-1187 (SD-400 drives)", Email, ["globex"], 74, 8,
            L("daniel", 0, "Ana, I have to let you know that the SD-400 housings are delayed: our forging supplier shipped the blanks ten days late. The full order would now ship two weeks after the confirmed date. I'm sorry — I know Line 3 depends on it."),
            L("ana", 3, "That is a real problem for us. The ramp-up date is fixed with our own customer. What can you do?"),
            L("daniel", 6, "Proposal: we ship **20 drives next week** from the first batch, enough for stations 1–4, and the other 20 follow within 12 days. Express freight for the second part is on us."),
            L("ana", 24, "OK, a partial shipment works. Please deliver the 20 units to gate 3, attention Felix Braun."),
            L("daniel", 26, "Done — the first 20 units are booked. I'll keep you posted on the second batch.")),

        T("Line 3 commissioning — site visit in Poznań", Meeting, ["globex"], 60, 13,
            L("priya", 0, """
                Notes from today's visit (Priya Shah, Felix Braun, Ana Lima):

                - [x] 20 drives installed on stations 1–4, parameters loaded
                - [x] Safe torque off tested on all axes
                - [ ] Stations 5–8: waiting for the second batch
                - [ ] Gantry axis: vibration at 1,800 rpm, retest with new filter settings
                """),
            L("ana", 20, "Thanks Priya, that matches our notes. Felix asks whether you could send the notch filter settings ahead, so he can try them before your next visit.", Email),
            L("priya", 23, "Sure: set P2-41 to 1,780 Hz and P2-42 to 0.3, then run the autotune once.", Email),
            L("ana", 70, "Felix tried them and the vibration is gone. See you for stations 5–8.", Email)),

        T("Service case: encoder fault E-217 on SD-400", Portal, ["northwind"], 38, 7,
            L("ana", 0, "Two of the new drives on station 6 stop with fault **E-217 (encoder communication)** a few times per shift. Cables were checked and re-seated. The line runs at reduced speed. Please help urgently."),
            L("priya", 1.5, "Hi Ana, sorry about the trouble. Which firmware do the drives run (menu 9.01)? And do the faults happen while the welding robots next to station 6 are active?"),
            L("ana", 3, "Firmware 2.3.1. And yes — Felix says the faults line up with the welding cycles."),
            L("priya", 4, """
                That is a known issue in 2.3.1: the encoder input is too sensitive to interference. Firmware **2.3.4** fixes it.

                1. Download 2.3.4 from the service area of our website
                2. Flash both drives (about 5 minutes each; parameters are kept)
                3. Check that the cable shield is clamped on the drive side

                If the fault comes back, we replace the drives under warranty.
                """),
            L("ana", 28, "Both drives updated yesterday evening — no E-217 in the last two shifts, and the line is back at full speed. Thank you!"),
            L("priya", 29, "Great news. I'm closing the case; we'll put 2.3.4 on the remaining drives at the next visit.")),

        T("Framework agreement for next year", Meeting, ["globex"], 20, 10,
            L("hannah", 0, "Thank you for hosting us. Summary: Globex plans two more lines next year (about 90 SD-400 drives plus spares). We proposed a framework agreement with prices fixed for 12 months, a consignment stock of 10 drives in Poznań and a 4-hour service response. The draft follows within a week."),
            L("ana", 26, "Thanks Hannah. Our purchasing board meets at the end of the month; please include the steel price clause you mentioned, so that we can compare like for like.", Email),
            L("hannah", 120, "Draft attached. The steel clause is capped at 3 % per year and tied to the published index. Looking forward to your comments.", Email),
            L("ana", 168, "Received, we're reviewing it. First comments by next Wednesday.", Email)),

        T("Conveyor gearboxes for the new packaging hall", Email, ["initech"], 95, 10,
            L("daniel", 0, "Hello Joanna, following your visit to our booth: for the 14 conveyors in the new hall we recommend the GX-200 helical gearbox with a 0.75 kW motor. Budget quote: €640 per unit, €8,960 in total."),
            L("joanna", 30, "Thanks Daniel. Our engineers ask about the washdown rating — the hall packs food. Is IP66 available?"),
            L("daniel", 33, "Yes: the GX-200**W** variant is IP66 with stainless shafts, +€85 per unit. The lead time stays at 4 weeks."),
            L("joanna", 100, "We'll take the W variant. The PO follows from our purchasing system.")),

        T("RFQ: spare parts kit for GX-200W gearboxes", Portal, ["northwind"], 66, 9,
            L("joanna", 0, "Please quote a spare-parts kit for our 14 GX-200W gearboxes: seals, bearings and one spare motor. We'd like to keep it on site."),
            L("daniel", 5, """
                Here is the kit we recommend:

                - 28 × shaft seal set, €14 each
                - 14 × bearing set, €42 each
                - 1 × spare motor 0.75 kW IP66, €310

                **Total €1,290**, delivery in 10 days.
                """),
            L("joanna", 24, "Approved — please ship it with the next delivery.")),

        T("Invoice INV-0841 — payment terms", Email, ["northwind"], 45, 11,
            L("joanna", 0, "Hello, our finance department asks whether the gearbox invoice can be paid in 60 days instead of 30. The new hall has tied up a lot of cash this quarter."),
            L("hannah", 26, "Hi Joanna, we can do 60 days for this invoice as a one-off. For future orders, 45 days with 2 % discount for payment within 10 days may suit you better."),
            L("joanna", 29, "That works, thank you. I'll pass the early-payment option on to finance.")),

        T("Initech — quarterly review", Call, ["initech"], 12, 15,
            L("daniel", 0, "Call with Joanna: the gearboxes have run without issues since commissioning. Initech plans a second packaging line in spring and wants us involved early. Sent the case study on energy savings with IE4 motors."),
            L("joanna", 20, "Thanks for the call. Could you add the IE4 motor option to the quote for the second line? Our sustainability team wants the numbers.", Email),
            L("daniel", 24, "Will do — IE3 and IE4 side by side, with the payback period, by Friday.", Email)),

        T("Umbrella Foods — washdown motors failing", Call, ["umbrella"], 86, 10,
            L("priya", 0, "Call with Marco Rossi (operations): three washdown motors on the sauce line failed within two months; water ingress suspected. Marco is unhappy — it is the second issue this year."),
            L("priya", 1, "Asked Marco for photos of the terminal boxes and for their cleaning procedure (pressure, chemicals).", Email),
            L("priya", 49, "Marco's photos show standard cable glands, not the IP69K ones high-pressure cleaning needs. We replace the glands on all 12 motors free of charge.", Email),
            L("hannah", 52, "Agreed. And their next order must specify IP69K throughout.")),

        T("Umbrella Foods — renewal at risk (internal)", Note, [], 52, 14,
            L("hannah", 0, "Umbrella's service contract renews in two months. After the motor failures and Apex's visit last week I rate the renewal **at risk**, and have tagged them accordingly."),
            L("daniel", 3, "Marco told me Apex offered 15 % below our price. Instead of matching it, I suggest a free inspection visit with Iberia in Valencia."),
            L("lukas", 4, "Carmen's team in Valencia can do that next month — I'll set it up.")),

        T("Stark Logistics — introduction by Baltic Automation", Call, ["stark", "baltic"], 44, 14,
            L("daniel", 0, "Intro call with Olga Ivanova (Stark Logistics, engineering), arranged by Jonas of Baltic Automation. Stark is retrofitting the sorter in its Riga hub: about 60 drives, go-live in four months."),
            L("jonas", 2, "Thanks Daniel. Olga's team knows us from the previous conveyor project; we would do the installation and first-level service."),
            L("daniel", 5, "Perfect. I'll prepare the quote with Baltic as installation partner and send it to Olga by Thursday.")),

        T("Stark Logistics — quote Q-2350 for the sorter retrofit", Email, ["stark"], 30, 9,
            L("daniel", 0, """
                Quote Q-2350 as sent to Olga Ivanova:

                | Item | Qty | Total |
                |---|---:|---:|
                | SD-200 drive, 1.5 kW | 60 | €42,600 |
                | Installation by Baltic Automation | 1 | €9,800 |
                | Training | 1 | €1,200 |

                **Total €53,600**, delivery in 6 weeks.
                """),
            L("daniel", 48, "Olga replied: technical approval given, commercial decision next week. She asks for 60-day payment terms."),
            L("hannah", 50, "60 days is fine for a first order of this size.", Note),
            L("daniel", 170, "Order received — PO ST-77812. Welcome aboard, Stark Logistics!")),

        T("Wayne Bottling — why they are leaving Apex", Meeting, ["wayne"], 101, 10,
            L("hannah", 0, "Met Grace Hall (COO) and Victor Stone (maintenance). Wayne is leaving Apex Motion after repeated delivery problems; their contract ended last week. Their priorities: spares availability, fast service, one contact person."),
            L("daniel", 2, "Sent our spare-parts guarantee (48 hours for every catalogue item) and proposed myself as their single contact.", Email),
            L("hannah", 30, "Grace confirmed by phone: they start with the filler line retrofit.", Call)),

        T("Wayne Bottling — filler line retrofit order", Email, ["wayne"], 80, 9,
            L("daniel", 0, "Order confirmation for the filler line retrofit: 24 × SD-400 drives and 24 × GX-120 gearboxes, commissioning included. Delivery in 5 weeks."),
            L("daniel", 24, "Victor asked whether the old Apex mounting flanges fit. They don't — we include 24 adapter plates at no charge."),
            L("hannah", 26, "Good call. First impressions count.", Note)),

        T("Wayne Bottling — gearbox delivery delay", Call, ["wayne"], 55, 11,
            L("priya", 0, "Called Victor Stone: the GX-120 gearboxes arrive 6 days late because of the forged-blank shortage at our supplier. The drives are on time."),
            L("priya", 1, "Victor accepts if commissioning of the drives can start as planned. Confirmed."),
            L("daniel", 30, "Spoke to Grace as well — she appreciated hearing it from us early.")),

        T("Replacement motor for my lathe", Portal, ["northwind"], 70, 19,
            L("maria", 0, "Hello, I run a small wood and metal workshop. The motor of my lathe (1.1 kW, 4-pole, B3 mount) burned out. Do you sell single motors to individuals?"),
            L("daniel", 14, "Hello Ms Santos, we do. Our M-110 is a drop-in replacement: 1.1 kW, 4-pole, B3, €189 including VAT, plus €12 shipping."),
            L("maria", 17, "Great, please send one. Tom Becker recommended you — he was right about the quick answers!"),
            L("daniel", 18, "Ordered; it ships tomorrow. And thanks to Tom for the recommendation.")),

        T("Thank you for recommending us", Email, ["tom"], 68, 10,
            L("daniel", 0, "Hi Tom, Maria Santos told us you recommended Northwind. Thank you! Here is a 10 % voucher for your next order: **THANKS-TB10**."),
            L("tom", 30, "Happy to! Maria's workshop is next to mine — we swap tools all the time.")),

        T("Warranty question: bench grinder motor", Chat, ["northwind"], 33, 18,
            L("tom", 0, "Hi, the motor I bought from you last year has started rattling. Is that covered by the warranty?"),
            L("priya", 0.2, "Hi Tom! Motors have a 2-year warranty. Does the noise change with speed, or is it constant?"),
            L("tom", 0.3, "It gets louder under load."),
            L("priya", 0.4, "Sounds like a bearing. Please send it back with the prepaid label I'm emailing you — we'll replace it free of charge."),
            L("tom", 0.5, "Perfect, thanks!")),

        T("Workshop visit: drives for a CNC conversion", Meeting, ["maria"], 15, 14,
            L("daniel", 0, "Visited Maria's workshop. She wants to convert her milling machine to CNC (3 axes). Recommended the SD-200 kit with three servo axes; quote follows."),
            L("maria", 26, "Thanks for coming by! The quote looks good — could I pay in two instalments?", Portal),
            L("daniel", 28, "Of course: half on order, half on delivery.", Portal)),
    ];
}

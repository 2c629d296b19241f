using static Mutual.Core.Conversations.Channels;

namespace Mutual.Core.Demo;

/// <summary>Partners, the reseller, the supplier, the competitor, a private prospect, and the host's own notes.</summary>
internal static partial class DemoThreads
{
    private static IEnumerable<DemoThread> Network() =>
    [
        T("Partner pipeline review — Baltics", Meeting, ["baltic"], 88, 10,
            L("lukas", 0, """
                Pipeline review with Jonas:

                | Account | Stage | Value |
                |---|---|---:|
                | Riga port cranes | Proposal | €38k |
                | Vilnius bakery | Negotiation | €12k |
                | Tallinn water works | Qualified | €55k |

                Action: Baltic gets two more engineers certified on the SD-400 this quarter.
                """),
            L("jonas", 24, "Thanks Lukas. The bakery signed yesterday (€11.5k). Certification: Ieva and Andrius are booked for the training.", Portal),
            L("lukas", 26, "Congratulations on the bakery! I've logged the win.", Portal)),

        T("Referral: Stark Logistics, sorter retrofit in Riga", Portal, ["northwind"], 50, 8,
            L("jonas", 0, "Hello Lukas, a lead for you: Stark Logistics is retrofitting the sorter in its Riga hub (about 60 drives). Contact: Olga Ivanova, engineering. They want a vendor with local service — that's us. Could you register the deal for Baltic?"),
            L("lukas", 4, "Thanks Jonas, great lead! Deal registered for Baltic Automation, protected for 90 days. Daniel will lead the quote; shall we set up an intro call?"),
            L("jonas", 6, "Yes please — Olga is free Tuesday or Wednesday afternoon."),
            L("lukas", 7, "Tuesday 14:00 it is; the invitation is out.")),

        T("Commissioning support for Globex in Poznań", Email, ["globex"], 58, 12,
            L("jonas", 0, "Hello Ana, Northwind mentioned you might need extra hands to commission stations 5–8. Baltic Automation has two certified SD-400 engineers free in two weeks; we work in Poland regularly."),
            L("ana", 20, "Hi Jonas, good to hear from you again. Please send a day rate and availability; Felix will coordinate."),
            L("jonas", 22, "€720 per engineer and day, plus travel. Available for 5 days from the 14th."),
            L("ana", 48, "Booked. Felix will send you the site safety briefing.")),

        T("Co-marketing: automation fair in Vilnius", Email, ["baltic"], 28, 11,
            L("lukas", 0, "Jonas, for the automation fair we can fund half of the booth (up to €4,000) and send two demo units. Could you send the booth plan and the expected visitor numbers?"),
            L("jonas", 30, "Booth of 12 m² in hall B. Last year: 3,200 visitors and about 40 qualified leads for us. Plan attached."),
            L("lukas", 46, "Approved. The demo units ship in two weeks — an SD-400 with a conveyor demonstrator."),
            L("jonas", 48, "Excellent, thank you!")),

        T("Lead: Riga Dairy Cooperative", Note, ["rigadairy"], 22, 16,
            L("jonas", 0, "Visited Riga Dairy Cooperative: they want to automate palletising. Budget around €80k, decision within three months."),
            L("jonas", 24, "Sent our reference list. We'll propose Northwind drives once the concept is agreed.")),

        T("SD-400 commissioning certificates", Chat, ["northwind"], 9, 10,
            L("jonas", 0, "Hi Priya, Ieva and Andrius finished the SD-400 training today. Can you issue their certificates?"),
            L("priya", 0.5, "Hi Jonas — both passed with good scores; the certificates are on their way. Baltic now has four certified engineers."),
            L("jonas", 0.6, "Great, that lets us commission the Stark sorter ourselves.")),

        T("Reseller price list and discounts for next year", Email, ["iberia"], 97, 9,
            L("lukas", 0, "Carmen, attached is next year's reseller price list. Your discount stays at 28 % on drives and 32 % on gearboxes; a new tier at €500k annual revenue adds 3 %."),
            L("carmen", 28, "Thank you. We are at €430k this year — with the Umbrella Foods dressing line we should reach the new tier. Could the tier be measured on a rolling 12 months?"),
            L("lukas", 30, "Yes, rolling 12 months is fine. I'll update the agreement.")),

        T("Order for Umbrella Foods Valencia: 8 washdown motors", Portal, ["northwind"], 62, 10,
            L("carmen", 0, "Order from Iberia for Umbrella Foods, Valencia plant: 8 × M-075W washdown motors, **with IP69K glands** please. Delivery to our warehouse in Zaragoza."),
            L("daniel", 3, "Confirmed, IP69K glands fitted. Ships in 8 working days."),
            L("carmen", 4, "Thank you!")),

        T("Umbrella Foods Valencia — joint service visit", Meeting, ["umbrella", "iberia"], 40, 9,
            L("lukas", 0, "Plan for the joint visit at Umbrella Foods, Valencia: inspect all 12 washdown motors, check the new glands, and train the maintenance team on cleaning. Carmen's team leads on site; Priya joins remotely."),
            L("carmen", 3, "Confirmed for Tuesday 8:00. We'll bring spare IP69K glands and the thermal camera.", Email),
            L("carmen", 55, "Visit done: all 12 motors dry and within temperature; 9 people trained. Marco was pleased and asked for a quote for the new dressing line.", Email),
            L("priya", 72, "Thanks Carmen, great work. I've updated the service records.", Email),
            L("lukas", 74, "Excellent. Carmen, please quote the dressing line through Iberia — it's your territory.", Email)),

        T("Quarterly sell-through report", Portal, ["northwind"], 18, 9,
            L("carmen", 0, """
                Sell-through for the quarter:

                | Product | Units | Revenue |
                |---|---:|---:|
                | SD-400 | 46 | €39,100 |
                | GX-200 | 31 | €14,900 |
                | Motors | 58 | €17,400 |

                Stock on hand: 12 SD-400, 20 GX-200. Forecast for next quarter: +15 %.
                """),
            L("lukas", 26, "Thanks Carmen — a strong quarter. Let's talk about raising your SD-400 consignment stock to 20."),
            L("carmen", 29, "Agreed; 20 would help with the Umbrella dressing line.")),

        T("Price change: 42CrMo4 alloy steel bar", Email, ["northwind"], 82, 8,
            L("petr", 0, "Dear Ms Weber, because of higher energy and scrap costs we must raise the price of 42CrMo4 alloy steel bar by **7 %** from the first of next month. Forged blanks are not affected."),
            L("hannah", 5, "Dear Petr, 7 % at one month's notice is hard for us — our customer prices are fixed. We ask for 4 % and a price lock for 12 months."),
            L("petr", 28, "We can offer 5 % with the price fixed for 6 months, and we keep your reserved capacity."),
            L("hannah", 30, "Accepted: 5 %, fixed for 6 months. Please send the updated price sheet."),
            L("petr", 31, "Price sheet attached. Thank you for the quick decision.")),

        T("Late shipment: forged blanks for SD-400 housings", Call, ["steelworks"], 76, 9,
            L("hannah", 0, "Call with Petr: the forged blanks for the SD-400 housings ship 10 days late — a press broke down in their forge. This delays Globex and Wayne Bottling."),
            L("petr", 2, "Confirming our call: the press is repaired and we added a Saturday shift. The first 600 blanks ship on Monday, the rest on Thursday.", Email),
            L("hannah", 3, "Thank you. Please send us a daily status until the backlog is cleared.", Email),
            L("petr", 26, "Status: 600 blanks shipped; the truck arrives Wednesday morning.", Email)),

        T("Inspection certificate 3.1 for batch 24-118", Portal, ["northwind"], 35, 10,
            L("petr", 0, "Here is the EN 10204 3.1 inspection certificate for batch 24-118 (forged blanks, 1,200 pieces)."),
            L("priya", 6, "Thank you, Petr. Our incoming inspection found the hardness within spec on all samples; the batch is released.")),

        T("Apex Motion — competitive notes", Note, [], 92, 15,
            L("daniel", 0, """
                What we know about **Apex Motion**:

                - Strong in packaging; weak service outside Germany
                - Quotes 10–15 % below us on servo drives, with 8–10 week lead times
                - Lost Wayne Bottling after repeated delivery problems
                - Also buys forged blanks from Steelworks Ostrava
                """),
            L("lukas", 3, "Partners report that Apex is recruiting resellers in Spain. Iberia was approached and declined.")),

        T("Apex Motion cuts prices on servo drives", Note, [], 25, 9,
            L("lukas", 0, "Apex announced a 12 % price cut on its AX servo line, effective immediately. Expect pressure at Umbrella Foods and Initech."),
            L("hannah", 2, "We won't follow on price. Our answer is service: a 4-hour response for key accounts and consignment stock through partners."),
            L("daniel", 3, "Agreed. I'll brief Joanna at Initech before Apex calls her.")),

        T("Vandelay Imports — first contact", Call, ["vandelay"], 26, 11,
            L("daniel", 0, "Cold call with Helen Brooks, head of operations at Vandelay Imports. Two warehouses with conveyor drives over 20 years old; interested in a retrofit study."),
            L("daniel", 0.5, "Agreed to send our catalogue and a retrofit checklist.", Note)),

        T("Vandelay Imports — catalogue and retrofit checklist", Email, ["vandelay"], 19, 10,
            L("daniel", 0, "Helen, as promised: catalogue and checklist attached. If you send us the nameplates of the existing drives, we'll suggest replacements."),
            L("daniel", 52, "Helen sent nameplate photos of 34 drives. Preparing a proposal."),
            L("hannah", 53, "Good. Apex is probably talking to them too — let's be quick.", Note)),

        T("Weekly sales and service stand-up", Meeting, [], 7, 9,
            L("hannah", 0, """
                - Globex: framework agreement draft under review
                - Initech: quote for the second line with the IE4 option
                - Umbrella: renewal still **at risk**; Iberia quoting the dressing line
                - Stark: sorter drives delivered, Baltic commissions next week
                - Steelworks: backlog cleared
                """),
            L("priya", 1, "Service: no open critical cases. Firmware 2.3.4 is on all Globex drives.")),
    ];
}

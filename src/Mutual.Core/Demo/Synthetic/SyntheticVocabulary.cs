namespace Mutual.Core.Demo.Synthetic;

/// <summary>
/// Word lists the generator draws from. Combinations give enough variety that names repeat as they do in a
/// real book (two Anna Fischers), while the suffix in emails keeps every address unique. No character here
/// needs escaping in Markdown or HTML, so a message body renders to one paragraph per line (see <see cref="SyntheticText"/>).
/// </summary>
internal static class SyntheticVocabulary
{
    public static readonly string[] FirstNames =
    [
        "Anna", "Ben", "Clara", "David", "Elena", "Felix", "Greta", "Hugo", "Ines", "Jonas", "Karin", "Lukas", "Maria", "Noah",
        "Olga", "Paul", "Rosa", "Simon", "Tanja", "Ulrich", "Vera", "Walter", "Yara", "Zoe", "Amir", "Bianca", "Carlos", "Dana",
        "Emil", "Fatima", "Georg", "Hanna", "Ivan", "Julia", "Kofi", "Lena", "Marek", "Nina", "Oskar", "Priya", "Quentin", "Rahul",
        "Sofia", "Tomas", "Uma", "Viktor", "Wen", "Xavier", "Yusuf", "Zeynep", "Aiko", "Bruno", "Chiara", "Dmitri", "Eva", "Farid",
        "Gianna", "Hassan", "Isla", "Jakob", "Kira", "Leon", "Mila", "Nils", "Olivia", "Pedro", "Rania", "Stefan", "Tara", "Ugo",
        "Valentina", "William", "Ximena", "Yuki", "Zain", "Alma", "Bastian", "Cem", "Daria", "Erik", "Freya", "Goran", "Helga",
        "Igor", "Jana", "Karl", "Lea", "Mateo", "Nora", "Omar", "Petra", "Ruben", "Sara", "Timo", "Ursula", "Vincent", "Wanda",
    ];

    public static readonly string[] LastNames =
    [
        "Fischer", "Schmidt", "Novak", "Rossi", "Garcia", "Nguyen", "Kowalski", "Jensen", "Silva", "Murphy", "Dubois", "Horvat",
        "Yilmaz", "Tanaka", "Okafor", "Petrov", "Larsen", "Moreau", "Bauer", "Costa", "Lindqvist", "Haddad", "Kim", "Ivanova",
        "Becker", "Santos", "Virtanen", "Andersen", "Ricci", "Weber", "Kaya", "Popescu", "Meyer", "Nowak", "Singh", "Lopez",
        "Hoffmann", "Wagner", "Keller", "Brennan", "Sato", "Chen", "Mensah", "Farouk", "Berg", "Hansen", "Conti", "Marino",
        "Vogel", "Wolff", "Zimmermann", "Schulz", "Krause", "Lehmann", "Koch", "Richter", "Klein", "Neumann", "Schwarz", "Braun",
        "Hofmann", "Hartmann", "Lange", "Werner", "Krueger", "Walter", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Jung",
        "Moeller", "Weiss", "Haas", "Schubert", "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Ludwig", "Winter",
        "Sommer", "Kraus", "Vogt", "Stein", "Jaeger", "Otto", "Brandt", "Graf", "Schuster", "Boehm", "Arnold", "Pohl", "Seidel",
    ];

    public static readonly string[] CompanyStems =
    [
        "North", "Blue", "Iron", "Silver", "Green", "Bright", "Stone", "River", "Oak", "Summit", "Harbor", "Granite", "Cedar",
        "Alpine", "Coastal", "Pioneer", "Vertex", "Nova", "Atlas", "Orion", "Delta", "Sierra", "Falcon", "Maple", "Crystal",
        "Copper", "Lumen", "Polar", "Prairie", "Quantum", "Radiant", "Sterling", "Tidal", "Union", "Vantage", "Willow", "Zenith",
        "Aurora", "Beacon", "Cobalt", "Evergreen", "Frontier", "Horizon", "Keystone", "Meridian", "Northstar", "Redwood", "Solstice",
    ];

    public static readonly string[] CompanyNouns =
    [
        "Logistics", "Components", "Systems", "Foods", "Textiles", "Energy", "Analytics", "Robotics", "Pharma", "Machines",
        "Software", "Builders", "Metals", "Plastics", "Freight", "Media", "Consulting", "Labs", "Electronics", "Optics",
        "Furniture", "Packaging", "Motors", "Chemicals", "Instruments", "Networks", "Farms", "Supplies", "Paper", "Tools",
    ];

    public static readonly string[] CompanySuffixes = ["GmbH", "AG", "Ltd", "Inc", "SA", "BV", "Oy", "AB", "SRL", "LLC", "Group", "Co"];

    public static readonly string[] Tags =
    [
        "vip", "prospect", "key-account", "distributor", "oem", "manufacturing", "retail", "healthcare", "public-sector",
        "education", "automotive", "logistics", "energy", "finance", "software", "emea", "apac", "americas", "dach", "nordics",
        "newsletter", "event-2025", "event-2026", "trade-fair", "referral", "at-risk", "renewal", "enterprise", "smb", "startup",
    ];

    public static readonly string[] MailDomains = ["mail.example", "post.example", "inbox.example", "web.example", "net.example"];

    public static readonly string[] Topics =
    [
        "the quarterly order", "the delivery schedule", "the framework contract", "the price list", "the pilot project",
        "the service level", "the open invoice", "the spare parts", "the trade fair", "the product launch", "the audit",
        "the sample shipment", "the renewal", "the support ticket", "the forecast", "the tender", "the onboarding",
        "the warranty claim", "the new catalogue", "the annual review", "the installation", "the training session",
    ];

    public static readonly string[] SubjectForms = ["About {0}", "Re: {0}", "Question on {0}", "Update on {0}", "Next steps for {0}", "Follow-up: {0}"];

    public static readonly string[] Openers =
    [
        "Thanks for the quick reply.", "Good morning,", "Hello again,", "As discussed on the phone,", "Quick update from our side.",
        "Following up on our meeting,", "Thank you for your patience.", "Sorry for the delay.", "Hope you had a good week.",
    ];

    public static readonly string[] Sentences =
    [
        "We can confirm {0} for next week.", "Could you send us the latest figures for {0}?", "Our team reviewed {0} and has a few questions.",
        "The numbers for {0} look good to us.", "We would like to move {0} to the next quarter.", "Please find our comments on {0} below.",
        "Can we schedule a call about {0} on Thursday?", "The warehouse has shipped everything for {0}.", "Legal signed off on {0} yesterday.",
        "We need another week to finish {0}.", "Our budget for {0} was approved.", "There is a small change to {0} on our side.",
        "Let us know if {0} still works for you.", "We are happy with how {0} went.", "Who should we contact about {0} going forward?",
    ];

    public static readonly string[] Closers = ["Best regards", "Kind regards", "Thanks", "Cheers", "Talk soon", "Many thanks"];

    public static readonly string[] ProfileLines =
    [
        "A regional distributor of industrial components and services.", "Software and data services for mid-sized manufacturers.",
        "Contract logistics across Europe.", "Packaging and supplies for food producers.",
    ];
}

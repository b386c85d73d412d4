namespace Rapport.App.Demo;

/// <summary>The words the demo network is made of: names, places, industries, companies and topics.</summary>
internal static class DemoVocabulary
{
    public static readonly string[] GivenNames =
    [
        "Ana", "João", "Maria", "Lukas", "Sofia", "Mateo", "Emma", "Noah", "Amara", "Kenji", "Priya", "Chen", "Fatima", "Olivier",
        "Zoë", "Søren", "Łukasz", "Chloé", "Aisha", "Diego", "Hana", "Ravi", "Ingrid", "Tomás", "Leila", "Marcus", "Yuki", "Elena",
        "Kwame", "Nadia", "Pablo", "Greta", "Omar", "Lucía", "Arjun", "Mei", "Felix", "Camila", "Ibrahim", "Freya", "Hugo", "Ana Luísa",
        "Tariq", "Ines", "Dmitri", "Chiara", "Jonas", "Valentina", "Kofi", "Astrid", "Rafael", "Sakura", "Mohammed", "Julia", "Anders",
        "Thandiwe", "Bruno", "Nora", "Vikram", "Lea", "Samuel", "Aylin", "Jakub", "Rosa", "Min-jun", "Clara", "Emeka", "Isabel", "Oskar",
    ];

    public static readonly string[] FamilyNames =
    [
        "Silva", "Santos", "Müller", "Schmidt", "García", "Rossi", "Dubois", "Nakamura", "Patel", "Wang", "Okafor", "Haddad", "Nguyễn",
        "Kowalski", "Johansson", "Andersen", "O'Brien", "Fernández", "Kim", "Singh", "Ivanova", "Costa", "Bianchi", "Yamamoto", "Mensah",
        "Novak", "Larsen", "Moreau", "Hoffmann", "Sato", "Ahmed", "Pereira", "Lopez", "Jensen", "Kaya", "Horvath", "Wójcik", "Eriksson",
        "Mbeki", "Rahman", "Schneider", "Ferreira", "Romano", "Chen", "Tanaka", "Dvořák", "Lindqvist", "Oliveira", "Becker", "Ortiz",
    ];

    public static readonly (string City, string Country)[] Cities =
    [
        ("Berlin", "Germany"), ("Berlin", "Germany"), ("Berlin", "Germany"), ("Munich", "Germany"), ("Hamburg", "Germany"),
        ("Lisbon", "Portugal"), ("London", "United Kingdom"), ("London", "United Kingdom"), ("Paris", "France"), ("Amsterdam", "Netherlands"),
        ("New York", "United States"), ("San Francisco", "United States"), ("Toronto", "Canada"), ("Madrid", "Spain"), ("Barcelona", "Spain"),
        ("Zurich", "Switzerland"), ("Stockholm", "Sweden"), ("Copenhagen", "Denmark"), ("Dublin", "Ireland"), ("Warsaw", "Poland"),
        ("Prague", "Czechia"), ("Vienna", "Austria"), ("Milan", "Italy"), ("São Paulo", "Brazil"), ("Singapore", "Singapore"),
        ("Tokyo", "Japan"), ("Sydney", "Australia"), ("Nairobi", "Kenya"), ("Bangalore", "India"), ("Mexico City", "Mexico"),
    ];

    public static readonly string[] Industries =
    [
        "software", "software", "software", "fintech", "fintech", "healthcare", "education", "design", "media", "retail", "energy",
        "climate tech", "consulting", "biotech", "manufacturing", "nonprofit", "government", "legal", "gaming", "telecom", "automotive",
    ];

    public static readonly string[] Functions =
    [
        "engineering", "engineering", "product", "product", "design", "marketing", "sales", "operations", "finance", "people",
        "data", "research", "legal", "customer success", "leadership",
    ];

    public static readonly string[] CompanyStems =
    [
        "Northwind", "Bluefin", "Lumen", "Cedar", "Orbit", "Kestrel", "Halcyon", "Meridian", "Tessera", "Juniper", "Quill", "Atlas",
        "Brightline", "Sable", "Vireo", "Copperleaf", "Nimbus", "Fathom", "Solstice", "Harbor", "Wren", "Aurora", "Basalt", "Mosaic",
    ];

    public static readonly Dictionary<string, string[]> CompanySuffixes = new()
    {
        ["software"] = ["Labs", "Software", "Systems", "Cloud"], ["fintech"] = ["Pay", "Capital", "Ledger"], ["healthcare"] = ["Health", "Care", "Clinics"],
        ["education"] = ["Learning", "Academy"], ["design"] = ["Studio", "Design"], ["media"] = ["Media", "Press"], ["retail"] = ["Goods", "Market"],
        ["energy"] = ["Energy", "Power"], ["climate tech"] = ["Climate", "Carbon"], ["consulting"] = ["Partners", "Advisory"],
        ["biotech"] = ["Bio", "Therapeutics"], ["manufacturing"] = ["Works", "Industries"], ["nonprofit"] = ["Foundation", "Trust"],
        ["government"] = ["Agency", "Office"], ["legal"] = ["Legal", "Law"], ["gaming"] = ["Games", "Interactive"], ["telecom"] = ["Telecom", "Networks"],
        ["automotive"] = ["Motors", "Mobility"],
    };

    public static readonly Dictionary<string, string[]> TitlesByFunction = new()
    {
        ["engineering"] = ["Software Engineer", "Senior Engineer", "Staff Engineer", "Engineering Manager", "CTO"],
        ["product"] = ["Product Manager", "Senior Product Manager", "Group PM", "Head of Product", "VP Product"],
        ["design"] = ["Product Designer", "Senior Designer", "Design Lead", "Head of Design"],
        ["marketing"] = ["Marketing Manager", "Growth Lead", "Head of Marketing", "CMO"],
        ["sales"] = ["Account Executive", "Sales Manager", "VP Sales"],
        ["operations"] = ["Operations Manager", "COO", "Program Manager"],
        ["finance"] = ["Financial Analyst", "Finance Director", "CFO"],
        ["people"] = ["Recruiter", "People Partner", "Head of People"],
        ["data"] = ["Data Scientist", "Data Engineer", "Head of Data"],
        ["research"] = ["Researcher", "Research Lead", "Professor"],
        ["legal"] = ["Counsel", "General Counsel"],
        ["customer success"] = ["Customer Success Manager", "Head of Customer Success"],
        ["leadership"] = ["Founder", "CEO", "Managing Director"],
    };

    public static readonly string[] Topics =
    [
        "pricing experiments", "hiring a first designer", "their move to a new team", "remote work rituals", "a Series A fundraise",
        "OKR planning", "the conference talk", "career switch into climate", "mentoring juniors", "a book on negotiation", "AI features in the roadmap",
        "the reorg", "a side project", "parental leave", "speaking at the meetup", "a job opening on their team", "user research methods",
    ];

    public static readonly string[] Insights =
    [
        "Ship the smallest test first; pricing pages can be A/B tested in a week.",
        "Ask for the decision criteria before the final interview.",
        "Climate companies value systems thinking over domain knowledge at first.",
        "A warm intro converts three times better than a cold email, in their experience.",
        "Keep a brag document; it makes promotion cases easy.",
    ];
}

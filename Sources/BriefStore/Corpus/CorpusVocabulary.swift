// The generator's built-in vocabulary: a table of names, sentence templates and promo lines.

/// Slots in templates: `{person}`, `{place}`, `{org}`, `{nationality}`, `{number}`.
enum CorpusVocabulary {
    static let people = [
        "Jake Sullivan", "Takeo Akiba", "Yoon Suk Yeol", "Fumio Kishida", "Antony Blinken", "Lloyd Austin",
        "Olaf Scholz", "Emmanuel Macron", "Rishi Sunak", "Ursula von der Leyen", "Jens Stoltenberg",
        "Narendra Modi", "Anthony Albanese", "Pedro Sánchez", "José Manuel Albares", "Annalena Baerbock",
        "Ferdinand Marcos Jr.", "Lai Ching-te", "Wang Yi", "Gina Raimondo", "Janet Yellen", "Rafael Grossi",
        "António Guterres", "Kaja Kallas", "Penny Wong", "Cho Tae-yul", "Yoko Kamikawa", "Søren Gade",
    ]
    static let places = [
        "United States", "South Korea", "Japan", "North Korea", "China", "Taiwan", "Seoul", "Tokyo",
        "Pyongyang", "Beijing", "Washington", "Brussels", "Berlin", "Paris", "London", "Canberra",
        "Manila", "the Taiwan Strait", "the South China Sea", "the Red Sea", "the Strait of Hormuz",
        "the Baltic Sea", "Zürich", "Kyiv", "New Delhi", "Singapore", "Jakarta", "Reykjavík", "Tehran",
    ]
    static let organizations = [
        "the White House", "the Pentagon", "NATO", "the European Union", "the United Nations",
        "the International Atomic Energy Agency", "the Ministry of Defense", "the Treasury Department",
        "the Financial Action Task Force", "the Cybersecurity and Infrastructure Security Agency",
        "Samsung Electronics", "TSMC", "the World Trade Organization", "the European Space Agency",
        "the Coast Guard", "the National Police Agency", "Interpol", "the Bank for International Settlements",
    ]
    static let nationalities = [
        "American", "South Korean", "Japanese", "Chinese", "Taiwanese", "German", "French", "British",
        "Australian", "Indian", "Filipino", "European", "Spanish", "Danish", "Iranian",
    ]

    /// Sentence templates by topic. Each article picks a focus topic and mostly draws from it.
    static let topicSentences: [String: [String]] = [
        "cyber": [
            "{org} said hackers linked to {place} had breached the networks of {number} companies.",
            "Officials in {place} blamed a ransomware group for the outage that lasted {number} hours.",
            "{person} warned that state-backed cyber attacks on power grids were becoming more frequent.",
            "The malware spread through a compromised software update, according to {org}.",
            "Investigators traced the phishing campaign to servers in {place}.",
            "A {nationality} security firm published indicators of compromise for the intrusion.",
        ],
        "missiles": [
            "{place} test-fired a ballistic missile that flew {number} kilometers before landing at sea.",
            "{person} condemned the launch of intercontinental ballistic missiles as a threat to the region.",
            "The missile defense system tracked the projectile for {number} seconds, {org} said.",
            "Analysts said the hypersonic missile test showed rapid progress in {place}.",
            "{nationality} officials called for talks after the cruise missile launch.",
        ],
        "supply-chain": [
            "The shortage of chips has exposed weaknesses in the global supply chain, {person} said.",
            "{org} announced an early warning system for supply-chain disruptions in critical minerals.",
            "Factories in {place} reported delays of {number} days for rechargeable batteries.",
            "Companies are moving production out of {place} to make their supply chains more resilient.",
            "Export controls on rare earths have rattled manufacturers, according to {org}.",
        ],
        "nuclear": [
            "{org} said inspectors had not been allowed into the nuclear facility since {number}.",
            "{person} urged {place} to return to talks on its nuclear program.",
            "The enrichment of uranium to {number} percent alarmed {nationality} diplomats.",
            "Satellite images suggested renewed activity at the nuclear test site in {place}.",
        ],
        "space": [
            "{place} placed a spy satellite in orbit on its {number}th attempt.",
            "{org} said the launch vehicle reached low Earth orbit before the second stage failed.",
            "{person} announced a joint mission to the Moon with {nationality} partners.",
            "The satellite constellation will provide imagery to {org}, officials said.",
        ],
        "crypto": [
            "Hackers stole {number} million dollars in cryptocurrency from an exchange in {place}.",
            "{org} said the stolen crypto assets were laundered through mixers and bridges.",
            "{person} called for tighter rules on crypto exchanges to fight money laundering.",
            "The illicit finance network moved funds through shell companies in {place}.",
        ],
        "maritime": [
            "Ships transiting {place} faced new risks after the attack on a tanker.",
            "{org} increased patrols to protect freedom of navigation in {place}.",
            "A {nationality} frigate escorted {number} cargo vessels through the strait.",
            "Shipping insurers raised premiums for voyages through {place}, {person} said.",
        ],
        "diplomacy": [
            "{person} met counterparts from {place} to prepare the summit.",
            "The foreign ministers issued a joint statement after talks in {place}.",
            "{nationality} diplomats said the trilateral meeting produced concrete commitments.",
            "{person} said the alliance with {place} had never been stronger.",
        ],
        "sanctions": [
            "{org} imposed sanctions on {number} entities accused of helping {place} evade restrictions.",
            "{person} said economic coercion would be met with a coordinated response.",
            "The new export controls target companies in {place}, according to {org}.",
            "Frozen assets worth {number} million dollars remain under sanctions.",
        ],
        "military": [
            "Troops from {place} joined the military exercise, which involved {number} aircraft.",
            "{person} announced an increase in defense spending to {number} billion dollars.",
            "{org} said the drills near {place} were the largest in years.",
            "The {nationality} navy deployed a destroyer to the region.",
        ],
        "general": [
            "Residents of {place} said the new rules would take effect next month.",
            "{person} told reporters that the details would be announced later.",
            "The report, published by {org}, drew on interviews with {number} officials.",
            "Markets in {place} rose slightly after the announcement.",
            "A café in {place} became an unlikely meeting point for negotiators.",
        ],
    ]
    static let topicIDs = topicSentences.keys.sorted()

    static let titleTemplates = [
        "{place} and {place} step up efforts against cyber threats",
        "{person} warns of missile tests by {place}",
        "Supply chain worries grow as {place} tightens export controls",
        "{org} says nuclear talks with {place} have stalled",
        "{place} launches new satellite as space race heats up",
        "Crypto exchange hack in {place} linked to illicit finance network",
        "Shipping through {place} disrupted after attack",
        "{person} visits {place} to shore up alliance",
        "{org} widens sanctions on {place}",
        "{nationality} military exercise draws criticism from {place}",
        "{person} and {person} agree on new measures",
        "What the summit in {place} means for {nationality} security",
    ]

    static let promoMarkers = [
        "Related", "Read more", "Recommended for you", "You may also like", "Trending now", "Most popular",
        "Similar topics for you...This topic continues below.", "Story continues below advertisement",
        "Advertisement", "Sponsored",
    ]
    static let unrelatedHeadlines = [
        "Ten recipes for a quick weeknight dinner",
        "Local team wins championship after dramatic final",
        "Celebrity couple announces surprise wedding",
        "The best budget headphones of the year, tested",
        "Why you should stop charging your phone overnight",
        "Rescued puppy finds a forever home after viral video",
        "Stock up: the supermarket deals ending this weekend",
        "Actor opens up about life after the hit series",
        "Weather: heatwave expected to break by Friday",
        "Travel: the hidden beaches locals want to keep secret",
    ]
    static let trailers = [
        "Sign up for our daily newsletter to get the top stories in your inbox.",
        "Share this article on Facebook, Twitter or by email.",
        "Follow us on social media for the latest updates.",
        "© 2024 The Daily Ledger. All rights reserved.",
    ]
    static let sites = ["The Daily Ledger", "Pacific Wire", "Capital Observer", "Harbor Times", "Global Desk"]
}

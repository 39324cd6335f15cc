// Entity recognition speed: tokens per second on one core over generated news text.
import BriefCore
import BriefStore
import Foundation

/// Measures `GazetteerEntityRecognizer` on a generated corpus of news-like documents.
///
/// The text mixes what the recognizer must handle: titles before names, unknown
/// surnames, countries and cities, organizations with suffixes, quotes with `said`,
/// dates, numbers and a Title-Case headline per document. It is generated with a fixed
/// seed so runs compare. Tokens are counted as the recognizer counts them (words,
/// numbers and punctuation marks), the way CoNLL counts tokens.
enum EntityBenchmark {
    static let documentCount = 2_000
    static let paragraphsPerDocument = 12

    static func run() {
        let documents = generateDocuments()
        let recognizer = GazetteerEntityRecognizer.shared
        var tokens = 0
        for document in documents {
            tokens += recognizer.tokenCount(document.title)
            for paragraph in document.paragraphs { tokens += recognizer.tokenCount(paragraph) }
        }
        _ = recognizer.entities(title: documents[0].title, paragraphs: documents[0].paragraphs)  // load the gazetteer

        var best = Double.infinity
        var entities = 0
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            entities = 0
            for document in documents {
                entities += recognizer.entities(title: document.title, paragraphs: document.paragraphs).count
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            best = min(best, seconds)
        }
        print("entities_documents \(documents.count)")
        print("entities_tokens \(tokens)")
        print("entities_found \(entities)")
        print("entities_seconds \(String(format: "%.3f", best))")
        print("entity_tokens_per_second \(Int(Double(tokens) / best))")
    }

    struct Document {
        var title: String
        var paragraphs: [String]
    }

    static let firstNames = ["Jake", "Maria", "Takeo", "Olaf", "Amina", "Pedro", "Li", "Fatima", "Graham", "Ivan",
                             "Sophie", "Rahul", "Kwame", "Yuki", "Elena", "Ahmed", "Chris", "Hannah"]
    static let syllables = ["ka", "ro", "vel", "man", "sto", "ber", "lin", "ta", "go", "mi", "sen", "dra", "ko", "wel", "ham"]
    static let titles = ["President", "Prime Minister", "Foreign Minister", "National Security Adviser", "Senator",
                         "General", "spokesman", "coach", "Chief Executive", "Governor"]
    static let places = ["United States", "South Korea", "Japan", "North Korea", "China", "Germany", "Brazil", "Nigeria",
                         "Seoul", "Tokyo", "Berlin", "Lagos", "Taiwan Strait", "South China Sea", "Kenya", "Ukraine",
                         "the U.S.", "Britain", "India", "Pakistan", "Moscow", "Paris", "Cairo"]
    static let demonyms = ["Japanese", "South Korean", "German", "Brazilian", "Nigerian", "American", "Chinese", "Indian"]
    static let orgSuffixes = ["Holdings", "Group", "Bank", "Ministry", "Agency", "Council", "Corp.", "Inc."]
    static let organizations = ["the United Nations", "NATO", "the White House", "the European Union", "the IMF",
                                "the State Department", "Reuters", "Samsung", "Toyota"]
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    static let months = ["January", "March", "June", "August", "October", "December"]
    static let topics = ["cyber threats", "missile tests", "supply chains", "trade talks", "sanctions",
                         "critical minerals", "space launches", "interest rates", "the election", "the ceasefire"]

    static func surname(_ g: inout SplitMix64) -> String {
        var name = ""
        for _ in 0..<g.int(in: 2...3) { name += g.pick(syllables) }
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    static func sentence(_ g: inout SplitMix64, person: String, surname last: String, company: String) -> String {
        switch g.int(in: 0...7) {
        case 0:
            return "\(g.pick(titles)) \(person) said on \(g.pick(weekdays)) that \(g.pick(places)) and \(g.pick(places)) would step up cooperation on \(g.pick(topics))."
        case 1:
            return "The \(g.pick(demonyms)) delegation met officials from \(g.pick(organizations)) in \(g.pick(places)) on \(g.pick(months)) \(g.int(in: 1...28)), \(g.int(in: 1990...2024))."
        case 2:
            return "\"We will not accept threats against \(g.pick(places))'s security,\" \(last) told reporters, adding that \(company) had cut \(g.int(in: 100...9000)) jobs."
        case 3:
            return "Shares of \(company) rose \(g.int(in: 1...9)).\(g.int(in: 0...9)) percent after \(g.pick(organizations)) approved the plan, while \(g.pick(demonyms)) investors stayed cautious."
        case 4:
            return "According to \(g.pick(titles)) \(person), the talks in \(g.pick(places)) focused on \(g.pick(topics)) and \(g.pick(topics))."
        case 5:
            return "\(last) and \(g.pick(firstNames)) \(surname(&g)) of \(company) visited \(g.pick(places)) last week, \(g.pick(organizations)) said in a statement."
        case 6:
            return "In \(g.pick(places)), analysts expect \(g.pick(topics)) to dominate the agenda when leaders gather at the summit on \(g.pick(weekdays))."
        default:
            return "Officials said the \(g.int(in: 2...40)) members would meet again in \(g.pick(months)), though \(last) warned that progress on \(g.pick(topics)) was slow."
        }
    }

    static func generateDocuments() -> [Document] {
        var g = SplitMix64(seed: 2023_12_09)
        var documents: [Document] = []
        documents.reserveCapacity(documentCount)
        for _ in 0..<documentCount {
            let last = surname(&g)
            let person = "\(g.pick(firstNames)) \(last)"
            let company = "\(surname(&g)) \(g.pick(orgSuffixes))"
            let title = "\(g.pick(places)) And \(g.pick(places)) Agree To Step Up Action On \(g.pick(topics).capitalized)"
            var paragraphs: [String] = []
            for _ in 0..<paragraphsPerDocument {
                var paragraph: [String] = []
                for _ in 0..<g.int(in: 2...4) { paragraph.append(sentence(&g, person: person, surname: last, company: company)) }
                paragraphs.append(paragraph.joined(separator: " "))
            }
            documents.append(Document(title: title, paragraphs: paragraphs))
        }
        return documents
    }
}

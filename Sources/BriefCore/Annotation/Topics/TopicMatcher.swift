// The compiled form of a set of topics: every term form indexed by its first word, for one pass per article.

/// Counts the occurrences of every topic term in a text in one pass over its words.
///
/// Single-word forms are a dictionary lookup per word; phrases are looked up by their first
/// word and then compared; prefix forms (`cyber*`) are looked up by each word's beginning of
/// every prefix length in use. Cost is linear in the text, whatever the number of topics.
struct TopicMatcher: Sendable {
    /// What a term does for its topic.
    enum Role: Sendable {
        /// Evidence on its own (`strong` and `terms`).
        case evidence
        /// Evidence only beside other evidence (`context`).
        case context
        /// Another sense: its sentence gives the topic no evidence (`against`).
        case against
    }

    /// One term of one topic; the index into the counts array.
    struct Term: Sendable {
        var topic: Int
        var text: String
        var weight: Double
        var role: Role
    }

    private struct Phrase: Sendable {
        var rest: [String]
        var lastIsPrefix: Bool
        var term: Int
    }

    /// What a word starts: the single-word terms it is, the phrases it begins.
    private struct Entry: Sendable {
        var terms: [Int] = []
        var phrases: [Phrase] = []
    }

    private(set) var terms: [Term] = []
    /// One lookup per word of text finds both its terms and its phrases.
    private var entries: [String: Entry] = [:]
    private var prefixes: [String: [Int]] = [:]
    private var prefixLengths: [Int] = []
    /// First bytes of the prefix forms, so most words skip the prefix lookups.
    private var prefixFirstBytes = [Bool](repeating: false, count: 256)

    init(topics: [TopicDefinition], scoring: TopicScoring) {
        for (topicIndex, topic) in topics.enumerated() {
            let weighted = topic.strong.map { ($0, scoring.strongWeight, Role.evidence) }
                + topic.terms.map { ($0, scoring.termWeight, Role.evidence) }
                + topic.context.map { ($0, scoring.termWeight, Role.context) }
                + topic.against.map { ($0, 0, Role.against) }
            var seenTerms = Set<String>()
            for (text, weight, role) in weighted {
                let name = text.split(separator: "|").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? text
                guard seenTerms.insert(name.lowercased()).inserted else { continue }
                let termIndex = terms.count
                terms.append(Term(topic: topicIndex, text: name, weight: weight, role: role))
                for form in TermVariants.forms(of: text) {
                    if form.tokens.count == 1 {
                        if form.isPrefix {
                            prefixes[form.tokens[0], default: []].append(termIndex)
                        } else {
                            entries[form.tokens[0], default: Entry()].terms.append(termIndex)
                        }
                    } else {
                        entries[form.tokens[0], default: Entry()].phrases.append(
                            Phrase(rest: Array(form.tokens.dropFirst()), lastIsPrefix: form.isPrefix, term: termIndex))
                    }
                }
            }
        }
        prefixLengths = Set(prefixes.keys.map(\.utf8.count)).sorted()
        for key in prefixes.keys { if let first = key.utf8.first { prefixFirstBytes[Int(first)] = true } }
    }

    /// Calls `body` with the index of the term of every term occurrence among `tokens[range]`
    /// (a phrase does not run past the range).
    func forEachMatch(in tokens: [String], _ range: Range<Int>, _ body: (Int) -> Void) {
        for position in range {
            let token = tokens[position]
            if let entry = entries[token] {
                for term in entry.terms { body(term) }
                for phrase in entry.phrases where matches(phrase, in: tokens, after: position, before: range.upperBound) {
                    body(phrase.term)
                }
            }
            let utf8 = token.utf8
            if let first = utf8.first, prefixFirstBytes[Int(first)] {
                for prefixLength in prefixLengths where prefixLength <= utf8.count {
                    // Cut in UTF-8: a cut through a scalar gives a key no prefix has.
                    let key = String(decoding: utf8.prefix(prefixLength), as: UTF8.self)
                    if let hits = prefixes[key] {
                        for term in hits { body(term) }
                    }
                }
            }
        }
    }

    private func matches(_ phrase: Phrase, in tokens: [String], after position: Int, before end: Int) -> Bool {
        let rest = phrase.rest
        guard position + rest.count < end else { return false }
        for (offset, expected) in rest.enumerated() {
            let actual = tokens[position + 1 + offset]
            if phrase.lastIsPrefix && offset == rest.count - 1 {
                if !actual.hasPrefix(expected) { return false }
            } else if actual != expected {
                return false
            }
        }
        return true
    }
}

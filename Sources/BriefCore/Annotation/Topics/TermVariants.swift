// Expands one term as written in a topics file into the token sequences it matches.

/// The forms a topic term matches, as token sequences.
enum TermVariants {
    /// A term's matchable forms.
    struct Form: Hashable {
        var tokens: [String]
        /// The last token matches any word it begins (`cyber*`).
        var isPrefix: Bool
    }

    /// All forms of `term`: each `|` alternative, its plural, and for hyphenated words the
    /// closed form too (`cyber-attack` → `cyber attack`, `cyberattack`).
    static func forms(of term: String) -> [Form] {
        var result: [Form] = []
        var seen = Set<Form>()
        func add(_ form: Form) {
            guard !form.tokens.isEmpty, seen.insert(form).inserted else { return }
            result.append(form)
        }
        for alternative in term.split(separator: "|") {
            var text = String(DataFileLines.trim(alternative))
            let isPrefix = text.hasSuffix("*")
            if isPrefix { text.removeLast() }
            var spellings = [FoldedWordTokenizer.tokens(text)]
            if text.contains("-") {
                let closed = text.split(separator: " ").map { $0.replacingOccurrences(of: "-", with: "") }.joined(separator: " ")
                spellings.append(FoldedWordTokenizer.tokens(closed))
            }
            for tokens in spellings where !tokens.isEmpty {
                add(Form(tokens: tokens, isPrefix: isPrefix))
                guard !isPrefix, let last = tokens.last, let plural = plural(of: last) else { continue }
                add(Form(tokens: tokens.dropLast() + [plural], isPrefix: false))
            }
        }
        return result
    }

    /// Whether `term` has any form: `!forms(of: term).isEmpty`, without building the forms.
    ///
    /// A form needs a word, and an alternative's closed form and plural have words only when it
    /// has. A topics file is checked this way, so that loading it builds the forms once (for the
    /// matcher), not twice.
    static func hasWords(_ term: String) -> Bool {
        term.split(separator: "|").contains { alternative in
            var found = false
            FoldedWordTokenizer.forEachTokenBytes(in: String(alternative)) { _, _ in found = true }
            return found
        }
    }

    /// The English plural of a lowercase word, or nil when the word is too short or not alphabetic.
    static func plural(of word: String) -> String? {
        guard word.count >= 2, word.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) else { return nil }
        if word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("z") || word.hasSuffix("ch") || word.hasSuffix("sh") {
            return word + "es"
        }
        if word.hasSuffix("y"), let before = word.dropLast().last, !"aeiou".contains(before) {
            return word.dropLast() + "ies"
        }
        return word + "s"
    }
}

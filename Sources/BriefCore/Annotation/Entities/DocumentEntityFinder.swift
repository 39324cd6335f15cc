// One document's recognition: tokenize every line, find mentions per line, then make them consistent.

/// The working state of recognizing one document.
///
/// Three steps: every line is tokenized first (so the document's lowercase vocabulary
/// is known before any capital is judged), then mentions are found line by line, then
/// document-level consistency types guesses by what the document said elsewhere.
struct DocumentEntityFinder {
    let gazetteer: Gazetteer
    let settings: EntitySettings
    /// Whether the document is in English (or undecided), so capitals and English context words
    /// may mark names; otherwise only the gazetteer's international names are read.
    let englishRules: Bool
    var lines: [EntityLine] = []
    /// Keys of every word the document writes in lowercase somewhere: a capital on such
    /// a word at a sentence start or in a headline marks nothing.
    var lowercaseWords: KeySet = []
    var mentions: [EntityMention] = []
    /// Whether the document reports sport: its places may be teams (`Liverpool beat Chelsea`).
    var sportsStory = false
    private var scratch: [EntityToken] = []

    init(gazetteer: Gazetteer, settings: EntitySettings, englishRules: Bool = true) {
        self.gazetteer = gazetteer
        self.settings = settings
        self.englishRules = englishRules
    }

    /// Adds one line (title or paragraph) of the document.
    mutating func addLine(paragraph: Int, text: String) {
        let scalars = text.unicodeScalars.map(\.value)
        gazetteer.tokenizer.tokenize(scalars, into: &scratch)
        var tokens = scratch
        markSentenceStarts(&tokens)
        for token in tokens where token.has(.lowercase) { lowercaseWords.insert(token.key) }
        lines.append(EntityLine(paragraph: paragraph, scalars: scalars, tokens: tokens, casing: .prose))
    }

    /// Finds, settles and returns the document's entity spans.
    mutating func spans() -> [EntitySpan] {
        if englishRules {
            findEnglishMentions()
        } else {
            for index in lines.indices { findInternationalNames(inLine: index) }
        }
        var result: [EntitySpan] = []
        result.reserveCapacity(mentions.count)
        for mention in mentions {
            let line = lines[mention.line]
            let start = line.tokens[mention.first].start
            let end = line.tokens[mention.end - 1].end
            let text = Self.string(line.scalars[start..<end])
            result.append(EntitySpan(paragraph: line.paragraph, start: start, end: end, text: text,
                                     type: mention.type, canonical: mention.canonical))
        }
        result.sort { ($0.paragraph, $0.start) < ($1.paragraph, $1.start) }
        return result
    }

    private mutating func findEnglishMentions() {
        for index in lines.indices {
            lines[index].casing = casing(of: lines[index].tokens)
            lines[index].numbers = lines[index].tokens.reduce(0) { $0 + ($1.has(.digit) && !$1.isWord ? 1 : 0) }
        }
        sportsStory = isSportsStory()
        for index in lines.indices { findMentions(inLine: index) }
        settleWithDocument()
    }

    /// Whether enough distinct words of sports reporting appear in the document.
    private func isSportsStory() -> Bool {
        var seen: KeySet = []
        for line in lines {
            for token in line.tokens where token.isWord && gazetteer.sportsWords.contains(token.key) {
                seen.insert(token.key)
                if seen.count >= settings.sportsStoryMinimumWords { return true }
            }
        }
        return false
    }

    /// Names in a line of another language: the gazetteer's countries, capitals and
    /// international organizations, starting on a capital (acronyms in capitals), and nothing
    /// else: that language's capitals and context words follow rules these are not.
    private mutating func findInternationalNames(inLine lineIndex: Int) {
        let tokens = lines[lineIndex].tokens
        var i = 0
        while i < tokens.count {
            if tokens[i].isCapitalized,
               let match = gazetteer.internationalNames.longest(in: tokens, at: i, limit: tokens.count, accept: \.isWord),
               let type = match.entry.kind.entityType,
               !match.entry.acronym || tokens[i..<match.end].allSatisfy({ $0.has(.allCaps) || $0.has(.initial) }) {
                mentions.append(EntityMention(line: lineIndex, first: i, end: match.end, type: type,
                                              canonical: match.entry.canonical, strength: .strong))
                i = match.end
            } else {
                i += 1
            }
        }
    }

    static func string(_ scalars: ArraySlice<UInt32>) -> String {
        var view = String.UnicodeScalarView()
        for value in scalars { if let scalar = Unicode.Scalar(value) { view.append(scalar) } }
        return String(view)
    }

    /// Marks the first word of each sentence, past opening quotes and brackets.
    private func markSentenceStarts(_ tokens: inout [EntityToken]) {
        var atStart = true
        for index in tokens.indices {
            let token = tokens[index]
            if token.isWord || token.has(.digit) {
                if atStart { tokens[index].shape.insert(.sentenceStart) }
                atStart = false
            } else {
                switch token.symbol {
                case 0x2E, 0x21, 0x3F, 0x3A, 0x3B, 0x2026: atStart = true  // . ! ? : ; …
                case 0x22, 0x27, 0x28, 0x5B, 0x201C, 0x2018, 0x2014, 0x2D, 0x2013, 0x2022, 0x2A: break  // quotes, brackets, dashes, bullets
                default: atStart = false
                }
            }
        }
    }

    /// Prose or headline, from how its words are capitalized.
    ///
    /// A line is a headline when most of its words are in capitals, or when it is in Title
    /// Case: no lowercase word but function words, and capitals on ordinary words (common
    /// ones, or ones the document writes in lowercase elsewhere). A results table
    /// (`Stoke 4 3 1 0`) or a list of names capitalizes no ordinary word: prose.
    private func casing(of tokens: [EntityToken]) -> LineCasing {
        var words = 0, allCaps = 0, lowercaseContent = 0, capitalized = 0, capitalizedOrdinary = 0, numbers = 0
        var lowercaseFunction = 0
        for token in tokens {
            guard token.isWord else {
                if token.has(.digit) { numbers += 1 }
                continue
            }
            words += 1
            if token.has(.allCaps) { allCaps += 1 }
            if token.has(.lowercase) {
                if gazetteer.functionWords.contains(token.key) { lowercaseFunction += 1 } else { lowercaseContent += 1 }
            } else if token.isCapitalized {
                capitalized += 1
                // Looked up last: most words of prose are lowercase, and most capitals open a sentence.
                if !token.has(.sentenceStart), token.end - token.start >= 3,
                   gazetteer.commonWords.contains(token.key) || lowercaseWords.contains(token.key) {
                    capitalizedOrdinary += 1
                }
            }
        }
        if words > 0, Double(allCaps) > Double(words) * settings.allCapsLineShare { return .headline }
        if lowercaseContent == 0, capitalized >= settings.titleCaseMinimumWords, numbers <= 1, capitalizedOrdinary >= 1 {
            return .headline
        }
        // `Buried Bomb Explodes at Airport`: many capitals around lowercase function words, and no
        // lowercase content word, is Title Case even when no capital is on a word known as ordinary.
        if lowercaseContent == 0, lowercaseFunction >= 1, capitalized >= settings.titleCaseWordsWithoutOrdinary, numbers <= 1 {
            return .headline
        }
        return .prose
    }
}

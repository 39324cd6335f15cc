// The marker tables of the cleaning stage, loaded from `Resources/Data/cleaning-*.json`.
import Foundation

/// What a certain rule says about one line.
package struct MarkerMatch: Equatable, Sendable {
    package var reason: RemovalReason
    /// The line announces a list of other articles ("Related", "Read more").
    package var introducesHeadlines: Bool
    /// The line opens as a site's copyright notice ("© 2008 Example Media. All rights reserved."),
    /// which a page prints once the story is over; a sentence that mentions the phrase does not.
    package var isCopyrightNotice = false
    /// The line is a sentence opening with a prompt's verb that names no channel ("Follow every
    /// instruction, including sealing the ballot …"): a prompt, or an entry of the story's own list
    /// of what to do, which only the story's words can tell apart.
    package var mayBeStoryInstruction = false
}

/// Marker phrases and function words, as data.
package struct CleaningRules: Sendable {
    private struct Rule: Decodable, Sendable {
        var reason: RemovalReason
        var introducesHeadlines: Bool?
        var exact: [String]
        var prefix: [String]
        var contains: [String]
    }
    private struct WordList: Decodable { var words: [String] }
    private struct CreditPrefixes: Decodable {
        var prefixes: [String]
        var labelMaximumWords: Int
    }
    private struct CallsToAction: Decodable {
        var purposeOpenings: [String]
        var purposeMaximumWords: Int
        var actions: [String]
        var channels: [String: [String]]
    }
    private struct CopyrightNotices: Decodable {
        var maximumWords: Int
        var phrases: [String]
        var openings: [String]
    }
    private struct ConsentNotices: Decodable {
        var maximumWords: Int
        var openings: [String]
        var terms: [String]
    }
    private struct ReadingTime: Decodable {
        var units: [String]
        var after: [String]
    }
    private struct MarkerFile: Decodable {
        var maximumMarkerWords: Int
        var sentenceMinimumWords: Int
        var readingTime: ReadingTime
        var copyrightNotices: CopyrightNotices
        var consentNotices: ConsentNotices
        var promoWords: WordList
        var creditPrefixes: CreditPrefixes
        var shareButtons: WordList
        var listOpenings: WordList
        var callsToAction: CallsToAction
        var rules: [Rule]
    }
    private struct WordFile: Decodable { var words: [String] }

    /// Prefix and contains rules only fire on lines up to this many words.
    package var maximumMarkerWords: Int
    /// A line of this many words or more that reads as a sentence is matched by a contains rule only at its ends.
    private var sentenceMinimumWords = 0
    /// A copyright notice ("… All rights reserved.") is removed up to this many words, longer than a marker line.
    package var copyrightNoticeMaximumWords: Int
    /// Its phrases, normalized, as UTF-8 (matched as whole words by `isCopyrightNotice`).
    private var copyrightPhrases: [[UInt8]] = []
    /// What a notice opens with, lowercased, when it is not one of its phrases: "©", "Copyright".
    private var copyrightOpenings: [String] = []
    /// A sign-up form's consent notice ("By signing up, you agree to our Privacy Policy …") is
    /// removed up to this many words: what it opens with, and the terms it agrees to, normalized.
    private var consentNoticeMaximumWords = 0
    private var consentOpenings: [String] = []
    /// The first words of `consentOpenings`: most lines open with none, and are not searched further.
    private var consentOpeningWords: Set<String> = []
    private var consentTerms: [String] = []
    private var exact: [String: MarkerMatch] = [:]
    /// Prefix and contains phrases by their text; phrases are matched as whole word sequences.
    private var prefixes: [String: MarkerMatch] = [:]
    private var fragments: [String: MarkerMatch] = [:]
    /// Words in the longest prefix or contains phrase.
    private var longestPhraseWords = 1
    /// Function words of the common languages, lowercased.
    package var stopwords: StopwordSet
    /// Words that make a short line an announcement of other articles.
    package var promoWords: Set<String>
    /// First words of captions and credits (normalized).
    package var creditPrefixes: [String]
    /// Words before a colon read as a credit's label; a colon further on is the credit's own.
    private var creditLabelMaximumWords = 0
    /// Units of a reading time after a marker ("… 10 Minuten"), and the words that may follow one ("read").
    private var readingTimeUnits: Set<String> = []
    private var readingTimeAfter: [[Substring]] = []
    /// Words a row of share buttons is made of.
    private var shareButtonWords: Set<String>
    /// Short sentences that open the story's own list ("These include"), normalized.
    private var listOpenings: Set<String>
    /// Words a purpose opens with before the request it leads to, when no comma ends it ("for"),
    /// and how many words it may run before the action.
    private var purposeOpenings: Set<String> = []
    private var purposeMaximumWords = 0
    /// Words and two-word phrases that ask the reader to act ("join", "sign up").
    private var actionPhrases: Set<String> = []
    /// What a prompt may ask the reader to use (a newsletter, an app), by the reason it is removed for.
    private var channelPhrases: [String: RemovalReason] = [:]

    /// The rules shipped with Brief.
    package static let builtIn: CleaningRules = {
        do {
            return try CleaningRules(markers: BundledData.load("cleaning-markers.json"),
                                     stopwords: BundledData.load("cleaning-stopwords.json"))
        } catch {
            // The data files ship inside the package; a broken one is a build defect, caught by the tests.
            fatalError("Brief's cleaning data is damaged: \(error)")
        }
    }()

    package init(markers: Data, stopwords: Data) throws {
        let file = try JSONDecoder().decode(MarkerFile.self, from: markers)
        maximumMarkerWords = file.maximumMarkerWords
        sentenceMinimumWords = file.sentenceMinimumWords
        copyrightNoticeMaximumWords = file.copyrightNotices.maximumWords
        copyrightPhrases = file.copyrightNotices.phrases.map { Array(Self.normalize($0).utf8) }
        copyrightOpenings = file.copyrightNotices.openings.map { $0.lowercased() }
        consentNoticeMaximumWords = file.consentNotices.maximumWords
        consentOpenings = file.consentNotices.openings.map { Self.normalize($0) + " " }
        consentOpeningWords = Set(consentOpenings.map { String($0.prefix { $0 != " " }) })
        consentTerms = file.consentNotices.terms.map { " " + Self.normalize($0) }
        promoWords = Set(file.promoWords.words.map { Self.normalize($0) })
        creditPrefixes = file.creditPrefixes.prefixes.map { Self.normalize($0) }
        creditLabelMaximumWords = file.creditPrefixes.labelMaximumWords
        shareButtonWords = Set(file.shareButtons.words.map { Self.normalize($0) })
        listOpenings = Set(file.listOpenings.words.map { Self.normalize($0) })
        readingTimeUnits = Set(file.readingTime.units.map { Self.normalize($0) })
        readingTimeAfter = file.readingTime.after.flatMap(Self.spellings).map { $0.split(separator: " ") }
        actionPhrases = Set(file.callsToAction.actions.flatMap(Self.spellings))
        purposeOpenings = Set(file.callsToAction.purposeOpenings.flatMap(Self.spellings))
        purposeMaximumWords = file.callsToAction.purposeMaximumWords
        for (reason, phrases) in file.callsToAction.channels {
            guard let reason = RemovalReason(rawValue: reason) else { throw ReadError(.malformed, "unknown removal reason \(reason) in callsToAction") }
            for phrase in phrases.flatMap(Self.spellings) { channelPhrases[phrase] = reason }
        }
        for rule in file.rules {
            let match = MarkerMatch(reason: rule.reason, introducesHeadlines: rule.introducesHeadlines ?? false)
            for phrase in rule.exact.flatMap(Self.spellings) where exact[phrase] == nil { exact[phrase] = match }
            for phrase in rule.prefix.flatMap(Self.spellings) where prefixes[phrase] == nil { prefixes[phrase] = match }
            for phrase in rule.contains.flatMap(Self.spellings) where fragments[phrase] == nil { fragments[phrase] = match }
        }
        longestPhraseWords = (Array(prefixes.keys) + Array(fragments.keys)).map { $0.split(separator: " ").count }.max() ?? 1
        self.stopwords = StopwordSet(Set(try JSONDecoder().decode(WordFile.self, from: stopwords).words.map { $0.lowercased() }))
    }

    /// Whether a sentence ending in a colon opens the story's own list in so many words ("These include:").
    package func opensList(_ sentence: some StringProtocol) -> Bool {
        listOpenings.contains(Self.normalize(String(sentence)))
    }

    /// True when every word is one a row of share buttons is made of.
    private func isShareButtonRow(_ words: [Substring]) -> Bool {
        for word in words where !shareButtonWords.contains(String(word)) { return false }
        return true
    }

    /// The certain rule a line matches, or nil.
    package func match(_ line: String) -> MarkerMatch? {
        guard line.utf8.count <= 600 else { return nil }
        let normalized = Self.normalize(line)
        guard !normalized.isEmpty else { return nil }
        if let found = exact[normalized] { return found }
        // Words are separated by single spaces: a line too long for a marker is known without splitting it.
        var spaces = 0
        for byte in normalized.utf8 where byte == 0x20 { spaces += 1 }
        if spaces < copyrightNoticeMaximumWords, isCopyrightNotice(normalized) {
            let opening = TextMeasure.trim(line).lowercased()
            // Wire copy closes in brackets: "(Copyright 2007 by The Associated Press. All Rights Reserved.)".
            let unbracketed = opening.drop { $0 == "(" || $0 == "[" }
            let opensAsNotice = copyrightOpenings.contains { opening.hasPrefix($0) || unbracketed.hasPrefix($0) }
                || copyrightPhrases.contains { normalized.utf8.starts(with: $0) }
            return MarkerMatch(reason: .footer, introducesHeadlines: false, isCopyrightNotice: opensAsNotice)
        }
        if spaces < consentNoticeMaximumWords, let reason = consentNoticeReason(normalized) {
            return MarkerMatch(reason: reason, introducesHeadlines: false)
        }
        guard spaces < maximumMarkerWords else { return nil }
        let words = normalized.split(separator: " ")
        if let marker = withoutReadingTime(words), let found = exact[marker] { return found }
        // A quoted line is somebody speaking ("Go to the next room," he said), never a site's prompt.
        let opening = line.first(where: { !$0.isWhitespace })
        guard words.count <= maximumMarkerWords, !(opening.map { "\"“„«'‘「".contains($0) } ?? false) else { return nil }
        if words.count >= 2, isShareButtonRow(words) {
            return MarkerMatch(reason: .share, introducesHeadlines: false)
        }
        // The longest phrase that fits decides: "story continues below advertisement" is an
        // advertisement notice before it is a "story continues below" marker.
        var best: (length: Int, match: MarkerMatch, openingWords: Int)?
        // A sentence that speaks to the reader is a prompt ("Never miss the news by signing up to our newsletter.").
        let readsAsSentence = words.count >= sentenceMinimumWords && Self.readsAsSentence(line)
        let isSentence = readsAsSentence && !words.contains { Self.readerWords.contains(String($0)) }
        for start in words.indices {
            var phrase = ""
            for end in start..<min(words.count, start + longestPhraseWords) {
                phrase += (phrase.isEmpty ? "" : " ") + words[end]
                // A sentence about something else opens or closes with a phrase that labels ("… Bookmark
                // the permalink."); in its middle the phrase is what it speaks of ("Barak's comments were …").
                let inside = isSentence && start > 0 && end < words.count - 1
                let opening = start == 0 ? prefixes[phrase] : nil
                if let found = opening ?? (inside ? nil : fragments[phrase]), phrase.count > (best?.length ?? 0) {
                    best = (phrase.count, found, opening != nil ? end + 1 : 0)
                }
            }
        }
        guard let best else { return nil }
        var found = best.match
        found.mayBeStoryInstruction = best.openingWords > 0
            && mayBeStoryInstruction(line, words: words, verb: words.prefix(best.openingWords), readsAsSentence: readsAsSentence, reason: found.reason)
        if found.introducesHeadlines, namesItsArticle(line) { found.introducesHeadlines = false }
        return found
    }

    /// A form's consent notice: it opens with a sign-up's act ("by signing up", "en vous
    /// inscrivant") and names the terms agreed to (privacy, terms of use). A comment form's notice
    /// goes with the comments, any other with the newsletter prompt it sits under.
    private func consentNoticeReason(_ normalized: String) -> RemovalReason? {
        guard consentOpeningWords.contains(String(normalized.prefix { $0 != " " })),
              consentOpenings.contains(where: normalized.hasPrefix) else { return nil }
        let spaced = " " + normalized
        guard consentTerms.contains(where: { spaced.contains($0) }) else { return nil }
        return spaced.contains(" comment") ? .comments : .newsletter
    }

    /// A statement opening with a prompt's bare verb ("Follow", "Sign up to") that names nothing a
    /// prompt asks the reader to use, nor the reader's or the publication's own ("your", "our"):
    /// "Follow every instruction, including sealing the ballot in the inner secrecy envelope." may be
    /// an entry of the story's list of what voters can do. A prompt names where to follow or what to
    /// sign up for (a channel, a handle, a link), though not always ("Follow the jump for the full
    /// results."); an opening past the verb ("Get the latest …") is a prompt's.
    private func mayBeStoryInstruction(_ line: String, words: [Substring], verb: ArraySlice<Substring>, readsAsSentence: Bool,
                                       reason: RemovalReason) -> Bool {
        guard readsAsSentence, TextMeasure.trim(line).last == ".", reason == .share || reason == .newsletter,
              actionPhrases.contains(verb.joined(separator: " ")) || actionPhrases.contains(verb.dropLast().joined(separator: " ")),
              !line.utf8.contains(UInt8(ascii: "@")), !line.contains("http"),
              !words.contains(where: { $0 != "you" && Self.readerWords.contains(String($0)) }) else { return false }
        return channel(in: Self.phrases(of: words.map(String.init))) == nil
    }

    /// A marker with its article's headline after a colon or bar on the same line ("READ MORE:
    /// Calgary housing affordability worsening for renters", "ALSO READ | …") promotes that one
    /// article: the line after it is the story resuming, perhaps with a subhead.
    private func namesItsArticle(_ line: String) -> Bool {
        guard let separator = line.firstIndex(where: { $0 == ":" || $0 == "|" }) else { return false }
        let head = Self.normalize(String(line[..<separator]))
        guard prefixes[head] != nil || exact[head] != nil else { return false }
        return TextMeasure.wordCount(line[line.index(after: separator)...]) >= Self.namedArticleMinimumWords
    }

    /// Fewest words of a headline after a marker on its line.
    private static let namedArticleMinimumWords = 3

    /// Opens with a capital and ends with a stop, perhaps inside quotes or brackets: the story's prose.
    private static func readsAsSentence(_ line: String) -> Bool {
        let trimmed = TextMeasure.trim(line)
        guard let first = trimmed.first(where: \.isLetter), first.isUppercase else { return false }
        return trimmed.last(where: { !LineFeatures.Edges.closers.contains($0) }).map { ".!?".contains($0) } ?? false
    }

    /// True when the normalized line holds a copyright notice's phrase as whole words.
    ///
    /// Searched byte by byte: almost every line of every article asks, and `String.contains`
    /// goes through Foundation (it was a sixth of the whole pipeline's time).
    private func isCopyrightNotice(_ normalized: String) -> Bool {
        var line = normalized
        return line.withUTF8 { bytes in copyrightPhrases.contains { Self.containsWords($0, in: bytes) } }
    }

    /// Whether `phrase` occurs in `bytes` with a space or an end on both sides.
    private static func containsWords(_ phrase: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = phrase.first, phrase.count <= bytes.count else { return false }
        var start = 0
        while start + phrase.count <= bytes.count {
            if bytes[start] == first, start == 0 || bytes[start - 1] == 0x20,
               start + phrase.count == bytes.count || bytes[start + phrase.count] == 0x20,
               phrase.indices.allSatisfy({ bytes[start + $0] == phrase[$0] }) {
                return true
            }
            start += 1
        }
        return false
    }

    /// True when a short line reads like the announcement of a list of other articles.
    package func soundsLikePromo(_ line: String) -> Bool {
        guard line.utf8.count <= 400 else { return false }
        let normalized = Self.normalize(line)
        let words = normalized.split(separator: " ").map(String.init)
        if words.contains(where: promoWords.contains) { return true }
        let pairs = zip(words, words.dropFirst()).map { $0 + " " + $1 }
        return pairs.contains(where: promoWords.contains)
    }

    /// The reason to remove a line that asks the reader to act for the publication ("Enjoyed this?
    /// Join 40,000 readers who get our weekly digest", "Tap the bell to get notified"), or nil. It must
    /// ask (open with an action, or put a question with an action or "you" in it) and name a channel;
    /// whether it is the article's own line (a story about an app) is for the caller to judge.
    ///
    /// A prompt of two or three sentences ("Get the best of our journalism in your inbox every morning.
    /// Sign up today and never miss a story.") asks in every one of them and names a channel in one: a
    /// line longer than `maximumWords`, up to `maximumPromptWords`, is judged sentence by sentence, so a
    /// reporter's note that ends "Follow him on Twitter" still tells something first and stays. Only a
    /// hook may come before the asking: a short sentence of at most `maximumHookWords` that is a question
    /// or speaks to the reader ("Got a story? Contact our newsroom", "We want to hear from you.").
    package func callToAction(_ line: String, maximumWords: Int, maximumPromptWords: Int, maximumHookWords: Int) -> RemovalReason? {
        guard line.utf8.count <= 300 else { return nil }
        let opening = line.first(where: { !$0.isWhitespace })
        guard !(opening.map { "\"“„«'‘「".contains($0) } ?? false) else { return nil }
        // Words as written, between spaces: an address ("news@example.com", "@ExampleNews", a phone
        // number) is one, though `normalize` splits it. Most lines (prose) are known to be too long
        // from the count, without splitting them into words.
        var wordCount = 0
        var inWord = false
        for byte in line.utf8 {
            let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            if !isSpace && !inWord { wordCount += 1 }
            inWord = !isSpace
        }
        guard wordCount >= 2, wordCount <= max(maximumWords, maximumPromptWords) else { return nil }
        let normalized = Self.normalize(line)
        if wordCount <= maximumWords {
            let prompt = prompt(line, words: Self.words(ofNormalized: normalized))
            if let channel = prompt.channel, prompt.asks { return channel }
            guard Self.hasSentenceBreak(line) else { return nil }
        }
        guard wordCount <= maximumPromptWords else { return nil }
        var found: RemovalReason?
        // The hook may name the channel the request leaves unsaid ("You have 2 free member-only
        // stories left this month. Sign up for Medium and get an extra one").
        var hookChannel: RemovalReason?
        var asked = false
        for sentence in Sentences(of: line) {
            let words = Self.words(ofNormalized: Self.normalize(sentence))
            let prompt = prompt(sentence, words: words)
            if !prompt.asks {
                // A hook, before any asking; after it, a sentence that asks nothing tells something.
                guard !asked, isHook(sentence, words: words, maximumWords: maximumHookWords) else { return nil }
                hookChannel = hookChannel ?? channel(in: Self.phrases(of: words))
                continue
            }
            asked = true
            if found == nil || found == .boilerplate { found = prompt.channel ?? found }
        }
        return asked ? found ?? hookChannel : nil
    }

    /// A short sentence that catches the reader before a prompt: a question, or words to "you".
    private func isHook(_ sentence: String, words: [String], maximumWords: Int) -> Bool {
        guard words.count <= maximumWords else { return false }
        return sentence.utf8.contains(UInt8(ascii: "?")) || words.contains { Self.readerWords.contains($0) }
    }

    private static let readerWords: Set<String> = ["you", "your", "we", "our", "us"]

    /// Whether a line speaks to the reader, or as the publication: "you", "your", "we", "our", "us".
    package static func addressesReader(_ text: String) -> Bool {
        normalize(text).split(separator: " ").contains { readerWords.contains(String($0)) }
    }

    /// The line's sentences, split where `hasSentenceBreak` sees a break, each without the space after it.
    package static func sentences(of line: String) -> [Substring] {
        var sentences: [Substring] = []
        var start = line.startIndex, previous: Character = " "
        for index in line.indices {
            let character = line[index]
            if character == " ", previous == "." || previous == "?" || previous == "!" {
                sentences.append(line[start..<index])
                start = line.index(after: index)
            }
            previous = character
        }
        if start < line.endIndex { sentences.append(line[start...]) }
        return sentences
    }

    /// Whether a sentence ends inside the line: a full stop, question or exclamation mark before a space.
    package static func hasSentenceBreak(_ line: String) -> Bool {
        var previous: UInt8 = 0
        for byte in line.utf8 {
            if byte == 0x20, previous == UInt8(ascii: ".") || previous == UInt8(ascii: "?") || previous == UInt8(ascii: "!") { return true }
            previous = byte
        }
        return false
    }

    /// Whether one sentence asks the reader to act, and if it does, the channel it names (the
    /// channel of a sentence that asks nothing is never wanted, and is not looked for).
    private func prompt(_ line: String, words: [String]) -> (asks: Bool, channel: RemovalReason?) {
        guard !words.isEmpty else { return (false, nil) }
        // An interview's speaker label ("Q: Do you have an app?") is the story's own line.
        if let colon = Self.firstIndex(of: UInt8(ascii: ":"), in: line), line[..<colon].split(separator: " ").count <= 2, words.count > 1,
           line[..<colon].count <= 12 { return (false, nil) }
        // A main clause of one word ("Your website, please!") asks for nothing in particular: an
        // interviewer's line, not a prompt.
        let mainClause = Self.mainClause(of: line)
        let opensWithAction = opensWithAction(words) || (mainClause.count > 1 && opensWithAction(mainClause))
            || asksAfterPurpose(words)
        let hasQuestionMark = line.utf8.contains(UInt8(ascii: "?"))
        // Most sentences neither open with an action nor hold a question mark: they are known
        // before any two-word phrase is made.
        guard opensWithAction || hasQuestionMark else { return (false, nil) }
        let phrases = Self.phrases(of: words)
        let asksQuestion = hasQuestionMark && phrases.contains { actionPhrases.contains($0) || $0 == "you" || $0 == "your" }
        guard opensWithAction || asksQuestion else { return (false, nil) }
        return (true, channel(in: phrases))
    }

    /// A sentence's words and its two-word phrases.
    private static func phrases(of words: [String]) -> [String] {
        words + zip(words, words.dropFirst()).map { $0 + " " + $1 }
    }

    /// The channel a sentence's phrases name; a newsletter or social channel names a prompt better
    /// than a generic one.
    private func channel(in phrases: [String]) -> RemovalReason? {
        var found: RemovalReason?
        for phrase in phrases {
            guard let reason = channelPhrases[phrase] else { continue }
            if found == nil || found == .boilerplate { found = reason }
        }
        return found
    }

    /// A purpose before the request with no comma after it ("For the latest stories and breaking
    /// news updates download the … apps"): a purpose opening first, then an action among the next words.
    private func asksAfterPurpose(_ words: [String]) -> Bool {
        guard words.count > 2, purposeOpenings.contains(words[0]) else { return false }
        return words.dropFirst().prefix(purposeMaximumWords).contains { actionPhrases.contains($0) }
    }

    private func opensWithAction(_ words: [String]) -> Bool {
        guard let first = words.first else { return false }
        return actionPhrases.contains(first) || (words.count > 1 && actionPhrases.contains(first + " " + words[1]))
    }

    /// The first two words after a sentence's first comma, normalized: the main clause after an opening
    /// one ("To get our weekly roundup by email, enter your address below").
    private static func mainClause(of sentence: String) -> [String] {
        guard let comma = firstIndex(of: UInt8(ascii: ","), in: sentence) else { return [] }
        return Array(words(ofNormalized: normalize(sentence[sentence.index(after: comma)...])).prefix(2))
    }

    /// The words of `normalize`'s output. Split on its space bytes when it is ASCII, where each byte
    /// is a character; otherwise by characters, as a space may join a combining mark after it.
    private static func words(ofNormalized normalized: String) -> [String] {
        let split = normalized.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return bytes.split(separator: 0x20).map { String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self) }
        }
        return (split ?? nil) ?? normalized.split(separator: " ").map(String.init)
    }

    /// `text.firstIndex(of:)` an ASCII punctuation mark (`:`, `,`), looked for in the UTF-8 bytes:
    /// none there, none at all; the first one with no byte beyond ASCII before it or just after it
    /// is a character of its own (only a prepended mark before it, or a combining mark after it,
    /// joins it to another). Otherwise character by character.
    package static func firstIndex<Text: StringProtocol>(of mark: UInt8, in text: Text) -> Text.Index? {
        let offset = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard let first = bytes.firstIndex(of: mark) else { return -1 }
            let isolated = first + 1 == bytes.count || bytes[first + 1] < 0x80
            return isolated && !bytes[..<first].contains(where: { $0 >= 0x80 }) ? first : nil
        }
        switch offset {
        case .some(.some(-1)): return nil
        case .some(.some(let first)): return text.utf8.index(text.utf8.startIndex, offsetBy: first)
        default: return text.firstIndex(of: Character(Unicode.Scalar(mark)))
        }
    }

    /// The sentences of a short line, split after `.`, `!` or `?` followed by a space, read one at a
    /// time: the first sentence that asks nothing decides, and most lines' first sentence does.
    private struct Sentences: Sequence, IteratorProtocol {
        private let line: String
        private var index: String.Index
        /// An ASCII line is cut on its bytes: each is a character, but for CR LF, which is neither a
        /// space nor a sentence end.
        private let isASCII: Bool

        init(of line: String) {
            self.line = line
            index = line.startIndex
            isASCII = line.utf8.allSatisfy { $0 < 0x80 }
        }

        mutating func next() -> String? {
            isASCII ? nextOfBytes() : nextOfCharacters()
        }

        private mutating func nextOfBytes() -> String? {
            let utf8 = line.utf8
            let start = index
            var previous = UInt8(ascii: " ")
            while index < utf8.endIndex {
                let byte = utf8[index]
                let end = index
                index = utf8.index(after: index)
                if byte == 0x20, previous == UInt8(ascii: ".") || previous == UInt8(ascii: "!") || previous == UInt8(ascii: "?") {
                    return String(line[start..<end])
                }
                previous = byte
            }
            return start == index ? nil : String(line[start..<index])
        }

        private mutating func nextOfCharacters() -> String? {
            var current = ""
            // A sentence starts after a space (or at the line's start).
            var previous: Character = " "
            while index < line.endIndex {
                let character = line[index]
                index = line.index(after: index)
                if character == " ", previous == "." || previous == "!" || previous == "?" { return current }
                current.append(character)
                previous = character
            }
            return current.isEmpty ? nil : current
        }
    }

    /// True for a caption or credit line ("Photo by …", "Credit: …", "By …").
    package func isCredit(_ line: String) -> Bool {
        guard line.utf8.count <= 400 else { return false }
        let normalized = Self.normalize(line)
        guard creditPrefixes.contains(where: { normalized == $0 || normalized.hasPrefix($0 + " ") }) else { return false }
        // Before a colon, a credit has only its label ("Photo:", "Photo credit:", "Bild:"); "Photo
        // gallery: Behind the scenes" and "By the numbers: …" are another article's kicker and headline.
        guard let colon = line.firstIndex(of: ":") else { return true }
        let label = Self.normalize(line[..<colon]).split(separator: " ")
        return label.count > creditLabelMaximumWords || label.allSatisfy { creditPrefixes.contains(String($0)) }
    }

    /// A normalized line's words without the reading time that closes them ("weiterlesen 10
    /// minuten", "read more 4 min read"), joined; nil when they have none or are nothing else.
    private func withoutReadingTime(_ words: [Substring]) -> String? {
        var words = words[...]
        if let after = readingTimeAfter.first(where: { words.count > $0.count + 2 && words.suffix($0.count).elementsEqual($0) }) {
            words.removeLast(after.count)
        }
        // A number and a unit after at least one word of a marker.
        guard words.count >= 3, let unit = words.last, readingTimeUnits.contains(String(unit)),
              words[words.endIndex - 2].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return words.dropLast(2).joined(separator: " ")
    }

    /// A phrase of the rules as `normalize` makes it, and without its accents when it has any:
    /// pages often leave them out ("Siguenos en Telegram", "A lire aussi").
    private static func spellings(_ phrase: String) -> [String] {
        let written = normalize(phrase)
        let unaccented = normalize(phrase.folding(options: .diacriticInsensitive, locale: nil))
        return unaccented == written ? [written] : [written, unaccented]
    }

    /// Lowercase, apostrophes unified, every other non-alphanumeric character a space, spaces collapsed.
    /// `©` survives, since a copyright sign alone marks a footer.
    package static func normalize(_ text: some StringProtocol) -> String {
        normalizeSimple(text) ?? normalizeCharacters(text)
    }

    /// `normalize` character by character, for text in any script.
    package static func normalizeCharacters(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var space = false
        for character in text.lowercased() {
            if character == "©" {
                if !out.isEmpty { out.append(" ") }
                out.append(character)
                space = true
            } else if character.isLetter || character.isNumber {
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.append(character)
            } else {
                space = true
            }
        }
        return out
    }

    /// `normalize` for text of `LineFeatures.isSimple` scalars and line breaks other than CR,
    /// where a scalar is a character, without Unicode property lookups; nil for any other text.
    package static func normalizeSimple(_ text: some StringProtocol) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var space = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let kept: UInt32
            if value < 0x80 {
                guard value != 0x0D else { return nil }
                let lower = value | 0x20
                if lower >= 0x61 && lower <= 0x7A {
                    kept = lower
                } else if value >= 0x30 && value <= 0x39 {
                    kept = value
                } else {
                    space = true
                    continue
                }
            } else if value == 0xA9 {
                // `©`, kept as a word of its own.
                if !out.isEmpty { out.append(0x20) }
                LineFeatures.appendUTF8(value, to: &out)
                space = true
                continue
            } else if LineFeatures.isSimpleLatinLetter(value) {
                kept = value <= 0xDE ? value + 0x20 : value
            } else if LineFeatures.isSimpleLatinExtendedLetter(value) {
                kept = LineFeatures.isLatinExtendedCapital(value) ? value + 1 : value
            } else if LineFeatures.isSimpleCJKLetter(value) {
                kept = value
            } else if LineFeatures.simplePunctuation.contains(scalar) {
                space = true
                continue
            } else {
                return nil
            }
            if space && !out.isEmpty { out.append(0x20) }
            space = false
            LineFeatures.appendUTF8(kept, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

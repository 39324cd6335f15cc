// Date lines and picture credits that sit among a story's paragraphs, recognized by their shape.
import Foundation

/// What a metadata line is, and what it says when it parses.
package enum MetadataLine: Equatable, Sendable {
    /// A labelled date line ("Published … · Updated 2 hours ago"); the date when one is written,
    /// and the agency a segment names after its place ("New Delhi, PTI | Updated : …").
    case dateline(ArticleDate?, agency: String?)
    /// A picture credit ("(Photo Credit : PTI)", "© Reuters").
    case credit
    /// A picture's caption that ends with its credit ("… in Vancouver. (Jane Doe/Canadian Press)").
    case caption
    /// A line that only names the news agency the story is from ("The Associated Press", "- Reuters").
    case agency(String)
    /// A label of the site's taxonomy and its terms ("Tags: Sri Lanka", "Filed under: Politics");
    /// the label as written lowercased.
    case taxonomy(label: String)
    /// A wire editor's note to client papers on what a new version changed ("(Updates with share
    /// trading in third paragraph)", "(Adds further details, quotes)").
    case editorsNote
}

/// Recognizes metadata lines from the word lists in `Resources/Data/metadata-lines.json`.
///
/// A date line is short, split by separators (`·`, `|`) into segments; one segment opens with a
/// date label (`Published`, `Updated :`) followed by a date, a time or a relative time, and every
/// other segment is a few words (a place, an agency) or a byline (`Par …`, of any length). A credit
/// opens with a credit label before a colon (`Main image credit:`), or is a copyright sign and a
/// name with no year. A caption is a short line ending with such a credit, or with a photographer
/// and an agency in parentheses.
package struct MetadataLineRules: Sendable {
    private struct File: Decodable {
        var maximumLength: Int
        var maximumWords: Int
        var separators: [String]
        var slashSeparator: String
        var maximumOtherSegmentWords: Int
        var bylineLeaders: [String]
        var agencyMaximumWords: Int
        var leadDatelinePlaceMaximumWords: Int
        var dateLabels: [String]
        var leadingNameMaximumWords: Int
        var relativeTimeWords: [String]
        var creditLabels: [String]
        var creditLabelMaximumWords: Int
        var creditMaximumWords: Int
        var copyrightSigns: [String]
        var copyrightMaximumWords: Int
        var captionMaximumWords: Int
        var captionCreditMaximumWords: Int
        var captionNameMaximumWords: Int
        var captionCreditSearchLength: Int
        var creditConnectives: [String]
        var creditNameFillers: [String]
        var agencies: [String]
        var agencyLineLeaders: [String]
        var agencyDateMaximumLength: Int
        var pictureLibraries: [String]
        var pictureSourceLineMaximumLength: Int
        var captionLabels: [String]
        var captionLabelsWithoutColon: [String]
        var taxonomyLabels: [String]
        var taxonomyLabelsWithoutColon: [String]
        var taxonomySeparators: [String]
        var taxonomyItemMaximumWords: Int
        var taxonomyItemMaximumWordsWithoutColon: Int
        var taxonomyMaximumWords: Int
        var taxonomyMaximumLength: Int
        var taxonomyRepeatsInListing: Int
        var wireNoteVerbs: [String]
        var wireNoteMaximumWords: Int
    }

    private let file: File
    /// Most words of place before a wire dateline's parenthesis (see `leadDatelineAgency`).
    let leadDatelinePlaceMaximumWords: Int
    private let dateLabels: [[Substring]]
    /// The words that open a byline ("By", "Par"): a date line's byline segment may be long.
    private let bylineLeaders: Set<String>
    /// The verbs a wire editor's note opens with ("Updates", "Corrects"), normalized.
    private let wireNoteVerbs: Set<String>
    /// The first word of every date label: a line with none of them is no date line.
    private let dateLabelFirstWords: Set<Substring>
    /// The same words as FNV-1a keys of their UTF-8 bytes (in canonical composition, as an ASCII
    /// line's words compare), so an ASCII line is checked without strings.
    private let dateLabelFirstWordKeys: KeySet
    /// The copyright signs an ASCII line may open with (their canonical composition is ASCII), as bytes.
    private let asciiCopyrightSigns: [[UInt8]]
    /// The first scalars of the copyright signs, when none is a letter or changes case: then only a
    /// line opening with one of them may open with a sign once lowercased (no scalar lowercases
    /// into one), and other lines are not lowercased to be compared. Nil otherwise.
    private let copyrightSignOpenings: Set<Unicode.Scalar>?
    private let relativeTimeWords: Set<String>
    private let relativeTimePhrases: [String]
    private let creditLabels: Set<String>
    private let creditConnectives: Set<Substring>
    /// Words between a credit's connective and the name it gives ("courtesy of the Gazette").
    private let creditNameFillers: Set<String>
    private let agencies: Set<String>
    /// Each leader normalized with the space after it, and its number of words.
    private let agencyLineLeaders: [(prefix: String, words: Int)]
    /// The most words an agency line has, its leader included: longer lines skip the normalizing.
    private let agencyLineMaximumWords: Int
    /// Stock picture libraries, normalized ("istock", "getty images").
    private let pictureLibraries: Set<String>
    private let pictureSourceOpenings: Set<Unicode.Scalar>
    /// Caption labels, lower case, longest first, and whether the label needs its colon.
    private let captionLabels: [(text: String, needsColon: Bool)]
    private let captionLabelOpenings: Set<Unicode.Scalar>
    /// The first word of every agency's name, normalized.
    private let agencyFirstWords: Set<String>
    /// The first scalar of every agency's name, in lower and upper case.
    private let agencyOpenings: Set<Unicode.Scalar>
    /// Taxonomy labels lowercased, longest first, each saying whether it needs its colon.
    private let taxonomyLabels: [(text: String, needsColon: Bool)]
    /// The first scalar of every taxonomy label, in lower and upper case: a line opening otherwise is none.
    private let taxonomyOpenings: Set<Unicode.Scalar>
    private let taxonomySeparators: Set<Character>

    package static let builtIn: MetadataLineRules = {
        do {
            return try MetadataLineRules(data: BundledData.load("metadata-lines.json"))
        } catch {
            // The data file ships inside the package; a broken one is a build defect, caught by the tests.
            fatalError("Brief's metadata line data is damaged: \(error)")
        }
    }()

    package init(data: Data) throws {
        file = try JSONDecoder().decode(File.self, from: data)
        // Longest labels first, so "last updated" is tried before "updated".
        dateLabels = file.dateLabels.map { CleaningRules.normalize($0).split(separator: " ") }.sorted { $0.count > $1.count }
        dateLabelFirstWords = Set(dateLabels.compactMap(\.first))
        bylineLeaders = Set(file.bylineLeaders)
        wireNoteVerbs = Set(file.wireNoteVerbs.map { CleaningRules.normalize($0) })
        dateLabelFirstWordKeys = KeySet(dateLabelFirstWords.map { FNV1a.hash($0.precomposedStringWithCanonicalMapping) })
        asciiCopyrightSigns = file.copyrightSigns.map { Array($0.precomposedStringWithCanonicalMapping.utf8) }
            .filter { $0.allSatisfy { $0 < 0x80 } }
        let openings = file.copyrightSigns.compactMap(\.unicodeScalars.first)
        copyrightSignOpenings = openings.count == file.copyrightSigns.count
            && openings.allSatisfy { !$0.properties.isAlphabetic && !$0.properties.changesWhenCaseMapped } ? Set(openings) : nil
        let relative = file.relativeTimeWords.map { CleaningRules.normalize($0) }
        relativeTimeWords = Set(relative.filter { !$0.contains(" ") })
        relativeTimePhrases = relative.filter { $0.contains(" ") }
        creditLabels = Set(file.creditLabels.map { CleaningRules.normalize($0) })
        creditConnectives = Set(file.creditConnectives.map { Substring(CleaningRules.normalize($0)) })
        creditNameFillers = Set(file.creditNameFillers.map { $0.lowercased() })
        leadDatelinePlaceMaximumWords = file.leadDatelinePlaceMaximumWords
        agencies = Set(file.agencies.map { CleaningRules.normalize($0) })
        agencyLineLeaders = file.agencyLineLeaders.map { leader in
            let normalized = CleaningRules.normalize(leader)
            return (normalized + " ", normalized.split(separator: " ").count)
        }
        agencyLineMaximumWords = 2 + (agencies.map { $0.split(separator: " ").count }.max() ?? 0)
        pictureLibraries = Set(file.pictureLibraries.map { CleaningRules.normalize($0) })
        pictureSourceOpenings = Self.openingScalars(of: (file.pictureLibraries + file.agencies).map { $0.lowercased() })
        let captionWithoutColon = Set(file.captionLabelsWithoutColon.map { $0.lowercased() })
        captionLabels = Set(file.captionLabels.map { $0.lowercased() }).union(captionWithoutColon)
            .map { ($0, !captionWithoutColon.contains($0)) }.sorted { $0.text.count > $1.text.count }
        captionLabelOpenings = Self.openingScalars(of: captionLabels.map(\.text))
        agencyFirstWords = Set(agencies.compactMap { $0.split(separator: " ").first.map(String.init) })
        agencyOpenings = Self.openingScalars(of: Array(agencies))
        let withoutColon = Set(file.taxonomyLabelsWithoutColon.map { $0.lowercased() })
        taxonomyLabels = Set(file.taxonomyLabels.map { $0.lowercased() }).union(withoutColon)
            .map { ($0, !withoutColon.contains($0)) }.sorted { $0.text.count > $1.text.count }
        taxonomyOpenings = Self.openingScalars(of: taxonomyLabels.map(\.text))
        taxonomySeparators = Set(file.taxonomySeparators.compactMap(\.first))
    }

    /// The first scalar of each of `phrases` (written in lower case) and its upper case: a line
    /// whose first letter is none of them opens with none of the phrases.
    private static func openingScalars(of phrases: [String]) -> Set<Unicode.Scalar> {
        let lower = phrases.compactMap(\.unicodeScalars.first)
        return Set(lower + lower.compactMap { $0.properties.uppercaseMapping.unicodeScalars.first })
    }

    /// The kind of metadata line `text` is, or nil for anything else (nearly every line).
    /// A caption, or a credit without a label and its colon, is found only when `findingCaptions`.
    package func judge(_ text: String, findingCaptions: Bool = false) -> MetadataLine? {
        var line = Substring(TextMeasure.trim(text))
        guard !line.isEmpty else { return nil }
        // A caption that says it is one ("Image caption Police at the scene") is one in any format.
        if isLabelledCaption(line) { return .caption }
        guard line.utf8.count <= file.maximumLength else { return findingCaptions ? judgeCaption(text) : nil }
        // A credit is often wrapped: "(Photo Credit : PTI)".
        if let inside = TextMeasure.insideBrackets(line) {
            line = inside
            if isWireNote(line) { return .editorsNote }
        }
        // Asked of every short line: an ASCII one (most) is read on its bytes by both rules.
        let isASCII = line.utf8.allSatisfy { $0 < 0x80 }
        if let credit = judgeCredit(line, isASCII: isASCII) { return credit }
        if let dateline = judgeDateline(line, isASCII: isASCII) ?? judgeDatelineAfterName(line) { return dateline }
        if let agency = judgeAgencyLine(line) ?? judgeAgencyAndDate(line) { return agency }
        if let label = taxonomyLabel(line) { return .taxonomy(label: label) }
        if namesOnlyPictureSources(line) { return .credit }
        guard findingCaptions else { return nil }
        return judgeUnlabelledCredit(line) ?? judgeCaption(text)
    }

    /// A wire service's name and the date it filed, with a dash or nothing between: "Associated
    /// Press - January 5, 2008 3:42 PM ET", "Staff and agencies 23 January, 2008". The date is read
    /// as a date line's: the whole rest of the line must be a date.
    private func judgeAgencyAndDate(_ line: Substring) -> MetadataLine? {
        guard line.utf8.count <= file.agencyDateMaximumLength else { return nil }
        // Asked of every short line: one opening with a letter no agency's name opens with is none.
        guard let initial = line.unicodeScalars.first(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }),
              agencyOpenings.contains(initial) else { return nil }
        let words = line.split(whereSeparator: \.isWhitespace)
        guard words.count >= 2, let first = words.first,
              agencyFirstWords.contains(CleaningRules.normalize(first)) else { return nil }
        for length in stride(from: min(agencyLineMaximumWords, words.count - 1), through: 1, by: -1) {
            let name = words[..<length].joined(separator: " ")
            guard agencies.contains(CleaningRules.normalize(name)) else { continue }
            let rest = words[length...].joined(separator: " ").drop { !$0.isLetter && !$0.isNumber }
            guard let date = DateLineParser.parseLine(String(rest)) else { return nil }
            return .dateline(date, agency: String(name.reversed().drop { !$0.isLetter }.reversed()))
        }
        return nil
    }

    /// What a wire editor writes in parentheses on a new version: one of `wireNoteVerbs`, then what
    /// changed, in lower case ("Updates with …", "Corrects spelling of …"), at most `wireNoteMaximumWords`.
    private func isWireNote(_ line: Substring) -> Bool {
        let words = line.split(whereSeparator: \.isWhitespace)
        guard (2...file.wireNoteMaximumWords).contains(words.count), words[1].first?.isLowercase == true else { return false }
        return wireNoteVerbs.contains(CleaningRules.normalize(words[0]))
    }

    /// Lines that open with the same label this many times are a listing's fields, the story's own
    /// ("Kategorie: Bestes Kinderspiel" under each of a jury's prizes).
    package var taxonomyRepeatsInListing: Int { file.taxonomyRepeatsInListing }

    /// A label of the site's taxonomy, its colon, and a short list of terms or none (the list
    /// follows): "Tags: Sri Lanka", "Filed under: Politics, World", "Themen:". Only labels that
    /// say what was done go without a colon ("Tagged jobs, stack overflow"): a line "Topics"
    /// alone may be a subhead. Gives the label, lowercased.
    private func taxonomyLabel(_ line: Substring) -> String? {
        // Asked of every short line: most open with a scalar no label opens with.
        guard line.utf8.count <= file.taxonomyMaximumLength, let first = line.unicodeScalars.first,
              taxonomyOpenings.contains(first) else { return nil }
        // Many lines open with a label's first letter ("The …"): compare their first characters only.
        let opening = line.prefix(taxonomyLabels.first.map { $0.text.count + 1 } ?? 0).lowercased()
        guard taxonomyLabels.contains(where: { opening.hasPrefix($0.text) }) else { return nil }
        let lowered = line.lowercased()
        for label in taxonomyLabels where lowered.hasPrefix(label.text) {
            var rest = lowered.dropFirst(label.text.count)
            // The label is a whole word or phrase: "tags", not "tagsüber".
            if let next = rest.first, !next.isWhitespace, next != ":" { continue }
            rest = rest.drop(while: \.isWhitespace)
            let hasColon = rest.first == ":"
            if hasColon { rest = rest.dropFirst() }
            guard hasColon || !label.needsColon else { continue }
            // A list of terms, not a sentence.
            guard !rest.contains(where: { $0 == "?" || $0 == "!" }), !rest.contains(". ") else { return nil }
            let itemWords = rest.split(whereSeparator: { taxonomySeparators.contains($0) })
                .map { $0.split(whereSeparator: \.isWhitespace).count }.filter { $0 > 0 }
            // Without the colon, only short items: "Posted in Millbrook for three years, she knows" is prose.
            let itemMaximum = hasColon ? file.taxonomyItemMaximumWords : file.taxonomyItemMaximumWordsWithoutColon
            let isList = itemWords.isEmpty ? hasColon
                : itemWords.allSatisfy { $0 <= itemMaximum } && itemWords.reduce(0, +) <= file.taxonomyMaximumWords
            return isList ? label.text : nil
        }
        return nil
    }

    /// A caption label, then the caption: "Image caption Police at the scene", "Caption: The
    /// bridge at dawn". A label in `captionLabelsWithoutColon` may go without its colon ("Media
    /// caption", printed for screen readers and copied with the page); the caption after it then
    /// opens with a capital or a quote, as no sentence of a story about captions does ("Image
    /// caption contests are popular").
    private func isLabelledCaption(_ line: Substring) -> Bool {
        // Asked of every line: most open with a scalar no label opens with.
        guard let first = line.unicodeScalars.first, captionLabelOpenings.contains(first) else { return false }
        let opening = line.prefix((captionLabels.first?.text.count ?? 0) + 1).lowercased()
        for label in captionLabels where opening.hasPrefix(label.text) {
            let rest = line.dropFirst(label.text.count)
            let afterSpaces = rest.drop(while: \.isWhitespace)
            if afterSpaces.first == ":" {
                return afterSpaces.dropFirst().contains(where: \.isLetter)
            }
            guard !label.needsColon, rest.first?.isWhitespace == true, let initial = afterSpaces.first else { continue }
            return initial.isUppercase || "\"“‘'".contains(initial)
        }
        return false
    }

    /// A line naming only where a picture came from: stock libraries and wire services joined by a
    /// slash or "via", one library among them ("Getty Images", "AFP/Getty Images", "AFP via Getty
    /// Images", "Getty Images/iStockphoto"). A line naming an agency alone gives the story's source.
    private func namesOnlyPictureSources(_ line: Substring) -> Bool {
        // Asked of every short line: most are longer, or open with a letter no name opens with.
        guard line.utf8.count <= file.pictureSourceLineMaximumLength, let first = line.unicodeScalars.first,
              pictureSourceOpenings.contains(first) else { return false }
        var names: [String] = []
        for piece in line.split(separator: "/") {
            names += piece.components(separatedBy: " via ").map { CleaningRules.normalize($0) }.filter { !$0.isEmpty }
        }
        return names.contains(where: pictureLibraries.contains)
            && names.allSatisfy { pictureLibraries.contains($0) || agencies.contains($0) }
    }

    /// A line naming only a news agency, after a dash or a label at most: "The Associated Press",
    /// "- Reuters", "By AFP", "Staff and agencies". The name comes from `agencies`, a list of the
    /// world's wire services: a short line of capitalized words alone could be a subhead.
    private func judgeAgencyLine(_ line: Substring) -> MetadataLine? {
        // Asked of every short line: its spaces are counted before anything is normalized.
        guard line.utf8.count <= 60, line.utf8.lazy.filter({ $0 == 0x20 }).count < agencyLineMaximumWords else { return nil }
        var normalized = CleaningRules.normalize(line)
        var leaderWords = 0
        if let leader = agencyLineLeaders.first(where: { normalized.hasPrefix($0.prefix) }) {
            normalized.removeFirst(leader.prefix.count)
            leaderWords = leader.words
        }
        guard agencies.contains(normalized) else { return nil }
        // The name as printed, without the dash or the label before it and the stop after it.
        let name = String(line.drop { !$0.isLetter }.reversed().drop { !$0.isLetter }.reversed())
        return .agency(name.split(separator: " ").dropFirst(leaderWords).joined(separator: " "))
    }

    /// A credit without a colon: "Photo by Jane Doe", "Photo courtesy of the Gazette", "Photograph
    /// copyright Example Press": a credit label, a connective, then a name (capitalized), as no
    /// sentence opening "Photos by the hundred …" has. A text article's author may write such a
    /// line as part of the story.
    private func judgeUnlabelledCredit(_ line: Substring) -> MetadataLine? {
        let words = line.split { !$0.isLetter && !$0.isNumber }
        guard words.count > 2, words.count <= file.creditMaximumWords else { return nil }
        let lowered = words.map { Substring($0.lowercased()) }
        for length in 1...2 where creditLabels.contains(lowered.prefix(length).joined(separator: " ")) {
            guard creditConnectives.contains(lowered[length]) else { continue }
            let name = words.dropFirst(length + 1).first { !creditNameFillers.contains($0.lowercased()) }
            if let initial = name?.first, initial.isUppercase { return .credit }
        }
        return nil
    }

    /// A line that ends with a picture's credit: "… the recovered paintings. Photograph: Jane Doe/EPA",
    /// "… in Vancouver. (Jane Doe/Canadian Press)", "Lord Smith (Pic: PA)". What comes before the
    /// credit is the caption: nothing (the credit alone), a few words naming who is pictured, or
    /// sentences that end before it. A sentence that runs on into a parenthesis is the story's.
    private func judgeCaption(_ text: String) -> MetadataLine? {
        var line = TextMeasure.trim(text)
        // "… in the Congress (Photo: Jane Doe/Reuters)." ends its sentence after the credit. A
        // sentence of the story may end so too ("… moderated (Whitelist/Blacklist)."): there the
        // parenthesis must say it credits a picture, names alone are not enough.
        let stopAfterCredit = line.hasSuffix(").")
        if stopAfterCredit { line = line.dropLast() }
        guard let last = line.last else { return nil }
        let caption: Substring
        if last == ")" {
            guard let open = line.lastIndex(of: "("),
                  case let inside = line[line.index(after: open)..<line.index(before: line.endIndex)],
                  namesPictureSource(inside, byNamesAlone: !stopAfterCredit) else { return nil }
            caption = line[..<open]
            // The stop after the credit ends the caption's sentence; a credit that says it is one
            // ("(Photo: Jane Doe/Getty Images)", "(foto Ansa)") ends a caption whether or not a stop
            // comes before it: no sentence of a story runs on into such a parenthesis.
            if stopAfterCredit || opensWithCreditLabel(inside), (1...file.captionMaximumWords).contains(caption.split(whereSeparator: \.isWhitespace).count) {
                return .caption
            }
        } else if let sign = copyrightCredit(atEndOf: line) {
            // "… Mut zu. | © Augusta National/Getty Images": a copyright credit after the last sentence.
            caption = line[..<sign]
        } else {
            // "Photo: …" after the caption's last sentence; only the line's end is searched.
            let end = line.suffix(file.captionCreditSearchLength)
            guard let colon = end.lastIndex(of: ":"),
                  let boundary = end[..<colon].indices.last(where: { endsSentence(end, at: $0) }),
                  case let credit = end[end.index(after: boundary)...],
                  judgeCredit(credit, isASCII: credit.utf8.allSatisfy { $0 < 0x80 }) == .credit else { return nil }
            caption = line[...boundary]
        }
        let captionWords = caption.split(whereSeparator: \.isWhitespace).count
        if captionWords == 0 { return .credit }
        guard captionWords <= file.captionMaximumWords else { return nil }
        let trimmed = TextMeasure.trim(caption)
        if let final = trimmed.last, ".!?\"”’".contains(final) { return .caption }
        return captionWords <= file.captionNameMaximumWords ? .caption : nil
    }

    /// Where a copyright credit ("© Augusta National/Getty Images") starts at the end of `line`,
    /// after a sentence's end or a `|`, or nil.
    private func copyrightCredit(atEndOf line: Substring) -> Substring.Index? {
        let end = line.suffix(file.captionCreditSearchLength)
        guard let sign = end.lastIndex(of: "©"), sign > end.startIndex,
              judgeCredit(end[sign...], isASCII: false) == .credit else { return nil }
        let before = TextMeasure.trim(end[..<sign])
        guard let final = before.last, ".!?\"”’|".contains(final) else { return nil }
        return final == "|" ? before.index(before: before.endIndex) : sign
    }

    /// Sentence punctuation followed by a space at `index`.
    private func endsSentence(_ text: Substring, at index: Substring.Index) -> Bool {
        guard ".!?\"”’".contains(text[index]) else { return false }
        let next = text.index(after: index)
        return next < text.endIndex && text[next] == " "
    }

    /// A credit label and a name after it: a colon closes the label ("Photo: Jane Doe/Getty Images"),
    /// or only capitalized names follow it ("foto Ansa"); "Photo sensors confirm it" is a clause.
    private func opensWithCreditLabel(_ inside: Substring) -> Bool {
        let tokens = inside.split(whereSeparator: \.isWhitespace)
        guard tokens.count >= 2, tokens.count <= file.captionCreditMaximumWords else { return false }
        for length in 1...min(3, tokens.count - 1) {
            let label = CleaningRules.normalize(tokens.prefix(length).joined(separator: " "))
            guard creditLabels.contains(label) else { continue }
            if tokens[length - 1].hasSuffix(":") { return true }
            return tokens.dropFirst(length).allSatisfy { $0.first { $0.isLetter }?.isUppercase ?? true }
        }
        return false
    }

    /// The inside of a closing parenthesis names a picture's source: it holds a credit label
    /// ("Photo by …", "AP Photo/…", "file photo") or a stock library ("mlharing / iStock.com"),
    /// or, `byNamesAlone`, is a few capitalized names joined by a slash ("Jane Doe/Reuters",
    /// "Jane Doe — AFP/Getty Images").
    private func namesPictureSource(_ inside: Substring, byNamesAlone: Bool) -> Bool {
        let words = CleaningRules.normalize(inside).split(separator: " ")
        guard !words.isEmpty, words.count <= file.captionCreditMaximumWords else { return false }
        for end in 1...min(3, words.count) {
            for start in 0..<end where creditLabels.contains(words[start..<end].joined(separator: " ")) { return true }
        }
        // A stock library names the source whoever took it ("mlharing / iStock.com").
        for start in words.indices {
            for end in (start + 1)...min(start + 3, words.count) where pictureLibraries.contains(words[start..<end].joined(separator: " ")) {
                return true
            }
        }
        guard byNamesAlone, inside.contains("/") else { return false }
        return inside.split(whereSeparator: { $0.isWhitespace || $0 == "/" }).allSatisfy { word in
            guard let first = word.first(where: \.isLetter) else { return true }
            return first.isUppercase
        }
    }

    private func judgeCredit(_ line: Substring, isASCII: Bool) -> MetadataLine? {
        var line = line
        let ascii = isASCII ? line.withUTF8 { AsciiCreditShape($0, signs: asciiCopyrightSigns) } : nil
        if let ascii, !ascii.opensWithCopyrightSign {
            guard let colon = ascii.colon else { return nil }
            return judgeLabelledCredit(line, colon: line.utf8.index(line.startIndex, offsetBy: colon))
        }
        // Lowercased only when it may open with a sign: few lines do.
        if copyrightSignOpenings.map({ openings in line.unicodeScalars.first.map(openings.contains) ?? false }) ?? true {
            let lowered = line.lowercased()
            for sign in file.copyrightSigns where lowered.hasPrefix(sign) {
                let rest = CleaningRules.normalize(lowered.dropFirst(sign.count)).split(separator: " ")
                // "© 2024 Example Media" is a page footer; "© Reuters" credits a picture.
                if !rest.isEmpty, rest.count <= file.copyrightMaximumWords, !rest.contains(where: { $0.allSatisfy(\.isNumber) }) {
                    return .credit
                }
                return nil
            }
        }
        guard let colon = CleaningRules.firstIndex(of: UInt8(ascii: ":"), in: line) else { return nil }
        return judgeLabelledCredit(line, colon: colon)
    }

    /// A credit label before the line's first colon and a few words after it: "Photo: Reuters".
    private func judgeLabelledCredit(_ line: Substring, colon: Substring.Index) -> MetadataLine? {
        let label = CleaningRules.normalize(line[..<colon]).split(separator: " ")
        let rest = CleaningRules.normalize(line[line.index(after: colon)...]).split(separator: " ")
        guard !label.isEmpty, label.count <= file.creditLabelMaximumWords, !rest.isEmpty,
              label.count + rest.count <= file.creditMaximumWords else { return nil }
        // The label ends with a credit word or phrase: "Photo", "Main image credit", "Bildquelle".
        for length in 1...min(3, label.count) where creditLabels.contains(label.suffix(length).joined(separator: " ")) {
            return .credit
        }
        return nil
    }

    /// A date line under the name of the writer or the place it was filed from, on one line
    /// ("Tariq Habib Khan Published June 18, 2019 Updated about 2 hours ago", "CHENNAI, JULY 08,
    /// 2019 00:32 IST Updated: …"): up to `leadingNameMaximumWords` capitalized words without a
    /// digit, then a label or a figure, and the rest a date line of its own ("Ashley Goh 07 Jul 2020
    /// 06:41PM (Updated: 07 Jul 2020 08:15PM)").
    private func judgeDatelineAfterName(_ line: Substring) -> MetadataLine? {
        // A label closing the line heads what follows ("Nachtrag 22.04.2020 10:30 Uhr:").
        guard let initial = line.first, initial.isUppercase, line.last != ":", line.contains(where: \.isNumber) else { return nil }
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        // A line the date parser reads whole ("April 28, 2019 at 6:01 am Updated …") opens with no name.
        guard words.count <= file.maximumWords, DateLineParser.parseLine(String(line)) == nil else { return nil }
        // "By Jane Doe March 5, 2024" is a byline, which names the writer: the byline rule takes it,
        // and only a labelled date line after one goes here ("Par … Publié le 18/02/2020 à 17:24").
        let opensWithByline = words.first.map { bylineLeaders.contains($0.lowercased()) } ?? false
        for (index, word) in words.enumerated().prefix(file.leadingNameMaximumWords + 1) {
            // The label is written as one ("Published", "Stand"): "Curry posted a $600 bond … at
            // 4:00 a.m." and "I stand by my May 31st 2008 comment." are sentences.
            let opensRest = word.first?.isNumber == true
                || word.first?.isUppercase == true && dateLabelFirstWords.contains(Substring(CleaningRules.normalize(word)))
            if opensRest {
                guard index > 0 else { return nil }
                let rest = line[word.startIndex...]
                if let dateline = judgeDateline(rest, isASCII: rest.utf8.allSatisfy { $0 < 0x80 }) { return dateline }
                return opensWithByline ? nil : DateLineParser.parseLine(String(rest)).map { .dateline($0, agency: nil) }
            }
            let name = word.hasSuffix(",") ? word.dropLast() : word
            guard let first = name.first, first.isUppercase, name.allSatisfy({ $0.isLetter || "-'’.".contains($0) }) else { return nil }
        }
        return nil
    }

    private func judgeDateline(_ line: Substring, isASCII: Bool) -> MetadataLine? {
        // Separators are not letters, so the line's words are its segments' words in turn: a
        // line of too many words, or without a label's first word, has no segment that qualifies.
        // Asked of every short line, this check costs one pass; the segments cost a dozen.
        if isASCII {
            var line = line
            return line.withUTF8(asciiMayBeDateline) ? judgeSegments(line) : nil
        }
        let words = CleaningRules.normalize(line).split(separator: " ")
        guard words.count <= file.maximumWords, words.contains(where: dateLabelFirstWords.contains) else { return nil }
        return judgeSegments(line)
    }

    /// The check above for an ASCII line, on its bytes: its words are what `CleaningRules.normalize`
    /// keeps (letters lowercased, digits) between anything else.
    /// A key that matches by chance only sends the line on to the exact check of its segments.
    private func asciiMayBeDateline(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var words = 0
        var labelled = false
        var key = FNV1a.offsetBasis
        var inWord = false
        for index in 0...bytes.count {
            let byte = index < bytes.count ? bytes[index] : 0x20
            let lower = byte | 0x20
            if lower >= 0x61 && lower <= 0x7A {
                key = FNV1a.mix(key, UInt64(lower))
                inWord = true
            } else if byte >= 0x30 && byte <= 0x39 {
                key = FNV1a.mix(key, UInt64(byte))
                inWord = true
            } else if inWord {
                words += 1
                if words > file.maximumWords { return false }
                if !labelled { labelled = dateLabelFirstWordKeys.contains(key) }
                key = FNV1a.offsetBasis
                inWord = false
            }
        }
        return labelled
    }

    private func judgeSegments(_ line: Substring) -> MetadataLine? {
        // A slash separates fields ("March 3, 2020 / 4:40 PM / Updated 2 hours ago") only where the
        // line is no date line without it: "Posted by Jane Doe / November 13, 2012" is one field.
        if let dateline = judgeSegments(line, separators: file.separators) { return dateline }
        guard line.contains(file.slashSeparator) else { return nil }
        return judgeSegments(line, separators: file.separators + [file.slashSeparator])
    }

    private func judgeSegments(_ line: Substring, separators: [String]) -> MetadataLine? {
        var segments = [String(line)]
        for separator in separators {
            segments = segments.flatMap { $0.components(separatedBy: separator) }
        }
        segments = segments.flatMap(splitBeforeDateLabel)
        var labelled: (date: ArticleDate?, found: Bool) = (nil, false)
        // A date without a label before an updated one is the one published ("April 28, 2019 at 6:01
        // am Updated April 29, 2019 at 3:33 pm", "March 5, 2020 Updated 2 hours ago").
        var unlabelledDate: ArticleDate?
        var agency: String?
        var words = 0
        for segment in segments {
            let tokens = CleaningRules.normalize(segment).split(separator: " ")
            words += tokens.count
            guard words <= file.maximumWords else { return nil }
            if tokens.isEmpty { continue }
            if let label = dateLabels.first(where: { tokens.starts(with: $0) }) {
                let rest = tokens.dropFirst(label.count)
                let date = DateLineParser.firstDate(in: segment)
                guard date != nil || statesTime(segment) || statesRelativeTime(rest) else { return nil }
                if !labelled.found || labelled.date == nil { labelled = (labelled.date ?? date, true) }
            } else if let date = DateLineParser.parseLine(segment) {
                unlabelledDate = unlabelledDate ?? date
            } else if tokens.count > file.maximumOtherSegmentWords && !bylineLeaders.contains(String(tokens[0])) {
                // A byline may name its helpers ("Par Martin Untersinger (avec Damien Leloup et Morgane Tual)").
                return nil
            } else if agency == nil {
                agency = self.agency(afterPlaceIn: segment)
            }
        }
        return labelled.found ? .dateline(unlabelledDate ?? labelled.date, agency: agency) : nil
    }

    /// A date, then a date label and its date, with nothing between ("14/05/2020 06:00 Actualizado a
    /// 14/05/2020 09:12", "05.03.2020, 07:00 Uhr Aktualisiert …"): the page set the two apart by
    /// its layout alone, and they are two segments.
    private func splitBeforeDateLabel(_ segment: String) -> [String] {
        let words = segment.split(separator: " ")
        // A labelled segment ("Posted on: 07-16-2012 Posted by: Bob Walsh") is one already.
        guard words.count >= 3, !dateLabelFirstWords.contains(Substring(CleaningRules.normalize(words[0]))) else { return [segment] }
        for word in words.dropFirst() where dateLabelFirstWords.contains(Substring(CleaningRules.normalize(word))) {
            let head = segment[..<word.startIndex], rest = segment[word.startIndex...]
            let tokens = CleaningRules.normalize(rest).split(separator: " ")
            guard dateLabels.contains(where: { tokens.starts(with: $0) }), DateLineParser.parseLine(String(head)) != nil else { continue }
            return [String(head), String(rest)]
        }
        return [segment]
    }

    /// The name after a place and its comma in a dateline's segment: "New Delhi, PTI" gives "PTI".
    /// A segment without a comma may be a place alone ("New Delhi"), and names nothing; a name
    /// with a digit is a date or a time.
    private func agency(afterPlaceIn segment: String) -> String? {
        guard let comma = segment.lastIndex(of: ","), segment[..<comma].contains(where: \.isLetter) else { return nil }
        return agencyName(segment[segment.index(after: comma)...], allowingOneSmallWord: false)
    }

    /// `text`, trimmed, when it can be an agency's name: at most `agencyMaximumWords` words and no
    /// digit (a date or a time), opening with a capital, or, where `allowingOneSmallWord`, one word
    /// written small ("dpa").
    func agencyName(_ text: Substring, allowingOneSmallWord: Bool) -> String? {
        let name = TextMeasure.trim(text)
        let words = name.split(separator: " ").count
        guard let initial = name.first, initial.isLetter, !name.contains(where: \.isNumber), words <= file.agencyMaximumWords,
              initial.isUppercase || allowingOneSmallWord && words == 1 else { return nil }
        return String(name)
    }

    /// A clock time such as `10:45`, or `15h22` as French and Portuguese sites write it.
    private func statesTime(_ segment: String) -> Bool {
        let scalars = Array(segment.unicodeScalars)
        let isDigit = { (index: Int) in scalars.indices.contains(index) && scalars[index].properties.numericType != nil }
        let isWordCharacter = { (index: Int) in isDigit(index) || scalars.indices.contains(index) && scalars[index].properties.isAlphabetic }
        for index in scalars.indices.dropFirst().dropLast() where isDigit(index - 1) && isDigit(index + 1) {
            if scalars[index] == ":" { return true }
            // "15h22" is a word of its own: one or two digits, "h", two digits (not "4h2", not a model's "A4h20x").
            let hourStart = isDigit(index - 2) ? index - 2 : index - 1
            if scalars[index] == "h", isDigit(index + 2), !isWordCharacter(index + 3), !isWordCharacter(hourStart - 1) { return true }
        }
        return false
    }

    /// "2 hours ago", "yesterday", "vor 3 Stunden".
    private func statesRelativeTime(_ words: ArraySlice<Substring>) -> Bool {
        if words.contains(where: { relativeTimeWords.contains(String($0)) }) { return true }
        let joined = words.joined(separator: " ")
        return relativeTimePhrases.contains { joined.contains($0) }
    }
}

/// What `judgeCredit` asks of an ASCII line, read on its bytes: whether it opens with a copyright
/// sign (lowercased, as the rule compares) and where its first colon is.
private struct AsciiCreditShape {
    var opensWithCopyrightSign = false
    /// The colon's offset in bytes (one byte is one character in ASCII text).
    var colon: Int?

    init(_ bytes: UnsafeBufferPointer<UInt8>, signs: [[UInt8]]) {
        opensWithCopyrightSign = signs.contains { sign in
            sign.count <= bytes.count && sign.indices.allSatisfy { index in
                let byte = bytes[index]
                return (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == sign[index]
            }
        }
        colon = bytes.firstIndex(of: UInt8(ascii: ":"))
    }
}

// Reads plain-text articles: scraped articles, hand-written files with a header block, and whole-page text dumps.
import Foundation

/// Reads a plain-text file into one raw document.
///
/// Three layouts are recognized (see `TextLayout`): a header block (`Title:`, `Date:` …), a scraped
/// article (title line, a date line among the next few lines, paragraphs), and a whole page dumped
/// as text (`.pageText`), whose lines are kept one block each with their blank-line group so the
/// cleaner can find the article among the menus.
public struct TextArticleReader: ArticleReader {
    /// A first line longer than this is a paragraph, not a title.
    static let maximumTitleLength = 300
    /// Words kept when a title has to be made from a paragraph.
    static let derivedTitleWords = 12
    /// How many lines of a page dump are searched for the article's date.
    static let pageDateReach = 80

    public init() {}

    public func read(_ data: Data, source: String) throws(ReadError) -> [RawDocument] {
        let text = try TextDecoding.decode(data)
        let lines = TextMeasure.lines(text)
        switch TextLayout.detect(lines) {
        case .header: return [readHeader(lines, source: source)]
        case .article: return [readArticle(lines, source: source)]
        case .pageText: return [readPage(lines, source: source)]
        }
    }

    private func readHeader(_ lines: [Substring], source: String) -> RawDocument {
        let header = HeaderBlock.parse(lines) ?? HeaderBlock(lineCount: 0)
        var body = lines.dropFirst(header.lineCount).map(String.init)
        var title = header.title
        if title == nil, let first = body.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }) {
            title = String(TextMeasure.trim(body[first]))
            body.removeSubrange(...first)
        }
        return RawDocument(source: source, format: .text, title: title, date: header.date, byline: header.author,
                           url: header.url, siteName: header.source, blocks: Self.blocks(HardWrapJoiner.paragraphs(body)))
    }

    private func readArticle(_ lines: [Substring], source: String) -> RawDocument {
        var rest = lines.map { String(TextMeasure.trim($0)) }
        guard var titleIndex = rest.firstIndex(where: { !$0.isEmpty }) else {
            return RawDocument(source: source, format: .text, blocks: [])
        }
        var removed: [RemovedBlock] = []
        if let headline = Self.headlineAfterChrome(rest) {
            // A page copied from the top: menus and sign-in links sit above the headline.
            removed = rest[..<headline].filter { !$0.isEmpty }.map { RemovedBlock(text: $0, reason: .navigation, position: 0) }
            titleIndex = headline
        }
        var title = rest[titleIndex]
        rest.removeSubrange(...titleIndex)
        if title.count > Self.maximumTitleLength {
            // A file that starts with a paragraph: keep it as body, make a short title from it.
            rest.insert(title, at: 0)
            title = Self.derivedTitle(from: title)
        }
        var date: ArticleDate?
        var byline: String?
        // The date line and a byline may sit among the first lines under the title.
        var seen = 0
        var index = 0
        while index < rest.count, seen < TextLayout.dateLineReach + 1 {
            let line = rest[index]
            if line.isEmpty { index += 1; continue }
            seen += 1
            if date == nil, let found = DateLineParser.parseLine(line) {
                date = found
                rest.remove(at: index)
            } else if byline == nil, let name = Self.byline(line) {
                byline = name
                rest.remove(at: index)
            } else {
                index += 1
            }
        }
        var paragraphs = HardWrapJoiner.paragraphs(rest)
        if paragraphs.isEmpty, date == nil, let line = lines.first(where: { !$0.allSatisfy(\.isWhitespace) }) {
            // A file of one line: that line is all the article there is, title and text.
            paragraphs = [String(TextMeasure.trim(line))]
        }
        return RawDocument(source: source, format: .text, title: title, date: date, byline: byline,
                           blocks: Self.blocks(paragraphs), removed: removed)
    }

    /// Lines a copied page may carry above its headline (menus, breadcrumbs, sign-in links).
    static let chromeReach = 12

    /// The headline's index when the file opens with page chrome: a standalone date line lies
    /// beyond the usual reach under the first line, only short menu-like lines come before it,
    /// and a headline-shaped line (four words or more) stands just above it (a byline may sit between).
    static func headlineAfterChrome(_ lines: [String]) -> Int? {
        let nonEmpty = lines.indices.filter { !lines[$0].isEmpty }.prefix(chromeReach)
        guard let dateAt = nonEmpty.first(where: { DateLineParser.parseLine(lines[$0]) != nil }),
              let datePosition = nonEmpty.firstIndex(of: dateAt),
              datePosition - nonEmpty.startIndex > TextLayout.dateLineReach else { return nil }
        let before = nonEmpty[..<datePosition]
        // Chrome is short and never reads as a sentence.
        guard before.allSatisfy({ lines[$0].count <= 160 && !Self.endsSentence(lines[$0]) }) else { return nil }
        for index in before.reversed() where byline(lines[index]) == nil {
            let words = lines[index].split(separator: " ").count
            return words >= 4 && index != nonEmpty.first ? index : nil
        }
        return nil
    }

    static func endsSentence(_ line: String) -> Bool {
        guard let last = line.last else { return false }
        return ".!?。！？".contains(last) && line.split(separator: " ").count > 6
    }

    private func readPage(_ lines: [Substring], source: String) -> RawDocument {
        var blocks: [Block] = []
        var title: String?
        var group = 0
        var previousBlank = true
        for raw in lines {
            let line = String(TextMeasure.trim(raw))
            if line.isEmpty {
                if !previousBlank { group += 1 }
                previousBlank = true
                continue
            }
            previousBlank = false
            if title == nil {
                title = line.count > Self.maximumTitleLength ? Self.derivedTitle(from: line) : line
                if line.count <= Self.maximumTitleLength { continue }
            }
            blocks.append(Block(kind: Self.kind(of: line), text: line, container: "group \(group)"))
        }
        if let full = title, let headline = Self.headline(in: full, blocks: blocks.prefix(Self.pageDateReach)) {
            title = headline
        }
        let date = blocks.prefix(Self.pageDateReach).lazy
            .filter { $0.text.count <= DateLineParser.maximumLineLength * 2 }
            .compactMap { DateLineParser.firstDate(in: $0.text) }.first
        return RawDocument(source: source, format: .pageText, title: title, date: date, blocks: blocks)
    }

    /// A page title usually carries the site's name ("Ships in the Strait | Example News"); when the
    /// page repeats one part of it on a line of its own, that part is the headline.
    static func headline(in title: String, blocks: ArraySlice<Block>) -> String? {
        let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "]
        let parts = separators.reduce([title]) { parts, separator in
            parts.flatMap { $0.components(separatedBy: separator) }
        }.map { String(TextMeasure.trim($0)) }.filter { !$0.isEmpty }
        guard parts.count > 1 else { return nil }
        let lines = Set(blocks.map { String(TextMeasure.trim($0.text)) })
        return parts.filter(lines.contains).max(by: { $0.count < $1.count })
    }

    static func blocks(_ paragraphs: [String]) -> [Block] {
        paragraphs.map { Block(kind: kind(of: $0), text: $0) }
    }

    static func kind(of line: String) -> BlockKind {
        HardWrapJoiner.startsListItem(line) ? .listItem : .paragraph
    }

    /// `By Jane Doe`, `By Jane Doe and John Roe, Reuters`: the name part, or nil.
    static func byline(_ line: String) -> String? {
        guard line.utf8.count <= 200, line.count <= 80, let afterLeader = namesAfterLeader(line) else { return nil }
        let name = afterLeader.trimmingCharacters(in: .whitespaces)
        let words = name.split(separator: " ")
        guard !words.isEmpty, words.count <= 8, words.first?.first?.isUppercase == true else { return nil }
        return name
    }

    /// A byline line's names, and the date printed after them: "By Jane Doe, August 14, 2020 2:30 pm",
    /// "By Jane Doe | 12/10/2020", "By Jane Doe on 11. März 2014", "By Jane Doe • Nov 6, 2012 • New
    /// York City", "By Steven Musil January 18, 2017". The names end at a comma or separator, a word in
    /// lower case ("posted", "on"), a label ("Published"), or the word a date opens with (a digit, a
    /// month before a number, a weekday before a date); a user name may hold digits ("WAFFLEKING77").
    static func bylineAndDate(_ line: String) -> (name: String, date: ArticleDate?)? {
        // Asked of every line of a page: most are known to be no byline from their length or first word.
        guard line.utf8.count <= 200, let afterLeader = namesAfterLeader(line) else { return nil }
        let words = Array(afterLeader.split(separator: " "))
        var names: [Substring] = []
        var restStart = words.endIndex
        for (index, word) in words.enumerated() {
            let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:")).lowercased()
            // A handle beside a name ("@jdoe", "(@JaneDoe27)") is no part of it, and ends nothing.
            if word.drop(while: { $0 == "(" }).first == "@" { continue }
            let next = index + 1 < words.count ? words[index + 1] : ""
            let opensDate = word.first?.isNumber == true
                || (DateNames.months[bare] != nil && next.first?.isNumber == true)
                || (DateNames.weekdays.contains(bare) && (word.hasSuffix(",") || next.first?.isNumber == true
                    || DateNames.months[next.trimmingCharacters(in: CharacterSet(charactersIn: ",.")).lowercased()] != nil))
            if opensDate || bylineLabels.contains(bare) || (word.first?.isLowercase == true && !nameParticles.contains(bare)) {
                restStart = index
                break
            }
            if ["|", "•", "·", "-", "–", "—", "/", "//"].contains(word) {
                restStart = index + 1
                break
            }
            let closes = word.hasSuffix(",") || word.hasSuffix(";") || (word.hasSuffix(".") && bare.count > 2)
            names.append(closes ? word.dropLast() : word)
            if closes {
                restStart = index + 1
                break
            }
        }
        // Words in lower case or labels before the date ("posted on", "Published") are no part of it.
        var dateStart = restStart
        while dateStart < words.count, case let word = words[dateStart],
              bylineLabels.contains(word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ":")))
                || (word.first?.isLowercase == true && !word.contains(where: \.isNumber)) {
            dateStart += 1
        }
        let rest = words[dateStart...].joined(separator: " ")
        guard rest.contains(where: \.isNumber) else { return byline(line).map { ($0, nil) } }
        let name = names.joined(separator: " ")
        guard line.count <= 80, let named = byline("By " + name) else { return nil }
        // The date may stand between separators, a place after it ("Nov 6, 2012 • New York City").
        let dateField = [" | ", " · ", " • ", " — ", " – "].compactMap { rest.range(of: $0) }.min { $0.lowerBound < $1.lowerBound }
        let date = DateLineParser.parseLine(rest) ?? dateField.flatMap { DateLineParser.parseLine(String(rest[..<$0.lowerBound])) }
        // A longer line counts only with a date after the names: "By Monday, officials said 12
        // people had died" is the story's sentence.
        guard date != nil || byline(line) != nil else { return nil }
        return (named, date)
    }

    /// What follows a byline's leader ("By", "Written by", "Words by"), or nil for a line opening with none.
    private static func namesAfterLeader(_ line: String) -> Substring? {
        // Asked of every line of a page: only its first characters are lowered.
        let opening = line.prefix(leaderScanLength).lowercased()
        // Leaders are ASCII, so the line's first characters are as many as the leader's.
        guard let leader = bylineLeaders.first(where: { opening.hasPrefix($0) }) else { return nil }
        return line.dropFirst(leader.count)
    }

    /// A line naming the story's staff other than its author: "Edited by Rahul Sharma", "Medically
    /// reviewed by Jane Doe, MD". The label, then at most `staffCreditMaximumWords` words opening
    /// with a capital: "Edited by hand, the maps took a year" is the story's. The line may stand in
    /// brackets: "(Edited by Neha Mahajan)".
    static func isStaffCredit(_ text: String) -> Bool {
        guard text.utf8.count <= 120 else { return false }
        let trimmed = Substring(TextMeasure.trim(text))
        let line = TextMeasure.insideBrackets(trimmed) ?? trimmed
        let opening = line.prefix(staffCreditScanLength).lowercased()
        guard let label = staffCredits.first(where: { opening.hasPrefix($0 + " ") || opening.hasPrefix($0 + ":") }) else { return false }
        let names = line.dropFirst(label.count).drop { $0 == ":" || $0 == " " }.split(separator: " ")
        guard let first = names.first?.first, first.isUppercase, names.count <= staffCreditMaximumWords else { return false }
        return !names.contains { $0.first?.isLowercase == true && !nameParticles.contains(String($0)) }
    }

    private static let staffCreditMaximumWords = 8

    /// Words a byline's names may hold in lower case, labels between the names and the date, what
    /// opens a byline, and labels of lines naming other staff.
    private struct BylineWords: Decodable {
        var nameParticles: [String]
        var labels: [String]
        var leaders: [String]
        var staffCredits: [String]
    }

    private static let bylineWords = BundledData.decode(BylineWords.self, from: "byline-words.json")
    /// Words that join names in a byline though written in lower case ("Jane Doe and John Roe").
    private static let nameParticles = Set(bylineWords.nameParticles)
    /// Labels between a byline's names and its date ("By Jane Doe Published Nov. 7, 2012").
    private static let bylineLabels = Set(bylineWords.labels)
    /// Byline leaders with the space after them, longest first ("written by " before "by ").
    private static let bylineLeaders = bylineWords.leaders.map { $0.lowercased() + " " }.sorted { $0.count > $1.count }
    private static let leaderScanLength = bylineLeaders.map(\.count).max() ?? 0
    private static let staffCredits = bylineWords.staffCredits.map { $0.lowercased() }.sorted { $0.count > $1.count }
    private static let staffCreditScanLength = (staffCredits.map(\.count).max() ?? 0) + 1

    static func derivedTitle(from paragraph: String) -> String {
        let words = paragraph.prefix(Self.maximumTitleLength).split(separator: " ")
        return words.prefix(derivedTitleWords).joined(separator: " ") + (words.count > derivedTitleWords ? "…" : "")
    }
}

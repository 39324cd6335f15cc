// The optional `Title:` / `Date:` / `Source:` / `URL:` / `Author:` header people put on files they write.
import Foundation

/// Metadata from a header block at the top of a hand-written article file.
package struct HeaderBlock: Equatable, Sendable {
    package var title: String?
    package var date: ArticleDate?
    package var source: String?
    package var url: String?
    package var author: String?
    /// Number of lines the header used, blank line after it included.
    package var lineCount: Int

    /// Fills the field a header key names; false for a key that is not a header key.
    private mutating func assign(_ key: String, _ value: String) -> Bool {
        let value = value.isEmpty ? nil : value
        switch key {
        case "title", "headline": title = value
        case "source", "site", "publication": source = value
        case "url", "link": url = value
        case "author", "by", "byline": author = value
        case "date", "published", "updated", "posted":
            date = value.flatMap { DateLineParser.parseLine($0) ?? DateLineParser.firstDate(in: $0) }
        default: return false
        }
        return true
    }

    /// Parses a header block from the first lines, or nil when the file does not start with one.
    /// A header needs a `Title:` line or at least two known keys, so an article whose first
    /// line happens to contain a colon is not mistaken for one.
    package static func parse(_ lines: [Substring]) -> HeaderBlock? {
        var header = HeaderBlock(lineCount: 0)
        var known = 0
        var index = 0
        while index < lines.count, lines[index].utf8.count <= 2000, lines[index].allSatisfy(\.isWhitespace) { index += 1 }
        while index < lines.count {
            let line = lines[index]
            guard line.utf8.count <= 2000 else { break }
            if line.allSatisfy(\.isWhitespace) { index += 1; break }
            guard let colon = line.firstIndex(of: ":") else { break }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard header.assign(key, value) else { break }
            known += 1
            index += 1
        }
        guard known >= 2 || (known == 1 && header.title != nil) else { return nil }
        header.lineCount = index
        return header
    }
}

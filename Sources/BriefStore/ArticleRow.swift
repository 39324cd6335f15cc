// How an Article is laid out in the library database, and read back.
import BriefCore
import Foundation
import GRDB

enum ArticleRow {
    /// Kept paragraphs are stored as one text joined by this separator, which the full-text
    /// tokenizer treats as white space, and deflated (`StoredText`).
    static let paragraphSeparator: Character = "\u{2029}"

    /// The paragraphs as stored: joined by `paragraphSeparator` they are the article's text, and
    /// `paragraphs(fromText:)` gives them back.
    static func storedParagraphs(of article: Article) -> [String] {
        // One empty paragraph joins to an empty text, which reads back as no paragraph.
        if article.paragraphs.count == 1, article.paragraphs[0].isEmpty { return [] }
        return article.paragraphs.map { paragraph in
            // The separator inside a paragraph is rare; looking for it is cheap, replacing is not.
            paragraph.unicodeScalars.contains { $0.value == 0x2029 }
                ? paragraph.replacingOccurrences(of: String(paragraphSeparator), with: "\n") : paragraph
        }
    }

    static func paragraphs(fromText text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: paragraphSeparator, omittingEmptySubsequences: false).map(String.init)
    }

    /// Columns of `article` that `decode` reads, in order.
    static let columns = "a.id, a.format, a.title, a.day, a.byline, a.url, a.site_name, a.text, a.detail"

    static func decode(_ row: Row) throws -> Article {
        guard let text = StoredText.unpack(row[7]) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "the stored text of \(row[0] as String) is not deflated text")
        }
        let paragraphs = paragraphs(fromText: text)
        let title: String = row[2]
        let detail = try ArticleDetailCodec.decode(row[8], title: title, paragraphs: paragraphs)
        let day: Int? = row[3]
        let formatName: String = row[1]
        return Article(
            source: row[0], format: ArticleFormat(rawValue: formatName) ?? .text, title: title,
            date: day.map(ArticleDate.init(daysSinceEpoch:)), byline: row[4], url: row[5], siteName: row[6],
            language: detail.language, paragraphs: paragraphs,
            paragraphKinds: detail.kinds.count == paragraphs.count ? detail.kinds : nil,
            removed: detail.removed, entities: detail.entities, topics: detail.topics.filter { $0.level == .about },
            mentions: detail.topics.filter { $0.level == .mention }, summary: detail.summary,
            agency: detail.agency)
    }
}

enum NameFolding {
    /// Case- and diacritic-insensitive key for entity names (`José` and `jose` meet).
    static func fold(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

// The article as every layer above the readers sees it: plain values, no behaviour.
import Foundation

/// How an article was stored before Brief read it.
public enum ArticleFormat: String, Codable, Sendable, CaseIterable {
    /// A scraped article as plain text: title, date line, paragraphs.
    case text
    /// A whole web page dumped as text, with its menus, footers and comments.
    case pageText = "page-text"
    /// An HTML page.
    case html
    /// An item from an RSS or Atom feed.
    case feed
}

/// A calendar day, as news dates are: no time zone games once parsed.
public struct ArticleDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`, the form dates take in JSON and in queries.
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Parses `YYYY-MM-DD`; nil for anything else or an impossible day.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01, for histograms and ordering arithmetic.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date `days` after 1970-01-01: the inverse of `daysSinceEpoch` (Howard Hinnant's civil_from_days).
    public init(daysSinceEpoch days: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }

    public static func < (a: ArticleDate, b: ArticleDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = ArticleDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not YYYY-MM-DD: \(text)"))
        }
        self = date
    }
}

/// Why the cleaning stage took a block out of the reading view.
public enum RemovalReason: String, Codable, Sendable, CaseIterable {
    /// A line announcing promoted content ("Related", "Read more", "Similar topics for you").
    case promoMarker
    /// A headline of another article, unrelated to this one.
    case unrelatedHeadline
    /// Site menus, breadcrumbs, skip links.
    case navigation
    /// Share and follow prompts.
    case share
    /// Newsletter and subscription prompts.
    case newsletter
    /// Advertisements and sponsored notices.
    case advertisement
    /// Reader comments and their chrome.
    case comments
    /// Page footers: copyright, legal, contact.
    case footer
    /// Image and video captions.
    case caption
    /// Metadata lines that are not body text (bylines, reading time, tags).
    case metadata
    /// Anything else judged not to be article text (low text density, link lists).
    case boilerplate
    /// Picture credits and copyright notes for the article's pictures ("Photo credit: PTI", "© Reuters").
    case credit
}

/// A block the cleaning stage removed, kept so the reader can show it on request.
public struct RemovedBlock: Hashable, Codable, Sendable {
    public var text: String
    public var reason: RemovalReason
    /// Where the block stood: the number of kept paragraphs before it.
    /// The reader uses it to show removed text in place.
    public var position: Int

    public init(text: String, reason: RemovalReason, position: Int) {
        self.text = text
        self.reason = reason
        self.position = position
    }
}

/// The kinds of named entity Brief recognizes.
public enum EntityType: String, Codable, Sendable, CaseIterable {
    case person, organization, place, nationality, date, other
}

/// An entity mention inside the title or one kept paragraph.
public struct EntitySpan: Hashable, Codable, Sendable {
    /// Index into `Article.paragraphs`, or -1 for the title.
    public var paragraph: Int
    /// Unicode scalar offsets into that paragraph's text, half-open.
    public var start: Int
    public var end: Int
    /// The text as written.
    public var text: String
    public var type: EntityType
    /// The canonical name this mention refers to (`Sullivan` → `Jake Sullivan`,
    /// `U.S.` → `United States`). Used for facets and `entity:` filters.
    public var canonical: String

    public init(paragraph: Int, start: Int, end: Int, text: String, type: EntityType, canonical: String? = nil) {
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.text = text
        self.type = type
        self.canonical = canonical ?? text
    }
}

/// How much of an article a topic is.
public enum TopicLevel: String, Hashable, Codable, Sendable {
    /// The article is about the topic: a badge in the list, counted in the pane, `topic:`.
    case about
    /// The article mentions it in passing: listed in the reader's header, `mentions:`.
    case mention
}

/// Where a topic's evidence stands in an article: the explanation of its level.
public struct TopicEvidence: Hashable, Codable, Sendable {
    /// A term fired in the title.
    public var inTitle: Bool
    /// A term fired in the lead paragraphs.
    public var inLead: Bool
    /// Body paragraphs with a term.
    public var paragraphs: Int
    /// Body sentences with a term, of `sentences` in all.
    public var sentencesWithEvidence: Int
    public var sentences: Int

    public init(inTitle: Bool = false, inLead: Bool = false, paragraphs: Int = 0, sentencesWithEvidence: Int = 0,
                sentences: Int = 0) {
        self.inTitle = inTitle
        self.inLead = inLead
        self.paragraphs = paragraphs
        self.sentencesWithEvidence = sentencesWithEvidence
        self.sentences = sentences
    }
}

/// One topic an article matched, with the terms that made it match and where they stand.
public struct TopicMatch: Hashable, Codable, Sendable {
    public var id: String
    public var name: String
    public var score: Double
    /// The terms that fired, as defined in the topic (not as written).
    public var terms: [String]
    public var level: TopicLevel
    public var evidence: TopicEvidence

    public init(id: String, name: String, score: Double, terms: [String], level: TopicLevel = .about,
                evidence: TopicEvidence = TopicEvidence()) {
        self.id = id
        self.name = name
        self.score = score
        self.terms = terms
        self.level = level
        self.evidence = evidence
    }
}

/// A fully processed article: read, cleaned and annotated.
public struct Article: Hashable, Codable, Sendable, Identifiable {
    /// Stable identity: the source path or URL.
    public var id: String { source }
    /// The file path or URL the article came from.
    public var source: String
    public var format: ArticleFormat
    public var title: String
    public var date: ArticleDate?
    public var byline: String?
    public var url: String?
    /// Name of the site or feed, when known.
    public var siteName: String?
    /// The news agency the text credits as its source: "PTI" from a date line "New Delhi, PTI |
    /// Updated : …", "Reuters" from a story opening "LONDON (Reuters) - …"; nil when none is named.
    public var agency: String?
    /// The language the article is written in (`en`, `de`, …), from its text or its declaration;
    /// nil when neither says.
    public var language: String?
    /// The deck, standfirst or key points (one per line), shown under the title; nil when the page has none.
    public var summary: String?
    /// The kept body text, one string per paragraph.
    public var paragraphs: [String]
    /// Kind of each kept paragraph (same count as `paragraphs`).
    public var paragraphKinds: [BlockKind]
    public var removed: [RemovedBlock]
    public var entities: [EntitySpan]
    /// The topics the article is about (`TopicLevel.about`), best first.
    public var topics: [TopicMatch]
    /// The topics it only mentions (`TopicLevel.mention`), best first.
    public var mentions: [TopicMatch]

    public init(
        source: String, format: ArticleFormat, title: String, date: ArticleDate? = nil,
        byline: String? = nil, url: String? = nil, siteName: String? = nil, language: String? = nil,
        paragraphs: [String], paragraphKinds: [BlockKind]? = nil,
        removed: [RemovedBlock] = [], entities: [EntitySpan] = [], topics: [TopicMatch] = [], mentions: [TopicMatch] = [],
        summary: String? = nil, agency: String? = nil
    ) {
        self.source = source
        self.format = format
        self.title = title
        self.date = date
        self.byline = byline
        self.url = url
        self.siteName = siteName
        self.language = language
        self.paragraphs = paragraphs
        self.paragraphKinds = paragraphKinds ?? Array(repeating: .paragraph, count: paragraphs.count)
        self.removed = removed
        self.entities = entities
        self.topics = topics
        self.mentions = mentions
        self.summary = summary
        self.agency = agency
    }
}

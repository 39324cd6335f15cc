// The JSON shapes of `brief show --json` and `brief list --json`: the CLI contract other tools rely on.
import BriefCore

enum ArticleJSON {
    /// Everything `show --json` promises: path, format, title, date, byline, url, feed, language, source (the agency
    /// a dateline credits), summary, paragraphs,
    /// removed [{text, reason, position}], entities [{paragraph, start, end, text, type, canonical}],
    /// topics [{id, name, score, terms}].
    static func full(_ article: Article) -> JSONText {
        .object(identity(of: article) + [
            ("feed", feed(of: article)),
            ("language", .optional(article.language)),
            ("source", .optional(article.agency)),
            ("summary", .optional(article.summary)),
            ("paragraphs", .array(article.paragraphs.map(JSONText.string))),
            ("removed", .array(article.removed.map { block in
                .object([("text", .string(block.text)), ("reason", .string(block.reason.rawValue)), ("position", .integer(block.position))])
            })),
            ("entities", .array(article.entities.map { span in
                .object([
                    ("paragraph", .integer(span.paragraph)), ("start", .integer(span.start)), ("end", .integer(span.end)),
                    ("text", .string(span.text)), ("type", .string(span.type.rawValue)),
                    ("canonical", .string(span.canonical)),
                ])
            })),
            ("topics", topics(article.topics)),
            ("mentions", topics(article.mentions)),
        ])
    }

    /// The fields both shapes open with, in this order: where the article is from and what it is.
    private static func identity(of article: Article) -> [(String, JSONText)] {
        [
            ("path", .string(article.source)),
            ("format", .string(article.format.rawValue)),
            ("title", .string(article.title)),
            ("date", .optional(article.date?.description)),
            ("byline", .optional(article.byline)),
            ("url", .optional(article.url)),
        ]
    }

    /// One line of `list --json`: the article without its text; its story's id and every version's
    /// path, the best first (this article among them).
    static func summary(_ article: Article, story: String, versions: [String]) -> JSONText {
        .object(identity(of: article) + [
            ("language", .optional(article.language)),
            ("topics", topics(article.topics)),
            ("story", .string(story)),
            ("versions", .array(versions.map(JSONText.string))),
        ])
    }

    /// For a feed item, the feed it came from: `{title, url}` (the url is the feed's path or
    /// address, the item's source without its `#link`); null for other articles.
    static func feed(of article: Article) -> JSONText {
        guard article.format == .feed else { return .null }
        var url = article.source
        if let link = article.url, url.hasSuffix("#" + link) {
            url.removeLast(link.count + 1)
        } else if let hash = url.lastIndex(of: "#") {
            url = String(url[..<hash])
        }
        return .object([("title", .optional(article.siteName)), ("url", .string(url))])
    }

    static func topics(_ matches: [TopicMatch]) -> JSONText {
        .array(matches.map { match in
            .object([
                ("id", .string(match.id)), ("name", .string(match.name)), ("score", .number(match.score)),
                ("terms", .array(match.terms.map(JSONText.string))),
                ("evidence", .object([
                    ("title", .bool(match.evidence.inTitle)), ("lead", .bool(match.evidence.inLead)),
                    ("paragraphs", .integer(match.evidence.paragraphs)),
                    ("sentences", .integer(match.evidence.sentencesWithEvidence)),
                    ("of_sentences", .integer(match.evidence.sentences)),
                ])),
            ])
        })
    }
}

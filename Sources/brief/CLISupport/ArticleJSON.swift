// The JSON shapes of `brief show --json` and `brief list --json`: the CLI contract other tools rely on.
import BriefCore

enum ArticleJSON {
    /// Everything `show --json` promises: path, format, title, date, byline, url, summary, paragraphs,
    /// removed [{text, reason, position}], entities [{paragraph, start, end, text, type, canonical}],
    /// topics [{id, name, score, terms}].
    static func full(_ article: Article) -> JSONText {
        .object([
            ("path", .string(article.source)),
            ("format", .string(article.format.rawValue)),
            ("title", .string(article.title)),
            ("date", .optional(article.date?.description)),
            ("byline", .optional(article.byline)),
            ("url", .optional(article.url)),
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
        ])
    }

    /// One line of `list --json`: the article without its text.
    static func summary(_ article: Article) -> JSONText {
        .object([
            ("path", .string(article.source)),
            ("format", .string(article.format.rawValue)),
            ("title", .string(article.title)),
            ("date", .optional(article.date?.description)),
            ("byline", .optional(article.byline)),
            ("url", .optional(article.url)),
            ("topics", topics(article.topics)),
        ])
    }

    static func topics(_ matches: [TopicMatch]) -> JSONText {
        .array(matches.map { match in
            .object([
                ("id", .string(match.id)), ("name", .string(match.name)), ("score", .number(match.score)),
                ("terms", .array(match.terms.map(JSONText.string))),
            ])
        })
    }
}

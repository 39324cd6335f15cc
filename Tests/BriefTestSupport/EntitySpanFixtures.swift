// Entity spans for hand-built test articles, placed where their text occurs.
import BriefCore

extension EntitySpan {
    /// A span for the first occurrence of `text` in `paragraph` of `article` (-1: the title).
    package static func firstOccurrence(of text: String, in article: Article, paragraph: Int, type: EntityType,
                                        canonical: String? = nil) -> EntitySpan {
        let haystack = paragraph < 0 ? article.title : article.paragraphs[paragraph]
        let range = haystack.range(of: text)!
        let scalars = haystack.unicodeScalars
        let start = scalars.distance(from: scalars.startIndex, to: range.lowerBound)
        return EntitySpan(paragraph: paragraph, start: start, end: start + text.unicodeScalars.count, text: text, type: type,
                          canonical: canonical)
    }
}

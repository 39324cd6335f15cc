// PLACEHOLDER (skeleton): first line title, other lines paragraphs.
import Foundation

public struct TextArticleReader: ArticleReader {
    public init() {}
    public func read(_ data: Data, source: String) throws(ReadError) -> [RawDocument] {
        guard !data.isEmpty else { throw ReadError("empty file") }
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
        return [RawDocument(source: source, format: .text, title: lines.first,
                            blocks: lines.dropFirst().map { Block(kind: .paragraph, text: $0) })]
    }
}

// Picks a reader by content and extension.
import Foundation

public enum FormatDetector {
    /// The format of a file's bytes. Plain text is told apart from whole-page text dumps by its layout;
    /// bytes that cannot be decoded are left to the reader, which reports why.
    public static func detect(_ data: Data, source: String) -> ArticleFormat {
        guard let text = try? TextDecoding.decode(data) else { return .text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return TextLayout.detect(lines) == .pageText ? .pageText : .text
    }

    public static func reader(for format: ArticleFormat) -> any ArticleReader { TextArticleReader() }
}

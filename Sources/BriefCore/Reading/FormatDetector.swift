// PLACEHOLDER (skeleton): picks a reader by content and extension.
import Foundation

public enum FormatDetector {
    public static func detect(_ data: Data, source: String) -> ArticleFormat { .text }
    public static func reader(for format: ArticleFormat) -> any ArticleReader { TextArticleReader() }
}

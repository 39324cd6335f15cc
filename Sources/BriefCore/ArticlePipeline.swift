// The whole per-article pipeline: detect the format, read, clean, annotate.
import Foundation

/// Reads, cleans and annotates articles. Pure and per-article, so it runs anywhere, in parallel.
///
/// Every stage's thresholds are a settings value, given the same way: `ArticleCleaner(settings:)`,
/// `HTMLArticleReader(settings:)` (here `html`), `GazetteerEntityRecognizer(settings:)`,
/// `TopicClassifier(topics:scoring:)`.
public struct ArticlePipeline: Sendable {
    /// How HTML pages are read: the thresholds of main-content selection.
    public var html: HTMLExtractionSettings
    public var cleaner: ArticleCleaner
    public var recognizer: any EntityRecognizer
    public var classifier: TopicClassifier
    public var languages: LanguageIdentifier

    public init(html: HTMLExtractionSettings = .standard, cleaner: ArticleCleaner = ArticleCleaner(),
                recognizer: any EntityRecognizer = GazetteerEntityRecognizer.shared,
                classifier: TopicClassifier = .builtIn, languages: LanguageIdentifier = .shared) {
        self.html = html
        self.cleaner = cleaner
        self.recognizer = recognizer
        self.classifier = classifier
        self.languages = languages
    }

    /// Processes one file's bytes into its articles (one, or one per feed item).
    public func articles(from data: Data, source: String) throws(ReadError) -> [Article] {
        let format = FormatDetector.detect(data, source: source)
        let documents = try FormatDetector.reader(for: format, html: html).read(data, source: source)
        return documents.map(process)
    }

    /// Cleans and annotates one raw document.
    public func process(_ document: RawDocument) -> Article {
        let cleaned = cleaner.clean(document)
        var article = Article(
            source: document.source, format: document.format, title: cleaned.title,
            date: cleaned.date, byline: cleaned.byline, url: document.url, siteName: document.siteName,
            paragraphs: cleaned.paragraphs.map(\.text), paragraphKinds: cleaned.paragraphs.map(\.kind),
            removed: cleaned.removed, summary: cleaned.summary, agency: cleaned.agency)
        article.language = languages.language(declared: document.language, title: article.title, paragraphs: article.paragraphs)
        article.entities = recognizer.entities(title: article.title, paragraphs: article.paragraphs, language: article.language)
        let matches = classifier.classify(title: article.title, paragraphs: article.paragraphs)
        article.topics = matches.filter { $0.level == .about }
        article.mentions = matches.filter { $0.level == .mention }
        return article
    }
}

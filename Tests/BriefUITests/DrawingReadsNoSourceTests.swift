// Drawing a frame never reaches the article source: every row the list draws was fetched by the
// reducer, so a repaint (a resize, a redraw after a background message) never waits on the cache.
import BriefCore
import BriefUI
import Foundation
import Testing

/// An `ArticleSource` that answers from an in-memory library and counts every call made of it.
private final class CountingSource: ArticleSource, @unchecked Sendable {
    private let inner: InMemorySource
    private let lock = NSLock()
    private var calls = 0

    init(_ library: Library) { inner = InMemorySource(library: library) }

    var callCount: Int { lock.withLock { calls } }
    private func count() { lock.withLock { calls += 1 } }

    func evaluate(_ request: ResultRequest) throws -> SourceResult { count(); return inner.evaluate(request) }
    func rows(of result: SourceResult, _ positions: Range<Int>) throws -> [ArticleRow] {
        count()
        return inner.rows(of: result, positions)
    }
    func position(of id: String, in result: SourceResult) throws -> Int? { count(); return inner.position(of: id, in: result) }
    func article(id: String) throws -> Article? { count(); return inner.article(id: id) }
}

@Suite struct DrawingReadsNoSourceTests {
    @Test func framesAreDrawnFromTheRowsTheReducerFetched() {
        // Enough articles that the list scrolls past the first fetched page.
        let articles = (0..<120).map { number in
            Article(source: "/news/\(number).txt", format: .text,
                    title: "Story number \(number)", date: ArticleDate(year: 2024, month: 1, day: 1 + number % 28),
                    paragraphs: ["Paragraph of story \(number)."])
        }
        let source = CountingSource(Library(articles: articles))
        var state = AppState(source: source, size: Size(width: 100, height: 30))
        let keys: [Event] = [.key(.pageDown), .key(.pageDown), .key(.end), .resize(Size(width: 100, height: 60)),
                             .key(.home), .key(.character("j")), .resize(Size(width: 60, height: 20))]
        for event in keys {
            state = reduce(state, event).0
            let before = source.callCount
            let lines = ScreenView.render(state).textLines
            #expect(source.callCount == before, "drawing after \(event) asked the source")
            let title = state.selectedRow.map(\.title) ?? "?"
            #expect(lines.contains { $0.contains(title) }, "the selected row \(title) is drawn after \(event)")
        }
    }
}

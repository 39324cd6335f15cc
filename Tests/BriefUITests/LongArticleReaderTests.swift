// A very long article in the reader (issue 11): it opens, scrolls and finds entities by laying out only what
// the pane shows, and its highlights land on the right cells at the far end.
import BriefCore
import BriefTestSupport
import BriefUI
import Testing

@Suite struct LongArticleReaderTests {
    static let paragraphCount = 100_000
    static let size = Size(width: 80, height: 24)

    /// `paragraphCount` short paragraphs, each naming Seoul as a place.
    static let article: Article = {
        let text = (0..<paragraphCount).map { "Paragraph \($0): talks resumed in Seoul on Tuesday." }
        var article = Article(source: "/news/long.txt", format: .text, title: "A very long article", paragraphs: text)
        article.entities = text.indices.map { index in
            .firstOccurrence(of: "Seoul", in: article, paragraph: index, type: .place)
        }
        return article
    }()

    static let opened: AppState = press([.enter], AppState(library: Library(articles: [article]), size: size)).0

    /// The row showing `text` and the column where it starts.
    func cells(of text: String, in grid: CellGrid) throws -> (x: Int, y: Int) {
        let lines = grid.textLines
        let y = try #require(lines.firstIndex { $0.contains(text) }, "\(text) is not on screen")
        let line = lines[y]
        return (line.distance(from: line.startIndex, to: line.range(of: text)!.lowerBound), y)
    }

    @Test func theLastParagraphsEntityIsHighlightedAtTheBottom() throws {
        let (bottom, _) = press([.character("G")], Self.opened)
        let grid = ScreenView.render(bottom)
        #expect(grid.textLines[0].contains("100%"))
        let last = try cells(of: "Paragraph 99999: talks resumed in Seoul", in: grid)
        let seoul = last.x + "Paragraph 99999: talks resumed in ".count
        #expect((seoul..<seoul + 5).allSatisfy { grid[$0, last.y].role == .entity(.place) })
        #expect(grid[seoul - 1, last.y].role == .normal && grid[seoul + 5, last.y].role == .normal)
        // The paragraph above has its own highlight on its own row, not the last one's.
        let above = try cells(of: "Paragraph 99998:", in: grid)
        #expect(grid[seoul, above.y].role == .entity(.place))

        // [ from no entity goes to the last one: already on screen, so the view stays and it turns current.
        let (current, _) = press([.character("[")], bottom)
        #expect(current.reader?.anchor == bottom.reader?.anchor)
        #expect(current.message?.text.hasPrefix("place: Seoul") == true)
        let marked = ScreenView.render(current)
        #expect((seoul..<seoul + 5).allSatisfy { marked[$0, last.y].role == .entityCurrent })
        #expect(marked[seoul, above.y].role == .entity(.place))
    }

    @Test func aFrameWrapsOnlyTheBlocksThePaneShows() throws {
        let reader = try #require(Self.opened.reader)
        let layout = Self.opened.readerLayout(reader)
        let height = Self.size.height - 2
        let first = layout.window(at: .top, height: height)
        #expect(first.lines.count == height)
        #expect(first.blocks.count <= height)
        #expect(first.percent == 0)

        let end = layout.lastTop(height: height)
        // Two lines per paragraph: the last eleven fill the pane.
        #expect(end == ReaderAnchor(block: .paragraph(Self.paragraphCount - height / 2), line: 0))
        let last = layout.window(at: end, height: height)
        #expect(last.blocks.upperBound == layout.document.blockCount - 1)
        #expect(last.blocks.count <= height)
        #expect(last.percent == 100)
    }

    @Test func scrollingMovesByLinesAndStopsAtBothEnds() throws {
        let reader = try #require(Self.opened.reader)
        let layout = Self.opened.readerLayout(reader)
        let height = Self.size.height - 2
        // Title, meta, blank line, then two lines per paragraph (its text and a blank line).
        #expect(layout.scroll(.top, by: 3, height: height) == ReaderAnchor(block: .paragraph(0), line: 0))
        #expect(layout.scroll(.top, by: 2 * 500 + 4, height: height) == ReaderAnchor(block: .paragraph(500), line: 1))
        #expect(layout.scroll(.top, by: Int.max / 2, height: height) == layout.lastTop(height: height))
        let middle = ReaderAnchor(block: .paragraph(50_000), line: 0)
        #expect(layout.scroll(middle, by: -(2 * 1_000), height: height) == ReaderAnchor(block: .paragraph(49_000), line: 0))
        #expect(layout.scroll(middle, by: Int.min / 2, height: height) == .top)
    }

    @Test func eachParagraphGetsOnlyItsOwnEntities() {
        let outline = ReaderOutline(article: Self.article)
        #expect(outline.entityOrder.count == Self.paragraphCount)
        for paragraph in [0, 1, 50_000, Self.paragraphCount - 1] {
            let numbers = outline.entities(in: paragraph)
            #expect(numbers.count == 1)
            #expect(outline.entityOrder[numbers.lowerBound].paragraph == paragraph)
        }
        #expect(outline.entities(in: -1).isEmpty)
    }

    @Test func removedBlocksStandBeforeTheParagraphTheyWereTakenFrom() {
        let article = Article(source: "/news/short.txt", format: .text, title: "Short", paragraphs: ["One.", "Two.", "Three."],
                              removed: [RemovedBlock(text: "a", reason: .navigation, position: 0),
                                        RemovedBlock(text: "b", reason: .share, position: 2),
                                        RemovedBlock(text: "c", reason: .share, position: 2),
                                        RemovedBlock(text: "d", reason: .newsletter, position: 7)])
        var options = ReaderOptions()
        options.showRemoved = true
        let shown = ReaderDocument(article: article, outline: ReaderOutline(article: article), source: "", options: options)
        let order = (0..<shown.blockCount).map { shown.key(at: $0) }
        #expect(order == [.title, .meta, .removed(0), .paragraph(0), .paragraph(1), .removed(1), .removed(2), .paragraph(2),
                          .removed(3)])
        #expect(order.indices.allSatisfy { shown.position(of: order[$0]) == $0 })

        // Hidden, a removed block stands for the paragraph it stood before (or the last one).
        let hidden = ReaderDocument(article: article, outline: ReaderOutline(article: article), source: "", options: ReaderOptions())
        #expect(hidden.blockCount == 5)
        #expect(hidden.position(of: .removed(1)) == hidden.position(of: .paragraph(2)))
        #expect(hidden.position(of: .removed(3)) == hidden.position(of: .paragraph(2)))
    }
}

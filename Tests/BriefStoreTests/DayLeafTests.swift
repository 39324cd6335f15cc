// Date filters answered from the days in memory select what SQL selects, across many words of rows.
import BriefCore
import BriefTestSupport
import Foundation
import Testing
@testable import BriefStore

@Suite struct DayLeafTests {
    /// 150 articles (three 64-row words of the bitmap): days spread over three months, every
    /// seventh undated, one before 1970.
    func store(in directory: TemporaryDirectory) throws -> LibraryStore {
        let store = try LibraryStore(path: directory.file("cache/library.sqlite").path,
                                     statePath: directory.file("data/state.sqlite").path)
        for index in 0..<150 {
            let date: ArticleDate? = index % 7 == 3 ? nil
                : index == 5 ? ArticleDate(year: 1969, month: 7, day: 20)
                : ArticleDate(year: 2024, month: 1 + index % 3, day: 1 + index % 28)
            let source = "/lib/d\(index).txt"
            try store.insert([Article(source: source, format: .text, title: "Day \(index)", date: date, paragraphs: ["Text."])],
                             path: source)
        }
        return store
    }

    static let bounds: [FilterExpression] = [
        .since(ArticleDate(year: 2024, month: 2, day: 10)),
        .until(ArticleDate(year: 2024, month: 2, day: 10)),
        .and([.since(ArticleDate(year: 2024, month: 1, day: 15)), .until(ArticleDate(year: 2024, month: 3, day: 2))]),
        .and([.since(ArticleDate(year: 2024, month: 3, day: 2)), .until(ArticleDate(year: 2024, month: 1, day: 15))]),
        .until(ArticleDate(year: 1970, month: 1, day: 1)),
        .since(ArticleDate(year: 1900, month: 1, day: 1)),
        .not(.since(ArticleDate(year: 2024, month: 2, day: 1))),
    ]

    @Test(arguments: bounds)
    func daysFromMemorySelectWhatSQLSelects(_ filter: FilterExpression) throws {
        let directory = try TemporaryDirectory()
        let store = try store(in: directory)
        let result = try store.query(filter)
        let fromMemory = try store.summaries(of: result, 0..<result.count).map(\.id)
        #expect(fromMemory == (try store.ids(matching: filter)))
    }
}

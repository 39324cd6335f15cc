// Fuzzes the filter language: parsing, printing back, matching an article and compiling to SQL.
import BriefCore
import BriefStore
import Foundation
import FuzzSupport

private enum Shared {
    static let article: Article = {
        let text = """
            Title: Sanctions on the shadow fleet
            Date: 2024-03-01
            Source: reuters.com

            The European Union and Jake Sullivan discussed North Korea, the IAEA and cyber attacks on Nagoya port.
            """
        guard let first = try? ArticlePipeline().articles(from: Data(text.utf8), source: "fuzz/reuters.txt").first else {
            fatalError("the fixed article did not parse")
        }
        return first
    }()
}

runFuzzer { start, count in
    let text = String(decoding: fuzzInput(start, count), as: UTF8.self)
    guard let query = try? FilterQuery(text) else { return 0 }
    // The printer promises that its text parses back to the same expression.
    let printed = query.expression.queryText
    guard let reparsed = try? FilterQuery(printed), reparsed.expression == query.expression else {
        fatalError("printed query \(printed.debugDescription) of \(text.debugDescription) does not parse back")
    }
    _ = query.matches(Shared.article, flags: ArticleFlags())
    _ = FilterSQLCompiler.condition(for: query.expression)
    _ = FilterSQLCompiler.ftsQuery(for: query.expression)
    return 0
}

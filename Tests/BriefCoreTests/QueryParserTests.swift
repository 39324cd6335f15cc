// The filter language: what text parses to, where errors point, and printing back to text.
import Testing
@testable import BriefCore

@Suite("Filter query parsing")
struct QueryParserTests {
    func parse(_ text: String) throws -> FilterExpression { try FilterQuery(text).expression }
    static let december1 = ArticleDate(year: 2023, month: 12, day: 1)

    @Test func emptyQueryMatchesAll() throws {
        #expect(try parse("") == .all)
        #expect(try parse("   ") == .all)
    }

    @Test func wordsSideBySideAreAnded() throws {
        #expect(try parse("cyber threats") == .and([.word("cyber", prefix: false), .word("threats", prefix: false)]))
        #expect(try parse("cyber AND threats") == parse("cyber threats"))
        #expect(try parse("missil*") == .word("missil", prefix: true))
    }

    @Test func phrasesAndFields() throws {
        #expect(try parse("\"supply chain\"") == .phrase("supply chain"))
        #expect(try parse("topic:Cyber") == .topic("cyber"))
        #expect(try parse("mentions:Nuclear -topic:nuclear") == .and([.mentions("nuclear"), .not(.topic("nuclear"))]))
        #expect(try parse("entity:\"Jake Sullivan\"") == .entity(nil, "Jake Sullivan"))
        #expect(try parse("person:Sullivan place:Seoul org:\"White House\" nationality:Japanese") == .and([
            .entity(.person, "Sullivan"), .entity(.place, "Seoul"), .entity(.organization, "White House"),
            .entity(.nationality, "Japanese"),
        ]))
        #expect(try parse("since:2023-12-01 until:2024-01-31") == .and([
            .since(Self.december1), .until(ArticleDate(year: 2024, month: 1, day: 31)),
        ]))
        #expect(try parse("source:example.com") == .source("example.com"))
        #expect(try parse("unread starred") == .and([.unread, .starred]))
        #expect(try parse("\"unread\"") == .phrase("unread"), "quoting makes a keyword a phrase")
    }

    @Test func orBindsLooserThanJuxtaposition() throws {
        #expect(try parse("a b OR c") == .or([.and([.word("a", prefix: false), .word("b", prefix: false)]),
                                               .word("c", prefix: false)]))
        #expect(try parse("a (b OR c)") == .and([.word("a", prefix: false),
                                                 .or([.word("b", prefix: false), .word("c", prefix: false)])]))
        #expect(try parse("a OR b OR c") == .or([.word("a", prefix: false), .word("b", prefix: false),
                                                  .word("c", prefix: false)]))
        #expect(try parse("or") == .word("or", prefix: false), "lowercase or is a word")
    }

    @Test func notAndMinusNegate() throws {
        #expect(try parse("-crypto") == .not(.word("crypto", prefix: false)))
        #expect(try parse("NOT topic:space") == .not(.topic("space")))
        #expect(try parse("a -(b OR c)") == .and([.word("a", prefix: false),
                                                  .not(.or([.word("b", prefix: false), .word("c", prefix: false)]))]))
        #expect(try parse("well-known") == .word("well-known", prefix: false), "a hyphen inside a word is not NOT")
    }

    @Test func escapedQuotesInsidePhrases() throws {
        #expect(try parse(#""say \"no\"""#) == .phrase("say \"no\""))
    }

    @Test(arguments: [
        ("topic:cyber (foo", 12, "missing ')'"),
        ("a b)", 3, "unmatched ')'"),
        ("\"open phrase", 0, "unterminated quote"),
        ("a OR", 2, "expected a term after OR"),
        ("OR a", 0, "OR needs a term before it"),
        ("a ()", 2, "empty parentheses"),
        ("since:2023-13-01", 6, "not a date"),
        ("until:2023-02-30", 6, "not a date"),
        ("since:yesterday", 6, "not a date"),
        ("colour:red", 0, "unknown filter 'colour:'"),
        ("topic:", 6, "needs a value"),
        ("a - b", 2, "expected a term after '-'"),
        ("cyber NOT", 6, "expected a term"),
        ("...", 0, "nothing to search for"),
        ("\"x\"*", 3, "'*'"),
    ])
    func errorsPointAtTheProblem(text: String, position: Int, fragment: String) {
        #expect {
            _ = try FilterQuery(text)
        } throws: { error in
            guard let error = error as? QueryError else { return false }
            return error.position == position && error.message.contains(fragment)
        }
    }

    @Test func errorPositionsCountCharactersNotBytes() {
        #expect {
            _ = try FilterQuery("서울 (")
        } throws: { error in
            (error as? QueryError)?.position == 3
        }
    }

    @Test(arguments: [
        "cyber", "missil*", "\"supply chain\"", "topic:cyber person:Sullivan", "entity:\"Jake Sullivan\"",
        "a b OR c", "a (b OR c) -d", "-(a OR b) NOT c", "since:2023-12-01 until:2024-01-31 source:\"my folder\"",
        "unread starred", "\"unread\"", "org:\"White House\" OR place:Seoul", "10:30 well-known", #""say \"no\"""#,
        "((a OR b) (c OR -d))", "--a", "서울 \"윤석열 대통령\"", "mentions:nuclear -topic:nuclear",
    ])
    func printingRoundTrips(text: String) throws {
        let expression = try parse(text)
        let printed = expression.queryText
        #expect(try parse(printed) == expression, "\(text) printed as \(printed)")
        #expect(FilterQuery(expression: expression).text == printed)
    }

    @Test func printerUsesCanonicalSpelling() throws {
        #expect(try parse("a AND (b OR c) NOT d").queryText == "a (b OR c) -d")
        #expect(try parse("org:\"White House\"").queryText == "org:\"White House\"")
        #expect(try parse("MENTIONS:Cyber").queryText == "mentions:cyber")
    }

    /// Found by Fuzz/run (filter): "i\n\u{07F0}" parsed to two words, but its printed form
    /// "i \u{07F0}" is one word, the mark joined to the space.
    @Test func aWordBeginningWithACombiningMarkIsAnErrorSoEveryQueryPrintsBack() throws {
        #expect(throws: QueryError.self) { try parse("i\n\u{07F0}") }
        #expect(throws: QueryError.self) { try parse("sanctions\t\u{0301}fleet") }
        #expect(try parse("caf\u{0065}\u{0301}") == .word("caf\u{00E9}", prefix: false))
    }

    /// Found by Fuzz/run (filter) in CI: "e\u{06DD}\ni" parsed to two words, but printed as
    /// "e\u{06DD} i" the prepended mark U+06DD joins the space and makes one word.
    @Test func aWordEndingWithAPrependedMarkIsAnErrorSoEveryQueryPrintsBack() throws {
        #expect(throws: QueryError.self) { try parse("e\u{06DD}\ni") }
        #expect(throws: QueryError.self) { try parse("person:x\u{0600}\tsanctions") }
        #expect(throws: QueryError.self) { try parse("(a OR b\u{06DD}\n)") }
        #expect(try parse("person:\"x\u{0600} y\"") == .entity(.person, "x\u{0600} y"))
    }
}

import Foundation
import Testing
@testable import BriefCore

/// The data files that ship inside BriefCore: every table asks only for files that are there,
/// and a missing one is an error naming it, never an empty table.
@Suite struct BundledDataTests {
    @Test func everyGazetteerFileTheTablesAskForShipsWithEntries() throws {
        var asked: [String] = []
        _ = Gazetteer { name in
            asked.append(name)
            return Gazetteer.bundledFile(name)
        }
        #expect(asked.count >= 40)
        for name in Set(asked) {
            let text = String(decoding: try BundledData.load("gazetteer/\(name)"), as: UTF8.self)
            #expect(!DataFileLines.lines(text).isEmpty, "gazetteer/\(name) lists nothing")
        }
    }

    @Test func everyLanguageTheIdentifierKnowsHasItsWordList() throws {
        for code in LanguageIdentifier.bundledCodes {
            let text = String(decoding: try BundledData.load("languages/\(code).txt"), as: UTF8.self)
            #expect(DataFileLines.lines(text).count >= 20, "languages/\(code).txt is too short")
        }
    }

    @Test func theStoryTitleStopwordsAreReadWithoutTheirComments() {
        #expect(TitleStopwords.words.contains("the"))
        #expect(TitleStopwords.words.contains("says"))
        #expect(!TitleStopwords.words.contains { $0.contains("#") || $0.contains(" ") })
    }

    @Test func wordListLinesDropCommentsBlankLinesAndWhiteSpaceOfAnyScript() {
        let text = "  alpha  # a comment\n\n# only a comment\ndelta\r\n\u{3000}東京\u{00A0}\n\tbeta gamma\t\n \u{2003} \nlast"
        #expect(DataFileLines.lines(text) == ["alpha", "delta", "東京", "beta gamma", "last"])
    }

    @Test func aMissingFileIsAnErrorThatNamesIt() {
        #expect {
            _ = try BundledData.load("gazetteer/no-such-list.txt")
        } throws: { error in
            "\(error)".contains("gazetteer/no-such-list.txt") && "\(error)".contains("missing")
        }
    }
}

// The cleaner's byte-level paths for ASCII lines give exactly what its character-level paths give.
import Foundation
import Testing
@testable import BriefCore

@Suite struct CleaningFastPathTests {
    /// Lines of every shape the cleaner measures: prose, headlines, quotes, lists, numbers, markers.
    static let asciiLines: [String] = {
        let seed = (try? String(contentsOf: Bundle.module.url(forResource: "seed", withExtension: "txt", subdirectory: "Fixtures")!,
                                encoding: .utf8)) ?? ""
        return seed.split(separator: "\n").map(String.init).filter { $0.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } } + [
            "", "a", "Go", "\"Quoted line,\" he said.", "'Single quoted'", "\"\"", "It's the U.S.'s plan (really).",
            "- a list item", "1. First step", "12) Twelfth", "(a) lettered", "Read more", "READ MORE:", "Share this story",
            "Scores 3-1, 12.1% and 1.8 in 2023", "abc123 def 456 ghi", "x = y + 2", "Missiles' ranges and companies' supplies",
            "The  spaced   line  ends here!", "Why?", "What is it?)", "Ends with a bracket]", "ALL CAPS HEADLINE HERE",
            "Subscribe to our newsletter for daily updates", "Photo: Reuters", "'''", "it's", "'s", "the and of to",
            String(repeating: "word ", count: 20_000) + "end.",
        ]
    }()

    @Test func asciiLinesMeasureAsInAnyScript() throws {
        let stopwords = CleaningRules.builtIn.stopwords
        #expect(Self.asciiLines.count > 30)
        for line in Self.asciiLines {
            let trimmed = String(TextMeasure.trim(line))
            let fast = try #require(LineFeatures(printableASCII: trimmed, stopwords: stopwords), "\(line)")
            #expect(fast == LineFeatures(general: trimmed, stopwords: stopwords), "\(line.prefix(80))")
        }
    }

    @Test func otherLinesTakeTheGeneralPath() {
        let stopwords = CleaningRules.builtIn.stopwords
        for line in ["Café opens in Zürich", "北朝鮮がミサイル発射", "tab\there", "“Curly quotes”"] {
            #expect(LineFeatures(printableASCII: line, stopwords: stopwords) == nil)
            #expect(LineFeatures(line, stopwords: stopwords) == LineFeatures(general: line, stopwords: stopwords))
        }
    }

    @Test func asciiNormalizingMatchesCharacterNormalizing() throws {
        for line in Self.asciiLines + ["Line\twith tab", "Line\nbreak", "--- Related: ---", "A&B, C/D"] {
            let fast = try #require(CleaningRules.normalizeASCII(line), "\(line)")
            #expect(fast == CleaningRules.normalizeCharacters(line))
        }
        #expect(CleaningRules.normalizeASCII("© 2024 Café") == nil)
        #expect(CleaningRules.normalize("© 2024 News Ltd") == "© 2024 news ltd")
        #expect(CleaningRules.normalize("Related: more stories") == "related more stories")
    }
}

// The cleaner's byte-level paths for ASCII lines give exactly what its character-level paths give.
import Foundation
import Testing
@testable import BriefCore

@Suite struct CleaningFastPathTests {
    /// Lines of every shape the cleaner measures: prose, headlines, quotes, lists, numbers, markers.
    static let simpleLines: [String] = {
        let seed = (try? String(contentsOf: Bundle.module.url(forResource: "seed", withExtension: "txt", subdirectory: "Fixtures")!,
                                encoding: .utf8)) ?? ""
        return seed.split(separator: "\n").map(String.init) + [
            "", "a", "Go", "\"Quoted line,\" he said.", "'Single quoted'", "\"\"", "It's the U.S.'s plan (really).",
            "- a list item", "1. First step", "12) Twelfth", "(a) lettered", "Read more", "READ MORE:", "Share this story",
            "Scores 3-1, 12.1% and 1.8 in 2023", "abc123 def 456 ghi", "x = y + 2", "Missiles' ranges and companies' supplies",
            "The  spaced   line  ends here!", "Why?", "What is it?)", "Ends with a bracket]", "ALL CAPS HEADLINE HERE",
            "Subscribe to our newsletter for daily updates", "Photo: Reuters", "'''", "it's", "'s", "the and of to",
            String(repeating: "word ", count: 20_000) + "end.", String(repeating: "it’s — “word” ", count: 8_000),
            "“Quoted in curly marks,” she said.", "‘Single curly’", "«Guillemets»", "North Korea’s missiles’ range",
            "The plan — and its cost… €4bn, £3bn", "Copyright © 2024 News™ Ltd®", "• Bullet item", "– Dash item",
            "He said: “No.”", "Why now?”", "’Tis the season", "rock ’n’ roll", "“”",
            "Café opens in Zürich", "ÉCOLE ÉTÉ À PARIS", "Straße über für", "Élysée Palace", "ßtart", "北朝鮮がミサイル発射",
            "박지원 국가정보원장", "Yoon Suk Yeol (윤석열) said on Tuesday.", "China’s 商务部 said 镓 and 锗 exports", "“北京”",
            "a中b 中2 x'中", "ロケット打ち上げ成功 as H3 flies", "ã é í õ ú ç ñ",
            "Tōkyō", "Příliš žluťoučký kůň úpěl ďábelské ódy.", "ŁÓDŹ and Łódź", "Ĺubica ĽUBICA Ňové ňové", "Źródło Żółw źle",
            "Rīgā un Latvijā ministrs", "Ŧŧ Ŋŋ Ĳĳ ŒUVRE œuvre", "Čech’s ‘Šťastný’ — „Ďakujem“", "ČT24: Žádné změny",
            "Vaša uloga u Hrvatskoj", "Māori Tūhoe", "Ąę ęą Ėė",
            "Ready at any time.[1]", "Ends.[2][13]", "Ends.[1234]", "Not a note [a]", "[1]", "]",
            "if (a < b) { run_task(x) }", "snake_case_name", "a_b", "_x", "x_", "é_b", "a__b", "<div class=\"x\">", "x => y",
        ]
    }()

    @Test func asciiWordsFoldAsStringsDo() {
        let words = ["missiles", "missile", "companies", "ties", "dies", "cities", "glass", "virus", "analysis", "bus", "is",
                     "its", "it's", "korea's", "'s", "s", "'", "''", "'quoted'", "dogs'", "ss", "ies", "xies", "plans'", "news",
                     "gas", "yes", "series", "abcs", "'tis", "rock'n'roll", "a", ""]
        for word in words {
            #expect(LineFeatures.foldedKeyASCII(Array(word.utf8)) == WordKeys.key(of: LineFeatures.fold(word)), "\(word)")
        }
        #expect(LineFeatures.foldedKeyASCII(Array("cafés".utf8)) == nil)
    }

    /// The fast path looks stopwords up by their bytes (packed when short); it must find every
    /// word the string set holds, short or long, accented or not, and no word it does not hold.
    @Test func stopwordsFoundByTheirBytesAsByTheirStrings() {
        let stopwords = CleaningRules.builtIn.stopwords
        #expect(stopwords.words.contains { $0.utf8.count > 8 } && stopwords.words.contains { !$0.allSatisfy(\.isASCII) })
        for word in stopwords.words {
            #expect(stopwords.contains(utf8: Array(word.utf8)), "\(word)")
        }
        let others = ["", "a'", "thee", "th", "ourselve", "ourselvesx", "yesterdays", "fur", "fürs", "über'", "tambien", "中", "abcdefgh", "abcdefghi"]
        for word in others {
            #expect(stopwords.contains(utf8: Array(word.utf8)) == stopwords.contains(word), "\(word)")
        }
        let small: StopwordSet = ["the", "yourselves"]
        #expect(small.contains(utf8: Array("yourselves".utf8)) && !small.contains(utf8: Array("yourselve".utf8)))
        #expect(!small.contains(utf8: Array("them".utf8)) && small.contains(utf8: Array("the".utf8)))
    }

    @Test func simpleLinesMeasureAsInAnyScript() throws {
        let stopwords = CleaningRules.builtIn.stopwords
        #expect(Self.simpleLines.count > 30)
        for line in Self.simpleLines {
            let trimmed = String(TextMeasure.trim(line))
            let fast = try #require(LineFeatures(simpleText: trimmed, stopwords: stopwords), "\(line)")
            #expect(fast == LineFeatures(general: trimmed, stopwords: stopwords), "\(line.prefix(80))")
        }
    }

    /// Blocks reach the cleaner untrimmed: the simple path trims spaces itself (ASCII lines on their
    /// bytes, others on their scalars) and must agree with trimming characters first.
    @Test func paddedLinesMeasureAsTrimmedInAnyScript() {
        let stopwords = CleaningRules.builtIn.stopwords
        let lines = Self.simpleLines.filter { $0.utf8.count < 1_000 } + ["tab\there", "e\u{0301}", "北朝鮮がミサイル発射。", "Tōkyō", " "]
        for line in lines {
            for (before, after) in [("", ""), ("  ", ""), ("", " "), (" ", "  "), ("\t", ""), ("", "\n"), ("\u{00A0}", " "), (" \u{3000}", "")] {
                let padded = before + line + after
                let general = LineFeatures(general: String(TextMeasure.trim(padded)), stopwords: stopwords)
                #expect(LineFeatures(padded, stopwords: stopwords) == general, "\(padded.debugDescription)")
            }
        }
    }

    /// What makes the simple path safe: each simple scalar is a character of its own, punctuation
    /// belongs to no word, and letters lowercase one to one.
    @Test func simpleScalarsBehaveAsThePathAssumes() {
        for scalar in LineFeatures.simplePunctuation {
            let character = Character(scalar)
            #expect(!character.isLetter && !character.isNumber && !character.isWhitespace && !character.isCased)
            #expect(!scalar.properties.isAlphabetic && !scalar.properties.isWhitespace && !TextMeasure.isCJK(scalar))
            #expect(String(character).lowercased() == String(character))
            #expect("a\(character)b".count == 3)
        }
        let letterRanges: [ClosedRange<UInt32>] = [0xC0...0xFF, 0x3041...0x3096, 0x30A1...0x30FA, 0x3400...0x4DB5, 0x4E00...0x9FA5, 0xAC00...0xD7A3]
        var checked = 0
        for range in letterRanges {
            for value in range where LineFeatures.isSimpleLatinLetter(value) || LineFeatures.isSimpleCJKLetter(value) {
                let scalar = Unicode.Scalar(value)!
                let character = Character(scalar)
                let cjk = LineFeatures.isSimpleCJKLetter(value)
                #expect(character.isLetter && scalar.properties.isAlphabetic && scalar.properties.generalCategory != .decimalNumber)
                #expect(cjk == TextMeasure.isCJK(scalar) && cjk != character.isCased)
                let lower = value >= 0xC0 && value <= 0xDE ? value + 0x20 : value
                #expect(String(character).lowercased().unicodeScalars.map(\.value) == [lower])
                #expect(character.isUppercase == (lower != value))
                #expect("\(character)\(character)a\(character)".count == 4)
                checked += 1
            }
        }
        #expect(checked > 38_000)
        var extended = 0
        for value in UInt32(0x100)...0x17F where LineFeatures.isSimpleLatinExtendedLetter(value) {
            let scalar = Unicode.Scalar(value)!
            let character = Character(scalar)
            let lower = LineFeatures.isLatinExtendedCapital(value) ? value + 1 : value
            #expect(character.isLetter && scalar.properties.isAlphabetic && character.isCased && !TextMeasure.isCJK(scalar))
            #expect(String(character).lowercased().unicodeScalars.map(\.value) == [lower], "\(character)")
            #expect(character.isUppercase == (lower != value), "\(character)")
            #expect(character.isLowercase == (lower == value), "\(character)")
            #expect("\(character)\(character)a\(character)".count == 4)
            extended += 1
        }
        #expect(extended == 122)
    }

    @Test func otherLinesTakeTheGeneralPath() {
        let stopwords = CleaningRules.builtIn.stopwords
        for line in ["tab\there", "non\u{00A0}breaking", "e\u{0301}", "ภาษาไทย", "١٢٣ digits", "北朝鮮がミサイル発射。", "A·B", "İstanbul", "ıi", "ſ", "Ÿes"] {
            #expect(LineFeatures(simpleText: line, stopwords: stopwords) == nil)
            #expect(LineFeatures(line, stopwords: stopwords) == LineFeatures(general: line, stopwords: stopwords))
        }
    }

    @Test func simpleNormalizingMatchesCharacterNormalizing() throws {
        for line in Self.simpleLines + ["© 2024 News Ltd", "Copyright ©2024", "©", "a©b", "Line\twith tab", "Line\nbreak", "--- Related: ---", "A&B, C/D"] {
            let fast = try #require(CleaningRules.normalizeSimple(line), "\(line)")
            #expect(fast == CleaningRules.normalizeCharacters(line))
        }
        #expect(CleaningRules.normalizeSimple("© 2024 Café") == "© 2024 café")
        #expect(CleaningRules.normalizeSimple("Thai ภาษาไทย") == nil)
        #expect(CleaningRules.normalizeSimple("Line\r\nend") == nil)
        #expect(CleaningRules.normalize("© 2024 News Ltd") == "© 2024 news ltd")
        #expect(CleaningRules.normalize("Related: more stories") == "related more stories")
    }
}

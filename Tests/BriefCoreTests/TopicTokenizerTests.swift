// The word tokenizer that topics and the filter language share.
import Testing
@testable import BriefCore

@Suite("Folded word tokenizer")
struct TopicTokenizerTests {
    @Test func lowercasesAndSplitsOnPunctuation() {
        #expect(FoldedWordTokenizer.tokens("Supply-Chain, U.S. (2023)") == ["supply", "chain", "u", "s", "2023"])
    }

    @Test func dropsPossessives() {
        #expect(FoldedWordTokenizer.tokens("North Korea's missiles; Diplomat’s fight") ==
                ["north", "korea", "missiles", "diplomat", "fight"])
        #expect(FoldedWordTokenizer.tokens("don't") == ["don", "t"])
    }

    @Test func foldsNonASCIILetters() {
        #expect(FoldedWordTokenizer.tokens("Über ÉCOLE") == ["über", "école"])
        #expect(FoldedWordTokenizer.tokens("윤석열 대통령") == ["윤석열", "대통령"])
    }

    @Test func ideographsAreOneTokenEach() {
        #expect(FoldedWordTokenizer.tokens("岸田文雄首相") == ["岸", "田", "文", "雄", "首", "相"])
        #expect(FoldedWordTokenizer.tokens("NHKニュース") == ["nhk", "ニ", "ュ", "ー", "ス"])
    }

    @Test func controlCharactersSeparateWords() {
        #expect(FoldedWordTokenizer.tokens("a\u{1B}[31mb\u{0}c") == ["a", "31mb", "c"])
    }

    /// ASCII letters and digits are gathered by runs of bytes, other scalars one at a time by
    /// their properties: in mixed text both ways must agree on every word, as the rules say them
    /// one scalar at a time here.
    @Test(arguments: [
        "Café-Society's ÉLAN, naïve RÉSUMÉ; O'Brien's don't rock'n'roll",
        "北京Olympics２０２２ NHKニュース 岸田Fumio’s visit",
        "Straße ΣΊΣΥΦΟΣ İstanbul DŽungla e\u{301}te",
        "COVID-19 5G U.S.-China supply-chain ‘quoted’ 'quoted' 90's James' the Smiths’",
        "🚀launch—Launch–LAUNCH…launch\u{1B}[0mx a's 's Korea's's",
        String(repeating: "Ab", count: 100) + "é" + String(repeating: "Cd", count: 40) + " end",
        "ÀB1ç2Ð3 abc\u{300}DEF mixedCASE ünd ÜND",
    ])
    func byteRunsAgreeWithTheRulesScalarByScalar(text: String) {
        #expect(FoldedWordTokenizer.tokens(text) == Self.wordsByTheRules(text))
    }

    static func wordsByTheRules(_ text: String) -> [String] {
        func isWord(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII { return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) }
            switch scalar.properties.generalCategory {
            case .decimalNumber, .nonspacingMark, .spacingMark, .letterNumber: return true
            default: return scalar.properties.isAlphabetic
            }
        }
        func isIdeographic(_ scalar: Unicode.Scalar) -> Bool { Script.kana.contains(scalar.value) || Script.isHan(scalar.value) }
        let scalars = Array(text.unicodeScalars)
        var words: [String] = []
        var word = ""
        var skippingPossessive = false
        func flush() {
            if !word.isEmpty { words.append(word.lowercased()) }
            word = ""
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "'" || scalar == "\u{2019}" {
                let afterWord = !word.isEmpty
                flush()
                skippingPossessive = afterWord && index < scalars.count && (scalars[index] == "s" || scalars[index] == "S")
                    && (index + 1 == scalars.count || !isWord(scalars[index + 1]))
            } else if isIdeographic(scalar) {
                flush()
                skippingPossessive = false
                words.append(String(scalar))
            } else if isWord(scalar) {
                if !skippingPossessive { word.unicodeScalars.append(scalar) }
            } else {
                flush()
                skippingPossessive = false
            }
        }
        flush()
        return words
    }
}

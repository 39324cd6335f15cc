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
}

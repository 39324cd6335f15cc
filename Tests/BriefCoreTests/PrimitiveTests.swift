// The one home of each primitive: the table of script ranges, the hash.
@testable import BriefCore
import Testing

@Suite struct ScriptTests {
    func value(_ character: Character) -> UInt32 { character.unicodeScalars.first!.value }

    @Test func eachScriptHoldsItsLettersAndNoOthers() {
        #expect(Script.hangulSyllables.contains(value("한")))
        #expect(Script.kana.contains(value("の")) && Script.hiraganaLetters.contains(value("の")))
        #expect(Script.kana.contains(value("ー")) && !Script.katakanaLetters.contains(value("ー")), "the prolonged sound mark is no letter")
        #expect(Script.isHan(value("漢")) && Script.isHan(value("𠀀")) && Script.isHan(value("㐀")))
        #expect(!Script.isHan(value("한")) && !Script.isHan(value("A")))
        #expect(Script.thai.contains(value("ก")))
    }

    @Test func scriptsWithoutSpacesAreWhatTheCleanerCountsAsCJK() {
        for text in ["北朝鮮", "한국어", "ひらがな", "ภาษาไทย", "ｶﾀｶﾅ"] {
            #expect(text.unicodeScalars.allSatisfy(TextMeasure.isCJK), "\(text)")
        }
        #expect(!"Seoul, Korea".unicodeScalars.contains(where: TextMeasure.isCJK))
    }
}

@Suite struct FNV1aTests {
    @Test func knownVectorsAndBothEntryPointsAgree() {
        // The published FNV-1a 64 test vectors: "" and "a".
        #expect(FNV1a.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a.hash("a") == 0xaf63_dc4c_8601_ec8c)
        let bytes = Array("foobar".utf8)
        #expect(bytes.withUnsafeBufferPointer { FNV1a.hash($0) } == FNV1a.hash("foobar"))
        #expect(FNV1a.hash("foobar") == 0x8594_4171_f739_67e8)
    }
}

@Suite struct DayNumberTests {
    @Test func dayNumbersRoundTripAcrossLeapYearsAndBeforeTheEpoch() {
        #expect(ArticleDate(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(ArticleDate(year: 2000, month: 3, day: 1).daysSinceEpoch == 11_017)
        for days in [-800_000, -1, 0, 59, 60, 11_016, 11_017, 19_700, 2_932_896] {
            #expect(ArticleDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(ArticleDate(daysSinceEpoch: 19_700).description == "2023-12-09")
        #expect(ArticleDate(daysSinceEpoch: -1).description == "1969-12-31")
    }
}

// The one table of script ranges, and the callers that pick from it.
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

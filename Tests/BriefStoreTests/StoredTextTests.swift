// The cache's deflated article text: it reads back whole, and a row that is not a text, or that
// would inflate past the limit, is refused instead of read.
import Foundation
import Testing
@testable import BriefStore

@Suite struct StoredTextTests {
    @Test func aTextReadsBackWholeInAnyScript() {
        let text = "Seoul – 서울\u{1F}Café “quoted”\u{1F}" + String(repeating: "The port's cranes doubled. ", count: 200)
        #expect(StoredText.unpack(StoredText.pack(text)) == text)
        #expect(StoredText.unpack(StoredText.pack("")) == "")
    }

    @Test func oneDeflaterPacksEachTextAsANewOneWould() {
        // A parsing thread reuses one stream for all its articles: no text may carry into the next.
        let texts = [String(repeating: "Harbour cranes and ships. ", count: 300), "", "Short.",
                     "Seoul – 서울 " + String(repeating: "The port's cranes doubled. ", count: 40), "Short."]
        let deflater = TextDeflater()
        for text in texts {
            let packed = deflater.pack(text)
            #expect(packed == TextDeflater().pack(text))
            #expect(StoredText.unpack(packed) == text)
        }
    }

    @Test func aRowThatWouldInflatePastTheLimitIsRefused() {
        // A megabyte of one letter deflates to about a kilobyte: a small row that grows large.
        let text = String(repeating: "a", count: 1 << 20)
        let packed = StoredText.pack(text)
        #expect(packed.count < 8 << 10)
        #expect(StoredText.unpack(packed, limit: 1 << 16) == nil)
        #expect(StoredText.unpack(packed, limit: 1 << 20) == text)
    }

    @Test func bytesThatAreNotDeflatedTextAreRefused() {
        #expect(StoredText.unpack(Data("plain words, never deflated".utf8)) == nil)
        var damaged = StoredText.pack(String(repeating: "Harbour cranes and ships. ", count: 100))
        damaged.removeLast(damaged.count / 2)
        #expect(StoredText.unpack(damaged) == nil)
    }
}

// Legacy charsets through iconv, misdeclared UTF-8, and characters a reader never sees.
import Foundation
import Testing
@testable import BriefCore

struct HTMLCharsetAndInvisibleTextTests {
    static let sentence = " with enough plain words around it to be read as the text of the page by the reader.</p></body></html>"

    @Test(arguments: [
        // 中文新闻 in GB2312, 한국어 in EUC-KR, Привет in KOI8-R.
        ("gb2312", [0xD6, 0xD0, 0xCE, 0xC4, 0xD0, 0xC2, 0xCE, 0xC5] as [UInt8], "中文新闻"),
        ("euc-kr", [0xC7, 0xD1, 0xB1, 0xB9, 0xBE, 0xEE], "한국어"),
        ("koi8-r", [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], "Привет"),
    ])
    func decodesALegacyCharsetThePageDeclares(label: String, encoded: [UInt8], expected: String) throws {
        var bytes = Array("<html><head><meta charset=\"\(label)\"></head><body><p>Word: ".utf8)
        bytes += encoded
        bytes += Array(Self.sentence.utf8)
        let document = try HTMLArticleReader(selectsMainContent: false).document(from: Data(bytes), source: "legacy.html")
        #expect(document.blocks.first?.text.hasPrefix("Word: \(expected) with enough") == true)
    }

    @Test func aBadSequenceInALegacyPageBecomesAReplacementCharacter() {
        // 0xFF never starts a GB18030 character; the text after it still comes through.
        let converted = HTMLCharsetDecoder.iconvUTF8([0x41, 0xFF, 0xD6, 0xD0, 0x42], from: "GB18030")
        #expect(converted.map { String(decoding: $0, as: UTF8.self) } == "A\u{FFFD}中B")
    }

    @Test func validUTF8WinsOverAStaleDeclaration() throws {
        let html = "<html><head><meta charset=\"gb2312\"></head><body><p>新闻 in UTF-8\(Self.sentence)"
        let document = try HTMLArticleReader(selectsMainContent: false).document(from: Data(html.utf8), source: "stale.html")
        #expect(document.blocks.first?.text.hasPrefix("新闻 in UTF-8") == true)
    }

    @Test func referencesToC1CodesReadAsWindows1252() throws {
        // Pages written in Windows-1252 and escaped as `&#146;`: browsers show ’, “ ” and –. The
        // undefined code 129 goes; a literal CSI (U+009B, read as ›) never reaches the terminal.
        let html = """
            <html><head><title>Iraq&#146;s tape &#150; a warning</title></head><body>
            <p>Bin Laden warned Iraq&#146;s Sunni Arabs &#147;not to fight&#148; &#x96; and&#129; vowed \u{9B}31m more\(Self.sentence)
            """
        let document = try HTMLArticleReader(selectsMainContent: false).document(from: Data(html.utf8), source: "c1.html")
        #expect(document.blocks.first?.text.hasPrefix("Bin Laden warned Iraq’s Sunni Arabs “not to fight” – and vowed ›31m more") == true)
        #expect(document.title == "Iraq’s tape – a warning")
    }

    @Test func rubyPronunciationIsNotText() throws {
        let html = "<html><body><p><ruby>子<rt>こ</rt></ruby>どもの<ruby>法律<rp>(</rp><rt>ほうりつ</rt><rp>)</rp></ruby>ができました\(Self.sentence)"
        let document = try HTMLArticleReader(selectsMainContent: false).document(from: Data(html.utf8), source: "ruby.html")
        #expect(document.blocks.first?.text.hasPrefix("子どもの法律ができました with enough") == true)
    }

    @Test func zeroWidthCharactersDoNotSplitWords() throws {
        let html = "<html><body><p>Ferry\u{200B}man and cross\u{2060}ing\u{FEFF} again\(Self.sentence)"
        let document = try HTMLArticleReader(selectsMainContent: false).document(from: Data(html.utf8), source: "zw.html")
        #expect(document.blocks.first?.text.hasPrefix("Ferryman and crossing again with enough") == true)
    }

    @Test func labelsOnlyScreenReadersAnnounceAreNotText() throws {
        // "Media caption" is hidden from sight for screen readers; the caption itself is visible.
        let html = """
            <html><body><article><p><span class="off-screen">Media caption</span> <span class="media-caption__text">The ferry at the quay</span>
            and <span class="sr-only">Image copyright</span> plain words after it\(Self.sentence)
            """
        let document = try HTMLArticleReader(selectsMainContent: false).document(from: Data(html.utf8), source: "sr.html")
        #expect(document.blocks.first?.text.hasPrefix("The ferry at the quay and plain words after it") == true)
    }
}

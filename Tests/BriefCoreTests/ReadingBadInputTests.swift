// Bad input never crashes the reader: each file gets a clear reason or is read as well as it can be.
import Foundation
import Testing
@testable import BriefCore

@Suite struct ReadingBadInputTests {
    let reader = TextArticleReader()

    func reason(_ data: Data) -> String? {
        problem(data)?.reason
    }

    func problem(_ data: Data) -> ReadError? {
        do {
            _ = try reader.read(data, source: "bad.txt")
            return nil
        } catch {
            return error
        }
    }

    @Test func emptyFileIsRejected() {
        #expect(reason(Data()) == "empty file")
    }

    @Test func whitespaceOnlyFileIsRejected() {
        #expect(reason(Data(" \n\n\t \r\n".utf8))?.contains("no text") == true)
    }

    @Test func binaryFilesAreRejected() {
        #expect(reason(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]))?.contains("binary") == true)
        #expect(reason(Data("%PDF-1.7\n".utf8) + Data([0, 1, 2, 3]))?.contains("PDF") == true)
        var noise = Data("Title\n".utf8)
        noise.append(contentsOf: (0..<512).map { UInt8(($0 * 37) % 32) })
        #expect(reason(noise)?.contains("binary") == true)
    }

    @Test func theKindOfAProblemTellsEmptyFromBinary() {
        #expect(problem(Data())?.kind == .empty)
        #expect(problem(Data(" \n\t\n".utf8))?.kind == .empty)
        #expect(problem(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]))?.kind == .binary)
        #expect(problem(Data("Title\nBody.\n".utf8)) == nil)
    }

    @Test func byteOrderMarkIsDropped() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("Title\nDec 9, 2023\nBody.\n".utf8)
        let document = try #require(try reader.read(data, source: "bom.txt").first)
        #expect(document.title == "Title")
        #expect(document.date?.description == "2023-12-09")
    }

    @Test func utf16WithByteOrderMarkIsRead() throws {
        var data = Data([0xFF, 0xFE])
        for unit in "Título\n2023-12-09\nCorps du texte.\n".utf16 { data.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let document = try #require(try reader.read(data, source: "utf16.txt").first)
        #expect(document.title == "Título")
        #expect(document.blocks.map(\.text) == ["Corps du texte."])
    }

    @Test func windows1252FileIsDecoded() throws {
        // "Café – “quoted”" in Windows-1252: no valid UTF-8 sequence anywhere.
        let data = Data("Caf".utf8) + Data([0xE9, 0x20, 0x96, 0x20, 0x93]) + Data("quoted".utf8) + Data([0x94, 0x0A]) + Data("Body.\n".utf8)
        let document = try #require(try reader.read(data, source: "cp1252.txt").first)
        #expect(document.title == "Café – “quoted”")
    }

    @Test func damagedUTF8KeepsTheRestAndMarksTheDamage() throws {
        let data = Data("Seoul – ".utf8) + Data([0xFF]) + Data(" 서울\nBody.\n".utf8)
        let document = try #require(try reader.read(data, source: "damaged.txt").first)
        #expect(document.title == "Seoul – \u{FFFD} 서울")
    }

    @Test func crlfLineEndsAreNormalized() throws {
        let data = Data("Title\r\nDec 9, 2023\r\nFirst.\r\nSecond.\r\n".utf8)
        let document = try #require(try reader.read(data, source: "crlf.txt").first)
        #expect(document.title == "Title")
        #expect(document.blocks.map(\.text) == ["First.", "Second."])
        #expect(!document.blocks.contains { $0.text.contains("\r") })
    }

    @Test func controlCharactersAndEscapesNeverReachTheText() throws {
        let data = Data("Ti\u{1B}[31mtle\u{07}\nBody \u{1B}]0;owned\u{07}text\u{08}.\n".utf8)
        let document = try #require(try reader.read(data, source: "escape.txt").first)
        #expect(document.title == "Title")
        #expect(document.blocks.map(\.text) == ["Body text."])
    }

    @Test func anOSCEndedByStringTerminatorOrNeverEndedKeepsTheTextAfterIt() throws {
        let data = Data(("Title\nDec 9, 2023\n"
            + "Ended by ST \u{1B}]0;owned\u{1B}\\here.\n"
            + "A clipboard write \u{1B}]52;c;Y2xpcA== never ended\n"
            + "This paragraph survives.\n"
            + "A device string \u{1B}Pq#0;2;0;0;0\u{1B}\\ and a broken CSI \u{1B}[12\n"
            + "The last paragraph survives too.\n").utf8)
        let document = try #require(try reader.read(data, source: "osc.txt").first)
        let texts = document.blocks.map(\.text)
        #expect(texts.contains("Ended by ST here."))
        #expect(texts.contains("This paragraph survives."))
        #expect(texts.contains("The last paragraph survives too."))
        #expect(texts.contains { $0.hasPrefix("A device string  and a broken CSI") })
        #expect(!texts.joined().unicodeScalars.contains { $0.value < 0x20 })
        #expect(!texts.joined().contains("owned") && !texts.joined().contains("Y2xpcA"))
    }

    @Test func aSingleTenMegabyteLineIsReadWhole() throws {
        let sentence = "Ships crossed the strait again today. "
        let line = String(repeating: sentence, count: 10_000_000 / sentence.utf8.count)
        let document = try #require(try reader.read(Data(line.utf8), source: "huge.txt").first)
        #expect((document.title ?? "").count < 200)
        #expect(document.blocks.count == 1)
        #expect(document.blocks.first?.text.utf8.count == line.trimmingCharacters(in: .whitespaces).utf8.count)
        let article = ArticlePipeline().process(document)
        #expect(article.paragraphs.count == 1)
    }
}

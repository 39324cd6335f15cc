// The gazetteer's word lists as editors leave them: comments, stray spaces and Windows line ends.
import Testing
@testable import BriefCore

struct GazetteerFileTests {
    func canonicalNames(_ text: String, companies: String) -> [String] {
        let gazetteer = Gazetteer(file: { name in name == "companies.txt" ? companies : Gazetteer.bundledFile(name) })
        let recognizer = GazetteerEntityRecognizer(gazetteer: gazetteer, settings: .standard)
        return recognizer.entities(title: nil, paragraphs: [text]).map { "\($0.type.rawValue):\($0.canonical)" }
    }

    @Test func commentsSpacesAndWindowsLineEndsReadAsThePlainList() {
        let text = "Shares of ZQW fell after Zqorbit Widgetco warned on profits."
        let plain = canonicalNames(text, companies: "Zqorbit Widgetco | ZQW\n")
        #expect(plain.filter { $0 == "organization:Zqorbit Widgetco" }.count == 2)
        let edited = canonicalNames(text, companies: "# companies\r\n\r\n  Zqorbit Widgetco |  ZQW \t# the maker\r\n")
        #expect(edited == plain)
    }
}

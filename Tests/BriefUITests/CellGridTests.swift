// Cells and widths: wide graphemes take two cells, controls never pass, widths agree with glibc.
import BriefUI
import Foundation
import Testing

@Suite struct CellGridTests {
    @Test func wideGraphemesTakeTwoCellsAndDoNotOverflow() {
        var grid = CellGrid(size: Size(width: 5, height: 1))
        let used = grid.put("日本語", x: 0, y: 0, maxWidth: 5, role: .normal)
        #expect(used == 4)
        #expect(grid[0, 0].text == "日" && grid[1, 0].isContinuation && grid[2, 0].text == "本")
        #expect(grid.textLines == ["日本 "])
    }

    @Test func overwritingHalfAWideGraphemeBlanksTheOtherHalf() {
        var grid = CellGrid(size: Size(width: 4, height: 1))
        grid.put("日本", x: 0, y: 0, maxWidth: 4, role: .normal)
        grid.put("x", x: 1, y: 0, maxWidth: 1, role: .normal)
        #expect(grid.textLines == [" x本"])
    }

    @Test func controlCharactersBecomeVisiblePlaceholders() {
        #expect(VisibleGrapheme("\u{1B}").text == "␛")
        #expect(VisibleGrapheme("\u{07}").text == "␇")
        #expect(VisibleGrapheme("\u{9B}").text == "\u{FFFD}")
        #expect(VisibleGrapheme("e\u{301}").text == "e\u{301}")
        #expect(VisibleGrapheme("e\u{301}").width == 1)
        // A ZWJ family is cut to its first emoji: glibc and tmux disagree on its width.
        let family = VisibleGrapheme("👨‍👩‍👧")
        #expect(family.text == "👨" && family.width == 2)
    }

    @Test func wrappingBreaksAtSpacesAndBetweenWideCharacters() {
        let text = "Seoul 서울특별시 is the capital"
        let lines = TextWrapper.wrap(text, roles: Array(repeating: .normal, count: text.unicodeScalars.count), width: 10)
        let rendered = lines.map { $0.map(\.grapheme.text).joined() }
        #expect(rendered == ["Seoul 서울", "특별시 is", "the", "capital"])
        for line in lines { #expect(line.reduce(0) { $0 + $1.grapheme.width } <= 10) }
    }

    /// The shipped width table must agree with the wcwidth ncurses calls.
    @Test func widthTableAgreesWithGlibc() throws {
        typealias WidthFunction = @convention(c) (Int32) -> Int32
        let handle = dlopen(nil, RTLD_NOW)
        let symbol = try #require(dlsym(handle, "wcwidth"))
        let wcwidth = unsafeBitCast(symbol, to: WidthFunction.self)
        let previous = String(cString: setlocale(LC_CTYPE, nil))
        try #require(setlocale(LC_CTYPE, "C.UTF-8") != nil)
        defer { setlocale(LC_CTYPE, previous) }
        var mismatches: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = Int(wcwidth(Int32(value)))
            if CellWidth.of(scalar) != expected && mismatches.count < 10 {
                mismatches.append(String(format: "U+%04X: table %d, glibc %d", value, CellWidth.of(scalar), expected))
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }
}

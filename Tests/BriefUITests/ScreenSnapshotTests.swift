// Whole screens at 80×24 and 140×45, as text with their style runs.
import BriefUI
import Testing

@Suite struct ScreenSnapshotTests {
    @Test func listAtBothSizes() {
        for (width, height) in [(140, 45), (80, 24)] {
            let state = FixtureLibrary.state(width: width, height: height)
            Snapshot.assert(ScreenView.render(state).snapshot, named: "list-\(width)x\(height)")
        }
    }

    @Test func readerWithEntityHighlights() {
        for (width, height) in [(140, 45), (80, 24)] {
            let (state, _) = press([.enter, .character("]"), .character("]")], FixtureLibrary.state(width: width, height: height))
            let snapshot = ScreenView.render(state).snapshot
            #expect(snapshot.contains("entity.person"))
            #expect(snapshot.contains("entity.current"))
            Snapshot.assert(snapshot, named: "reader-\(width)x\(height)")
        }
    }

    @Test func removedTextShownInPlace() {
        for (width, height) in [(140, 45), (80, 24)] {
            let (state, _) = press([.enter, .character("r")], FixtureLibrary.state(width: width, height: height))
            let screen = ScreenView.render(state)
            let text = screen.textLines.joined(separator: "\n")
            #expect(text.contains("[removed: promoMarker] Similar topics for you"))
            // In place: after the first paragraph's last words, before the second paragraph.
            let promo = text.range(of: "Similar topics")!.lowerBound
            #expect(text.range(of: "Jake Sullivan.")!.lowerBound < promo)
            #expect(promo < text.range(of: "The meeting took place")!.lowerBound)
            Snapshot.assert(screen.snapshot, named: "removed-\(width)x\(height)")
        }
    }

    @Test func helpOverlay() {
        for (width, height) in [(140, 45), (80, 24)] {
            let (state, _) = press([.character("?")], FixtureLibrary.state(width: width, height: height))
            Snapshot.assert(ScreenView.render(state).snapshot, named: "help-\(width)x\(height)")
        }
    }

    @Test func narrowLayoutTakesTurnsAndOverlaysTheFilterPane() {
        let start = FixtureLibrary.state(width: 80, height: 24)
        let (reader, _) = press([.enter], start)
        let readerText = ScreenView.render(reader).textLines.joined()
        #expect(readerText.contains("Reader") && !readerText.contains("Articles"))
        let (overlay, _) = press([.character("f")], start)
        Snapshot.assert(ScreenView.render(overlay).snapshot, named: "filter-overlay-80x24")
    }

    @Test func koreanAndJapaneseTitlesTakeTwoCellsPerCharacter() {
        let (state, _) = press([.character("j"), .enter], FixtureLibrary.state(width: 80, height: 24))
        let screen = ScreenView.render(state)
        #expect(screen.textLines[1].contains("북한, 정찰위성 추가 발사 예고"))
        let row = screen.textLines[1]
        // 12 wide syllables, 4 spaces and a comma: 29 columns.
        #expect(CellWidth.of("북한, 정찰위성 추가 발사 예고") == 29)
        #expect(row.hasPrefix(" 북한"))
        Snapshot.assert(screen.snapshot, named: "reader-korean-80x24")
        let (list, _) = press([.character("j")], FixtureLibrary.state(width: 140, height: 45))
        Snapshot.assert(ScreenView.render(list).snapshot, named: "list-japanese-selected-140x45")
    }

    @Test func tooSmallTerminalSaysSo() {
        let state = FixtureLibrary.state(width: 39, height: 11)
        let screen = ScreenView.render(state)
        #expect(screen.textLines.joined(separator: "\n").contains("Terminal too small"))
        Snapshot.assert(screen.snapshot, named: "too-small-39x11")
    }

    @Test func controlCharactersInArticlesNeverReachTheGrid() {
        for (width, height) in [(140, 45), (80, 24)] {
            let (state, _) = press([.character("G"), .character("k"), .enter], FixtureLibrary.state(width: width, height: height))
            let screen = ScreenView.render(state)
            for cell in screen.cells {
                #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
            }
            #expect(screen.textLines.joined().contains("␛]0;pwned␇"))
        }
    }
}

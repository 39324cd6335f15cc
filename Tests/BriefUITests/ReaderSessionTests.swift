// The run loop against an in-memory terminal: what each effect does to the marks, the clipboard and the screen, without tmux.
import BriefCore
import BriefUI
import Foundation
import Testing

/// Marks as the session writes them, or a store that fails every write.
final class RecordedMarks: ReadingMarks, @unchecked Sendable {
    // `writes` is guarded by `lock`.
    private let lock = NSLock()
    private var writes: [String] = []
    let failing: Bool

    init(failing: Bool = false) { self.failing = failing }

    var recorded: [String] { lock.withLock { writes } }

    func setRead(_ id: String, _ read: Bool) throws { try record("read \(id) \(read)") }
    func setStarred(_ id: String, _ starred: Bool) throws { try record("star \(id) \(starred)") }

    private func record(_ write: String) throws {
        if failing { throw CocoaError(.fileWriteNoPermission) }
        lock.withLock { writes.append(write) }
    }
}

@MainActor
@Suite struct ReaderSessionTests {
    static let korea = "/news/herald/korea-cyber.txt"
    let themes = ThemeCatalog(userDirectory: nil)

    func session(_ script: [TerminalInput], marks: RecordedMarks? = RecordedMarks(),
                 monochromeOnly: Bool = false) -> (ReaderSession<MemoryTerminal>, MemoryTerminal) {
        let terminal = MemoryTerminal(size: Size(width: 140, height: 45), script: script)
        return (ReaderSession(terminal: terminal, marks: marks, themes: themes, monochromeOnly: monochromeOnly), terminal)
    }

    func keys(_ characters: String) -> [TerminalInput] {
        characters.map { .key(.character($0)) }
    }

    @Test func openingAndStarringAnArticleWritesTheMarksAndQQuits() {
        let marks = RecordedMarks()
        let (session, terminal) = session([.key(.enter)] + keys("sqq"), marks: marks)
        session.run(FixtureLibrary.state(width: 140, height: 45))
        #expect(marks.recorded == ["read \(Self.korea) true", "star \(Self.korea) true"])
        #expect(!terminal.ranOutOfInput, "q from the list quits")
        #expect(terminal.screen.contains("The national security advisers of the United States"))
    }

    @Test func aMarkThatCannotBeSavedIsAnErrorOnTheStatusLine() {
        let (session, terminal) = session([.key(.enter)], marks: RecordedMarks(failing: true))
        session.run(FixtureLibrary.state(width: 140, height: 45))
        // The last frame, drawn before the quit: the reader stays open with the error below it.
        #expect(terminal.screen.contains("could not save reading state"))
        #expect(terminal.screen.contains("The national security advisers"))
    }

    @Test func aResizeRedrawsAtTheNewSize() {
        let terminal = MemoryTerminal(size: Size(width: 140, height: 45),
                                      steps: [.input(.key(.enter)), .resize(Size(width: 80, height: 24)), .input(.key(.character("q")))])
        let session = ReaderSession(terminal: terminal, marks: RecordedMarks(), themes: themes, monochromeOnly: false)
        let final = session.run(FixtureLibrary.state(width: 140, height: 45))
        #expect(final.size == Size(width: 80, height: 24))
        #expect(terminal.frame?.size == Size(width: 80, height: 24))
        // At 80 columns the reader takes the screen on its own; q went back to the list from it.
        #expect(terminal.screen.contains("Articles") && !terminal.screen.contains("Reader"))
    }

    @Test func aSearchThatCannotBeSavedLastsTheSessionAndSaysWhy() {
        var (session, terminal) = session([.key(.character("/"))] + keys("seoul") + [.key(.enter), .key(.character("S"))]
                                          + keys("Seoul") + [.key(.enter)])
        var saved: [SavedSearch] = []
        session.saveSearch = { search in
            saved.append(search)
            return "config.toml is read-only"
        }
        let final = session.run(FixtureLibrary.state(width: 140, height: 45))
        #expect(saved.map(\.name) == ["Seoul"])
        #expect(final.savedSearches.map(\.name) == ["Seoul"])
        #expect(terminal.screen.contains("search kept for this session only: config.toml is read-only"))
        (session, terminal) = self.session([.key(.character("/"))] + keys("seoul") + [.key(.enter), .key(.character("S"))]
                                           + keys("Seoul") + [.key(.enter)])
        session.saveSearch = { _ in nil }
        session.run(FixtureLibrary.state(width: 140, height: 45))
        #expect(terminal.screen.contains("saved search \"Seoul\": seoul"))
    }

    @Test func yCopiesTheLinkAndOShowsItWhereNoBrowserCanOpen() {
        var (session, terminal) = session(keys("y"))
        session.run(FixtureLibrary.state(width: 140, height: 45))
        #expect(terminal.clipboard == [Self.korea])
        #expect(terminal.screen.contains("copied \(Self.korea)"))

        (session, terminal) = self.session(keys("O"))
        session.run(FixtureLibrary.state(width: 140, height: 45))
        #expect(terminal.shownOutside == [Self.korea])
    }

    @Test func withTheClipboardOffYOnlyShowsTheLinkAndOUsesTheBrowser() {
        var (session, terminal) = session(keys("y"))
        session.clipboard = false
        session.run(FixtureLibrary.state(width: 140, height: 45))
        #expect(terminal.clipboard.isEmpty)
        #expect(terminal.screen.contains("clipboard off in config.toml: \(Self.korea)"))

        (session, terminal) = self.session(keys("O"))
        var opened: [String] = []
        session.openLink = { link in
            opened.append(link)
            return nil
        }
        session.run(FixtureLibrary.state(width: 140, height: 45))
        #expect(opened == [Self.korea])
        #expect(terminal.shownOutside.isEmpty)
        #expect(terminal.screen.contains("opened \(Self.korea)"))
    }

    @Test func aFeedReloadReportsThroughTheInboxToTheStatusLine() {
        var (session, terminal) = session([.key(.control("r")), .key(.character("j"))])
        var asked: [String?] = []
        session.reloadFeeds = { articleID, events in
            asked.append(articleID)
            events.post(.message("2 new items from Herald", isError: false))
            return nil
        }
        session.run(FixtureLibrary.state(width: 140, height: 45))
        #expect(asked == [Self.korea])
        // The posted message was drawn before the next key cleared it.
        #expect(terminal.frameCount == 4)
        #expect(terminal.ranOutOfInput)
    }

    @Test func themesSuspendAndRedrawReachTheTerminal() {
        let (session, terminal) = session([.key(.character("t")), .key(.control("z")), .key(.control("l"))])
        let state = session.run(FixtureLibrary.state(width: 140, height: 45))
        #expect(state.themeName == "light")
        #expect(terminal.theme?.name == "light")
        #expect(terminal.suspensions == 1 && terminal.redraws == 1)

        let (mono, monoTerminal) = self.session([.key(.character("t"))], monochromeOnly: true)
        mono.run(FixtureLibrary.state(width: 140, height: 45))
        #expect(monoTerminal.theme?.name == "monochrome")
        #expect(monoTerminal.screen.contains("no colors here: theme light shown as monochrome"))
    }
}

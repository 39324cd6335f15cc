// The real `brief` in tmux: what a user sees and types, and the terminal it leaves behind.
import Foundation
import Testing

@Suite(.serialized)
struct ReaderEndToEndTests {
    @Test func startsOnTheSampleLibraryAndQuitsToARestoredShell() throws {
        let tmux = try TmuxSession()
        try tmux.run(BriefExecutable.command())
        // The list fills while the sample library is read; under load the count comes seconds after the panes.
        let screen = try tmux.waitFor("\(SampleFiles.count) articles", timeout: 60)
        #expect(screen.contains("US, South Korea and Japan to step up their"))
        #expect(screen.contains("Filter") && screen.contains("Articles") && screen.contains("Reader"))
        // The list uses the theme's styles: a 256-color escape must be in the capture.
        #expect(try tmux.screen(styles: true).contains("\u{1B}[38;5;"))
        #expect(try tmux.alternateScreen())
        try tmux.press("q")
        try tmux.expectShellRestored()
    }

    @Test func opensTheSeedArticleAndShowsItsBody() throws {
        let tmux = try TmuxSession()
        try tmux.run(BriefExecutable.command([SampleFiles.seed.path]))
        try tmux.waitFor("Articles")
        try tmux.press("Enter")
        let screen = try tmux.waitFor("The national security advisers")
        #expect(screen.contains("The national security advisers of the United States"))
        #expect(screen.contains("2023-12-09") || screen.contains("Dec 9, 2023"))
        try tmux.press("q", "q")
        try tmux.expectShellRestored()
    }

    @Test func hidesPromoLinesAndShowsThemInPlaceOnR() throws {
        let tmux = try TmuxSession()
        try tmux.run(BriefExecutable.command([SampleFiles.seed.path]))
        try tmux.waitFor("Articles")
        try tmux.press("Enter")
        let body = try tmux.waitFor("The national security advisers")
        #expect(!body.contains("Similar topics for you"))
        #expect(!body.contains("Krabby Patty"))
        try tmux.press("r")
        let shown = try tmux.waitFor("Similar topics for you")
        #expect(shown.contains("[removed: "))
        #expect(shown.contains("removed shown"))
        // Dimmed or otherwise styled apart from the body.
        let styled = try tmux.screen(styles: true)
        #expect(styled.contains("[removed: "))
        try tmux.press("q", "q")
        try tmux.expectShellRestored()
    }

    @Test func typingAFilterNarrowsTheList() throws {
        let tmux = try TmuxSession()
        let library = try tmux.fixtureLibrary()
        try tmux.run(BriefExecutable.command([library.path]))
        // A directory opens through the cache: the first time, the background refresh fills it.
        try tmux.waitFor("library refreshed, files 3 added")
        try tmux.press("Escape")
        try tmux.waitFor("3 articles")
        try tmux.press("/")
        try tmux.type("seoul")
        let filtered = try tmux.waitForSettledScreen(containing: "1/3")
        #expect(filtered.contains("Seoul hosts talks"))
        #expect(!filtered.contains("Storm floods coastal towns"))
        try tmux.press("Enter")
        let accepted = try tmux.waitFor("filter: seoul")
        #expect(accepted.contains("1 of 3 articles"))
        try tmux.press("Escape", "q")
        try tmux.expectShellRestored()
    }

    @Test func togglingATopicChangesTheListAndCounts() throws {
        let tmux = try TmuxSession()
        let library = try tmux.fixtureLibrary()
        try tmux.run(BriefExecutable.command([library.path]))
        try tmux.waitFor("library refreshed, files 3 added")
        try tmux.press("Escape")
        let before = try tmux.waitFor("3 articles")
        try tmux.press("BTab", "Space")
        let after = try tmux.waitUntil(what: "the list to shrink") { $0.contains("1 of 3 articles") && $0.contains("[x]") }
        #expect(after.contains("[x]"))
        #expect(before != after)
        try tmux.press("q", "q")
        try tmux.expectShellRestored()
    }

    @Test func resizeRewrapsTheOpenArticleAndKeepsThePlace() throws {
        let tmux = try TmuxSession(width: 140, height: 45)
        try tmux.run(BriefExecutable.command([SampleFiles.seed.path]))
        try tmux.waitFor("Articles")
        try tmux.press("Enter")
        let body = "The national security advisers"
        // Whole frames only: a capture taken while curses is still writing may lack the body.
        let wide = try tmux.waitForSettledScreen(containing: body)
        try tmux.resize(width: 80, height: 24)
        let narrow = try tmux.waitForSettledScreen(what: "the 80-column layout") {
            !$0.contains("Filter") && $0.contains("Reader") && $0.contains(body)
        }
        // Wrapped anew: the line holding the first body words is not the same line as at 140 columns.
        let wideLine = wide.split(separator: "\n").first { $0.contains(body) }.map(String.init) ?? ""
        let narrowLine = narrow.split(separator: "\n").first { $0.contains(body) }.map(String.init) ?? ""
        #expect(!narrowLine.isEmpty && !wideLine.hasSuffix(narrowLine))
        #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 80 })
        try tmux.resize(width: 140, height: 45)
        let back = try tmux.waitForSettledScreen(what: "the wide layout again") { $0.contains("Filter") && $0.contains(body) }
        let backLine = back.split(separator: "\n").first { $0.contains(body) }.map(String.init)
        #expect(backLine == wideLine)
        try tmux.press("q", "q")
        try tmux.expectShellRestored()
    }

    @Test func opensTheConfiguredLibraryThroughItsCache() throws {
        let tmux = try TmuxSession()
        let library = try tmux.fixtureLibrary()
        try tmux.configureLibrary(library)
        try tmux.run(BriefExecutable.command())
        // A first start indexes in the background, then lists what it found.
        let screen = try tmux.waitFor("library refreshed, files 3 added")
        #expect(screen.contains("Seoul hosts talks") && screen.contains("Storm floods coastal towns"))
        try tmux.press("Escape")
        try tmux.waitFor("3 articles · 3 unread")
        #expect(FileManager.default.fileExists(atPath: tmux.home.appendingPathComponent("cache/brief/library.sqlite").path))
        // Filtering is answered by the cache.
        try tmux.press("/")
        try tmux.type("seoul")
        let filtered = try tmux.waitForSettledScreen(containing: "1/3")
        #expect(filtered.contains("Seoul hosts talks") && !filtered.contains("Storm floods coastal towns"))
        try tmux.press("Escape", "q")
        try tmux.expectShellRestored()
    }

    @Test func aDirectoryIndexedBeforeOpensFromTheCacheWithoutReadingItsFiles() throws {
        let tmux = try TmuxSession()
        let library = try tmux.fixtureLibrary()
        let other = tmux.home.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try FixtureFiles.extra.write(to: other.appendingPathComponent("wildfire.txt"), atomically: true, encoding: .utf8)
        // A whole second, which a Date carries exactly: restoring a time read back with its
        // nanoseconds may land a few nanoseconds off, and the reader rightly reads such a file again.
        let seoul = library.appendingPathComponent("article-2.txt")
        let modified = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - 60).rounded(.down))
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: seoul.path)
        try tmux.run(BriefExecutable.command(["index", library.path, other.path]))
        try tmux.waitFor("4 articles in")
        // The same size and time with other words: a reader that read the file would show them.
        let text = try String(contentsOf: seoul, encoding: .utf8)
        try text.replacingOccurrences(of: "Seoul hosts talks", with: "Xyzzy hosts talks").write(to: seoul, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: seoul.path)
        try tmux.run(BriefExecutable.command([library.path]))
        // Only the directory asked for, although the cache holds the other one too.
        let screen = try tmux.waitFor("3 articles")
        #expect(screen.contains("Seoul hosts talks") && !screen.contains("Xyzzy hosts talks"))
        #expect(!screen.contains("Wildfire forces evacuations"))
        try tmux.press("q")
        try tmux.expectShellRestored()
    }

    @Test func aDirectoryOpenedForTheFirstTimeFillsTheListFromTheCache() throws {
        let tmux = try TmuxSession()
        let library = try tmux.fixtureLibrary()
        try tmux.run(BriefExecutable.command([library.path]))
        let screen = try tmux.waitFor("library refreshed, files 3 added")
        #expect(screen.contains("Seoul hosts talks") && screen.contains("Storm floods coastal towns"))
        try tmux.press("q")
        try tmux.expectShellRestored()
        // The directory became a library root: `brief index` with no path refreshes it.
        try tmux.run(BriefExecutable.command(["index"]))
        try tmux.waitFor("unchanged 3, bad 0")
    }

    @Test func aFileAddedToTheLibraryAppearsAfterTheBackgroundRefresh() throws {
        let tmux = try TmuxSession()
        let library = try tmux.fixtureLibrary()
        try tmux.configureLibrary(library)
        try tmux.run(BriefExecutable.command())
        try tmux.waitFor("library refreshed, files 3 added")
        try tmux.press("q")
        try tmux.expectShellRestored()
        try FixtureFiles.extra.write(to: library.appendingPathComponent("article-new.txt"), atomically: true, encoding: .utf8)
        try tmux.run(BriefExecutable.command())
        let refreshed = try tmux.waitFor("library refreshed, file 1 added")
        #expect(refreshed.contains("Wildfire forces evacuations"))
        try tmux.press("Escape")
        try tmux.waitFor("4 articles")
        try tmux.press("q")
        try tmux.expectShellRestored()
    }

    @Test func storedFeedItemsJoinTheCachedLibrary() throws {
        let tmux = try TmuxSession()
        let library = try tmux.fixtureLibrary()
        try tmux.configureLibrary(library)
        // What `brief fetch` leaves in $XDG_DATA_HOME/brief/feeds/.
        let feeds = tmux.home.appendingPathComponent("data/brief/feeds")
        try FileManager.default.createDirectory(at: feeds, withIntermediateDirectories: true)
        try FixtureFiles.storedFeed.write(to: feeds.appendingPathComponent("example.org-1.json"), atomically: true, encoding: .utf8)
        try tmux.run(BriefExecutable.command())
        let screen = try tmux.waitFor("library refreshed, files 4 added")
        #expect(screen.contains("Harbour reopens after dredging"))
        try tmux.press("Escape")
        try tmux.waitFor("4 articles")
        try tmux.press("q")
        try tmux.expectShellRestored()
    }

    @Test func capitalRReloadsTheFeedsAndTheirItemsJoinTheList() throws {
        let tmux = try TmuxSession()
        let library = try tmux.fixtureLibrary()
        // A feed read from a local file (the fetcher takes paths for offline feeds).
        let feed = tmux.home.appendingPathComponent("port-news.xml")
        try FixtureFiles.rss(items: 1).write(to: feed, atomically: true, encoding: .utf8)
        try tmux.configureLibrary(library, more: "[[feeds]]\nurl = \"\(feed.path)\"\n")
        try tmux.run(BriefExecutable.command())
        try tmux.waitFor("library refreshed, files 3 added")
        try tmux.press("R")
        let fetched = try tmux.waitFor("feeds: 1 new item")
        #expect(fetched.contains("Port item number 1"))
        try tmux.press("Escape")
        try tmux.waitFor("4 articles")
        // The feed grew: Ctrl-R on its item reloads just that feed.
        try FixtureFiles.rss(items: 2).write(to: feed, atomically: true, encoding: .utf8)
        try tmux.press("g", "C-r")
        let again = try tmux.waitFor("feeds: 1 new item")
        #expect(again.contains("Port item number 2"))
        try tmux.press("Escape")
        try tmux.waitFor("5 articles")
        try tmux.press("q")
        try tmux.expectShellRestored()
    }

    /// After a resize the screen is exactly what a fresh start at the new size shows: nothing
    /// of the old frame survives where the terminal reflowed or cropped it.
    @Test func aResizeLeavesNoStaleCells() throws {
        let resized = try TmuxSession(width: 140, height: 45)
        try resized.type(BriefExecutable.command())
        try resized.press("Enter")
        try resized.waitForSettledScreen(containing: "q quit")
        try resized.resize(width: 100, height: 30)
        let fresh = try TmuxSession(width: 100, height: 30)
        try fresh.type(BriefExecutable.command())
        try fresh.press("Enter")
        // The status line is drawn last; a screen that has it and holds still is a whole frame.
        let expected = try fresh.waitForSettledScreen(containing: "q quit")
        let after = try resized.waitUntil(what: "the same screen as a fresh start at 100x30") { $0 == expected }
        #expect(after == expected)
        try resized.press("q")
        try resized.expectShellRestored()
    }

    /// Killed, hung up on, or crashed: the shell gets its screen and its modes back.
    @Test(arguments: [SIGTERM, SIGHUP, SIGSEGV])
    func aSignalThatEndsTheReaderRestoresTheTerminal(signal: Int32) throws {
        let tmux = try TmuxSession()
        // A crash signal dumps core where core dumps are on: not into the working copy.
        try tmux.run("ulimit -c 0; " + BriefExecutable.command())
        try tmux.waitFor("Articles")
        #expect(try tmux.alternateScreen())
        let pid = try #require(try tmux.briefPID())
        kill(pid, signal)
        try tmux.expectShellRestored()
    }

    @Test func ctrlZSuspendsToTheShellAndFgResumesWhereItWas() throws {
        let tmux = try TmuxSession()
        try tmux.run(BriefExecutable.command())
        try tmux.waitFor("Articles")
        try tmux.press("j", "Enter")
        // The title wraps in the reader; its second line is only there, not in the list.
        try tmux.waitFor("of the moon (嫦娥六号")
        try tmux.press("C-z")
        let stopped = try tmux.waitFor("Stopped")
        #expect(try !tmux.alternateScreen(), "the shell's screen is back while Brief is stopped")
        #expect(!stopped.contains("Filter"))
        try tmux.run("fg")
        // The same article is still open after resuming.
        let resumed = try tmux.waitFor("of the moon (嫦娥六号")
        #expect(try tmux.alternateScreen())
        #expect(resumed.contains("Articles") && !resumed.contains("Stopped"))
        try tmux.press("q", "q")
        try tmux.expectShellRestored()
    }

    /// Opening an article in the reader marks it read for good: `brief list --filter unread`
    /// in the same shell (same data directory) no longer lists it.
    @Test func anArticleOpenedInTheReaderIsNoLongerUnreadForTheCLI() throws {
        let tmux = try TmuxSession()
        let library = try tmux.fixtureLibrary()
        try tmux.run(BriefExecutable.command(["list", "--filter", "unread", library.path]) + " | wc -l | sed 's/^/unread-before=/'")
        try tmux.waitFor("unread-before=\(FixtureFiles.texts.count)")
        try tmux.run(BriefExecutable.command([library.path]))
        try tmux.waitFor("library refreshed, files 3 added")
        // Newest first: the central bank article is at the top; open it, then quit.
        try tmux.press("Enter")
        try tmux.waitFor("benchmark interest rate")
        try tmux.press("q", "q")
        try tmux.expectShellRestored()
        try tmux.run("clear; " + BriefExecutable.command(["list", "--filter", "unread", library.path]) + "; echo listed-$((1+1))")
        let screen = try tmux.waitFor("listed-2\n")
        #expect(screen.contains("Storm floods") && screen.contains("Seoul hosts talks"))
        #expect(!screen.contains("Central bank raises"))
    }

    /// vt100 has no colors and no alternate screen: reverse video marks the selection, and
    /// quitting clears the screen instead of leaving the last frame under the prompt.
    @Test func aVT100GetsAttributesOnlyAndAClearScreenAtQuit() throws {
        let tmux = try TmuxSession()
        try tmux.run("TERM=vt100 " + BriefExecutable.command() + "; echo status=$?")
        let screen = try tmux.waitFor("Articles")
        #expect(!screen.contains("theme"), "no notice about the default theme on a terminal without colors")
        let styled = try tmux.screen(styles: true)
        #expect(styled.contains(/\e\[(?:[0-9]+;)*7m/), "the selection is shown in reverse video")
        // Only the default colors (39, 49) may be named: no palette, 8-color or 256-color codes.
        #expect(!styled.contains(/\e\[(?:[0-9]+;)*(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]/), "no colors")
        try tmux.press("q")
        let after = try tmux.waitUntil(what: "the exit status") { $0.split(separator: "\n").contains { $0.hasPrefix("status=") } }
        #expect(after.contains("status=0"))
        #expect(!after.contains("Articles") && !after.contains("? help"), "the last frame is cleared")
    }

    @Test func aDumbTerminalGetsAMessageAndExitStatus1() throws {
        let tmux = try TmuxSession()
        try tmux.run("TERM=dumb " + BriefExecutable.command() + "; echo status=$?")
        let screen = try tmux.waitUntil(what: "the exit status") { $0.split(separator: "\n").contains { $0.hasPrefix("status=") } }
        #expect(screen.contains("status=1"))
        #expect(screen.contains("cannot move the cursor"))
    }
}

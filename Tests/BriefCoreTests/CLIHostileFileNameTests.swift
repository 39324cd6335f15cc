// File names are data too: the real `brief` never writes the escape sequences a name holds.
import Foundation
import Testing

@Suite("brief CLI with hostile file names")
struct CLIHostileFileNameTests {
    let cli = CLICommandTests()
    /// Sets the window title, rings the bell and clears the screen when printed raw.
    static let hostileName = "\u{1B}]0;owned\u{07}\u{1B}[2J\u{1B}]52;c;Y2xpcA==\u{1B}\\news"

    /// A directory holding one good article and one empty file, both named with escape sequences.
    func hostileLibrary() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brief-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("Harbour festival draws crowds\n2024-03-02\nThousands came to the harbour festival in Busan.\n".utf8)
            .write(to: directory.appendingPathComponent(Self.hostileName + ".txt"))
        try Data().write(to: directory.appendingPathComponent(Self.hostileName + "-empty.txt"))
        return directory
    }

    func expectNoEscape(_ run: CLICommandTests.Run, _ command: String) {
        #expect(!run.stdout.unicodeScalars.contains("\u{1B}"), "ESC on stdout of \(command)")
        #expect(!run.stderr.unicodeScalars.contains("\u{1B}"), "ESC on stderr of \(command)")
        #expect(!run.stderr.unicodeScalars.contains("\u{07}"), "BEL on stderr of \(command)")
    }

    @Test func indexNamesBadFilesWithoutTheirEscapeSequences() throws {
        let library = try hostileLibrary()
        defer { try? FileManager.default.removeItem(at: library) }
        let cache = library.appendingPathComponent(".cache.sqlite").path
        let state = library.appendingPathComponent(".state.sqlite").path
        let run = try cli.brief(["index", "--cache-file", cache, "--state-file", state, library.path])
        #expect(run.status == 1, "the empty file is bad: \(run.stderr)")
        #expect(run.stderr.contains("\u{241B}]0;owned\u{2407}\u{241B}[2J"), "the name shown with ␛ and ␇: \(run.stderr)")
        #expect(run.stdout.contains("added 1"))
        expectNoEscape(run, "index")
    }

    @Test func showAndListNameBadFilesWithoutTheirEscapeSequences() throws {
        let library = try hostileLibrary()
        defer { try? FileManager.default.removeItem(at: library) }
        for command in [["show"], ["list"], ["show", "--json"], ["topics"]] {
            let run = try cli.brief(command + [library.path])
            #expect(run.status == 1, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("-empty.txt"))
            expectNoEscape(run, command.joined(separator: " "))
        }
        let missing = try cli.brief(["show", library.appendingPathComponent(Self.hostileName + "-missing").path])
        #expect(missing.stderr.contains("no such file"))
        expectNoEscape(missing, "show missing")
    }

    @Test func usageErrorsQuoteTypedTextWithoutEscapeSequences() throws {
        let run = try cli.brief(["list", "--" + Self.hostileName])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\u{241B}[2J"), "\(run.stderr)")
        expectNoEscape(run, "list --unknown")
    }

    @Test func fileNamesThatAreNotUTF8AreReadAndNamedWithEscapes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brief-latin1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // The shell writes the names byte for byte: Foundation has no way to.
        let script = """
            cd "$1" && printf 'Harbour festival draws crowds\\n2024-03-02\\nThousands came to the harbour.\\n' > "$(printf 'caf\\351.txt')" \
              && : > "$(printf 'bad\\377.txt')"
            """
        let setup = Process()
        setup.executableURL = URL(fileURLWithPath: "/bin/sh")
        setup.arguments = ["-c", script, "sh", directory.path]
        try setup.run()
        setup.waitUntilExit()
        #expect(setup.terminationStatus == 0)
        let list = try cli.brief(["list", directory.path])
        #expect(list.status == 1, "the empty file is bad")
        #expect(list.stdout.contains(directory.path + "/caf\\xE9.txt"), "\(list.stdout)")
        #expect(list.stderr.contains(directory.path + "/bad\\xFF.txt: "), "\(list.stderr)")
        #expect(!list.stderr.contains("dangling"))
        // The name as messages show it opens the file too.
        let show = try cli.brief(["show", directory.path + "/caf\\xE9.txt"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Harbour festival"))
        // And so does the name as its raw bytes, as a shell passes it.
        let raw = Process()
        raw.executableURL = URL(fileURLWithPath: "/bin/sh")
        raw.arguments = ["-c", "exec \"$2\" show \"$1/$(printf 'caf\\351.txt')\"", "sh", directory.path,
                         try #require(CLICommandTests.binary)]
        let output = Pipe()
        raw.standardOutput = output
        raw.standardError = FileHandle.nullDevice
        try raw.run()
        let shown = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        raw.waitUntilExit()
        #expect(raw.terminationStatus == 0)
        #expect(shown.contains("Harbour festival"))
    }
}

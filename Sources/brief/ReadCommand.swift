// `brief [PATH…]`: the interactive reader (the default subcommand).
import ArgumentParser
import BriefCore
import BriefStore
import BriefTerminal
import BriefUI
import Foundation

struct ReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read articles in the terminal (the default command).",
        discussion: """
            With no path, opens the library configured in $XDG_CONFIG_HOME/brief/config.toml \
            (library = [...]), or else the bundled sample library. Press ? inside for the keys.
            """)

    @Argument(help: "Article files or directories to read.")
    var paths: [String] = []

    @Option(help: "Theme name: dark, light, monochrome, high-contrast, solarized-dark, or one of yours.")
    var theme: String?

    @Flag(help: "Attributes only, no colors (also when NO_COLOR is set).")
    var noColor = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let directories = BriefDirectories(environment: environment)
        let config = ReaderConfig(file: directories.configFile)
        // No path: the configured library and the stored feeds, or else the bundled samples.
        var loaded = ReaderLibraryLoader.load(paths: paths.isEmpty ? config.library : paths,
                                              includingFeeds: paths.isEmpty, directories: directories)
        if paths.isEmpty, config.library.isEmpty, loaded.articles.isEmpty, let sample = SampleLibrary.path {
            loaded = ReaderLibraryLoader.load(paths: [sample], includingFeeds: false, directories: directories)
        }

        var bindings = KeyBindings.defaults
        var problems = config.problems + bindings.rebind(config.keys)
        let store: StateStore?
        do {
            try FileManager.default.createDirectory(at: directories.data, withIntermediateDirectories: true)
            store = try StateStore(path: directories.data.appendingPathComponent("state.sqlite").path)
        } catch {
            store = nil
            problems.append("reading state not saved: \(error)")
        }
        let flags = (try? store?.allFlags()) ?? [:]

        let noColorEnvironment = !(environment["NO_COLOR"] ?? "").isEmpty
        let catalog = ThemeCatalog(userDirectory: directories.config.appendingPathComponent("themes"))
        let themeName = theme ?? config.theme ?? ThemeCatalog.defaultName
        try await runTerminal(loaded: loaded, flags: flags, store: store, bindings: bindings, catalog: catalog,
                              themeName: themeName, useColor: !(noColor || noColorEnvironment),
                              problems: problems + loaded.problems, environment: environment)
    }

    @MainActor
    private func runTerminal(loaded: LoadedLibrary, flags: [String: ArticleFlags], store: StateStore?,
                             bindings: KeyBindings, catalog: ThemeCatalog, themeName: String, useColor: Bool,
                             problems: [String], environment: [String: String]) throws {
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal.open(useColor: useColor, environment: environment)
        } catch {
            FileHandle.standardError.write(Data("brief: \(error)\n".utf8))
            throw ExitCode(1)
        }
        defer { terminal.close() }
        var state = AppState(library: Library(articles: loaded.articles, flags: flags), size: terminal.size,
                             themeNames: catalog.names, themeName: themeName, bindings: bindings)
        if !terminal.isUTF8 { state.notice = "no UTF-8 locale: ASCII only" }
        if let first = problems.first {
            let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
            state.message = StatusMessage(text: first + more, isError: true)
        }
        ReaderSession(terminal: terminal, store: store, themes: catalog, monochromeOnly: terminal.colors < 8)
            .run(state)
    }
}

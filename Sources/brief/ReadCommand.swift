// `brief [PATH…]`: the interactive reader (the default subcommand).
import ArgumentParser
import BriefConfig
import BriefCore
import BriefFeeds
import BriefReaderStore
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
            (library = [...]) through its cache, refreshed in the background, or else the bundled \
            sample library. Directories given open through the library cache, limited to them (they \
            become library roots: the list fills as the background refresh indexes them, and after \
            `brief index DIR` they open at once); paths that include a single file are read into \
            memory. --cache-file (or cache = "…" in \
            config.toml) opens a cache that another account keeps up to date, read-only. Press ? \
            inside for the keys.
            """)

    @Argument(help: "Article files or directories to read.")
    var paths: [String] = []

    @Option(help: "Theme name: dark, light, monochrome, high-contrast, solarized-dark, or one of yours.")
    var theme: String?

    @Flag(help: "Attributes only, no colors (also when NO_COLOR is set).")
    var noColor = false

    @Option(name: .customLong("cache-file"),
            help: "A shared cache kept by another account's `brief index --cache-file`, opened read-only.")
    var cacheFile: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let directories = BriefDirectories(environment: environment)
        let config = ReaderConfig(file: directories.configFile)
        let library: ReaderLibrary
        let libraryProblems: [String]
        do {
            (library, libraryProblems) = try ReaderLibrary.open(paths: paths, sharedCache: cacheFile, config: config, directories: directories)
        } catch {
            StandardStreams.message("\(error)")
            throw ExitCode(1)
        }

        var bindings = KeyBindings.defaults
        var problems = config.problems + bindings.rebind(config.keys) + libraryProblems
        let store: StateStore?
        let flags: [String: ArticleFlags]
        switch library {
        case .cached(let cache, _, _), .shared(let cache):
            // The cache reads marks from its own state database: no need to load them all.
            store = cache.state
            flags = [:]
        case .inMemory(let loaded):
            problems += loaded.problems
            do {
                try FileManager.default.createDirectory(at: directories.data, withIntermediateDirectories: true)
                store = try StateStore(path: directories.data.appendingPathComponent("state.sqlite").path)
            } catch {
                store = nil
                problems.append("reading state not saved: \(error)")
            }
            flags = (try? store?.allFlags()) ?? [:]
        }

        let noColorEnvironment = !(environment["NO_COLOR"] ?? "").isEmpty
        let catalog = ThemeCatalog(userDirectory: directories.config.appendingPathComponent("themes"))
        let themeName = theme ?? config.theme ?? ThemeCatalog.defaultName
        try await runTerminal(library: library, flags: flags, store: store, bindings: bindings, catalog: catalog,
                              themeName: themeName, useColor: !(noColor || noColorEnvironment),
                              problems: problems, environment: environment, config: config)
    }

    @MainActor
    private func runTerminal(library: ReaderLibrary, flags: [String: ArticleFlags], store: StateStore?,
                             bindings: KeyBindings, catalog: ThemeCatalog, themeName: String, useColor: Bool,
                             problems: [String], environment: [String: String], config: ReaderConfig) throws {
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal.open(useColor: useColor, environment: environment)
        } catch {
            StandardStreams.message("\(error)")
            throw ExitCode(1)
        }
        defer { terminal.close() }
        if config.mouse { terminal.enableMouse(true) }
        terminal.hyperlinks = config.hyperlinks && NcursesTerminal.takesHyperlinks(environment: environment)
        let wiring = LibraryWiring(library, stories: config.stories)
        var state = AppState(source: wiring.source, flags: flags, size: terminal.size, themeNames: catalog.names,
                             themeName: themeName, bindings: bindings, savedSearches: config.searches)
        if !terminal.isUTF8 { state.notice = "no UTF-8 locale: ASCII only" }
        if let first = problems.first {
            let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
            state.message = StatusMessage(text: first + more, isError: true)
        }
        let marks: (any ReadingMarks)? = if let store { StoreReadingMarks(store) } else { nil }
        var session = ReaderSession(terminal: terminal, marks: marks, themes: catalog, monochromeOnly: terminal.colors < 8)
        connect(&session, feeds: wiring.feeds, environment: environment, config: config)
        session.run(state, afterFirstFrame: wiring.background)
        // Quitting does not wait for a refresh or fetch under way: the cache commits in batches
        // (a cut batch is redone next time) and fetched feeds are saved atomically.
        if BackgroundRefresh.running.value > 0 {
            terminal.close()
            Foundation.exit(0)
        }
    }

    /// What the session does outside itself: copy, save a search to config.toml, reload feeds, open links.
    @MainActor
    private func connect(_ session: inout ReaderSession<NcursesTerminal>, feeds: FeedReload.Library,
                         environment: [String: String], config: ReaderConfig) {
        session.clipboard = config.clipboard
        let directories = BriefDirectories(environment: environment)
        let configFile = directories.configFile
        session.saveSearch = { search in
            guard config.canAppendSearches else { return "searches in \(configFile.path) is not a list of [[searches]] tables" }
            do throws(ReadError) {
                try ConfigAppender.append([search.configTable], to: configFile)
                return nil
            } catch {
                return error.description
            }
        }
        let reload = FeedReload(directories: directories, library: feeds)
        session.reloadFeeds = { articleID, events in reload.start(articleID: articleID, inbox: events) }
        let links = LinkOpener(environment: environment)
        session.openLink = links.command == nil ? nil : { link in links.open(link) }
    }
}

/// The reader's article source for a library, the work that runs beside the reader once the first
/// frame is up (a refresh of the cache, a watch on a shared one), and what a feed reload updates.
private struct LibraryWiring {
    let source: any ArticleSource
    var background: (@Sendable (any EventPoster) -> Void)?
    let feeds: FeedReload.Library

    @MainActor
    init(_ library: ReaderLibrary, stories: StorySettings) {
        switch library {
        case .cached(let cache, let roots, let parse):
            let cached = StoreArticleSource(store: cache, groupStories: stories.group)
            source = cached
            background = { inbox in
                BackgroundRefresh.start(store: cache, source: cached, roots: roots, parse: parse, inbox: inbox)
            }
            feeds = .cached(cache, cached, parse: parse)
        case .shared(let cache):
            let shared = StoreArticleSource(store: cache, groupStories: stories.group)
            source = shared
            background = { inbox in SharedCacheWatch.start(store: cache, source: shared, inbox: inbox) }
            feeds = .none
        case .inMemory(let loaded):
            let memory = InMemorySource(library: Library(articles: loaded.articles), stories: stories)
            source = memory
            background = nil
            feeds = loaded.includesFeeds
                ? .inMemory(memory, others: Array(loaded.articles.prefix(loaded.fileArticleCount)), pipeline: loaded.pipeline)
                : .none
        }
    }
}

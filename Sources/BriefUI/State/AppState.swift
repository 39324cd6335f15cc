// Everything the reader shows, as one value the reducer transforms.
import BriefCore

/// The panes that can have the keyboard focus.
package enum Pane: String, Sendable, Hashable, CaseIterable {
    case filter, list, reader
}

/// Text being typed on the status line.
package struct Prompt: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        /// `/` in the list: the filter applies at every keystroke.
        case filter
        /// `:`: a full query, applied on Enter.
        case query
        /// `/` in the reader: search inside the article.
        case search
        /// `S`: the name to save the current filter under.
        case saveSearch
    }
    package var kind: Kind
    package var text: String
    /// What to restore on Esc.
    package var original: String

    package var symbol: String {
        switch kind {
        case .filter, .search: "/"
        case .query: ":"
        case .saveSearch: "save search as: "
        }
    }
}

/// A line of feedback on the status line.
package struct StatusMessage: Sendable, Hashable {
    package var text: String
    package var isError: Bool

    package init(text: String, isError: Bool) {
        self.text = text
        self.isError = isError
    }
}

/// The open article.
package struct ReaderState: Sendable, Hashable {
    /// Library id of the article.
    package var id: String
    /// The article with its body, loaded from the source when opened.
    package private(set) var article: Article
    /// Its entities and removed blocks by paragraph, worked out once on opening.
    package private(set) var outline: ReaderOutline
    /// Where it came from, as the list shows it.
    package var source: String
    /// The line at the top of the pane, kept as block + line so a resize keeps it.
    package var anchor: ReaderAnchor = .top
    package var search: String = ""
    /// Index into the document's `entityOrder`.
    package var currentEntity: Int?
    /// Every version of the article's story, the best first (empty when it has no other).
    package var versions: [String] = []

    package init(article: Article, source: String) {
        id = article.id
        self.article = article
        outline = ReaderOutline(article: article)
        self.source = source
    }
}

package struct AppState: Sendable {
    package var size: Size
    /// Where articles, facets and bodies come from.
    package let source: any ArticleSource
    /// Read/starred marks set in this session (and, for in-memory libraries, those loaded at
    /// start): they win over what the source's rows say.
    package var flags: [String: ArticleFlags]
    package var filter = FilterState()
    package var results = ResultSet()
    /// Position in the result of the selected article.
    package var selection = 0
    package var listTop = 0
    package var focus: Pane = .list
    /// Row of the filter pane's item cursor, and its scroll.
    package var filterCursor = 0
    package var filterTop = 0
    package var reader: ReaderState?
    package var showRemoved = false
    package var emphasizeTopicTerms = false
    package var prompt: Prompt?
    /// The help overlay's scroll offset, or nil when it is closed.
    package var helpTop: Int?
    package var message: StatusMessage?
    /// A standing notice from the terminal (e.g. no UTF-8 locale).
    package var notice: String?
    /// Background work in progress (indexing, fetching), shown on the status line.
    package var activity: String?
    package var themeNames: [String]
    package var themeName: String
    package var bindings: KeyBindings
    /// The `[[searches]]` of config.toml and those saved with `S` in this session, in that order.
    package var savedSearches: [SavedSearch]

    package init(source: any ArticleSource, flags: [String: ArticleFlags] = [:], size: Size,
                 themeNames: [String] = ["dark"], themeName: String = "dark", bindings: KeyBindings = .defaults,
                 savedSearches: [SavedSearch] = []) {
        self.source = source
        self.savedSearches = savedSearches
        self.flags = flags
        self.size = size
        self.themeNames = themeNames
        self.themeName = themeName
        self.bindings = bindings
        refreshResults()
        normalize()
    }

    /// A library held in memory; its flags become the session's.
    package init(library: Library, size: Size, themeNames: [String] = ["dark"], themeName: String = "dark",
                 bindings: KeyBindings = .defaults, savedSearches: [SavedSearch] = []) {
        self.init(source: InMemorySource(library: library), flags: library.flags, size: size, themeNames: themeNames,
                  themeName: themeName, bindings: bindings, savedSearches: savedSearches)
    }

    /// The flags to show for a row: this session's marks, else the source's.
    package func flags(of row: ArticleRow) -> ArticleFlags {
        flags[row.id] ?? row.flags
    }

    /// The row at a result position: from the fetched page, else asked of the source.
    package func row(at position: Int) -> ArticleRow? {
        guard position >= 0, position < results.count else { return nil }
        if let row = results.fetchedRow(at: position) { return row }
        guard let answer = results.answer else { return nil }
        return (try? source.rows(of: answer, position..<(position + 1)))?.first
    }

    /// The article selected in the list.
    package var selectedRow: ArticleRow? { row(at: selection) }

    /// Recomputes the result set, keeping the selected article selected when it is still there.
    /// A source that fails leaves the last result in place and says why on the status line.
    package mutating func refreshResults() {
        let previous = selectedRow?.id
        let answer: SourceResult
        do {
            answer = try source.evaluate(ResultRequest(filter: filter, flags: flags, countedSearches: savedSearches))
        } catch {
            message = StatusMessage(text: "library: \(error)", isError: true)
            return
        }
        results = ResultSet(answer, histogramBuckets: histogramBuckets)
        if let previous, let position = try? source.position(of: previous, in: answer) {
            selection = position
        } else {
            selection = min(selection, max(0, results.count - 1))
        }
    }

    /// Fetches the rows the list shows (and half a screen either side, so moving the cursor
    /// rarely waits) when they are not at hand.
    mutating func fetchVisibleRows(_ positions: Range<Int>) {
        guard !results.hasRows(positions), let answer = results.answer else { return }
        let margin = max(2, positions.count / 2)
        let wanted = max(0, positions.lowerBound - margin)..<min(results.count, positions.upperBound + margin)
        do {
            results.page = try source.rows(of: answer, wanted)
            results.pageStart = wanted.lowerBound
        } catch {
            message = StatusMessage(text: "library: \(error)", isError: true)
        }
    }

    /// As many buckets as the filter pane has columns for the sparkline.
    var histogramBuckets: Int {
        let width = ScreenLayout(size: size, focus: focus).filterWidth
        return max(1, width - 2)
    }
}

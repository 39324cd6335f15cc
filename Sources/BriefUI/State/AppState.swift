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
    }
    package var kind: Kind
    package var text: String
    /// What to restore on Esc.
    package var original: String

    package var symbol: String {
        switch kind {
        case .filter, .search: "/"
        case .query: ":"
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
    /// Library index of the article.
    package var article: Int
    /// The line at the top of the pane, kept as block + line so a resize keeps it.
    package var anchor: ReaderAnchor = .top
    package var search: String = ""
    /// Index into the document's `entityOrder`.
    package var currentEntity: Int?

    package init(article: Int) {
        self.article = article
    }
}

package struct AppState: Sendable {
    package var size: Size
    package var library: Library
    package var filter = FilterState()
    package var results = ResultSet()
    /// Position in `results.articles` of the selected article.
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
    package var themeNames: [String]
    package var themeName: String
    package var bindings: KeyBindings

    package init(library: Library, size: Size, themeNames: [String] = ["dark"], themeName: String = "dark",
                 bindings: KeyBindings = .defaults) {
        self.library = library
        self.size = size
        self.themeNames = themeNames
        self.themeName = themeName
        self.bindings = bindings
        refreshResults()
    }

    /// The article selected in the list, as a library index.
    package var selectedArticle: Int? {
        results.articles.indices.contains(selection) ? results.articles[selection] : nil
    }

    /// Recomputes the result set, keeping the selected article selected when it is still there.
    package mutating func refreshResults() {
        let previous = selectedArticle
        results = ResultSet.compute(library: library, filter: filter, histogramBuckets: histogramBuckets)
        if let previous, let position = results.articles.firstIndex(of: previous) {
            selection = position
        } else {
            selection = min(selection, max(0, results.articles.count - 1))
        }
    }

    /// As many buckets as the filter pane has columns for the sparkline.
    var histogramBuckets: Int {
        let width = ScreenLayout(size: size, focus: focus).filterWidth
        return max(1, width - 2)
    }
}

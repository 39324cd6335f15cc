// A named filter query kept in config.toml, shown in the reader's filter pane and usable as
// `brief list --search NAME`:
//
//     [[searches]]
//     name = "Korea cyber"
//     query = 'topic:cyber place:"North Korea"'

/// One saved search: a name and the query it stands for.
public struct SavedSearch: Hashable, Sendable {
    public var name: String
    public var query: FilterQuery

    public init(name: String, query: FilterQuery) {
        self.name = name
        self.query = query
    }

    /// Parses a `[[searches]]` entry's fields; the message names what is wrong.
    public init(name: String, queryText: String) throws(ReadError) {
        let trimmedName = name.trimmingCharacters(in: .whitespaces)
        guard !trimmedName.isEmpty else { throw ReadError(.invalidSetting, "a saved search needs a name") }
        guard !trimmedName.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ReadError(.invalidSetting, "a saved search's name cannot hold control characters")
        }
        do throws(QueryError) {
            self.init(name: trimmedName, query: try FilterQuery(queryText))
        } catch {
            throw ReadError(.invalidSetting, "search \"\(trimmedName)\": \(error.description)")
        }
    }
}

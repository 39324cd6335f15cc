// Typing on the status line: the live filter, the full query and the in-article search.
import BriefCore
import Foundation

extension AppState {
    mutating func handlePromptKey(_ key: Key, effects: inout [Effect]) {
        guard var prompt else { return }
        switch key {
        case .character(let character):
            prompt.text.append(character)
        case .backspace, .control("h"):
            if !prompt.text.isEmpty { prompt.text.removeLast() }
        case .control("u"):
            prompt.text = ""
        case .control("c"):
            effects.append(.quit)
            return
        case .escape:
            self.prompt = nil
            switch prompt.kind {
            case .filter: applyQuery(prompt.original)
            case .query: message = nil
            case .search: reader?.search = prompt.original
            case .saveSearch: message = nil
            }
            return
        case .enter:
            self.prompt = nil
            switch prompt.kind {
            case .filter:
                applyQuery(prompt.text)
            case .query:
                if !applyQuery(prompt.text) { self.prompt = prompt }
            case .search:
                reader?.search = prompt.text
                if !prompt.text.isEmpty { jumpToMatch(forward: true) }
            case .saveSearch:
                if !saveSearch(named: prompt.text, effects: &effects) { self.prompt = prompt }
            }
            return
        default:
            return
        }
        self.prompt = prompt
        switch prompt.kind {
        case .filter: applyQuery(prompt.text)
        case .query, .saveSearch: message = nil
        case .search: break
        }
    }

    /// Saves the whole active filter under `name`: listed in the pane at once, appended to
    /// config.toml by the run loop. False (with the reason shown) when the name cannot be used.
    mutating func saveSearch(named name: String, effects: inout [Effect]) -> Bool {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !savedSearches.contains(where: { $0.name.lowercased() == trimmed.lowercased() }) else {
            message = StatusMessage(text: "a search named \"\(trimmed)\" exists: choose another name", isError: true)
            return false
        }
        let search: SavedSearch
        do throws(ReadError) {
            search = try SavedSearch(name: trimmed, queryText: filter.description)
        } catch {
            message = StatusMessage(text: error.description, isError: true)
            return false
        }
        savedSearches.append(search)
        effects.append(.saveSearch(search))
        refreshResults()
        message = StatusMessage(text: "saved search \"\(search.name)\": \(search.query.text)", isError: false)
        return true
    }

    /// Parses and applies a query; an invalid one shows its error and keeps the last valid result.
    @discardableResult
    mutating func applyQuery(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        do throws(QueryError) {
            let query = trimmed.isEmpty ? nil : try FilterQuery(trimmed)
            if filter.query != query {
                filter.query = query
                refreshResults()
            }
            message = nil
            return true
        } catch {
            message = StatusMessage(text: "query: \(error.description)", isError: true)
            return false
        }
    }

    mutating func handleHelpKey(_ key: Key, effects: inout [Effect]) {
        switch bindings.command(for: key, in: .help) {
        case .moveDown?: helpTop = (helpTop ?? 0) + 1
        case .moveUp?: helpTop = max(0, (helpTop ?? 0) - 1)
        case .pageDown?: helpTop = (helpTop ?? 0) + max(1, size.height - 6)
        case .pageUp?: helpTop = max(0, (helpTop ?? 0) - max(1, size.height - 6))
        case .top?: helpTop = 0
        case .bottom?: helpTop = Int.max / 2
        case .quit?: effects.append(.quit)
        case .redraw?: effects.append(.redraw)
        case .suspend?: effects.append(.suspend)
        default: helpTop = nil
        }
    }
}

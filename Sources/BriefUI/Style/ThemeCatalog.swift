// Where themes come from: the bundled files, and the user's own under the config directory.
import BriefThemes
import Foundation

/// Finds and loads themes by name. User themes (`<config>/themes/NAME.toml`)
/// shadow bundled ones of the same name.
package struct ThemeCatalog: Sendable {
    package static let defaultName = "dark"
    package var userDirectory: URL?

    package init(userDirectory: URL?) {
        self.userDirectory = userDirectory
    }

    /// The bundled theme names in the order `t` cycles through them (the default first), then user themes.
    package var names: [String] {
        var names = [Self.defaultName] + BundledThemes.names.filter { $0 != Self.defaultName }
        for url in userFiles() {
            let name = url.deletingPathExtension().lastPathComponent
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// Loads a theme; if it is missing or malformed, the default theme and the reason.
    package func load(_ name: String) -> (theme: Theme, error: ThemeError?) {
        do throws(ThemeError) {
            return (try loadStrictly(name), nil)
        } catch {
            let fallback = (try? loadStrictly(ThemeCatalog.defaultName)) ?? .fallback
            return (fallback, error)
        }
    }

    package func loadStrictly(_ name: String) throws(ThemeError) -> Theme {
        guard let url = url(for: name) else {
            throw ThemeError(file: name, line: nil, key: nil,
                             message: "no such theme (have: \(names.joined(separator: ", ")))")
        }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ThemeError(file: url.path, line: nil, key: nil, message: "cannot read the file as UTF-8")
        }
        return try ThemeParser.parse(text, file: url.path, defaultName: name)
    }

    func url(for name: String) -> URL? {
        if let user = userFiles().first(where: { $0.deletingPathExtension().lastPathComponent == name }) {
            return user
        }
        return BundledThemes.url(named: name)
    }

    private func userFiles() -> [URL] {
        guard let userDirectory,
              let files = try? FileManager.default.contentsOfDirectory(at: userDirectory, includingPropertiesForKeys: nil)
        else { return [] }
        return files.filter { $0.pathExtension == "toml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}

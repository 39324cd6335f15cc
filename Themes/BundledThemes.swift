// The theme files shipped with Brief: this folder is a resource bundle so the reader finds them at run time.
// A new theme file here must also be listed in Package.swift (`BriefThemes` resources); a test checks it.
import Foundation

/// Locates the bundled `*.toml` themes (users add their own under `$XDG_CONFIG_HOME/brief/themes/`).
package enum BundledThemes {
    /// The file of the bundled theme `name`, if Brief ships one.
    package static func url(named name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: "toml")
    }

    /// The names of every bundled theme, alphabetically.
    package static var names: [String] {
        guard let folder = Bundle.module.resourceURL,
              let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(".toml".count)) }.sorted()
    }
}

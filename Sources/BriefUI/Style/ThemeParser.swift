// Reads a theme file (TOML) into a Theme, reporting mistakes by line and key.
import BriefCore
import TOMLKit

/// A theme file that could not be used, and where it went wrong.
package struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    package var file: String
    package var line: Int?
    package var key: String?
    package var message: String

    package var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let key { text += ": \(key)" }
        return text + ": " + message
    }
}

/// Parses theme files of the form
///
///     name = "dark"
///     [roles]
///     normal = { fg = "default", bg = "default" }
///     "list.selected" = { fg = "black", bg = "cyan", attrs = ["bold"] }
///
/// Role names are dotted; they may be quoted keys or nested tables.
package enum ThemeParser {
    package static func parse(_ text: String, file: String, defaultName: String) throws(ThemeError) -> Theme {
        if let problem = TOMLHeaderCheck.problem(in: text) {
            throw ThemeError(file: file, line: problem.line, key: nil, message: problem.message)
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(file: file, line: error.source.begin.line, key: nil, message: error.description)
        } catch {
            throw ThemeError(file: file, line: nil, key: nil, message: "\(error)")
        }
        let name = table["name"]?.string ?? defaultName
        guard let roles = table["roles"]?.table else {
            throw ThemeError(file: file, line: nil, key: "roles", message: "missing the [roles] table")
        }
        var styles: [StyleRole: CellStyle] = [:]
        try collect(roles, prefix: "", text: text, file: file, into: &styles)
        return Theme(name: name, styles: styles)
    }

    private static let styleKeys: Set<String> = ["fg", "bg", "attrs"]

    private static func collect(_ table: TOMLTable, prefix: String, text: String, file: String,
                                into styles: inout [StyleRole: CellStyle]) throws(ThemeError) {
        for key in table.keys {
            let path = prefix.isEmpty ? key : prefix + "." + key
            guard let value = table[key]?.table else {
                throw error(text, file, path, "expected a table like { fg = \"cyan\", attrs = [\"bold\"] }")
            }
            if Set(value.keys).isDisjoint(with: styleKeys) {
                try collect(value, prefix: path, text: text, file: file, into: &styles)
                continue
            }
            guard let role = StyleRole(rawValue: path) else {
                throw error(text, file, path, "unknown role")
            }
            styles[role] = try style(value, path: path, text: text, file: file)
        }
    }

    private static func style(_ table: TOMLTable, path: String, text: String, file: String) throws(ThemeError) -> CellStyle {
        var style = CellStyle()
        for key in table.keys {
            switch key {
            case "fg", "bg":
                guard let name = table[key]?.string ?? table[key]?.int.map(String.init),
                      let color = TerminalColor(name: name) else {
                    throw error(text, file, path + "." + key, "not a color (a name, 0-255, #rrggbb or \"default\")")
                }
                if key == "fg" { style.foreground = color } else { style.background = color }
            case "attrs":
                guard let array = table[key]?.array else {
                    throw error(text, file, path + ".attrs", "expected a list of attributes")
                }
                for item in array {
                    guard let name = item.string, let attribute = TextAttributes.byName[name] else {
                        throw error(text, file, path + ".attrs",
                                    "unknown attribute (use \(TextAttributes.byName.keys.sorted().joined(separator: ", ")))")
                    }
                    style.attributes.insert(attribute)
                }
            default:
                throw error(text, file, path + "." + key, "unknown key (use fg, bg, attrs)")
            }
        }
        return style
    }

    /// An error located at the first line that mentions the role.
    private static func error(_ text: String, _ file: String, _ path: String, _ message: String) -> ThemeError {
        let role = path.split(separator: ".").prefix(while: { !styleKeys.contains(String($0)) }).joined(separator: ".")
        let lastPart = String(role.split(separator: ".").last ?? Substring(role))
        var lineNumber: Int?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.hasPrefix("\"\(role)\"") || trimmed.hasPrefix(role + " ") || trimmed.hasPrefix(role + "=")
                || trimmed.hasPrefix("[roles.\(role)]") || trimmed.hasPrefix(lastPart + " =") {
                lineNumber = index + 1
                break
            }
        }
        return ThemeError(file: file, line: lineNumber, key: path, message: message)
    }
}

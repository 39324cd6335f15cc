// Adds tables to the end of config.toml without rewriting it: the user's comments, order and
// spacing stay exactly as they were.
import BriefCore
import Foundation

public enum ConfigAppender {
    /// Appends `tables` (TOML text, each starting with its `[[header]]` line) at the end of `file`,
    /// after a blank line; creates the file and its directory when missing.
    ///
    /// An array-of-tables header at the end of a TOML file is always valid, whatever precedes it,
    /// which is why new entries are only ever appended.
    public static func append(_ tables: [String], to file: URL) throws(ReadError) {
        guard !tables.isEmpty else { return }
        var text = ""
        if let data = FileManager.default.contents(atPath: file.path), !data.isEmpty, data.last != UInt8(ascii: "\n") {
            text += "\n"
        }
        for table in tables { text += "\n" + table }
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            if let handle = try? FileHandle(forWritingTo: file) {
                defer { try? handle.close() }
                try handle.seekToEnd()
                try handle.write(contentsOf: Data(text.utf8))
            } else {
                try Data(text.drop(while: { $0 == "\n" }).utf8).write(to: file)
            }
        } catch {
            throw ReadError(.inaccessible, "cannot write \(file.path): \(error.localizedDescription)")
        }
    }

    /// A TOML basic string: quotes, backslashes and control characters escaped.
    public static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += String(format: "\\u%04X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

extension SavedSearch {
    /// The `[[searches]]` table that saves it, for `ConfigAppender`.
    public var configTable: String {
        "[[searches]]\nname = \(ConfigAppender.quoted(name))\nquery = \(ConfigAppender.quoted(query.text))\n"
    }
}

// A small JSON writer that keeps keys in the order the CLI contract lists them.

/// A JSON value whose objects keep their key order, rendered on one line.
///
/// `JSONEncoder` does not promise key order; scripts and people reading `--json` output
/// benefit from the documented order (`path`, `format`, `title`, …).
enum JSONText {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONText])
    case object([(String, JSONText)])

    static func optional(_ text: String?) -> JSONText { text.map(JSONText.string) ?? .null }

    /// The value as compact JSON.
    var rendered: String {
        var output = ""
        render(into: &output)
        return output
    }

    func render(into output: inout String) {
        switch self {
        case .string(let text): Self.escape(text, into: &output)
        case .number(let number): output += number.isFinite ? "\(number)" : "null"
        case .integer(let number): output += String(number)
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        case .array(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                value.render(into: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += "," }
                Self.escape(key, into: &output)
                output += ":"
                value.render(into: &output)
            }
            output += "}"
        }
    }

    /// Escapes quotes, backslashes and every control character; U+2028/2029 too, for JavaScript readers.
    static func escape(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                let value = scalar.value
                if value < 0x20 || value == 0x7F || (0x80..<0xA0).contains(value) || value == 0x2028 || value == 0x2029 {
                    let hex = String(value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}

// The lines of a shipped word list: the one reader of the gazetteer's and the language lists' format.

/// Word-list lines: `#` starts a comment, white space around a line is dropped, blank lines are skipped.
///
/// Lines are cut at line feeds by byte and trimmed scalar by scalar: splitting the text character
/// by character and Foundation's `trimmingCharacters` (which bridges every line to an NSString)
/// were most of the ~30 ms each process spent loading the gazetteer.
package enum DataFileLines {
    package static func lines(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        while start < text.endIndex {
            // A line feed is ASCII, so its index is a character boundary of the text.
            let end = text.utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
            var line = text[start..<end]
            if let hash = line.utf8.firstIndex(of: UInt8(ascii: "#")) { line = line[..<hash] }
            let trimmed = trim(line)
            if !trimmed.isEmpty { result.append(trimmed) }
            start = end < text.endIndex ? text.utf8.index(after: end) : end
        }
        return result
    }

    /// `text` without the white space around it (ASCII tested without a property lookup).
    package static func trim(_ text: Substring) -> Substring {
        @inline(__always) func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
            return text[text.endIndex...]
        }
        return text[first..<scalars.index(after: last)]
    }
}

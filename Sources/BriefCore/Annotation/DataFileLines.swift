// The lines of a shipped word list: the one reader of the gazetteer's and the language lists' format.

/// Word-list lines: `#` starts a comment, white space around a line is dropped, blank lines are skipped.
///
/// Lines are cut at line feeds and trimmed in the bytes, and only a line bordered by a non-ASCII
/// scalar is trimmed scalar by scalar: splitting the text character by character and Foundation's
/// `trimmingCharacters` (which bridges every line to an NSString) were most of the ~30 ms each
/// process spent loading the gazetteer, and walking String indices byte by byte a tenth of it.
package enum DataFileLines {
    package static func lines(_ text: String) -> [Substring] {
        var text = text
        text.makeContiguousUTF8()
        let utf8 = text.utf8
        // Lines are found in the bytes and cut by offset, which is constant time in contiguous UTF-8.
        let cuts: [(start: Int, end: Int)] = utf8.withContiguousStorageIfAvailable { bytes in
            var cuts: [(start: Int, end: Int)] = []
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                // A comment cuts the line; ASCII white space around it is dropped here, the rest by `trim`.
                var content = start
                var stop = start
                while stop < end, bytes[stop] != UInt8(ascii: "#") { stop += 1 }
                while content < stop, isASCIISpace(bytes[content]) { content += 1 }
                while stop > content, isASCIISpace(bytes[stop - 1]) { stop -= 1 }
                if content < stop { cuts.append((content, stop)) }
                start = end + 1
            }
            return cuts
        } ?? []
        var result: [Substring] = []
        result.reserveCapacity(cuts.count)
        for cut in cuts {
            let line = text[utf8.index(utf8.startIndex, offsetBy: cut.start)..<utf8.index(utf8.startIndex, offsetBy: cut.end)]
            // A line that starts or ends beyond ASCII may have Unicode white space around it.
            let bordersUnicode = line.utf8.first! >= 0x80 || line.utf8.last! >= 0x80
            let trimmed = bordersUnicode ? trim(line) : line
            if !trimmed.isEmpty { result.append(trimmed) }
        }
        return result
    }

    @inline(__always)
    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
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

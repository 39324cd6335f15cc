// Bytes to clean text: refuses binary data, survives any encoding, and strips control characters.
import Foundation

/// Turns the bytes of a text file into a string Brief can show safely.
///
/// UTF-8 (with or without a BOM) is decoded as is; UTF-16 with a BOM too. Bytes that are not
/// valid UTF-8 are read as Windows-1252 when the file has no valid multi-byte sequence at all
/// (an old Western file), else the few bad bytes become U+FFFD. Line ends become `\n`, tabs
/// become spaces, and control characters (including terminal escape sequences) are dropped,
/// because article text must never drive the terminal.
package enum TextDecoding {
    /// How many leading bytes are sniffed for binary content.
    static let sniffLength = 8192
    /// Share of control bytes in the sniffed prefix above which a file counts as binary.
    static let binaryControlShare = 0.10

    package static func decode(_ data: Data) throws(ReadError) -> String {
        guard !data.isEmpty else { throw ReadError(.empty, "empty file") }
        let bytes = [UInt8](data)
        if let kind = binarySignature(bytes) { throw ReadError(.binary, "binary file (\(kind)), not an article") }
        let raw: String
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            raw = decodeUTF8(bytes[3...])
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            raw = decodeUTF16(bytes[2...], littleEndian: true)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            raw = decodeUTF16(bytes[2...], littleEndian: false)
        } else if let littleEndian = unmarkedUTF16(bytes) {
            raw = decodeUTF16(bytes[...], littleEndian: littleEndian)
        } else {
            if looksBinary(bytes) { throw ReadError(.binary, "binary file (control bytes), not an article") }
            raw = decodeUTF8(bytes[...])
        }
        let text = sanitize(raw)
        guard text.contains(where: { !$0.isWhitespace }) else { throw ReadError(.empty, "no text (only whitespace)") }
        return text
    }

    /// Well-known magic numbers, named so the message says what the file is.
    static func binarySignature(_ bytes: [UInt8]) -> String? {
        let signatures: [(String, [UInt8])] = [
            ("PDF", Array("%PDF".utf8)), ("PNG image", [0x89, 0x50, 0x4E, 0x47]),
            ("JPEG image", [0xFF, 0xD8, 0xFF]), ("GIF image", Array("GIF8".utf8)),
            ("ZIP archive", [0x50, 0x4B, 0x03, 0x04]), ("gzip archive", [0x1F, 0x8B]),
            ("executable", [0x7F, 0x45, 0x4C, 0x46]), ("SQLite database", Array("SQLite format".utf8)),
        ]
        return signatures.first { bytes.starts(with: $0.1) }?.0
    }

    /// NUL bytes or many control bytes mean the file is not text.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let prefix = bytes.prefix(sniffLength)
        var controls = 0
        for byte in prefix {
            if byte == 0 { return true }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B { controls += 1 }
        }
        return Double(controls) > Double(prefix.count) * binaryControlShare
    }

    /// UTF-16 without a BOM: ASCII text leaves every other byte NUL. Returns the byte order.
    static func unmarkedUTF16(_ bytes: [UInt8]) -> Bool? {
        let prefix = Array(bytes.prefix(sniffLength))
        guard prefix.count >= 4, prefix.count % 2 == 0 || bytes.count > sniffLength else { return nil }
        var evenZero = 0, oddZero = 0
        for (index, byte) in prefix.enumerated() where byte == 0 {
            if index % 2 == 0 { evenZero += 1 } else { oddZero += 1 }
        }
        let half = Double(prefix.count / 2)
        if Double(oddZero) > 0.7 * half && Double(evenZero) < 0.05 * half { return true }
        if Double(evenZero) > 0.7 * half && Double(oddZero) < 0.05 * half { return false }
        return nil
    }

    static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        return hasMultiByteUTF8(bytes) ? String(decoding: bytes, as: UTF8.self) : decodeWindows1252(bytes)
    }

    /// True when the bytes contain at least one well-formed multi-byte UTF-8 sequence,
    /// the sign of a UTF-8 file with a few damaged bytes rather than a legacy 8-bit file.
    static func hasMultiByteUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 1
            if length > 1, index + length <= bytes.endIndex,
               bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) {
                return true
            }
            index += 1
        }
        return false
    }

    /// Windows-1252: Latin-1 with printable characters in 0x80–0x9F (the five it leaves undefined
    /// become U+FFFD).
    static func decodeWindows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte >= 0x80 && byte < 0xA0 {
                scalars.append(HTMLCharsetDecoder.windows1252Reading(ofC1: UInt32(byte)) ?? "\u{FFFD}")
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Non-ASCII scalars `sanitize` removes or rewrites.
    private static func needsCleaning(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F..<0xA0, 0x2028, 0x2029, 0xFEFF, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Skips the escape sequence whose ESC was just read, so no `[31m` or `]0;title` debris
    /// remains: `ESC [` parameters and a final letter (CSI); `ESC ]`, `ESC P`, `ESC X`, `ESC ^`
    /// and `ESC _` strings (OSC, DCS, SOS, PM, APC) up to BEL or `ESC \` (ST); else ESC and one
    /// character. A sequence never ends past a line: a broken or unterminated one costs the
    /// rest of its line at most, never the rest of the article.
    /// - Returns: the line break that cut the sequence short, which the caller keeps.
    private static func skipEscapeSequence(_ scalars: inout String.UnicodeScalarView.Iterator) -> Unicode.Scalar? {
        guard let kind = scalars.next() else { return nil }
        switch kind {
        case "\n", "\r", "\u{2028}", "\u{2029}":
            return kind
        case "[":
            // Parameter and intermediate bytes are 0x20-0x3F; anything else ends the sequence.
            while let part = scalars.next() {
                switch part.value {
                case 0x20...0x3F: continue
                case 0x40...0x7E: return nil
                case 0x0A, 0x0D, 0x2028, 0x2029: return part
                default: return nil
                }
            }
            return nil
        case "]", "P", "X", "^", "_":
            var afterEscape = false
            while let part = scalars.next() {
                switch part.value {
                case 0x07, 0x9C: return nil
                case 0x5C where afterEscape: return nil
                case 0x0A, 0x0D, 0x2028, 0x2029: return part
                default: afterEscape = part.value == 0x1B
                }
            }
            return nil
        default:
            return nil
        }
    }

    /// Normalizes line ends, turns tabs into spaces, and drops control characters and
    /// terminal escape sequences whole (see `skipEscapeSequence`).
    package static func sanitize(_ text: String) -> String {
        // Most files are clean: printable ASCII or any non-ASCII, and plain `\n` line ends.
        if text.utf8.allSatisfy({ $0 >= 0x20 ? $0 != 0x7F : $0 == 0x0A }),
           !text.unicodeScalars.contains(where: { $0.value >= 0x7F && needsCleaning($0) }) {
            return text
        }
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count)
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? scalars.next() {
            pending = nil
            switch scalar.value {
            case 0x0A, 0x2028, 0x2029:
                out.append("\n")
            case 0x0D:
                out.append("\n")
                if let next = scalars.next(), next != "\n" { pending = next }
            case 0x09:
                out.append(" ")
            case 0x1B:
                pending = skipEscapeSequence(&scalars)
            case 0xFEFF where out.isEmpty:
                // A byte order mark that survived decoding.
                break
            case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069:
                // Controls and bidirectional overrides that could reorder the screen.
                break
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }
}

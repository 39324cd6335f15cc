// Turns a feed's bytes into UTF-8 as XML 1.0 (appendix F), browsers and feedparser read them.
import Foundation

/// Decodes feed bytes to UTF-8 before anything looks at them, so that format detection and the
/// XML parser see one encoding, and rewrites the XML declaration to say so.
///
/// Order: a byte-order mark; else the NUL pattern of `<?` in UTF-16/32 (appendix F); else the
/// HTTP `Content-Type` charset when the feed was fetched, then the XML declaration's encoding.
/// Labels meaning Latin-1 or ASCII are read as Windows-1252 (the WHATWG rule: curly quotes and
/// dashes survive), and undeclared bytes that are not UTF-8 as Windows-1252 rather than refused.
package enum FeedCharsetDecoder {
    /// How far into the bytes the XML declaration is looked for.
    static let declarationWindow = 512

    /// The wide Unicode forms, found from a BOM or from how `<?` is laid out in the first bytes.
    enum WideForm: Equatable {
        case utf16(littleEndian: Bool)
        case utf32(littleEndian: Bool)
    }

    /// The feed as UTF-8 bytes, with any XML declaration's encoding rewritten to UTF-8.
    static func utf8(_ data: Data, httpCharset: String? = nil) -> [UInt8] {
        readingC1AsWindows1252(decoded(data, httpCharset: httpCharset))
    }

    /// C1 control characters (U+0080–U+009F) in a feed are Windows-1252 bytes decoded as Latin-1
    /// on the way (`don` U+0092 `t`): they are read as Windows-1252, as `&#146;` is, not dropped.
    static func readingC1AsWindows1252(_ bytes: [UInt8]) -> [UInt8] {
        guard let first = bytes.indices.first(where: { bytes[$0] == 0xC2 && $0 + 1 < bytes.count && (0x80...0x9F).contains(bytes[$0 + 1]) })
        else { return bytes }
        var output = Array(bytes[..<first])
        output.reserveCapacity(bytes.count + 16)
        var index = first
        while index < bytes.count {
            if bytes[index] == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                output += HTMLCharsetDecoder.windows1252([bytes[index + 1]])
                index += 2
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    private static func decoded(_ data: Data, httpCharset: String?) -> [UInt8] {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return declaringUTF8(HTMLCharsetDecoder.repairUTF8(Array(bytes.dropFirst(3))))
        }
        if let wide = wideForm(bytes) {
            return declaringUTF8(decodeWide(bytes.dropFirst(wide.bomLength), wide.form))
        }
        let label = (httpCharset.map(normalizedLabel) ?? declaredEncoding(in: bytes))
        return declaringUTF8(decodeASCIICompatible(bytes, label: label))
    }

    /// The `charset` parameter of an HTTP `Content-Type` (`application/rss+xml; charset="ISO-8859-1"`).
    package static func charset(inContentType contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            let value = normalizedLabel(String(parts[1]))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// The first bytes decoded, for sniffing the format of a wide-encoded file; nil for ASCII-compatible bytes.
    static func wideHead(_ data: Data, length: Int) -> String? {
        let head = [UInt8](data.prefix(length * 4))
        guard let wide = wideForm(head) else { return nil }
        return String(decoding: decodeWide(head.dropFirst(wide.bomLength), wide.form), as: UTF8.self)
    }

    /// A byte-order mark or the appendix F pattern of `<?` / `<` with its length to skip.
    static func wideForm(_ bytes: [UInt8]) -> (form: WideForm, bomLength: Int)? {
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return (.utf32(littleEndian: false), 4) }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return (.utf32(littleEndian: true), 4) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16(littleEndian: false), 2) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16(littleEndian: true), 2) }
        if bytes.starts(with: [0x00, 0x00, 0x00, 0x3C]) { return (.utf32(littleEndian: false), 0) }
        if bytes.starts(with: [0x3C, 0x00, 0x00, 0x00]) { return (.utf32(littleEndian: true), 0) }
        if bytes.starts(with: [0x00, 0x3C, 0x00]) { return (.utf16(littleEndian: false), 0) }
        if bytes.starts(with: [0x3C, 0x00]) { return (.utf16(littleEndian: true), 0) }
        return nil
    }

    /// UTF-16 or UTF-32 to UTF-8; a lone surrogate or an out-of-range value becomes U+FFFD.
    static func decodeWide(_ bytes: ArraySlice<UInt8>, _ form: WideForm) -> [UInt8] {
        let start = bytes.startIndex
        switch form {
        case .utf16(let little):
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var index = start
            while index + 1 < bytes.endIndex {
                let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
                units.append(little ? first | second << 8 : first << 8 | second)
                index += 2
            }
            return Array(String(decoding: units, as: UTF16.self).utf8)
        case .utf32(let little):
            var text = String.UnicodeScalarView()
            var index = start
            while index + 3 < bytes.endIndex {
                let b = (0..<4).map { UInt32(bytes[index + $0]) }
                let value = little ? b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24 : b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]
                text.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                index += 4
            }
            return Array(String(text).utf8)
        }
    }

    /// Bytes whose ASCII range is ASCII, under their declared or served label.
    static func decodeASCIICompatible(_ bytes: [UInt8], label: String?) -> [UInt8] {
        let isUTF8 = HTMLCharsetDecoder.isValidUTF8(bytes)
        switch label {
        case nil, "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be", "utf-32", "utf-32le", "utf-32be":
            // (A wide label on bytes without NULs is a mislabel: the bytes are read as they are.)
            if isUTF8 { return bytes }
            // Old Western bytes with no valid multi-byte sequence at all: Windows-1252, as browsers do.
            return TextDecoding.hasMultiByteUTF8(bytes[...]) ? HTMLCharsetDecoder.repairUTF8(bytes) : HTMLCharsetDecoder.windows1252(bytes)
        case _ where bytes.contains(where: { $0 >= 0x80 }) && isUTF8:
            // Valid multi-byte UTF-8 is UTF-8 whatever the label says (feeds converted to UTF-8 keep
            // their old declaration); legacy text almost never forms valid sequences.
            return bytes
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252", "x-cp1252",
             "us-ascii", "ascii", "ansi_x3.4-1968":
            return HTMLCharsetDecoder.windows1252(bytes)
        default:
            // Other labels (KOI8-R, Shift_JIS, GB2312, …) as the HTML reader reads them.
            return HTMLCharsetDecoder.decode(bytes, label: label!).bytes
        }
    }

    /// The `encoding` of an XML declaration at the start of the bytes, lower-cased.
    static func declaredEncoding(in bytes: [UInt8]) -> String? {
        guard let declaration = xmlDeclaration(in: bytes) else { return nil }
        let text = String(decoding: bytes[declaration], as: UTF8.self)
        guard let range = encodingValueRange(in: text) else { return nil }
        return normalizedLabel(String(text[range]))
    }

    static func normalizedLabel(_ label: String) -> String {
        label.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'")).lowercased()
    }

    /// Where `<?xml … ?>` lies, when the bytes open with it (after white space).
    private static func xmlDeclaration(in bytes: [UInt8]) -> Range<Int>? {
        let window = bytes.prefix(declarationWindow)
        var start = 0
        while start < window.count, [0x20, 0x09, 0x0A, 0x0D].contains(window[start]) { start += 1 }
        guard window.count >= start + 5, window[start..<start + 5].elementsEqual(Array("<?xml".utf8)) else { return nil }
        var end = start + 5
        while end + 1 < window.count {
            if window[end] == 0x3F, window[end + 1] == 0x3E { return start..<end + 2 }
            end += 1
        }
        return nil
    }

    /// The value of `encoding="…"` inside a declaration's text.
    private static func encodingValueRange(in declaration: String) -> Range<String.Index>? {
        guard let key = declaration.range(of: "encoding") else { return nil }
        var cursor = key.upperBound
        while cursor < declaration.endIndex, declaration[cursor] == " " || declaration[cursor] == "=" { cursor = declaration.index(after: cursor) }
        guard cursor < declaration.endIndex, declaration[cursor] == "\"" || declaration[cursor] == "'" else { return nil }
        let quote = declaration[cursor]
        let valueStart = declaration.index(after: cursor)
        guard let valueEnd = declaration[valueStart...].firstIndex(of: quote) else { return nil }
        return valueStart..<valueEnd
    }

    /// UTF-8 bytes whose XML declaration, if any, names UTF-8 (so libxml2 does not decode them again).
    static func declaringUTF8(_ bytes: [UInt8]) -> [UInt8] {
        guard let declaration = xmlDeclaration(in: bytes) else { return bytes }
        var text = String(decoding: bytes[declaration], as: UTF8.self)
        guard let range = encodingValueRange(in: text), text[range].lowercased() != "utf-8" else { return bytes }
        text.replaceSubrange(range, with: "UTF-8")
        return Array(bytes[..<declaration.lowerBound]) + Array(text.utf8) + Array(bytes[declaration.upperBound...])
    }
}

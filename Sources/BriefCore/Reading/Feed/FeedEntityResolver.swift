// HTML named entities and bare ampersands in feeds, made well-formed XML before parsing.
import Foundation

/// Feeds use HTML's named entities (`&eacute;`, `&rsquo;`, `&hellip;`) that XML does not know,
/// write `AT&T` and `?a=1&b=2` with bare ampersands, and write `&#146;` for a curly quote. A
/// recovering XML parse would delete all of these; instead, before parsing, every named entity of
/// the HTML5 table becomes a character reference, every `&` that starts no valid reference
/// becomes `&amp;`, and references to C1 control code points are read as Windows-1252, as
/// browsers read them. CDATA sections, comments, processing instructions and the doctype are
/// copied untouched (their `&` is not markup).
enum FeedEntityResolver {
    /// The HTML5 named character references (without their `;`), from Resources/Data/html-entities.json.
    static let namedEntities = BundledData.decode([String: String].self, from: "html-entities.json")

    /// The entities XML itself defines, kept as they are.
    private static let xmlEntities: Set<String> = ["amp", "lt", "gt", "quot", "apos"]
    /// The longest HTML5 entity name (`CounterClockwiseContourIntegral`) bounds the look-ahead.
    private static let longestName = 32

    /// The bytes with every `&` outside CDATA, comments and the doctype made a valid XML reference.
    static func resolve(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x26) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 32)
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x3C, let end = endOfVerbatimSection(bytes, at: index) {
                output.append(contentsOf: bytes[index..<end])
                index = end
                continue
            }
            guard byte == 0x26 else {
                output.append(byte)
                index += 1
                continue
            }
            let (replacement, consumed) = reference(bytes, at: index)
            output.append(contentsOf: replacement)
            index += consumed
        }
        return output
    }

    /// Where a CDATA section, comment, processing instruction or doctype that starts at `index` ends.
    private static func endOfVerbatimSection(_ bytes: [UInt8], at index: Int) -> Int? {
        func opens(_ marker: String) -> Bool {
            let pattern = Array(marker.utf8)
            return index + pattern.count <= bytes.count && bytes[index..<index + pattern.count].elementsEqual(pattern)
        }
        func end(after marker: String, from start: Int) -> Int {
            let pattern = Array(marker.utf8)
            var cursor = start
            while cursor + pattern.count <= bytes.count {
                if bytes[cursor] == pattern[0], bytes[cursor..<cursor + pattern.count].elementsEqual(pattern) { return cursor + pattern.count }
                cursor += 1
            }
            return bytes.count
        }
        if opens("<![CDATA[") { return end(after: "]]>", from: index + 9) }
        if opens("<!--") { return end(after: "-->", from: index + 4) }
        if opens("<?") { return end(after: "?>", from: index + 2) }
        if opens("<!DOCTYPE") || opens("<!doctype") {
            // An internal subset (`[ … ]`) may hold `>`; the doctype ends at the `>` after it.
            var cursor = index + 9
            var inSubset = false
            while cursor < bytes.count {
                switch bytes[cursor] {
                case 0x5B: inSubset = true
                case 0x5D: inSubset = false
                case 0x3E where !inSubset: return cursor + 1
                default: break
                }
                cursor += 1
            }
            return bytes.count
        }
        return nil
    }

    /// The XML for the `&` at `index` and how many input bytes it stands for.
    private static func reference(_ bytes: [UInt8], at index: Int) -> ([UInt8], Int) {
        let bareAmpersand = (Array("&amp;".utf8), 1)
        var cursor = index + 1
        if cursor < bytes.count, bytes[cursor] == 0x23 {
            // &#123; or &#x7B;
            cursor += 1
            let hex = cursor < bytes.count && (bytes[cursor] == 0x78 || bytes[cursor] == 0x58)
            if hex { cursor += 1 }
            let digitsStart = cursor
            while cursor < bytes.count, cursor - digitsStart < 8, isDigit(bytes[cursor], hex: hex) { cursor += 1 }
            guard cursor > digitsStart, cursor < bytes.count, bytes[cursor] == 0x3B,
                  let value = UInt32(String(decoding: bytes[digitsStart..<cursor], as: UTF8.self), radix: hex ? 16 : 10)
            else { return bareAmpersand }
            return (characterReference(windows1252Reading(of: value)), cursor + 1 - index)
        }
        let nameStart = cursor
        while cursor < bytes.count, cursor - nameStart <= longestName, isNameByte(bytes[cursor]) { cursor += 1 }
        guard cursor > nameStart, cursor < bytes.count, bytes[cursor] == 0x3B else { return bareAmpersand }
        let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self)
        if xmlEntities.contains(name) { return (Array(bytes[index...cursor]), cursor + 1 - index) }
        guard let value = namedEntities[name] else { return bareAmpersand }
        return (value.unicodeScalars.flatMap { characterReference($0.value) }, cursor + 1 - index)
    }

    /// `&#146;` means what byte 146 means in Windows-1252 (’), as in browsers; code points XML
    /// cannot carry become U+FFFD.
    static func windows1252Reading(of value: UInt32) -> UInt32 {
        if (0x80...0x9F).contains(value) { return HTMLCharsetDecoder.windows1252Reading(ofC1: value)?.value ?? 0xFFFD }
        let allowedControl = value == 0x09 || value == 0x0A || value == 0x0D
        if (value < 0x20 && !allowedControl) || (0xD800...0xDFFF).contains(value) || value == 0xFFFE || value == 0xFFFF || value > 0x10FFFF {
            return 0xFFFD
        }
        return value
    }

    private static func characterReference(_ value: UInt32) -> [UInt8] {
        Array("&#x\(String(value, radix: 16, uppercase: true));".utf8)
    }

    private static func isDigit(_ byte: UInt8, hex: Bool) -> Bool {
        (0x30...0x39).contains(byte) || (hex && ((0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)))
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}

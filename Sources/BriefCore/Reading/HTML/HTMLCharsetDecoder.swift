// Turns the bytes of a page into UTF-8: BOM, then <meta charset>/http-equiv, then sniffing.
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes page bytes to UTF-8 so the parser never sees a byte it could choke on.
enum HTMLCharsetDecoder {
    /// How many bytes of the page are searched for a `<meta>` charset declaration.
    static let declarationWindow = 4096

    /// The page as valid UTF-8 bytes, and the label of the charset it was decoded from.
    static func utf8(_ data: Data) -> (bytes: [UInt8], charset: String) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (repairUTF8(Array(bytes.dropFirst(3))), "utf-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            let text = String(data: Data(bytes.dropFirst(2)), encoding: little ? .utf16LittleEndian : .utf16BigEndian)
            return (Array((text ?? "").utf8), "utf-16")
        }
        let label = declaredCharset(in: bytes)
        // Bytes that are valid UTF-8 and not plain ASCII are UTF-8 whatever the page declares: legacy
        // text almost never forms valid multibyte sequences, while pages converted to UTF-8 often
        // keep their old `<meta charset=gb2312>`.
        if label != nil, bytes.contains(where: { $0 >= 0x80 }), isValidUTF8(bytes) { return (bytes, "utf-8") }
        switch label {
        case nil, "utf-8", "utf8", "unicode-1-1-utf-8":
            if label == nil, !isValidUTF8(bytes) { return (windows1252(bytes), "windows-1252") }
            return (repairUTF8(bytes), "utf-8")
        case "iso-8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252", "us-ascii", "ascii", "iso8859-1", "x-cp1252":
            return (windows1252(bytes), "windows-1252")
        case let other?:
            return decode(bytes, label: other)
        }
    }

    /// Bytes in a legacy charset named by `label` to UTF-8, and the charset they were read as.
    static func decode(_ bytes: [UInt8], label: String) -> (bytes: [UInt8], charset: String) {
        if let encoding = foundationEncoding(label), let text = String(data: Data(bytes), encoding: encoding) {
            return (Array(text.utf8), label)
        }
        // Every other legacy charset (GBK, Big5, EUC-KR, KOI8-R, …) through the C library's iconv.
        if let converted = iconvUTF8(bytes, from: iconvName(label)) { return (converted, label) }
        // Unknown or undecodable label: trust the bytes if they are UTF-8, else Windows-1252.
        if isValidUTF8(bytes) { return (bytes, "utf-8") }
        return (windows1252(bytes), "windows-1252")
    }

    /// Finds `charset=` inside the first `<meta` tags (covers `<meta charset>` and http-equiv content),
    /// working on lower-cased ASCII bytes of the window.
    static func declaredCharset(in bytes: [UInt8]) -> String? {
        let window = bytes.prefix(declarationWindow).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        let needle = Array("charset".utf8)
        let meta = Array("<meta".utf8)
        var index = 0
        while index + needle.count < window.count {
            guard window[index] == needle[0], window[index..<index + needle.count].elementsEqual(needle) else {
                index += 1
                continue
            }
            // Only inside a <meta …> tag: the nearest '<' before must open one, with no '>' between.
            var open = index
            while open > 0, window[open] != 0x3C, window[open] != 0x3E { open -= 1 }
            index += needle.count
            guard window[open] == 0x3C, open + meta.count <= window.count,
                  window[open..<open + meta.count].elementsEqual(meta) else { continue }
            var cursor = index
            while cursor < window.count, window[cursor] == 0x20 { cursor += 1 }
            guard cursor < window.count, window[cursor] == 0x3D else { continue }
            cursor += 1
            while cursor < window.count, window[cursor] == 0x20 || window[cursor] == 0x22 || window[cursor] == 0x27 { cursor += 1 }
            var end = cursor
            while end < window.count {
                let byte = window[end]
                let isNameByte = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                    || byte == 0x2D || byte == 0x5F || byte == 0x3A || byte == 0x2E
                guard isNameByte else { break }
                end += 1
            }
            if end > cursor { return String(decoding: window[cursor..<end], as: UTF8.self) }
        }
        return nil
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    /// Valid UTF-8, with U+FFFD in place of every bad sequence.
    static func repairUTF8(_ bytes: [UInt8]) -> [UInt8] {
        isValidUTF8(bytes) ? bytes : Array(String(decoding: bytes, as: UTF8.self).utf8)
    }

    /// Windows-1252 (the web's reading of Latin-1) to UTF-8.
    static func windows1252(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
                continue
            }
            let scalar: UInt32 = byte < 0xA0 ? cp1252High[Int(byte - 0x80)] : UInt32(byte)
            output.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
        }
        return output
    }

    /// What a C1 code (U+0080–U+009F) stands for in a page: `&#146;` is byte 146 of Windows-1252
    /// (’), as the HTML standard reads numeric references, and a literal C1 character is the same
    /// byte decoded as Latin-1 on its way. Nil for the five codes Windows-1252 leaves undefined:
    /// they stay control characters, which never reach the reader.
    static func windows1252Reading(ofC1 value: UInt32) -> Unicode.Scalar? {
        guard (0x80...0x9F).contains(value) else { return nil }
        let scalar = cp1252High[Int(value - 0x80)]
        return scalar == 0xFFFD ? nil : Unicode.Scalar(scalar)
    }

    /// `windows1252Reading(ofC1:)` as UTF-8, indexed by the code minus 0x80 (empty when undefined).
    static let c1ReadingsUTF8: [[UInt8]] = (0x80...0x9F).map { code in
        windows1252Reading(ofC1: UInt32(code)).map { Array(String(Character($0)).utf8) } ?? []
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// The iconv name for a web label: as browsers do, the Chinese and Korean labels read as the
    /// supersets that pages labelled with them actually use.
    static func iconvName(_ label: String) -> String {
        switch label {
        case "gb2312", "gbk", "x-gbk", "gb_2312-80", "gb_2312", "chinese", "csgb2312", "iso-ir-58", "gb18030": return "GB18030"
        case "big5", "big5-hkscs", "x-x-big5", "cn-big5", "csbig5": return "BIG5-HKSCS"
        case "euc-kr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "korean", "windows-949", "cp949": return "CP949"
        default: return label.uppercased()
        }
    }

    /// Converts with iconv; nil when the C library does not know the charset. A byte sequence the
    /// charset cannot hold becomes U+FFFD, and conversion goes on after it.
    static func iconvUTF8(_ bytes: [UInt8], from charset: String) -> [UInt8]? {
        #if canImport(Glibc) || canImport(Darwin)
        guard !bytes.isEmpty else { return [] }
        let converter = iconv_open("UTF-8", charset)
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: bytes.count * 3 + 16)
        var produced = 0
        var input = bytes
        return input.withUnsafeMutableBufferPointer { inputBuffer -> [UInt8]? in
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inputBuffer.baseAddress!)
                .assumingMemoryBound(to: CChar.self)
            var inLeft = inputBuffer.count
            while inLeft > 0 {
                if output.count - produced < 16 { output += [UInt8](repeating: 0, count: output.count) }
                let room = output.count - produced
                var outLeft = room
                let result = output.withUnsafeMutableBufferPointer { outputBuffer -> Int in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outputBuffer.baseAddress! + produced)
                        .assumingMemoryBound(to: CChar.self)
                    return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                }
                produced += room - outLeft
                if result == -1 {
                    switch errno {
                    case E2BIG:
                        output += [UInt8](repeating: 0, count: output.count)
                    case EILSEQ, EINVAL:
                        // A bad or truncated sequence: one replacement character, then the next byte.
                        if output.count - produced < 3 { output += [UInt8](repeating: 0, count: output.count) }
                        output.replaceSubrange(produced..<produced + 3, with: [0xEF, 0xBF, 0xBD])
                        produced += 3
                        inPointer = inPointer.map { $0 + 1 }
                        inLeft -= 1
                    default:
                        return nil
                    }
                }
            }
            return repairUTF8(Array(output[0..<produced]))
        }
        #else
        return nil
        #endif
    }

    private static func foundationEncoding(_ label: String) -> String.Encoding? {
        switch label {
        case "iso-8859-2", "latin2", "iso8859-2": return .isoLatin2
        case "windows-1250", "cp1250": return .windowsCP1250
        case "windows-1251", "cp1251": return .windowsCP1251
        case "windows-1253", "cp1253": return .windowsCP1253
        case "windows-1254", "cp1254", "iso-8859-9": return .windowsCP1254
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "windows-31j": return .shiftJIS
        case "euc-jp": return .japaneseEUC
        case "iso-2022-jp": return .iso2022JP
        case "utf-16", "utf-16le": return .utf16LittleEndian
        case "utf-16be": return .utf16BigEndian
        default: return nil
        }
    }
}

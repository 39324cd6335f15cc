// Drops the bodies of <script>, <style> and <noscript> elements and HTML comments before parsing: often
// most of a page's bytes, never text, and costly for libxml2 to step through character by character.
import Foundation

enum HTMLScriptStripper {
    /// The page without script/style/noscript bodies and comments; JSON-LD scripts are kept (metadata lives there).
    /// A `<noscript>` body is raw text to a browser that runs scripts, so tags in it (an unclosed
    /// `<div>`) must not reach the parser, where they would swallow the rest of the page.
    /// NUL bytes are dropped: libxml2 takes one for the end of the input.
    /// With `keepingNoscript`, `<noscript>` bodies stay for the parser: the second reading of a page
    /// whose story is only there (a blog that renders its post from a script template).
    static func strip(_ bytes: [UInt8], keepingNoscript: Bool = false) -> [UInt8] {
        if !bytes.isEmpty, bytes.withUnsafeBufferPointer({ memchr($0.baseAddress!, 0, $0.count) != nil }) {
            return strip(bytes.filter { $0 != 0 }, keepingNoscript: keepingNoscript)
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { input in
            let count = input.count
            var copied = 0
            var index = 0
            while index < count {
                guard let lt = find(0x3C, in: input, from: index) else { break }
                index = lt + 1
                if matches(input, at: lt, "<!--") {
                    guard let end = find(sequence: Array("-->".utf8), in: input, from: lt + 4) else { break }
                    output.append(contentsOf: input[copied..<lt])
                    index = end + 3
                    copied = index
                } else if let name = rawTextElement(input, at: lt), !(keepingNoscript && name == "noscript") {
                    guard let tagEnd = find(0x3E, in: input, from: lt) else { break }
                    let closing = Array("</\(name)".utf8)
                    guard let end = findCaseInsensitive(closing, in: input, from: tagEnd + 1) else { break }
                    let tag = input[lt...tagEnd]
                    if name == "script", containsCaseInsensitive(tag, Array("ld+json".utf8)) {
                        index = end
                        continue
                    }
                    output.append(contentsOf: input[copied...tagEnd])
                    index = end
                    copied = end
                }
            }
            output.append(contentsOf: input[copied..<count])
        }
        return output
    }

    /// `script`, `style` or `noscript` when a start tag of one begins at `index`.
    private static func rawTextElement(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> String? {
        for name in ["script", "style", "noscript"] {
            let bytes = Array(name.utf8)
            guard index + 1 + bytes.count < input.count else { continue }
            var same = true
            for (offset, byte) in bytes.enumerated() where input[index + 1 + offset] | 0x20 != byte {
                same = false
                break
            }
            let next = input[index + 1 + bytes.count]
            if same && (next == 0x3E || next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == 0x2F) { return name }
        }
        return nil
    }

    private static func matches(_ input: UnsafeBufferPointer<UInt8>, at index: Int, _ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index + length <= input.count else { return false }
        return memcmp(input.baseAddress! + index, literal.utf8Start, length) == 0
    }

    private static func find(_ byte: UInt8, in input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < input.count, let found = memchr(input.baseAddress! + start, Int32(byte), input.count - start) else { return nil }
        return input.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private static func find(sequence: [UInt8], in input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while let candidate = find(sequence[0], in: input, from: index) {
            if candidate + sequence.count > input.count { return nil }
            if memcmp(input.baseAddress! + candidate, sequence, sequence.count) == 0 { return candidate }
            index = candidate + 1
        }
        return nil
    }

    private static func findCaseInsensitive(_ sequence: [UInt8], in input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while let candidate = find(0x3C, in: input, from: index) {
            if candidate + sequence.count > input.count { return nil }
            var same = true
            for offset in 1..<sequence.count where input[candidate + offset] | 0x20 != sequence[offset] {
                same = false
                break
            }
            if same { return candidate }
            index = candidate + 1
        }
        return nil
    }

    private static func containsCaseInsensitive(_ haystack: Slice<UnsafeBufferPointer<UInt8>>, _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        var index = haystack.startIndex
        while index + needle.count <= haystack.endIndex {
            var same = true
            for offset in 0..<needle.count where haystack[index + offset] | 0x20 != needle[offset] {
                same = false
                break
            }
            if same { return true }
            index += 1
        }
        return false
    }
}

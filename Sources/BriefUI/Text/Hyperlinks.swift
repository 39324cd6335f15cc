// Web addresses as terminal hyperlinks (OSC 8): found in article text, checked before they are
// ever written inside an escape sequence.

/// A link over a stretch of a block's text, in Unicode scalar offsets.
package struct TextLink: Hashable, Sendable {
    package var range: Range<Int>
    package var url: String

    package init(range: Range<Int>, url: String) {
        self.range = range
        self.url = url
    }
}

/// A link over a run of cells of one grid row, as the terminal adapter sends it.
package struct GridLink: Hashable, Sendable {
    package var y: Int
    package var columns: Range<Int>
    package var url: String

    package init(y: Int, columns: Range<Int>, url: String) {
        self.y = y
        self.columns = columns
        self.url = url
    }
}

package enum Hyperlinks {
    /// Terminals cap the address they keep (VTE and kitty at 2083 and 2048 bytes); a longer
    /// one stays plain text.
    static let maximumLength = 2048

    /// The address as it may go between `ESC ] 8 ; ; ` and `ESC \`: http or https only, printable
    /// ASCII only (anything else percent-encoded), no longer than terminals keep. Nil when the text
    /// is not such an address or holds a control character: it is then never sent.
    package static func terminalSafe(_ text: String) -> String? {
        let lowered = text.prefix(8).lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else { return nil }
        var safe = ""
        for byte in text.utf8 {
            switch byte {
            case 0x21...0x7E: safe.unicodeScalars.append(Unicode.Scalar(byte))
            case 0x80...0xFF: safe += "%" + String(byte, radix: 16, uppercase: true)
            default: return nil
            }
        }
        return safe.utf8.count <= maximumLength ? safe : nil
    }

    /// The http(s) addresses written out in `text`: from the scheme to the next space, less the
    /// punctuation that ends a sentence or closes a bracket the address did not open.
    package static func links(in text: String) -> [TextLink] {
        guard text.contains("http") else { return [] }
        let scalars = Array(text.unicodeScalars)
        var links: [TextLink] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "h", startsAddress(scalars, at: index),
                  index == 0 || !isAddressCharacter(scalars[index - 1]) || scalars[index - 1] == "(" else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, !scalars[end].properties.isWhitespace, scalars[end].value >= 0x20 { end += 1 }
            while end > index, trailingPunctuation(scalars, from: index, to: end) { end -= 1 }
            var address = String.UnicodeScalarView()
            address.append(contentsOf: scalars[index..<end])
            if let url = terminalSafe(String(address)), end - index > 8 {
                links.append(TextLink(range: index..<end, url: url))
            }
            index = max(end, index + 1)
        }
        return links
    }

    private static func startsAddress(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        for scheme in ["http://", "https://"] where index + scheme.unicodeScalars.count <= scalars.count {
            if zip(scheme.unicodeScalars, scalars[index...]).allSatisfy({ $0 == $1 }) { return true }
        }
        return false
    }

    private static func isAddressCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    /// Whether the address's last scalar belongs to the sentence instead: `.`, `,`, quotes, and a
    /// closing bracket with no opening one inside the address (Wikipedia's `(disambiguation)` keeps its own).
    private static func trailingPunctuation(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> Bool {
        let last = scalars[end - 1]
        if ".,;:!?\"'»”’".unicodeScalars.contains(last) { return true }
        let pairs: [Unicode.Scalar: Unicode.Scalar] = [")": "(", "]": "[", "}": "{"]
        guard let opening = pairs[last] else { return false }
        let body = scalars[start..<(end - 1)]
        return body.filter { $0 == opening }.count <= body.filter { $0 == last }.count
    }
}

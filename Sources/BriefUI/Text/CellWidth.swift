// Display width of a Unicode scalar, as glibc's wcwidth (the one ncurses uses) reports it.
import Foundation

/// Column widths from the table in `Resources/cell-widths.txt`.
///
/// BriefUI must not depend on the C library's locale (wcwidth answers -1 for all
/// non-ASCII text until a UTF-8 locale is set), so the widths glibc reports in
/// C.UTF-8 are kept as data; `CellWidthTests` checks the table against glibc.
package enum CellWidth {
    /// A contiguous range of scalars sharing one width other than 1.
    struct Range: Sendable {
        var first: UInt32
        var last: UInt32
        var width: Int8
    }

    static let ranges: [Range] = loadRanges()

    /// Columns the scalar takes: 0 (combining), 1, 2 (wide), or -1 (not printable).
    package static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if value < range.first {
                high = middle - 1
            } else if value > range.last {
                low = middle + 1
            } else {
                return Int(range.width)
            }
        }
        return 1
    }

    /// Columns a string takes once every grapheme is made safe to show.
    package static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += VisibleGrapheme(character).width }
        return total
    }

    private static func loadRanges() -> [Range] {
        // The table ships inside the package; without it every wide character would be drawn one
        // cell wide and the screen would tear, so a missing table stops the program by name.
        guard let url = Bundle.module.url(forResource: "cell-widths", withExtension: "txt", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            preconditionFailure("Brief's bundled table Resources/cell-widths.txt is missing: the installation is incomplete")
        }
        var result: [Range] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: " ")
            guard fields.count == 3, let width = Int8(fields[0]),
                  let first = UInt32(fields[1].dropFirst(2), radix: 16),
                  let last = UInt32(fields[2].dropFirst(2), radix: 16) else { continue }
            result.append(Range(first: first, last: last, width: width))
        }
        return result
    }
}

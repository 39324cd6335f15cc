// The reader's document wrapped to a width, one block at a time, starting where the pane is.

/// A place in the document that does not depend on the width: a block and a line within it.
package struct ReaderAnchor: Hashable, Sendable {
    package var block: BlockKey
    package var line: Int

    package init(block: BlockKey, line: Int) {
        self.block = block
        self.line = line
    }

    package static let top = ReaderAnchor(block: .title, line: 0)
}

package struct ReaderLine: Sendable {
    package var block: BlockKey
    package var lineInBlock: Int
    package var indent: Int
    package var graphemes: [StyledGrapheme]
    /// The block's links; a grapheme whose offset falls in one is part of it.
    package var links: [TextLink] = []
}

/// The lines a pane shows from its top anchor.
package struct ReaderWindow: Sendable {
    package var lines: [ReaderLine]
    /// The blocks that were wrapped to fill the pane (places in the reading order).
    package var blocks: ClosedRange<Int>
    /// How far through the article the bottom of the pane is; 100 only when it shows the end.
    package var percent: Int
}

/// Wraps blocks only when asked: every question starts from an anchor and walks block by block, so a frame
/// costs what the pane shows and a long article opens as fast as a short one.
package struct ReaderLayout: Sendable {
    package let document: ReaderDocument
    package let width: Int

    package init(document: ReaderDocument, width: Int) {
        self.document = document
        self.width = width
    }

    /// A line as a place in the reading order: (block place, line in block). Ordered as the document reads.
    private struct Place: Comparable {
        var block: Int
        var line: Int
        static func < (a: Place, b: Place) -> Bool { (a.block, a.line) < (b.block, b.line) }
    }

    /// The lines of the block at `position`, with the blank line that follows it.
    package func lines(ofBlockAt position: Int) -> [ReaderLine] {
        let block = document.block(at: position)
        let wrapped = TextWrapper.wrap(block.text, roles: block.roles, width: width, indent: block.indent)
        var lines = wrapped.enumerated().map { number, graphemes in
            ReaderLine(block: block.key, lineInBlock: number, indent: number == 0 ? 0 : block.indent, graphemes: graphemes,
                       links: block.links)
        }
        if block.blankAfter {
            lines.append(ReaderLine(block: block.key, lineInBlock: wrapped.count, indent: 0, graphemes: []))
        }
        return lines
    }

    /// Where an anchor is; a line past its block's end (the block wrapped wider before) is the block's last line.
    private func place(of anchor: ReaderAnchor) -> Place {
        let position = document.position(of: anchor.block)
        return Place(block: position, line: max(0, min(anchor.line, lines(ofBlockAt: position).count - 1)))
    }

    private func anchor(at place: Place) -> ReaderAnchor {
        ReaderAnchor(block: document.key(at: place.block), line: place.line)
    }

    /// The pane's lines from `anchor` on (a line past its block's end is the block's last line).
    package func window(at anchor: ReaderAnchor, height: Int) -> ReaderWindow {
        let start = place(of: anchor)
        var lines: [ReaderLine] = []
        var position = start.block
        var blockLines = self.lines(ofBlockAt: position)
        lines += blockLines[start.line...].prefix(max(0, height))
        while lines.count < height, position + 1 < document.blockCount {
            position += 1
            blockLines = self.lines(ofBlockAt: position)
            lines += blockLines.prefix(height - lines.count)
        }
        let reachesEnd = position + 1 >= document.blockCount && (lines.last?.lineInBlock ?? 0) + 1 >= blockLines.count
        return ReaderWindow(lines: lines, blocks: start.block...position,
                            percent: reachesEnd ? 100 : percent(through: lines.last, at: position, of: blockLines.count))
    }

    /// The share of the article's text above the end of `line`, at most 99.
    private func percent(through line: ReaderLine?, at position: Int, of blockLineCount: Int) -> Int {
        let total = document.textLength
        guard let line, total > 0 else { return 99 }
        let (before, length) = document.textExtent(at: position)
        let within = length * (line.lineInBlock + 1) / max(1, blockLineCount)
        return min(99, (before + within) * 100 / total)
    }

    /// The top anchor that shows the document's last line at the bottom of a pane of `height` lines.
    package func lastTop(height: Int) -> ReaderAnchor {
        var position = document.blockCount - 1
        var needed = max(1, height)
        while true {
            let count = lines(ofBlockAt: position).count
            if count >= needed || position == 0 {
                return anchor(at: Place(block: position, line: max(0, count - needed)))
            }
            needed -= count
            position -= 1
        }
    }

    /// `anchor` moved by `step` lines, kept between the top and `lastTop(height:)`.
    package func scroll(_ anchor: ReaderAnchor, by step: Int, height: Int) -> ReaderAnchor {
        let last = place(of: lastTop(height: height))
        let from = min(place(of: anchor), last)
        let target = step >= 0 ? walkForward(from, lines: step, until: last) : walkBack(from, lines: step.magnitude)
        return self.anchor(at: min(target, last))
    }

    /// `lines` lines on from `place`, stopping at `limit`. A step larger than all the lines left (bounded without
    /// wrapping) goes to the limit at once, so the bottom key does not wrap the whole article.
    private func walkForward(_ place: Place, lines: Int, until limit: Place) -> Place {
        var bound = 0
        for position in place.block...limit.block {
            bound += document.lineBound(at: position)
            if bound > lines { break }
        }
        if bound <= lines { return limit }
        var current = place
        var left = lines
        while current < limit {
            let count = self.lines(ofBlockAt: current.block).count
            let inBlock = count - 1 - min(current.line, count - 1)
            if left <= inBlock { return min(Place(block: current.block, line: current.line + left), limit) }
            left -= inBlock + 1
            current = Place(block: current.block + 1, line: 0)
        }
        return limit
    }

    /// `lines` lines back from `place`, stopping at the top.
    private func walkBack(_ place: Place, lines: UInt) -> Place {
        var bound = 0
        for position in stride(from: place.block, through: 0, by: -1) {
            bound += document.lineBound(at: position)
            if bound > lines { break }
        }
        if UInt(bound) <= lines { return Place(block: 0, line: 0) }
        var current = place
        var left = Int(lines)
        while true {
            if left <= current.line { return Place(block: current.block, line: current.line - left) }
            left -= current.line + 1
            guard current.block > 0 else { return Place(block: 0, line: 0) }
            current = Place(block: current.block - 1, line: self.lines(ofBlockAt: current.block - 1).count - 1)
        }
    }

    /// The anchor `lines` lines above `anchor` (at most to the top).
    package func anchor(_ anchor: ReaderAnchor, back lines: Int) -> ReaderAnchor {
        self.anchor(at: walkBack(place(of: anchor), lines: UInt(max(0, lines))))
    }

    /// The line of `block` that contains its scalar `offset`.
    package func anchor(containing offset: Int, in block: BlockKey) -> ReaderAnchor {
        var best = 0
        for line in lines(ofBlockAt: document.position(of: block)) {
            guard let start = line.graphemes.first?.offset else { continue }
            if start <= offset { best = line.lineInBlock } else { break }
        }
        return ReaderAnchor(block: block, line: best)
    }

    /// Whether a pane of `height` lines whose top is `top` shows the line `anchor`.
    package func shows(_ anchor: ReaderAnchor, from top: ReaderAnchor, height: Int) -> Bool {
        let target = place(of: anchor)
        var current = place(of: top)
        guard target >= current else { return false }
        var left = height
        while left > 0, current.block < document.blockCount {
            if current.block == target.block { return target.line - current.line < left }
            left -= lines(ofBlockAt: current.block).count - current.line
            current = Place(block: current.block + 1, line: 0)
        }
        return false
    }

    /// Every line with a search match in the reading order; only blocks with a match are wrapped.
    package func searchMatchLines() -> [ReaderAnchor] {
        var found: [ReaderAnchor] = []
        for position in 0..<document.blockCount where document.block(at: position).roles.contains(.searchMatch) {
            for line in lines(ofBlockAt: position) where line.graphemes.contains(where: { $0.role == .searchMatch }) {
                found.append(ReaderAnchor(block: line.block, line: line.lineInBlock))
            }
        }
        return found
    }

    /// Whether line `a` comes before line `b` in the reading order.
    package func precedes(_ a: ReaderAnchor, _ b: ReaderAnchor) -> Bool {
        place(of: a) < place(of: b)
    }

    /// An anchor with its line kept inside its block, as the pane shows it.
    package func clamped(_ anchor: ReaderAnchor) -> ReaderAnchor {
        self.anchor(at: place(of: anchor))
    }
}

// The reader's document wrapped to a width: lines, and where each block starts.

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
}

package struct ReaderLayout: Sendable {
    package var lines: [ReaderLine] = []
    private var firstLine: [BlockKey: Int] = [:]
    private var lineCount: [BlockKey: Int] = [:]

    package init(document: ReaderDocument, width: Int) {
        for block in document.blocks {
            let wrapped = TextWrapper.wrap(block.text, roles: block.roles, width: width, indent: block.indent)
            firstLine[block.key] = lines.count
            for (number, graphemes) in wrapped.enumerated() {
                lines.append(ReaderLine(block: block.key, lineInBlock: number, indent: number == 0 ? 0 : block.indent,
                                        graphemes: graphemes))
            }
            // A blank line after each block except between the title and its meta line.
            if block.key != .title {
                lines.append(ReaderLine(block: block.key, lineInBlock: wrapped.count, indent: 0, graphemes: []))
            }
            lineCount[block.key] = lines.count - firstLine[block.key]!
        }
    }

    /// The line an anchor points at; a block that is gone (removed text hidden) maps to the nearest kept one.
    package func line(of anchor: ReaderAnchor) -> Int {
        if let first = firstLine[anchor.block] {
            return first + min(anchor.line, (lineCount[anchor.block] ?? 1) - 1)
        }
        if case .removed = anchor.block { return 0 }
        return 0
    }

    /// The anchor for a line number (clamped into the document).
    package func anchor(at line: Int) -> ReaderAnchor {
        guard !lines.isEmpty else { return .top }
        let clamped = max(0, min(line, lines.count - 1))
        return ReaderAnchor(block: lines[clamped].block, line: lines[clamped].lineInBlock)
    }

    /// The first line of the block that contains the scalar `offset` of `block`.
    package func line(containing offset: Int, in block: BlockKey) -> Int? {
        guard let first = firstLine[block], let count = lineCount[block] else { return nil }
        var best = first
        for number in first..<(first + count) {
            guard let start = lines[number].graphemes.first?.offset else { continue }
            if start <= offset { best = number } else { break }
        }
        return best
    }

    /// The first line of a block.
    package func firstLine(of block: BlockKey) -> Int? { firstLine[block] }
}

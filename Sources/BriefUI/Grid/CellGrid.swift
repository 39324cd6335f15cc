// The in-memory screen views draw into; the terminal adapter sends what changed.

/// A width × height array of cells, plus where the text cursor should be.
package struct CellGrid: Hashable, Sendable {
    package private(set) var size: Size
    package private(set) var cells: [Cell]
    /// Where the terminal shows its cursor (a prompt being typed), or nil to hide it.
    package var cursor: Point?
    /// Runs of cells that are web links, for terminals that take OSC 8 hyperlinks.
    package private(set) var links: [GridLink] = []

    package init(size: Size, fill: Cell = .blank) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: fill, count: self.size.width * self.size.height)
    }

    package var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    package subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    /// Sets one cell, repairing any wide grapheme it cuts in half.
    package mutating func set(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        let index = y * size.width + x
        let old = cells[index]
        if old.isContinuation, x > 0 {
            cells[index - 1] = .blank(cells[index - 1].role)
        }
        if old.width == 2, x + 1 < size.width, !(cell.width == 2) {
            cells[index + 1] = .blank(cells[index + 1].role)
        }
        cells[index] = cell
    }

    /// Paints a rectangle with blanks of one role; links under it are gone with their text (an
    /// overlay drawn over the reader does not become a link).
    package mutating func fill(_ rect: Rect, role: StyleRole) {
        if !links.isEmpty {
            links.removeAll { link in
                (rect.y..<rect.maxY).contains(link.y) && link.columns.overlaps(rect.x..<rect.maxX)
            }
        }
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.maxX) {
                set(.blank(role), x: x, y: y)
            }
        }
    }

    /// Writes text from (x, y), at most `maxWidth` columns; returns the columns used.
    ///
    /// A wide grapheme that would not fit whole is replaced by a blank.
    @discardableResult
    package mutating func put(_ text: some StringProtocol, x: Int, y: Int, maxWidth: Int, role: StyleRole) -> Int {
        var column = 0
        for character in text {
            let grapheme = VisibleGrapheme(character)
            guard put(grapheme, x: x + column, y: y, room: maxWidth - column, role: role) else { break }
            column += grapheme.width
        }
        return column
    }

    /// Writes one grapheme if it fits in `room` columns; false when the room is used up.
    package mutating func put(_ grapheme: VisibleGrapheme, x: Int, y: Int, room: Int, role: StyleRole) -> Bool {
        if grapheme.width == 0 { return true }
        guard room > 0 else { return false }
        if grapheme.width > room {
            set(.blank(role), x: x, y: y)
            return false
        }
        set(Cell(text: grapheme.text, width: grapheme.width, role: role), x: x, y: y)
        if grapheme.width == 2 {
            set(.continuation(role), x: x + 1, y: y)
        }
        return true
    }

    /// Marks `width` cells from (x, y) as part of a link to `url`, joining the run before it.
    package mutating func link(_ url: String, x: Int, y: Int, width: Int) {
        guard x >= 0, y >= 0, y < size.height, width > 0, x + width <= size.width else { return }
        if let last = links.last, last.y == y, last.url == url, last.columns.upperBound == x {
            links[links.count - 1].columns = last.columns.lowerBound..<(x + width)
        } else {
            links.append(GridLink(y: y, columns: x..<(x + width), url: url))
        }
    }

    /// Writes text ending at `maxX` (exclusive), right-aligned; returns the columns used.
    @discardableResult
    package mutating func putRight(_ text: some StringProtocol, maxX: Int, y: Int, role: StyleRole) -> Int {
        let width = CellWidth.of(text)
        return put(text, x: maxX - width, y: y, maxWidth: width, role: role)
    }
}

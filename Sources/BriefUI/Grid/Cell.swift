// One screen cell: a grapheme, the columns it takes, and its style role.

/// A cell of the grid. A wide grapheme occupies its cell and the next, which is a
/// continuation (empty text, width 0) that the terminal adapter skips.
package struct Cell: Hashable, Sendable {
    package var text: String
    package var width: Int
    package var role: StyleRole

    package init(text: String, width: Int, role: StyleRole) {
        self.text = text
        self.width = width
        self.role = role
    }

    package static let blank = Cell(text: " ", width: 1, role: .normal)
    package static func blank(_ role: StyleRole) -> Cell { Cell(text: " ", width: 1, role: role) }
    package static func continuation(_ role: StyleRole) -> Cell { Cell(text: "", width: 0, role: role) }

    package var isContinuation: Bool { width == 0 }
}

// A theme: the style of each role, with fallbacks for roles it leaves out.

/// Maps style roles to looks. Roles a theme does not define fall back to their
/// parent (`border.focused` → `border`), then to `normal`.
package struct Theme: Hashable, Sendable {
    package var name: String
    package var styles: [StyleRole: CellStyle]

    package init(name: String, styles: [StyleRole: CellStyle]) {
        self.name = name
        self.styles = styles
    }

    package func style(for role: StyleRole) -> CellStyle {
        var key = role.rawValue
        while true {
            if let role = StyleRole(rawValue: key), let style = styles[role] { return style }
            guard let dot = key.lastIndex(of: ".") else { break }
            key = String(key[..<dot])
        }
        return styles[.normal] ?? .plain
    }

    /// Used only when no theme file can be read at all: attributes, no color.
    package static let fallback = Theme(name: "fallback", styles: [
        .listSelected: CellStyle(attributes: [.reverse]),
        .listSelectedUnfocused: CellStyle(attributes: [.bold]),
        .status: CellStyle(attributes: [.reverse]),
        .statusError: CellStyle(attributes: [.reverse, .bold]),
        .removed: CellStyle(attributes: [.dim]),
        .searchMatch: CellStyle(attributes: [.reverse]),
        .entityCurrent: CellStyle(attributes: [.reverse]),
        .readerTitle: CellStyle(attributes: [.bold]),
        .entityPerson: CellStyle(attributes: [.bold]),
        .entityOrganization: CellStyle(attributes: [.underline]),
        .entityPlace: CellStyle(attributes: [.bold]),
        .borderFocused: CellStyle(attributes: [.bold]),
        .paneTitleFocused: CellStyle(attributes: [.bold]),
    ])
}

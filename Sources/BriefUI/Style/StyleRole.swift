// The semantic roles views draw with; themes decide what each looks like.
import BriefCore

/// What a cell means, not how it looks. Views only ever name roles.
///
/// The raw value is the key used in theme files (`list.selected = {...}`).
package enum StyleRole: String, CaseIterable, Sendable, Hashable {
    case normal
    case border
    case borderFocused = "border.focused"
    case paneTitle = "pane.title"
    case paneTitleFocused = "pane.title.focused"
    case listSelected = "list.selected"
    case listSelectedUnfocused = "list.selected.unfocused"
    case unreadMarker = "list.unread"
    case starMarker = "list.starred"
    case listDate = "list.date"
    case listSource = "list.source"
    case topicBadge = "topic.badge"
    case topicTerm = "topic.term"
    case readerTitle = "reader.title"
    case readerMeta = "reader.meta"
    case readerSummary = "reader.summary"
    case readerHeading = "reader.heading"
    case entityPerson = "entity.person"
    case entityOrganization = "entity.organization"
    case entityPlace = "entity.place"
    case entityNationality = "entity.nationality"
    case entityDate = "entity.date"
    case entityOther = "entity.other"
    case entityCurrent = "entity.current"
    case removed
    case removedReason = "removed.reason"
    case searchMatch = "search.match"
    case facetHeading = "facet.heading"
    case facetCount = "facet.count"
    case facetChecked = "facet.checked"
    case sparkline
    case query
    case status
    case statusError = "status.error"
    case statusKey = "status.key"
    case prompt
    case helpKey = "help.key"
    case helpText = "help.text"
    case overlay
    case warning

    /// The role that shows an entity of the given type.
    package static func entity(_ type: EntityType) -> StyleRole {
        switch type {
        case .person: .entityPerson
        case .organization: .entityOrganization
        case .place: .entityPlace
        case .nationality: .entityNationality
        case .date: .entityDate
        case .other: .entityOther
        }
    }
}

// The filter language's lexical units, each with the column it starts at.

/// One lexical unit of a filter query.
struct FilterToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case openParen
        case closeParen
        case or
        case and
        /// `NOT` or a leading `-`.
        case not
        /// A bare word, possibly `word*`.
        case word(String, prefix: Bool)
        /// A "quoted phrase".
        case phrase(String)
        /// `field:value`; `valuePosition` is where the value starts.
        case field(name: String, value: String, valuePosition: Int)
    }

    var kind: Kind
    /// Offset in characters where the token starts.
    var position: Int
}

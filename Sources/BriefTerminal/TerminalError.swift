// Why the terminal could not be used, in words the user can act on.

package struct TerminalError: Error, Sendable, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}

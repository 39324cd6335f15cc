// What can happen to the reader: input from the terminal, and news from the run loop.

package enum Event: Sendable, Hashable {
    case key(Key)
    case resize(Size)
    /// A message from the run loop (a failed write, a theme error) for the status line.
    case message(String, isError: Bool)
}

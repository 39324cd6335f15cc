// What can happen to the reader: input from the terminal, and news from the run loop.

package enum Event: Sendable, Hashable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(Size)
    /// A message from the run loop (a failed write, a theme error) for the status line.
    case message(String, isError: Bool)
    /// Background work in progress (nil when it is done), for the status line.
    case activity(String?)
    /// The library changed underneath (a background refresh finished): filter again, keeping
    /// the selection, and say what changed.
    case libraryChanged(String?)
}

// Where each pane goes for a terminal size: three columns when wide, one pane at a time when narrow.

package struct ScreenLayout: Sendable, Hashable {
    /// Smallest usable terminal.
    package static let minimum = Size(width: 40, height: 12)
    /// From this width on the three panes stand side by side.
    package static let wideWidth = 100

    package var size: Size
    package var isTooSmall: Bool
    package var isWide: Bool
    package var filter: Rect?
    package var list: Rect?
    package var reader: Rect?
    package var status: Rect

    package init(size: Size, focus: Pane) {
        self.size = size
        isTooSmall = size.width < ScreenLayout.minimum.width || size.height < ScreenLayout.minimum.height
        isWide = size.width >= ScreenLayout.wideWidth
        status = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
        let body = size.height - 1
        guard !isTooSmall else { return }
        if isWide {
            let filterWidth = min(34, max(24, size.width / 5))
            let rest = size.width - filterWidth - 2
            let listWidth = rest * 45 / 100
            filter = Rect(x: 0, y: 0, width: filterWidth, height: body)
            list = Rect(x: filterWidth + 1, y: 0, width: listWidth, height: body)
            reader = Rect(x: filterWidth + listWidth + 2, y: 0, width: rest - listWidth, height: body)
        } else {
            switch focus {
            case .reader:
                reader = Rect(x: 0, y: 0, width: size.width, height: body)
            case .list:
                list = Rect(x: 0, y: 0, width: size.width, height: body)
            case .filter:
                list = Rect(x: 0, y: 0, width: size.width, height: body)
                filter = Rect(x: 0, y: 0, width: min(size.width, 36), height: body)
            }
        }
    }

    /// Columns of the filter pane (also the overlay's), for the sparkline.
    package var filterWidth: Int {
        isWide ? min(34, max(24, size.width / 5)) : min(size.width, 36)
    }

    /// Rows of content in a pane (its first row is the title bar).
    package static func contentHeight(_ rect: Rect?) -> Int { max(0, (rect?.height ?? 0) - 1) }
}

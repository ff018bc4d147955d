/// Something that draws itself into a rectangle of a ``Buffer``.
///
/// Widgets are plain values built fresh each frame from the app state.
/// Rendering writes cells and nothing else: no terminal, no I/O, no state
/// kept between frames (a scroll offset lives in the app state and is
/// passed in), which is why each widget can be tested with literal lines.
public protocol Widget {
    /// Draws into `area` of `buffer`, never outside it.
    func render(into buffer: inout Buffer, area: Rect)
}

extension Buffer {
    /// Renders `widget` into `area` (the whole buffer when omitted).
    public mutating func render(_ widget: some Widget, area: Rect? = nil) {
        widget.render(into: &self, area: (area ?? self.area).intersection(self.area))
    }
}

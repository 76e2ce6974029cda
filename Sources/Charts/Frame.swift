/// A rectangle in SVG user units.
struct Rect: Sendable, Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }
}

/// Type sizes in user units, chosen for a ~700 unit wide chart shown in a ~700 px column.
enum FontSize {
    static let tick = 13.0
    static let label = 14.0
    static let title = 16.0
    static let legend = 13.0
    static let note = 12.5
}

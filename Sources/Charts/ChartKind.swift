import SVGText

/// A legend entry: a series name and how its swatch is drawn.
struct LegendEntry: Sendable, Equatable {
    enum Swatch: Sendable {
        case line, box, point
    }

    var label: String
    var colorIndex: Int
    var swatch: Swatch
}

/// A continuous colour scale drawn beside the plot (heat maps).
struct ColorBar: Sendable {
    var label: String
    var lower: Double
    var upper: Double
}

/// What one chart type contributes: its axes, legend and marks; the renderer does layout around it.
protocol ChartKind {
    /// The horizontal axis, given how many ticks fit.
    func xAxis(tickCount: Int) -> AxisModel
    /// The vertical axis, given how many ticks fit.
    func yAxis(tickCount: Int) -> AxisModel
    /// One entry per series (empty when there is only one).
    var legend: [LegendEntry] { get }
    /// A colour scale to draw instead of (or beside) the legend.
    var colorBar: ColorBar? { get }
    /// Default axis titles when the spec gives none.
    var defaultXLabel: String { get }
    var defaultYLabel: String { get }
    /// A sentence or two describing the data, for `<desc>`.
    var summary: String { get }
    /// Draws the marks inside the plot frame.
    func draw(x: Scale, y: Scale, frame: Rect, into svg: inout SVGWriter)
    /// Space between bars of a band axis, as a fraction of each band.
    var bandPadding: Double { get }
    /// Whether value grid lines are drawn behind the marks.
    var showsGrid: Bool { get }
    /// The chart's kind in words ("Line chart").
    var typeName: String { get }
}

extension ChartKind {
    var colorBar: ColorBar? { nil }
    var bandPadding: Double { 0.2 }
    var showsGrid: Bool { true }
    var typeName: String { "Chart" }
}

/// The kinds of chart a spec can ask for.
enum ChartType: String, CaseIterable, Sendable {
    case line, scatter, bar, area, histogram, heatmap, box
    case groupedBar = "grouped-bar"
    case stackedBar = "stacked-bar"
    case stackedArea = "stacked-area"

    /// Reads a type name, accepting `_`/space for `-`, any case and a few common aliases.
    init?(name: String) {
        let normal = name.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        switch normal {
        case "column", "bars": self = .bar
        case "hist": self = .histogram
        case "boxplot", "box-plot": self = .box
        case "points", "dot", "dots": self = .scatter
        case "lines": self = .line
        case "heat-map", "matrix": self = .heatmap
        default:
            guard let type = ChartType(rawValue: normal) else { return nil }
            self = type
        }
    }
}

/// How a scale was requested; `auto` follows the column (numbers, dates or categories).
enum ScaleChoice: String, Sendable {
    case auto, linear, log, time, band
}

/// Where the legend goes; `auto` puts it above the plot when there is more than one series.
enum LegendPosition: String, Sendable {
    case auto, top, bottom, right, none
}

/// A column named in the spec, with the spec line that named it.
struct FieldRef: Equatable, Sendable {
    var name: String
    var line: Int?
}

/// Where the data comes from.
enum DataSource: Sendable {
    /// Rows written in the spec (already a table).
    case inline(DataTable)
    /// A CSV, TSV or JSON file relative to the page bundle.
    case file(String)
}

/// A horizontal (`y`) or vertical (`x`) reference line.
struct ReferenceRule: Sendable {
    var axis: Axis
    /// The value as written (a number or a date), resolved against the axis later.
    var value: String
    var label: String?
    var line: Int?
}

/// A text note placed at a data position.
struct Annotation: Sendable {
    var x: String
    var y: String
    var text: String
    /// Text goes below the point instead of above it.
    var below = false
    var line: Int?
}

/// The horizontal or vertical axis.
enum Axis: String, Sendable {
    case x, y
}

/// A lower and upper bound, either of which may be left to the data.
struct AxisRange: Sendable, Equatable {
    var lower: Double?
    var upper: Double?
}

/// A chart spec after parsing and validation of its shape (columns are checked against the data later).
struct ChartSpec: Sendable {
    var type: ChartType = .line
    var id: String?
    var title: String?
    var caption: String?
    var description: String?
    var data: DataSource?
    var dataLine: Int?
    var x: FieldRef?
    var y: [FieldRef] = []
    var series: FieldRef?
    var value: FieldRef?
    var yError: FieldRef?
    var xLabel: String?
    var yLabel: String?
    var xScale: ScaleChoice = .auto
    var yScale: ScaleChoice = .auto
    var xRange = AxisRange()
    var yRange = AxisRange()
    var bins: Int?
    var stacked = false
    var rules: [ReferenceRule] = []
    var annotations: [Annotation] = []
    var width: Double = 700
    var height: Double?
    var aspect: Double?
    var legend: LegendPosition = .auto
    var points: Bool?
    var cellLabels: Bool?
    /// A heat map's data is a matrix (row labels, then one column per category); nil decides from the spec.
    var matrix: Bool?
    /// The title of a heat map's colour bar.
    var valueLabel: String?

    /// Whether a heat map reads its data as a matrix: when asked, or when no `x` or `y` column is named.
    var readsMatrix: Bool {
        type == .heatmap && (matrix ?? (x == nil && y.isEmpty))
    }

    /// The drawing height: explicit, from the aspect ratio, or a type-specific default.
    var resolvedHeight: Double {
        if let height { return height }
        if let aspect { return width / aspect }
        return type == .heatmap ? width * 0.8 : width / 1.6
    }
}

/// One named series of (x, y) points, with optional error half-widths.
struct Series: Sendable {
    var name: String
    var xs: [Double]
    var ys: [Double]
    var errors: [Double]?
    var colorIndex: Int
}

/// How x values are read: as numbers, as dates or as categories.
struct XEncoding: Sendable {
    var kind: AxisModel.Kind
    var categories: [String]
    var values: [Double]
}

/// Splits a table into series by y columns and the `color`/`series` column.
enum SeriesBuilder {
    /// Reads the x column (numbers, dates or categories) honouring the requested scale.
    static func xEncoding(_ column: Column, choice: ScaleChoice, forceBand: Bool = false) throws -> XEncoding {
        if forceBand || choice == .band || column.kind == .text {
            var position: [String: Int] = [:]
            var categories: [String] = []
            var values = [Double](repeating: .nan, count: column.text.count)
            for (row, cell) in column.text.enumerated() where !Column.isMissing(cell) {
                let index: Int
                if let known = position[cell] {
                    index = known
                } else {
                    index = categories.count
                    position[cell] = index
                    categories.append(cell)
                }
                values[row] = Double(index)
            }
            return XEncoding(kind: .band, categories: categories, values: values)
        }
        let kind: AxisModel.Kind
        switch choice {
        case .log: kind = .log
        case .time: kind = .time
        default: kind = column.kind == .date ? .time : .linear
        }
        return XEncoding(kind: kind, categories: [], values: column.numbers)
    }

    /// The series of a chart: one per y column, times one per distinct value of the series column.
    static func build(spec: ChartSpec, table: DataTable, x: XEncoding) throws -> [Series] {
        guard !spec.y.isEmpty else { throw ChartError("this chart needs `y:` (a column or a list of columns)", line: 1) }
        let yColumns = try spec.y.map { field -> Column in
            let column = try table.require(field, role: "y")
            guard column.kind == .number else {
                throw ChartError("column `\(field.name)` for y holds text, not numbers", line: field.line)
            }
            return column
        }
        let errorColumn = try spec.yError.map { field -> Column in
            let column = try table.require(field, role: "y_err")
            guard column.kind == .number else {
                throw ChartError("column `\(field.name)` for y_err holds text, not numbers", line: field.line)
            }
            return column
        }
        let groupColumn = try spec.series.map { try table.require($0, role: "color") }
        var groups: [String] = []
        var groupOf: [Int] = []
        if let groupColumn {
            var position: [String: Int] = [:]
            groupOf.reserveCapacity(groupColumn.text.count)
            for cell in groupColumn.text {
                if let known = position[cell] {
                    groupOf.append(known)
                } else {
                    position[cell] = groups.count
                    groupOf.append(groups.count)
                    groups.append(cell)
                }
            }
            guard groups.count <= 60 else {
                throw ChartError(
                    "the `color` column has \(groups.count) distinct values; at most 60 series can be told apart",
                    line: spec.series?.line)
            }
        }
        var result: [Series] = []
        for (yIndex, yColumn) in yColumns.enumerated() {
            if groups.isEmpty {
                result.append(
                    Series(
                        name: yColumn.name, xs: x.values, ys: yColumn.numbers,
                        errors: errorColumn?.numbers, colorIndex: result.count))
                continue
            }
            var buckets = Array(
                repeating: Series(
                    name: "", xs: [], ys: [], errors: errorColumn == nil ? nil : [],
                    colorIndex: 0), count: groups.count)
            for row in 0..<min(x.values.count, yColumn.numbers.count) {
                let group = groupOf[row]
                buckets[group].xs.append(x.values[row])
                buckets[group].ys.append(yColumn.numbers[row])
                if let errorColumn { buckets[group].errors?.append(errorColumn.numbers[row]) }
            }
            for (group, var series) in buckets.enumerated() {
                series.name = yColumns.count > 1 ? "\(groups[group]) · \(spec.y[yIndex].name)" : groups[group]
                series.colorIndex = result.count
                result.append(series)
            }
        }
        return result
    }

    /// The finite extent of values, or nil when there are none.
    static func extent<S: Sequence>(_ values: S) -> (Double, Double)? where S.Element == Double {
        var lower = Double.infinity
        var upper = -Double.infinity
        for value in values where value.isFinite {
            if value < lower { lower = value }
            if value > upper { upper = value }
        }
        return lower <= upper ? (lower, upper) : nil
    }
}

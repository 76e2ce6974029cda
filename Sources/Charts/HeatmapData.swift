/// A heat map's cells with their row and column labels, read from long data (one row per cell) or from a
/// matrix (row labels in the first column, column labels in the header, as pandas writes a data frame).
struct HeatmapGrid: Sendable {
    var columns: [String]
    var rows: [String]
    /// cells[row][column]; NaN where the data has no value.
    var cells: [[Double]]
    /// Names of the axes and the value, for tooltips, the summary and default titles.
    var xName: String
    var yName: String
    var valueName: String
    /// Default axis titles (a matrix has no name for its columns).
    var xTitle: String
    var yTitle: String

    static let maximumCategories = 200

    /// Reads the grid the spec asks for.
    static func read(spec: ChartSpec, table: DataTable, log: inout WarningLog) throws -> HeatmapGrid {
        guard spec.readsMatrix else { return try long(spec: spec, table: table) }
        if let field = spec.x ?? spec.y.first ?? spec.value {
            log.add(
                "`x`, `y` and `value` name columns of long data and are ignored for a matrix; "
                    + "name its axes with `x_label` and `y_label`", line: field.line)
        }
        return try matrix(spec: spec, table: table)
    }

    /// One row per cell: two category columns and an optional value column (rows are counted without it).
    static func long(spec: ChartSpec, table: DataTable) throws -> HeatmapGrid {
        guard let xField = spec.x, let yField = spec.y.first else {
            throw ChartError(
                "a heatmap needs `x:` and `y:` (the two category columns) and usually `value:`; "
                    + "for a matrix with row labels in the first column and column labels in the header, "
                    + "give `matrix: true`", line: 1)
        }
        let xColumn = try table.require(xField, role: "x")
        let yColumn = try table.require(yField, role: "y")
        let valueColumn = try spec.value.map { try table.require($0, role: "value") }
        if let valueColumn, valueColumn.kind != .number {
            throw ChartError("column `\(valueColumn.name)` for value holds text, not numbers", line: spec.value?.line)
        }
        let x = try SeriesBuilder.xEncoding(xColumn, choice: .band, forceBand: true)
        let y = try SeriesBuilder.xEncoding(yColumn, choice: .band, forceBand: true)
        guard x.categories.count <= maximumCategories, y.categories.count <= maximumCategories else {
            throw ChartError("a heatmap can show at most \(maximumCategories) categories on each axis", line: xField.line)
        }
        var cells = Array(repeating: Array(repeating: Double.nan, count: x.categories.count), count: y.categories.count)
        for row in 0..<min(x.values.count, y.values.count) {
            guard x.values[row].isFinite, y.values[row].isFinite else { continue }
            let amount = valueColumn.map { $0.numbers[row] } ?? 1
            guard amount.isFinite else { continue }
            add(amount, to: &cells[Int(saturating: y.values[row])][Int(saturating: x.values[row])])
        }
        return HeatmapGrid(
            columns: x.categories, rows: y.categories, cells: cells, xName: xColumn.name, yName: yColumn.name,
            valueName: spec.valueLabel ?? valueColumn?.name ?? "count", xTitle: xColumn.name, yTitle: yColumn.name)
    }

    /// A matrix: the first column labels the rows, the other columns' names label the columns, and every
    /// other cell is a number (or missing). Repeated row or column labels add up, as repeated cells of long data do.
    static func matrix(spec: ChartSpec, table: DataTable) throws -> HeatmapGrid {
        guard let labels = table.columns.first, table.columns.count >= 2 else {
            throw ChartError(
                "a matrix needs row labels in its first column and at least one column of values",
                line: spec.dataLine)
        }
        let valueColumns = table.columns.dropFirst()
        if let text = valueColumns.first(where: { $0.kind != .number && $0.text.contains { !Column.isMissing($0) } }) {
            let cell = text.text.first { !Column.isMissing($0) && Column.number($0) == nil } ?? ""
            let why = spec.matrix == nil ? " (the spec names no `x` and `y`, so its data is read as a matrix)" : ""
            throw ChartError(
                "column `\(text.name)` of the matrix holds `\(cell)`, not a number\(why); a matrix has row labels "
                    + "in its first column and numbers in the others", line: spec.dataLine)
        }
        let columns = unique(valueColumns.map(\.name))
        let rows = unique(labels.text.map { $0.trimmingCharacters(in: .whitespaces) })
        guard columns.names.count <= maximumCategories, rows.names.count <= maximumCategories else {
            throw ChartError("a heatmap can show at most \(maximumCategories) categories on each axis", line: spec.dataLine)
        }
        var cells = Array(repeating: Array(repeating: Double.nan, count: columns.names.count), count: rows.names.count)
        for (offset, column) in valueColumns.enumerated() {
            let c = columns.index[offset]
            for (row, value) in column.numbers.enumerated() where value.isFinite {
                add(value, to: &cells[rows.index[row]][c])
            }
        }
        let corner = labels.name.trimmingCharacters(in: .whitespaces)
        return HeatmapGrid(
            columns: columns.names, rows: rows.names, cells: cells, xName: spec.xLabel ?? "column",
            yName: spec.yLabel ?? (corner.isEmpty ? "row" : corner), valueName: spec.valueLabel ?? "value",
            xTitle: "", yTitle: corner)
    }

    private static func add(_ amount: Double, to cell: inout Double) {
        cell = cell.isNaN ? amount : cell + amount
    }

    /// Distinct labels in order of first appearance, and each input's position among them.
    private static func unique(_ labels: [String]) -> (names: [String], index: [Int]) {
        var position: [String: Int] = [:]
        var names: [String] = []
        let index = labels.map { label -> Int in
            if let known = position[label] { return known }
            position[label] = names.count
            names.append(label)
            return names.count - 1
        }
        return (names, index)
    }
}

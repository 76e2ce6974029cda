import Charts

/// Reads Mermaid pie charts: `pie`, `pie showData`, `pie title …` or a `title …` line, then one
/// `"Label" : value` line per slice. The chart is drawn by the Charts module's ``PieChart``.
struct PieParser {
    private(set) var warnings: [DiagramDiagnostic] = []

    mutating func parse(_ source: DiagramSource) throws -> PieChart {
        let statements = Statement.split(source.lines, semicolons: false)
        guard let header = statements.first, header.keyword.0 == "pie" else {
            throw DiagramDiagnostic(line: 1, column: 1, message: "expected `pie`")
        }
        var chart = PieChart(slices: [])
        var rest = header.keyword.1
        if rest.hasPrefix("showData") {
            chart.showsValues = true
            rest = String(rest.dropFirst(8)).trimmingSpaces
        }
        if rest.hasPrefix("title") { chart.heading = String(rest.dropFirst(5)).trimmingSpaces }
        for statement in statements.dropFirst() {
            let (keyword, value) = statement.keyword
            if keyword == "title" {
                chart.heading = value
                continue
            }
            if keyword == "showData" {
                chart.showsValues = true
                continue
            }
            chart.slices.append(try slice(statement))
        }
        guard !chart.slices.isEmpty else {
            throw DiagramDiagnostic(line: header.line, column: header.column, message: "the pie has no slices; add lines such as `\"Dogs\" : 386`")
        }
        return chart
    }

    /// `"Label" : 42.5`.
    private func slice(_ statement: Statement) throws -> PieChart.Slice {
        let text = statement.string
        guard let quote = text.first, quote == "\"" || quote == "'",
            let close = text.dropFirst().firstIndex(of: quote)
        else {
            throw DiagramDiagnostic(
                line: statement.line, column: statement.column,
                message: "a slice is a quoted label, a colon and a number: `\"Dogs\" : 386`")
        }
        let label = Label.decodeEntities(String(text[text.index(after: text.startIndex)..<close]))
        let after = text[text.index(after: close)...].trimmingSpaces
        let column = statement.column + text.distance(from: text.startIndex, to: close) + 1
        guard after.hasPrefix(":") else {
            throw DiagramDiagnostic(line: statement.line, column: column, message: "the slice `\(label)` needs `:` and its value")
        }
        let number = String(after.dropFirst()).trimmingSpaces
        guard let value = Double(number), value.isFinite else {
            throw DiagramDiagnostic(
                line: statement.line, column: column, message: "`\(number)` is not a number; write the slice's value as `\"\(label)\" : 42`")
        }
        guard value >= 0 else {
            throw DiagramDiagnostic(
                line: statement.line, column: column, message: "the slice `\(label)` has a negative value (\(number)); a pie's slices are 0 or more")
        }
        return PieChart.Slice(label: label, value: value)
    }
}

import SVGText

/// The chart's data as a visually hidden HTML table, for screen readers.
enum AccessibleTable {
    /// Rows beyond this are summarised rather than listed.
    static let maximumRows = 500

    /// A `<table class="visually-hidden">` of the columns the spec uses (all of a matrix's), in the data's order.
    static func html(spec: ChartSpec, table: DataTable, title: String) -> String {
        var wanted: [String] = []
        for field in [spec.x, spec.series, spec.value, spec.yError].compactMap({ $0 }) + spec.y {
            if let column = table.column(named: field.name) { wanted.append(column.name) }
        }
        let columns = spec.readsMatrix ? table.columns : table.columns.filter { wanted.contains($0.name) }
        guard !columns.isEmpty else { return "" }
        let shown = min(table.rowCount, maximumRows)
        var html = "<table class=\"visually-hidden\"><caption>Data: \(HTML.escape(title))"
        if shown < table.rowCount { html += " (first \(shown) of \(table.rowCount) rows)" }
        html += "</caption><thead><tr>"
        for column in columns { html += "<th scope=\"col\">\(HTML.escape(column.name))</th>" }
        html += "</tr></thead><tbody>"
        for row in 0..<shown {
            html += "<tr>"
            for column in columns { html += "<td>\(HTML.escape(row < column.text.count ? column.text[row] : ""))</td>" }
            html += "</tr>"
        }
        html += "</tbody></table>"
        return html
    }
}

/// HTML text escaping for captions and table cells.
enum HTML {
    static func escape(_ text: String) -> String {
        SVGWriter.escape(text)
    }
}

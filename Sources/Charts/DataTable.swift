/// What a column holds, decided from all of its non-empty cells.
enum ColumnKind: Sendable, Equatable {
    case number
    /// Dates and times; ``Column/numbers`` holds seconds since 1970 (UTC).
    case date
    case text
}

/// One named column of cells, kept both as written and as numbers.
struct Column: Sendable {
    var name: String
    var text: [String]
    /// The numeric value of each cell; NaN when missing or not a number (or date, for date columns).
    var numbers: [Double]
    var kind: ColumnKind

    /// Types a column from its cells: numbers when every non-empty cell is one, else dates, else text.
    init(name: String, cells: [String]) {
        self.name = name
        self.text = cells
        var numbers = [Double](repeating: .nan, count: cells.count)
        var allNumbers = true
        var any = false
        for (index, cell) in cells.enumerated() where !Self.isMissing(cell) {
            any = true
            if let value = Self.number(cell) {
                numbers[index] = value
            } else {
                allNumbers = false
                break
            }
        }
        if allNumbers {
            self.numbers = numbers
            self.kind = any ? .number : .text
            return
        }
        var allDates = true
        for (index, cell) in cells.enumerated() where !Self.isMissing(cell) {
            if let seconds = DateValue.parse(cell) {
                numbers[index] = seconds
            } else {
                allDates = false
                break
            }
        }
        self.numbers = allDates ? numbers : [Double](repeating: .nan, count: cells.count)
        self.kind = allDates ? .date : .text
    }

    /// Empty cells and the usual spellings of "not available".
    static func isMissing(_ cell: String) -> Bool {
        switch cell {
        case "", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "~", "-": return true
        default: return false
        }
    }

    /// A finite number written in decimal or exponent form (a leading `+` and surrounding spaces allowed).
    static func number(_ cell: String) -> Double? {
        guard let first = cell.utf8.first else { return nil }
        // Double(String) also reads "inf" and "0x1p3"; data columns only hold plain decimals.
        guard first == 0x2D || first == 0x2B || first == 0x2E || (0x30...0x39).contains(first) || first == 0x20 else {
            return nil
        }
        var trimmed = Substring(cell)
        if first == 0x20 || cell.utf8.last == 0x20 { trimmed = trimmed.drop { $0 == " " } }
        while trimmed.last == " " { trimmed = trimmed.dropLast() }
        if trimmed.contains("x") || trimmed.contains("X") { return nil }
        guard let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }
}

/// Rows of named columns, loaded from the spec or a data file.
struct DataTable: Sendable {
    var columns: [Column]

    var rowCount: Int { columns.first?.text.count ?? 0 }

    init(columns: [Column]) {
        self.columns = columns
    }

    /// Builds typed columns from a header and column-major cells (every column as long as the longest).
    init(names: [String], cells: [[String]]) {
        let rows = cells.map(\.count).max() ?? 0
        columns = zip(names, cells).map { name, values in
            var padded = values
            if padded.count < rows { padded += Array(repeating: "", count: rows - padded.count) }
            return Column(name: name, cells: padded)
        }
    }

    /// The column with this name, matching exactly or else ignoring case and surrounding spaces.
    func column(named name: String) -> Column? {
        if let exact = columns.first(where: { $0.name == name }) { return exact }
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        return columns.first { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == wanted }
    }

    /// Looks a spec's column up, or explains which columns exist.
    func require(_ field: FieldRef, role: String) throws -> Column {
        guard let column = column(named: field.name) else {
            let names = columns.prefix(12).map { "`\($0.name)`" }.joined(separator: ", ")
            throw ChartError("no column `\(field.name)` for \(role); the data has \(names.isEmpty ? "no columns" : names)",
                             line: field.line)
        }
        return column
    }
}

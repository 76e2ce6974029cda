import Foundation

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
        if let value = fastDecimal(cell) { return value }
        // Only plain decimals: Double(String) would also read "inf", "nan" and hexadecimal.
        var hasDigit = false
        for byte in cell.utf8 {
            switch byte {
            case 0x30...0x39: hasDigit = true
            case 0x2B, 0x2D, 0x2E, 0x45, 0x65, 0x20: continue
            default: return nil
            }
        }
        guard hasDigit, let value = Double(cell.trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
        return value
    }

    private static let exactPowers: [Double] = (0...22).map { NumberFormat.power10($0) }

    /// `-12.345` style decimals of at most 15 digits, converted exactly (one correctly rounded multiply or
    /// divide, as both operands are exact); nil for anything else, which takes the general path.
    private static func fastDecimal(_ cell: String) -> Double? {
        var mantissa: Int64 = 0
        var digits = 0
        var fraction = 0
        var negative = false
        var seenPoint = false
        var position = 0
        for byte in cell.utf8 {
            switch byte {
            case 0x30...0x39:
                mantissa = mantissa * 10 + Int64(byte - 0x30)
                if mantissa != 0 || seenPoint { digits += 1 }
                if seenPoint { fraction += 1 }
            case 0x2D where position == 0: negative = true
            case 0x2E where !seenPoint: seenPoint = true
            default: return nil
            }
            position += 1
            if digits > 15 { return nil }
        }
        guard position > (negative ? 1 : 0), position > (seenPoint ? 1 : 0) + (negative ? 1 : 0) else { return nil }
        let value = Double(mantissa) / exactPowers[fraction]
        return negative ? -value : value
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
            throw ChartError(
                "no column `\(field.name)` for \(role); the data has \(names.isEmpty ? "no columns" : names)",
                line: field.line)
        }
        return column
    }
}

/// RFC 4180 CSV (and TSV) reading: quoted fields, doubled quotes, CRLF or LF line ends, a header row.
enum CSVParser {
    /// Tab when the first line has a tab, semicolon when it has semicolons but no commas, else comma.
    static func guessSeparator(_ text: String) -> UInt8 {
        var commas = 0
        var semicolons = 0
        for byte in text.utf8 {
            switch byte {
            case 0x0A: return commas == 0 && semicolons > 0 ? 0x3B : 0x2C
            case 0x09: return 0x09
            case 0x2C: commas += 1
            case 0x3B: semicolons += 1
            default: break
            }
        }
        return commas == 0 && semicolons > 0 ? 0x3B : 0x2C
    }

    /// Parses `text` into a table whose first row names the columns.
    static func parse(_ text: String, separator: UInt8) throws -> DataTable {
        var names: [String]?
        var columns: [[String]] = []
        var row: [String] = []
        var rowNumber = 0
        var field: [UInt8] = []
        var inQuotes = false
        var quotedField = false
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }

        func endField() {
            row.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            quotedField = false
        }
        func endRow() throws {
            rowNumber += 1
            defer { row.removeAll(keepingCapacity: true) }
            if row.count == 1, row[0].isEmpty { return }  // blank line
            guard let header = names else {
                names = row.map { $0.trimmingCharacters(in: .whitespaces) }
                columns = Array(repeating: [], count: row.count)
                for index in columns.indices { columns[index].reserveCapacity(bytes.count / max(1, row.count * 6)) }
                return
            }
            guard row.count <= header.count else {
                throw ChartError("row \(rowNumber) has \(row.count) fields but the header has \(header.count)")
            }
            for index in 0..<header.count {
                columns[index].append(index < row.count ? row[index] : "")
            }
        }

        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if inQuotes {
                if byte == 0x22 {
                    if index + 1 < count, bytes[index + 1] == 0x22 {
                        field.append(0x22)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == separator {
                endField()
            } else if byte == 0x0A || byte == 0x0D {
                endField()
                try endRow()
                if byte == 0x0D, index + 1 < count, bytes[index + 1] == 0x0A { index += 1 }
            } else if byte == 0x22, field.isEmpty, !quotedField {
                inQuotes = true
                quotedField = true
            } else {
                field.append(byte)
            }
            index += 1
        }
        if inQuotes { throw ChartError("a quoted field is not closed before the end of the data") }
        if !field.isEmpty || !row.isEmpty {
            endField()
            try endRow()
        }
        guard let header = names, !header.isEmpty else { throw ChartError("the data has no header row") }
        guard columns.first.map({ !$0.isEmpty }) ?? false else { throw ChartError("the data has a header but no rows") }
        return DataTable(names: header, cells: columns)
    }
}

import Foundation

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
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var header: [String]?
        var columns: [[String]] = []
        var row: [String] = []
        var rowNumber = 0
        var quoted: [UInt8] = []
        var index = 0
        let count = bytes.count
        while index <= count {
            // One field: quoted (with "" escapes) or plain up to the separator or line end.
            var field: String
            if index < count, bytes[index] == 0x22 {
                quoted.removeAll(keepingCapacity: true)
                index += 1
                var closed = false
                while index < count {
                    let byte = bytes[index]
                    index += 1
                    if byte == 0x22 {
                        if index < count, bytes[index] == 0x22 {
                            quoted.append(0x22)
                            index += 1
                        } else {
                            closed = true
                            break
                        }
                    } else {
                        quoted.append(byte)
                    }
                }
                guard closed else { throw ChartError("a quoted field is not closed before the end of the data") }
                let start = index
                while index < count, bytes[index] != separator, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
                quoted += bytes[start..<index]
                field = String(decoding: quoted, as: UTF8.self)
            } else {
                let start = index
                while index < count, bytes[index] != separator, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
                field = String(decoding: bytes[start..<index], as: UTF8.self)
            }
            row.append(field)
            if index < count, bytes[index] == separator {
                index += 1
                continue
            }
            // End of a line (or of the data).
            if index < count, bytes[index] == 0x0D { index += 1 }
            if index < count, bytes[index] == 0x0A { index += 1 }
            let atEnd = index >= count
            rowNumber += 1
            if !(row.count == 1 && row[0].isEmpty) {
                if let names = header {
                    guard row.count <= names.count else {
                        throw ChartError("row \(rowNumber) has \(row.count) fields but the header has \(names.count)")
                    }
                    for column in 0..<names.count { columns[column].append(column < row.count ? row[column] : "") }
                } else {
                    header = row.map { $0.trimmingCharacters(in: .whitespaces) }
                    columns = Array(repeating: [], count: row.count)
                }
            }
            row.removeAll(keepingCapacity: true)
            if atEnd { break }
        }
        guard let names = header, !names.isEmpty else { throw ChartError("the data has no header row") }
        guard columns.first.map({ !$0.isEmpty }) ?? false else { throw ChartError("the data has a header but no rows") }
        return DataTable(names: names, cells: columns)
    }
}

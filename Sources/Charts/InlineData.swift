import Yams

/// Reads the spec's `data:` value: a file path, inline CSV text, a list of rows or a mapping of columns.
enum DataSpecReader {
    /// Inline data larger than this many cells is refused (aliases can multiply a small spec).
    static let maximumCells = 2_000_000

    static func read(_ node: Node, key: String) throws -> DataSource {
        if let scalar = node.scalar {
            let text = scalar.string
            if text.contains("\n") {
                return .inline(try CSVParser.parse(text, separator: CSVParser.guessSeparator(text)))
            }
            let path = text.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty else { throw ChartError("`\(key)` is empty", line: node.mark?.line) }
            return .file(path)
        }
        if let sequence = node.sequence { return .inline(try rows(sequence, line: node.mark?.line)) }
        if let mapping = node.mapping {
            if mapping.count == 1, let only = mapping.first, let name = only.key.scalar?.string,
                ["file", "path", "url", "src"].contains(name.lowercased())
            {
                return try read(only.value, key: "\(key).\(name)")
            }
            return .inline(try columns(mapping))
        }
        throw ChartError("`\(key)` must be a file name, rows or columns", line: node.mark?.line)
    }

    /// `- {x: 1, y: 2}` rows (columns in order of first appearance) or `- [1, 2]` rows under a header row.
    private static func rows(_ sequence: Node.Sequence, line: Int?) throws -> DataTable {
        guard let first = sequence.first else { throw ChartError("the inline data has no rows", line: line) }
        if first.sequence != nil {
            guard let header = first.sequence else { throw ChartError("the inline data has no rows", line: line) }
            let names = try header.map { try cell($0) }
            var cells = Array(repeating: [String](), count: names.count)
            var total = 0
            for row in sequence.dropFirst() {
                guard let values = row.sequence else {
                    throw ChartError("every row must be a list like the first (header) row", line: row.mark?.line)
                }
                guard values.count <= names.count else {
                    throw ChartError(
                        "this row has \(values.count) cells but the header has \(names.count)",
                        line: row.mark?.line)
                }
                total += names.count
                guard total <= maximumCells else { throw ChartError("the inline data is too large", line: row.mark?.line) }
                for index in 0..<names.count {
                    cells[index].append(index < values.count ? try cell(values[index]) : "")
                }
            }
            return DataTable(names: names, cells: cells)
        }
        var names: [String] = []
        var position: [String: Int] = [:]
        var cells: [[String]] = []
        var count = 0
        var total = 0
        for row in sequence {
            guard let mapping = row.mapping else {
                throw ChartError("every row must be a mapping like {epoch: 1, loss: 0.5}", line: row.mark?.line)
            }
            for (keyNode, value) in mapping {
                guard let name = keyNode.scalar?.string else { continue }
                let index: Int
                if let known = position[name] {
                    index = known
                } else {
                    index = names.count
                    position[name] = index
                    names.append(name)
                    cells.append(Array(repeating: "", count: count))
                }
                total += 1
                guard total <= maximumCells else { throw ChartError("the inline data is too large", line: row.mark?.line) }
                cells[index].append(try cell(value))
            }
            count += 1
            for index in cells.indices where cells[index].count < count { cells[index].append("") }
        }
        return DataTable(names: names, cells: cells)
    }

    /// `{epoch: [1, 2], loss: [0.9, 0.5]}` columns.
    private static func columns(_ mapping: Node.Mapping) throws -> DataTable {
        var names: [String] = []
        var cells: [[String]] = []
        var total = 0
        for (keyNode, value) in mapping {
            guard let name = keyNode.scalar?.string, let items = value.sequence else {
                throw ChartError("inline columns must map a name to a list of values", line: keyNode.mark?.line)
            }
            total += items.count
            guard total <= maximumCells else { throw ChartError("the inline data is too large", line: value.mark?.line) }
            names.append(name)
            cells.append(try items.map { try cell($0) })
        }
        return DataTable(names: names, cells: cells)
    }

    private static func cell(_ node: Node) throws -> String {
        guard let scalar = node.scalar else {
            throw ChartError("a data cell must be a single value, not a list or mapping", line: node.mark?.line)
        }
        return scalar.string
    }
}

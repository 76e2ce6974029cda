import Foundation

/// Loads the table a spec points at, reading files relative to the page bundle.
enum DataLoader {
    /// Data files larger than this are refused.
    static let maximumFileSize = 64 << 20

    static func load(_ source: DataSource, baseDirectory: URL?, allowedFolders: [URL]? = nil, line: Int?) throws -> DataTable {
        switch source {
        case .inline(let table):
            return table
        case .file(let path):
            do {
                return try loadFile(path, baseDirectory: baseDirectory, allowedFolders: allowedFolders)
            } catch var error as ChartError {
                if error.line == nil { error.line = line }
                throw error
            }
        }
    }

    private static func loadFile(_ path: String, baseDirectory: URL?, allowedFolders: [URL]?) throws -> DataTable {
        if path.contains("://") { throw ChartError("data must be a file in the page bundle, not a URL (\(path))") }
        let url: URL
        if path.hasPrefix("/") {
            url = URL(fileURLWithPath: path)
        } else if let baseDirectory {
            url = baseDirectory.appendingPathComponent(path)
        } else {
            url = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        }
        if let allowedFolders {
            let real = url.standardizedFileURL.resolvingSymlinksInPath().path
            let inside = allowedFolders.contains { folder in
                let root = folder.standardizedFileURL.resolvingSymlinksInPath().path
                return real.hasPrefix(root.hasSuffix("/") ? root : root + "/")
            }
            guard inside else {
                let names = allowedFolders.map { $0.lastPathComponent + "/" }.joined(separator: ", ")
                throw ChartError("the data file \(path) is outside the site's data folders (\(names)); move it into the page bundle or data/")
            }
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard let size = attributes?[.size] as? NSNumber else { throw ChartError("cannot find the data file \(path)") }
        guard size.intValue <= maximumFileSize else {
            throw ChartError("the data file \(path) is larger than \(maximumFileSize >> 20) MB")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ChartError("cannot read the data file \(path)")
        }
        let text = String(decoding: data, as: UTF8.self)
        let suffix = url.pathExtension.lowercased()
        do {
            switch suffix {
            case "json": return try JSONTable.parse(data)
            case "tsv", "tab": return try CSVParser.parse(text, separator: 0x09)
            case "csv", "txt", "": return try CSVParser.parse(text, separator: CSVParser.guessSeparator(text))
            default: throw ChartError("unknown data file type .\(suffix); use .csv, .tsv or .json")
            }
        } catch let error as ChartError {
            throw ChartError("\(path): \(error.message)")
        }
    }
}

/// JSON data: an array of row objects, or an object mapping column names to arrays.
enum JSONTable {
    static func parse(_ data: Data) throws -> DataTable {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw ChartError("not valid JSON")
        }
        if let rows = root as? [Any] {
            var names: [String] = []
            var position: [String: Int] = [:]
            var cells: [[String]] = []
            for (count, item) in rows.enumerated() {
                guard let row = item as? [String: Any] else { throw ChartError("row \(count + 1) is not an object") }
                for name in row.keys.sorted() where position[name] == nil {
                    position[name] = names.count
                    names.append(name)
                    cells.append(Array(repeating: "", count: count))
                }
                for (name, index) in position {
                    cells[index].append(row[name].map(text) ?? "")
                }
            }
            guard !names.isEmpty else { throw ChartError("the JSON has no rows") }
            return DataTable(names: names, cells: cells)
        }
        if let object = root as? [String: Any] {
            var names: [String] = []
            var cells: [[String]] = []
            for name in object.keys.sorted() {
                guard let values = object[name] as? [Any] else { throw ChartError("`\(name)` is not an array") }
                names.append(name)
                cells.append(values.map(text))
            }
            guard !names.isEmpty else { throw ChartError("the JSON has no columns") }
            return DataTable(names: names, cells: cells)
        }
        throw ChartError("the JSON must be an array of rows or an object of columns")
    }

    private static func text(_ value: Any) -> String {
        switch value {
        case let string as String: return string
        case is NSNull: return ""
        case let number as NSNumber: return number.stringValue
        case let int as Int: return String(int)
        case let double as Double: return String(double)
        case let bool as Bool: return String(bool)
        default: return ""
        }
    }
}

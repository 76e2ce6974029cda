import Charts
import Foundation
import TOMLKit
import Yams

/// A syntax error in YAML, TOML or JSON text, with its position inside that text.
struct DataFormatError: Error {
    var line: Int
    var column: Int
    var reason: String
    /// Where the construct that failed began (YAML reports it), as a line within the text.
    var contextLine: Int?
    var context: String?

    /// The reason, with the context's line shifted by `offset` lines (its place in the file).
    func describe(lineOffset offset: Int) -> String {
        guard let context, let contextLine else { return reason }
        return "\(reason) (\(context) that starts on line \(contextLine + offset))"
    }
}

/// The structured-text formats that configuration and front matter are written in.
enum DataFormat: String, Sendable {
    case yaml, toml, json

    /// Parses `text` into a table of values. Also returns the 1-based line of each top-level key
    /// (YAML and TOML), so that later warnings about a field can point at it.
    func parseTable(_ text: String) throws(DataFormatError) -> (table: [String: Value], keyLines: [String: Int]) {
        switch self {
        case .yaml: return try Self.parseYAML(text)
        case .toml: return try Self.parseTOML(text)
        case .json: return (try Self.parseJSON(text), [:])
        }
    }

    // MARK: YAML

    private static func parseYAML(_ text: String) throws(DataFormatError) -> ([String: Value], [String: Int]) {
        if let plain = PlainYAML.parse(text) { return plain }
        return try parseYAMLDocument(text)
    }

    /// YAML of any shape, through the full parser.
    static func parseYAMLDocument(_ text: String) throws(DataFormatError) -> ([String: Value], [String: Int]) {
        let node: Node?
        do {
            // The encoding given: Yams' default reads the whole process environment on every call.
            node = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch let error as YamlError {
            throw yamlError(error)
        } catch {
            throw DataFormatError(line: 1, column: 1, reason: "\(error)")
        }
        guard let node else { return ([:], [:]) }
        guard case .mapping(let mapping) = node else {
            let mark = node.mark
            throw DataFormatError(
                line: mark?.line ?? 1, column: mark?.column ?? 1,
                reason: "expected key: value pairs at the top level")
        }
        // Aliases share their anchor's node, so a few hundred bytes can stand for billions of
        // values ("billion laughs"): such a document is refused before it is walked.
        do {
            try YAMLAliasBudget.check(node, limit: YAMLAliasBudget.limit(forByteCount: text.utf8.count))
        } catch {
            throw DataFormatError(
                line: error.line ?? 1, column: 1,
                reason:
                    "aliases (`*name`) expand to more values than the text could hold; an alias that repeats a large anchor many times is not read")
        }
        var table: [String: Value] = [:]
        var lines: [String: Int] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            table[name] = Self.value(of: value, depth: 0)
            if let mark = value.mark ?? key.mark { lines[name] = mark.line }
        }
        return (table, lines)
    }

    private static func value(of node: Node, depth: Int) -> Value {
        guard depth < 200 else { return .null }
        switch node {
        case .scalar(let scalar):
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .null: return .null
            case .bool: return node.bool.map(Value.bool) ?? .string(scalar.string)
            case .int: return node.int.map(Value.int) ?? .string(scalar.string)
            case .float: return node.float.map(Value.double) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .sequence(let sequence):
            return .array(sequence.map { value(of: $0, depth: depth + 1) })
        case .mapping(let mapping):
            var table: [String: Value] = [:]
            for (key, item) in mapping {
                if let name = key.string { table[name] = value(of: item, depth: depth + 1) }
            }
            return .table(table)
        case .alias:
            return .null
        }
    }

    private static func yamlError(_ error: YamlError) -> DataFormatError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return DataFormatError(
                line: mark.line, column: mark.column, reason: problem,
                contextLine: context?.mark.line, context: context?.text)
        case .reader(let problem, _, _, _):
            return DataFormatError(line: 1, column: 1, reason: problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return DataFormatError(
                line: context.mark.line, column: context.mark.column,
                reason: "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            return DataFormatError(line: 1, column: 1, reason: "\(error)")
        }
    }

    // MARK: TOML

    private static func parseTOML(_ text: String) throws(DataFormatError) -> ([String: Value], [String: Int]) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw DataFormatError(
                line: error.source.begin.line, column: error.source.begin.column,
                reason: error.description)
        } catch {
            throw DataFormatError(line: 1, column: 1, reason: "\(error)")
        }
        guard case .table(let values) = value(ofTOML: table, depth: 0) else { return ([:], [:]) }
        return (values, topLevelKeyLines(text))
    }

    private static func value(ofTOML item: TOMLValueConvertible, depth: Int) -> Value {
        guard depth < 200 else { return .null }
        let v = item.tomlValue
        switch v.type {
        case .table:
            var table: [String: Value] = [:]
            for (key, child) in v.table ?? TOMLTable() { table[key] = value(ofTOML: child, depth: depth + 1) }
            return .table(table)
        case .array:
            return .array((v.array ?? TOMLArray()).map { value(ofTOML: $0, depth: depth + 1) })
        case .string: return .string(v.string ?? "")
        case .int: return .int(v.int ?? 0)
        case .double: return .double(v.double ?? 0)
        case .bool: return .bool(v.bool ?? false)
        case .date:
            guard let d = v.date else { return .null }
            return .string(String(format: "%04d-%02d-%02d", d.year, d.month, d.day))
        case .time:
            guard let t = v.time else { return .null }
            return .string(String(format: "%02d:%02d:%02d", t.hour, t.minute, t.second))
        case .dateTime:
            guard let dt = v.dateTime else { return .null }
            var text = String(
                format: "%04d-%02d-%02dT%02d:%02d:%02d", dt.date.year, dt.date.month, dt.date.day,
                dt.time.hour, dt.time.minute, dt.time.second)
            if let offset = dt.offset {
                let minutes = offset.offset
                text += String(format: "%@%02d:%02d", minutes < 0 ? "-" : "+", abs(minutes) / 60, abs(minutes) % 60)
            }
            return .string(text)
        }
    }

    /// Lines of `key = …` at the top level (before the first `[table]`).
    private static func topLevelKeyLines(_ text: String) -> [String: Int] {
        var lines: [String: Int] = [:]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[") { break }
            guard let eq = trimmed.firstIndex(of: "=") else { continue }
            let key = trimmed[..<eq].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if !key.isEmpty, lines[key] == nil { lines[key] = index + 1 }
        }
        return lines
    }

    // MARK: JSON

    private static func parseJSON(_ text: String) throws(DataFormatError) -> [String: Value] {
        guard case .table(let table) = try parseJSONValue(text) else {
            throw DataFormatError(line: 1, column: 1, reason: "expected a JSON object")
        }
        return table
    }

    /// JSON text of any shape (an array at the top, as `transform.Unmarshal` accepts it).
    static func parseJSONValue(_ text: String) throws(DataFormatError) -> Value {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            let (line, column) = jsonErrorPosition(error, in: text)
            throw DataFormatError(line: line, column: column, reason: "invalid JSON")
        }
        return value(ofJSON: object, depth: 0)
    }

    private static func value(ofJSON object: Any, depth: Int) -> Value {
        guard depth < 200 else { return .null }
        switch object {
        case let s as String: return .string(s)
        case let n as NSNumber:
            if String(cString: n.objCType) == "c" { return .bool(n.boolValue) }
            if let i = Int(exactly: n.doubleValue), !n.stringValue.contains(".") { return .int(i) }
            return .double(n.doubleValue)
        case let a as [Any]: return .array(a.map { value(ofJSON: $0, depth: depth + 1) })
        case let d as [String: Any]: return .table(d.mapValues { value(ofJSON: $0, depth: depth + 1) })
        default: return .null
        }
    }

    /// Foundation reports JSON errors by character index; turn that into a line and column.
    private static func jsonErrorPosition(_ error: Error, in text: String) -> (Int, Int) {
        let info = (error as NSError).userInfo
        guard let index = info["NSJSONSerializationErrorIndex"] as? Int else { return (1, 1) }
        var line = 1
        var column = 1
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if offset >= index { break }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}

import Foundation

/// A value read from front matter or site configuration, whatever the format (YAML, TOML, JSON).
///
/// Dates stay strings until a field that expects a date reads them (see ``DateReader``), so
/// a malformed date is reported with its original text.
public enum Value: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([Value])
    case table([String: Value])
    case null

    /// The value as text, when it is a scalar.
    /// The value as a message quotes it: `"maybe"`, `3`, `a list`.
    public var shortDescription: String {
        switch self {
        case .string(let text): "\"\(text.count > 40 ? text.prefix(40) + "…" : Substring(text))\""
        case .int, .double, .bool: string ?? ""
        case .array: "a list"
        case .table: "a table"
        case .null: "nothing"
        }
    }

    public var string: String? {
        switch self {
        case .string(let s): s
        case .int(let i): String(i)
        case .double(let d): d.rounded() == d && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }

    /// The value as an integer, reading numeric strings too.
    public var int: Int? {
        switch self {
        case .int(let i): i
        case .double(let d): Int(exactly: d.rounded())
        case .string(let s): Int(s.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }

    /// The value as a boolean, reading "true"/"false" strings too.
    public var bool: Bool? {
        switch self {
        case .bool(let b): b
        case .string(let s):
            switch s.lowercased() {
            case "true", "yes", "on": true
            case "false", "no", "off": false
            default: nil
            }
        case .int(let i): i != 0
        default: nil
        }
    }

    /// The elements, when the value is an array.
    public var array: [Value]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The entries, when the value is a table.
    public var table: [String: Value]? {
        if case .table(let t) = self { return t }
        return nil
    }

    /// A list of strings: an array of scalars, or one string as a one-element list (as Hugo reads `author`).
    public var stringList: [String] {
        switch self {
        case .array(let items): items.compactMap(\.string).filter { !$0.isEmpty }
        case .string(let s): s.isEmpty ? [] : [s]
        default: []
        }
    }

    /// Names in an `author`/`authors` value as themes write it: a string, a list of strings, a map
    /// with `name` (and a photo or other keys, ignored), or a list of such maps.
    public var authorNames: [String] {
        switch self {
        case .string(let s): s.isEmpty ? [] : [s]
        case .array(let items): items.flatMap(\.authorNames)
        case .table: self["name"]?.string.map { $0.isEmpty ? [] : [$0] } ?? []
        default: []
        }
    }

    /// Looks a key up in a table, ignoring case as Hugo's `.Param` does.
    public subscript(key: String) -> Value? {
        guard case .table(let t) = self else { return nil }
        return t.valueIgnoringCase(key)
    }

    /// Looks a dotted path (`params.math.macros`) up, ignoring case at each step.
    public func value(atPath path: String) -> Value? {
        var current: Value? = self
        for part in path.split(separator: ".") {
            current = current?[String(part)]
        }
        return current
    }

    /// `defaults` with `overrides` on top: tables merged key by key (keys matched ignoring case,
    /// the override's spelling kept), any other override replacing the default.
    public static func merging(_ defaults: [String: Value], under overrides: [String: Value]) -> [String: Value] {
        var result = overrides
        for (key, value) in defaults {
            guard let existing = result.keys.first(where: { $0.lowercased() == key.lowercased() }) else {
                result[key] = value
                continue
            }
            if case .table(let inner) = value, case .table(let over)? = result[existing] {
                result[existing] = .table(merging(inner, under: over))
            }
        }
        return result
    }
}

extension Dictionary where Key == String, Value == Site.Value {
    /// The value for `key`, matching exactly first and then ignoring case.
    public func valueIgnoringCase(_ key: String) -> Site.Value? {
        if let exact = self[key] { return exact }
        let lowered = key.lowercased()
        for (k, v) in self where k.lowercased() == lowered { return v }
        return nil
    }
}

/// A table's values by key, matching exactly first and then ignoring case, as
/// ``Swift/Dictionary/valueIgnoringCase(_:)`` does, for many look-ups in one table: each key is
/// lowered once instead of at every look-up that misses (a page's front matter is asked for a
/// dozen fields it does not have).
public struct CaseInsensitiveTable {
    private let table: [String: Value]
    private let lowered: [String: Value]

    public init(_ table: [String: Value]) {
        self.table = table
        var lowered: [String: Value] = [:]
        lowered.reserveCapacity(table.count)
        for (key, value) in table {
            let folded = key.lowercased()
            if lowered[folded] == nil { lowered[folded] = value }
        }
        self.lowered = lowered
    }

    /// The value for `key`, matching exactly first and then ignoring case.
    public subscript(key: String) -> Value? {
        table[key] ?? lowered[key.lowercased()]
    }
}

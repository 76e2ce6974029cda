/// The generic, site-independent helpers Hugo templates use, named like Hugo's functions and
/// namespaces (`strings.Replace` and its alias `replace`, `math.Round`, `collections.Where`…).
/// Site-bound ones (`partial`, `relURL`, `markdownify`, `T`…) are the host's to register.
enum Helpers {
    static let registry: FunctionRegistry = {
        var registry = FunctionRegistry()
        StringFunctions.register(in: &registry)
        CollectionFunctions.register(in: &registry)
        MathFunctions.register(in: &registry)
        EncodingFunctions.register(in: &registry)
        return registry
    }()
}

/// Argument conversion as Hugo's `cast` package does it: numbers and booleans read as strings,
/// numeric strings as numbers.
enum Cast {
    static func expect(_ name: String, _ args: [GoValue], _ counts: ClosedRange<Int>) throws {
        guard counts.contains(args.count) else {
            let want = counts.lowerBound == counts.upperBound ? "\(counts.lowerBound)" : "\(counts.lowerBound) to \(counts.upperBound)"
            throw GoFunctionError("wrong number of args for \(name): want \(want) got \(args.count)")
        }
    }

    static func string(_ value: GoValue) throws -> String {
        switch value {
        case .string(let text), .safe(let text, _): return text
        case .int, .float, .bool: return value.printed
        case .null: return ""
        default: throw GoFunctionError("unable to cast \(value.printed) of type \(value.typeName) to string")
        }
    }

    static func int(_ value: GoValue) throws -> Int {
        switch value {
        case .int(let number): return number
        case .float(let number):
            guard number.isFinite, abs(number) < 9.2e18 else { throw GoFunctionError("unable to cast \(number) to int") }
            return Int(number)
        case .bool(let flag): return flag ? 1 : 0
        case .null: return 0
        case .string(let text), .safe(let text, _):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if let number = Int(trimmed) { return number }
            if let number = Double(trimmed), number.isFinite, abs(number) < 9.2e18 { return Int(number) }
            throw GoFunctionError("unable to cast \(GoFormatter.quote(text)) of type string to int")
        default: throw GoFunctionError("unable to cast \(value.printed) of type \(value.typeName) to int")
        }
    }

    static func float(_ value: GoValue) throws -> Double {
        switch value {
        case .int(let number): return Double(number)
        case .float(let number): return number
        case .bool(let flag): return flag ? 1 : 0
        case .null: return 0
        case .string(let text), .safe(let text, _):
            guard let number = Double(text.trimmingCharacters(in: .whitespaces)) else {
                throw GoFunctionError("unable to cast \(GoFormatter.quote(text)) of type string to float64")
            }
            return number
        default: throw GoFunctionError("unable to cast \(value.printed) of type \(value.typeName) to float64")
        }
    }

    /// The elements of a list (or of a rangeable object); nil is empty.
    static func list(_ value: GoValue) throws -> [GoValue] {
        switch value {
        case .array(let values): return values
        case .null: return []
        case .map(let map): return map.keys.sorted().map { map[$0] ?? .null }
        case .object(let object):
            if let elements = object.rangeElements { return elements }
            fallthrough
        default: throw GoFunctionError("expected a list, got \(value.typeName)")
        }
    }

    /// A value's member by a dotted key path, as `where` and `sort` read it (`.Params.weight`,
    /// `Title`, a map key).
    static func member(_ value: GoValue, path: String) throws -> GoValue {
        var current = value
        for part in path.split(separator: ".") where !part.isEmpty {
            let name = String(part)
            switch current {
            case .map(let map): current = map[name] ?? map.first { $0.key.lowercased() == name.lowercased() }?.value ?? .null
            case .object(let object): current = try object.member(name, arguments: []) ?? .null
            default: return .null
            }
        }
        return current
    }
}

import Foundation

/// Hugo's `collections` namespace: making, testing, filtering and ordering lists and maps.
enum CollectionFunctions {
    static func register(in registry: inout FunctionRegistry) {
        func add(_ names: [String], _ body: @escaping @Sendable ([GoValue]) throws -> GoValue) {
            for name in names { registry.register(name, body) }
        }
        add(["dict", "collections.Dictionary"]) { args in
            guard args.count % 2 == 0 else { throw GoFunctionError("invalid dictionary call: odd number of arguments") }
            var map: [String: GoValue] = [:]
            for pair in stride(from: 0, to: args.count, by: 2) {
                guard let key = args[pair].stringValue else { throw GoFunctionError("dictionary keys must be strings") }
                map[key] = args[pair + 1]
            }
            return .map(map)
        }
        add(["slice", "collections.Slice"]) { args in .array(args) }
        add(["default"]) { args in
            try Cast.expect("default", args, 1...2)
            guard args.count == 2 else { return args[0] }
            // Hugo's "set": any boolean, non-zero numbers, non-empty strings and collections, objects.
            if case .bool = args[1] { return args[1] }
            return args[1].isTruthy ? args[1] : args[0]
        }
        add(["cond"]) { args in
            try Cast.expect("cond", args, 3...3)
            return args[0].isTruthy ? args[1] : args[2]
        }
        add(["first", "collections.First"]) { args in
            try Cast.expect("first", args, 2...2)
            let count = try Cast.int(args[0])
            guard count >= 0 else { throw GoFunctionError("sequence length must be non-negative") }
            if let text = args[1].stringValue { return .string(String(text.prefix(count))) }
            return .array(Array(try Cast.list(args[1]).prefix(count)))
        }
        add(["last", "collections.Last"]) { args in
            try Cast.expect("last", args, 2...2)
            let count = try Cast.int(args[0])
            guard count >= 0 else { throw GoFunctionError("sequence length must be non-negative") }
            return .array(Array(try Cast.list(args[1]).suffix(count)))
        }
        add(["after", "collections.After"]) { args in
            try Cast.expect("after", args, 2...2)
            let count = try Cast.int(args[0])
            guard count >= 0 else { throw GoFunctionError("sequence length must be non-negative") }
            return .array(Array(try Cast.list(args[1]).dropFirst(count)))
        }
        add(["in", "collections.In"]) { args in
            try Cast.expect("in", args, 2...2)
            if let text = args[0].stringValue {
                let needle = try Cast.string(args[1])
                return .bool(!needle.isEmpty && text.contains(needle))
            }
            return .bool(try Cast.list(args[0]).contains { Builtins.equal($0, args[1]) })
        }
        add(["isset", "collections.IsSet"]) { args in
            try Cast.expect("isset", args, 2...2)
            switch args[0] {
            case .map(let map):
                guard let key = args[1].stringValue else { return .bool(false) }
                return .bool(map[key] != nil)
            case .array(let values):
                guard let index = Builtins.integer(args[1]) else { return .bool(false) }
                return .bool(index >= 0 && index < values.count)
            case .object(let object):
                guard let key = args[1].stringValue else { return .bool(false) }
                if let value = object.index(args[1]) { return .bool(!value.isNull) }
                let member: GoValue?? = try? object.member(key, arguments: [])
                if case .some(.some) = member { return .bool(true) }
                return .bool(false)
            default: return .bool(false)
            }
        }
        add(["delimit", "collections.Delimit"]) { args in
            try Cast.expect("delimit", args, 2...3)
            let items = try Cast.list(args[0]).map { try Cast.string($0) }
            let separator = try Cast.string(args[1])
            guard args.count == 3, items.count > 1 else { return .string(items.joined(separator: separator)) }
            return .string(items.dropLast().joined(separator: separator) + (try Cast.string(args[2])) + (items.last ?? ""))
        }
        add(["uniq", "collections.Uniq"]) { args in
            try Cast.expect("uniq", args, 1...1)
            var seen: [GoValue] = []
            for item in try Cast.list(args[0]) where !seen.contains(where: { Builtins.equal($0, item) }) { seen.append(item) }
            return .array(seen)
        }
        add(["sort", "collections.Sort"]) { args in
            try Cast.expect("sort", args, 1...3)
            var key = "value"
            var descending = false
            if args.count >= 2 { key = try Cast.string(args[1]) }
            if args.count == 3 { descending = (try Cast.string(args[2])).lowercased() == "desc" }
            let items = try Cast.list(args[0])
            let keyed = try items.map { item -> (GoValue, GoValue) in
                (key == "value" || key.isEmpty ? item : try Cast.member(item, path: key.hasPrefix(".") ? String(key.dropFirst()) : key), item)
            }
            let sorted = keyed.enumerated().sorted { a, b in
                let order = orderOf(a.element.0, b.element.0)
                if order == 0 { return a.offset < b.offset }
                return descending ? order > 0 : order < 0
            }
            return .array(sorted.map { $0.element.1 })
        }
        add(["reverse", "collections.Reverse"]) { args in
            try Cast.expect("reverse", args, 1...1)
            return .array(try Cast.list(args[0]).reversed())
        }
        add(["where", "collections.Where"]) { args in
            try Cast.expect("where", args, 3...4)
            let path = try Cast.string(args[1])
            let op = args.count == 4 ? try Cast.string(args[2]) : "eq"
            let match = args[args.count - 1]
            return .array(
                try Cast.list(args[0]).filter { item in
                    let value = try Cast.member(item, path: path.hasPrefix(".") ? String(path.dropFirst()) : path)
                    return try compare(value, op, match)
                })
        }
        add(["seq", "collections.Seq"]) { args in
            try Cast.expect("seq", args, 1...3)
            let numbers = try args.map { try Cast.int($0) }
            var first = 1
            var step = 1
            var last = numbers[0]
            if numbers.count == 2 {
                first = numbers[0]
                last = numbers[1]
                step = first <= last ? 1 : -1
            }
            if numbers.count == 3 {
                first = numbers[0]
                step = numbers[1]
                last = numbers[2]
            }
            if numbers.count == 1, last < 1 {
                step = -1
                first = -1
            }
            if numbers.count == 1, last == 0 { return .array([]) }
            let (span, overflow) = last.subtractingReportingOverflow(first)
            guard step != 0, !overflow, step != -1 || span != Int.min, span / step >= 0 else {
                throw GoFunctionError("invalid arguments to seq")
            }
            guard span / step < 2_000_000 else { throw GoFunctionError("size of result exceeds limit") }
            return .array(Swift.stride(from: first, through: last, by: step).map { .int($0) })
        }
        add(["append", "collections.Append"]) { args in
            guard args.count >= 2 else { throw GoFunctionError("expected at least 2 arguments to append") }
            var base = try Cast.list(args[args.count - 1])
            let items = args.dropLast()
            if items.count == 1, case .array(let values) = items[items.startIndex], !base.isEmpty || true {
                if case .array = base.first ?? .null { base.append(.array(values)) } else { base.append(contentsOf: values) }
            } else {
                base.append(contentsOf: items)
            }
            return .array(base)
        }
        add(["merge", "collections.Merge"]) { args in
            guard args.count >= 2 else { throw GoFunctionError("merge requires at least two parameters") }
            // Hugo's rules: merged left to right, a key on the right winning (nested maps merged
            // key by key); the last argument is the destination and must be a map; nil sources are skipped.
            guard case .map = args[args.count - 1] else {
                throw GoFunctionError("merge: destination must be a map, got \(args[args.count - 1].typeName)")
            }
            var result: [String: GoValue] = [:]
            for argument in args {
                if case .null = argument { continue }
                guard case .map(let map) = argument else { throw GoFunctionError("merge: all arguments must be maps") }
                result = deepMerge(result, map)
            }
            return .map(result)
        }
        add(["intersect", "collections.Intersect"]) { args in
            try Cast.expect("intersect", args, 2...2)
            let other = try Cast.list(args[1])
            var result: [GoValue] = []
            for item in try Cast.list(args[0])
            where other.contains(where: { Builtins.equal($0, item) })
                && !result.contains(where: { Builtins.equal($0, item) })
            {
                result.append(item)
            }
            return .array(result)
        }
        add(["union", "collections.Union"]) { args in
            try Cast.expect("union", args, 2...2)
            var result: [GoValue] = []
            for item in try Cast.list(args[0]) + Cast.list(args[1]) where !result.contains(where: { Builtins.equal($0, item) }) {
                result.append(item)
            }
            return .array(result)
        }
        add(["complement", "collections.Complement"]) { args in
            guard args.count >= 2 else { throw GoFunctionError("complement needs at least two arguments") }
            let excluded = try args.dropLast().flatMap { try Cast.list($0) }
            return .array(try Cast.list(args[args.count - 1]).filter { item in !excluded.contains { Builtins.equal($0, item) } })
        }
        add(["querify", "collections.Querify"]) { args in
            var pairs: [(String, String)] = []
            if args.count == 1, case .map(let map) = args[0] {
                pairs = try map.keys.sorted().map { ($0, try Cast.string(map[$0] ?? .null)) }
            } else {
                guard args.count % 2 == 0 else { throw GoFunctionError("querify requires an even number of arguments") }
                for pair in stride(from: 0, to: args.count, by: 2) { pairs.append((try Cast.string(args[pair]), try Cast.string(args[pair + 1]))) }
                pairs.sort { $0.0 < $1.0 }
            }
            return .string(pairs.map { Builtins.queryEscape($0.0) + "=" + Builtins.queryEscape($0.1) }.joined(separator: "&"))
        }
        add(["collections.Index"]) { args in
            guard let item = args.first else { throw GoFunctionError("index needs a collection") }
            return try Builtins.index(item, Array(args.dropFirst()))
        }
    }

    static func deepMerge(_ base: [String: GoValue], _ overlay: [String: GoValue]) -> [String: GoValue] {
        var result = base
        for (key, value) in overlay {
            if case .map(let inner)? = result[key], case .map(let overlayInner) = value {
                result[key] = .map(deepMerge(inner, overlayInner))
            } else {
                result[key] = value
            }
        }
        return result
    }

    /// Order for `sort`: numbers, then strings; nil first.
    static func orderOf(_ a: GoValue, _ b: GoValue) -> Int {
        if let order = try? Builtins.compare(a, b) { return order }
        if case .null = a { return b.isNull ? 0 : -1 }
        if case .null = b { return 1 }
        return a.printed < b.printed ? -1 : a.printed == b.printed ? 0 : 1
    }

    /// `where`'s operators.
    static func compare(_ value: GoValue, _ op: String, _ match: GoValue) throws -> Bool {
        switch op {
        case "=", "==", "eq": return Builtins.equal(value, match)
        case "!=", "<>", "ne": return !Builtins.equal(value, match)
        case ">=", "ge": return ((try? Builtins.compare(value, match)) ?? -1) >= 0
        case ">", "gt": return ((try? Builtins.compare(value, match)) ?? -1) > 0
        case "<=", "le": return ((try? Builtins.compare(value, match)) ?? 1) <= 0
        case "<", "lt": return ((try? Builtins.compare(value, match)) ?? 1) < 0
        case "in": return try Cast.list(match).contains { Builtins.equal($0, value) }
        case "not in": return try !Cast.list(match).contains { Builtins.equal($0, value) }
        case "intersect":
            let wanted = try Cast.list(match)
            return try Cast.list(value).contains { item in wanted.contains { Builtins.equal($0, item) } }
        case "like":
            guard let text = value.stringValue else { return false }
            let regex = try StringFunctions.regularExpression(try Cast.string(match))
            return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        default: throw GoFunctionError("where: unknown operator \(GoFormatter.quote(op))")
        }
    }
}

import Foundation

/// Go's text/template built-in functions.
enum Builtins {
    static let registry: FunctionRegistry = {
        var registry = FunctionRegistry()
        registry.register(GoFunction(special: .and, name: "and"))
        registry.register(GoFunction(special: .or, name: "or"))
        registry.register("not") { args in
            try arity("not", args, 1)
            return .bool(!args[0].isTruthy)
        }
        registry.register("len") { args in
            try arity("len", args, 1)
            return .int(try length(args[0]))
        }
        registry.register("index") { args in
            guard let item = args.first else { throw GoFunctionError("wrong number of args for index: want at least 1 got 0") }
            return try index(item, Array(args.dropFirst()))
        }
        registry.register("slice") { args in
            guard let item = args.first else { throw GoFunctionError("wrong number of args for slice: want at least 1 got 0") }
            return try slice(item, Array(args.dropFirst()))
        }
        registry.register("print") { args in .string(GoFormatter.sprint(args)) }
        registry.register("println") { args in .string(GoFormatter.sprintln(args)) }
        registry.register("printf") { args in
            guard let format = args.first?.stringValue else {
                throw GoFunctionError(args.isEmpty ? "wrong number of args for printf: want at least 1 got 0" : "printf: format must be a string")
            }
            return .string(GoFormatter.sprintf(format, Array(args.dropFirst())))
        }
        registry.register("eq") { args in
            guard args.count >= 2 else { throw GoFunctionError("missing argument for comparison") }
            for other in args.dropFirst() where equal(args[0], other) { return .bool(true) }
            return .bool(false)
        }
        registry.register("ne") { args in
            try arity("ne", args, 2)
            return .bool(!equal(args[0], args[1]))
        }
        registerOrder(&registry, "lt") { $0 < 0 }
        registerOrder(&registry, "le") { $0 <= 0 }
        registerOrder(&registry, "gt") { $0 > 0 }
        registerOrder(&registry, "ge") { $0 >= 0 }
        registry.register("html") { args in .string(Escaping.replace(argumentText(args), Escaping.Tables.textHTML)) }
        registry.register("js") { args in .string(jsEscape(argumentText(args))) }
        registry.register("urlquery") { args in .string(queryEscape(argumentText(args))) }
        registry.register("call") { args, context in
            guard let first = args.first else { throw GoFunctionError("wrong number of args for call: want at least 1 got 0") }
            guard case .function(let function) = first else {
                throw GoFunctionError("non-function \(first.printed) of type \(first.typeName)")
            }
            return try context.call(function, Array(args.dropFirst()))
        }
        return registry
    }()

    private static func registerOrder(_ registry: inout FunctionRegistry, _ name: String, _ test: @escaping @Sendable (Int) -> Bool) {
        registry.register(name) { args in
            try arity(name, args, 2)
            return .bool(test(try compare(args[0], args[1])))
        }
    }

    static func arity(_ name: String, _ args: [GoValue], _ count: Int) throws {
        guard args.count == count else { throw GoFunctionError("wrong number of args for \(name): want \(count) got \(args.count)") }
    }

    /// The text `html`, `js` and `urlquery` work on: one string as is, else `fmt.Sprint`.
    static func argumentText(_ args: [GoValue]) -> String {
        if args.count == 1, let text = args[0].stringValue { return text }
        return GoFormatter.sprint(args)
    }

    static func length(_ value: GoValue) throws -> Int {
        switch value {
        case .string(let text), .safe(let text, _): return text.utf8.count
        case .array(let values): return values.count
        case .map(let map): return map.count
        case .object(let object):
            guard let elements = object.rangeElements else { throw GoFunctionError("len of type \(object.goTypeName)") }
            return elements.count
        case .null: throw GoFunctionError("len of nil pointer")
        default: throw GoFunctionError("len of type \(value.typeName)")
        }
    }

    static func integer(_ value: GoValue) -> Int? {
        switch value {
        case .int(let number): return number
        case .float(let number) where number == number.rounded() && abs(number) < 9e18: return Int(number)
        default: return nil
        }
    }

    static func index(_ item: GoValue, _ keys: [GoValue]) throws -> GoValue {
        var current = item
        for key in keys {
            switch current {
            case .array(let values):
                guard let position = integer(key) else { throw GoFunctionError("cannot index slice/array with type \(key.typeName)") }
                guard position >= 0, position < values.count else { throw GoFunctionError("index out of range: \(position)") }
                current = values[position]
            case .string(let text), .safe(let text, _):
                guard let position = integer(key) else { throw GoFunctionError("cannot index string with type \(key.typeName)") }
                let bytes = text.utf8
                guard position >= 0, position < bytes.count else { throw GoFunctionError("index out of range: \(position)") }
                current = .int(Int(bytes[bytes.index(bytes.startIndex, offsetBy: position)]))
            case .map(let map):
                guard let name = key.stringValue else {
                    if case .null = key {
                        current = .null
                        continue
                    }
                    throw GoFunctionError("value has type \(key.typeName); should be string")
                }
                current = map[name] ?? .null
            case .object(let object):
                if let value = object.index(key) {
                    current = value
                } else if let elements = object.rangeElements, let position = integer(key) {
                    guard position >= 0, position < elements.count else { throw GoFunctionError("index out of range: \(position)") }
                    current = elements[position]
                } else {
                    throw GoFunctionError("can't index item of type \(object.goTypeName)")
                }
            case .null:
                throw GoFunctionError("index of untyped nil")
            default:
                throw GoFunctionError("can't index item of type \(current.typeName)")
            }
        }
        return current
    }

    static func slice(_ item: GoValue, _ bounds: [GoValue]) throws -> GoValue {
        guard bounds.count <= 3 else { throw GoFunctionError("too many slice indexes: \(bounds.count)") }
        var indexes: [Int] = []
        for bound in bounds {
            guard let value = integer(bound) else { throw GoFunctionError("cannot index slice/array with type \(bound.typeName)") }
            indexes.append(value)
        }
        func range(_ count: Int) throws -> Range<Int> {
            let low = indexes.count > 0 ? indexes[0] : 0
            let high = indexes.count > 1 ? indexes[1] : count
            let capacity = indexes.count > 2 ? indexes[2] : count
            guard low >= 0, low <= high, high <= capacity, capacity <= count else {
                throw GoFunctionError("index out of range: \(indexes.last ?? 0)")
            }
            return low..<high
        }
        switch item {
        case .string(let text), .safe(let text, _):
            guard indexes.count < 3 else { throw GoFunctionError("cannot 3-index slice a string") }
            let bytes = Array(text.utf8)
            return .string(String(decoding: bytes[try range(bytes.count)], as: UTF8.self))
        case .array(let values):
            return .array(Array(values[try range(values.count)]))
        case .null:
            throw GoFunctionError("slice of untyped nil")
        default:
            throw GoFunctionError("can't slice item of type \(item.typeName)")
        }
    }

    /// Number of a value, for comparing ints with floats.
    static func number(_ value: GoValue) -> Double? {
        switch value {
        case .int(let number): Double(number)
        case .float(let number): number
        default: nil
        }
    }

    /// `eq`: numbers by value (an int equals the same float), strings by text (whatever their
    /// safe type), lists and maps element by element, objects by `isEqual`.
    static func equal(_ left: GoValue, _ right: GoValue) -> Bool {
        switch (left, right) {
        case (.int(let a), .int(let b)): return a == b
        case (.int, .float), (.float, .int), (.float, .float): return number(left) == number(right)
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case (.map(let a), .map(let b)):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map { equal(value, $0) } ?? false }
        case (.object(let a), .object(let b)): return a.isEqual(to: b)
        default:
            if let a = left.stringValue, let b = right.stringValue { return a == b }
            return false
        }
    }

    /// Order of two numbers or two strings; anything else cannot be compared.
    static func compare(_ left: GoValue, _ right: GoValue) throws -> Int {
        if case .int(let a) = left, case .int(let b) = right { return a < b ? -1 : a > b ? 1 : 0 }
        if let a = number(left), let b = number(right) { return a < b ? -1 : a > b ? 1 : 0 }
        if let a = left.stringValue, let b = right.stringValue {
            return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : a == b ? 0 : 1
        }
        if case .bool = left, case .bool = right { throw GoFunctionError("invalid type for comparison") }
        if left.typeName == right.typeName { throw GoFunctionError("invalid type for comparison") }
        throw GoFunctionError("incompatible types for comparison")
    }

    /// text/template's `js`: quotes, backslash and HTML specials escaped, control characters as \uXXXX.
    static func jsEscape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\"": out += "\\\""
            case "<": out += "\\u003C"
            case ">": out += "\\u003E"
            case "&": out += "\\u0026"
            case "=": out += "\\u003D"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Go's `url.QueryEscape`: unreserved characters kept, space as `+`, the rest `%XX`.
    static func queryEscape(_ text: String) -> String {
        var out = ""
        let hex = Array("0123456789ABCDEF")
        for byte in text.utf8 {
            if Escaping.isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "~")
            {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else if byte == UInt8(ascii: " ") {
                out += "+"
            } else {
                out += "%"
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 15)])
            }
        }
        return out
    }
}

import Foundation

/// Hugo's arithmetic (`add sub mul div mod`), the `math` namespace and the `int`/`float` casts.
enum MathFunctions {
    static func register(in registry: inout FunctionRegistry) {
        func add(_ names: [String], _ body: @escaping @Sendable ([GoValue]) throws -> GoValue) {
            for name in names { registry.register(name, body) }
        }
        for (names, op) in [(["add", "math.Add"], "+"), (["sub", "math.Sub"], "-"), (["mul", "math.Mul"], "*"), (["div", "math.Div"], "/")] {
            add(names) { args in
                guard args.count >= 2 else { throw GoFunctionError("\(names[0]) needs at least two numbers") }
                var result = args[0]
                for operand in args.dropFirst() { result = try arithmetic(result, operand, op) }
                return result
            }
        }
        add(["mod", "math.Mod"]) { args in
            try Cast.expect("mod", args, 2...2)
            let a = try Cast.int(args[0])
            let b = try Cast.int(args[1])
            guard b != 0 else { throw GoFunctionError("the number can't be divided by zero at modulo operation") }
            return .int(b == -1 ? 0 : a % b)
        }
        add(["modBool", "math.ModBool"]) { args in
            try Cast.expect("modBool", args, 2...2)
            let a = try Cast.int(args[0])
            let b = try Cast.int(args[1])
            guard b != 0 else { throw GoFunctionError("the number can't be divided by zero at modulo operation") }
            return .bool(b == -1 || a % b == 0)
        }
        func unary(_ name: String, _ body: @escaping @Sendable (Double) -> Double) {
            add([name]) { args in
                try Cast.expect(name, args, 1...1)
                return .float(body(try Cast.float(args[0])))
            }
        }
        unary("math.Ceil") { $0.rounded(.up) }
        unary("math.Floor") { $0.rounded(.down) }
        unary("math.Round") { $0.rounded(.toNearestOrAwayFromZero) }
        unary("math.Sqrt") { $0.squareRoot() }
        unary("math.Log") { Foundation.log($0) }
        unary("math.Abs") { Swift.abs($0) }
        add(["math.Pow"]) { args in
            try Cast.expect("math.Pow", args, 2...2)
            return .float(Foundation.pow(try Cast.float(args[0]), try Cast.float(args[1])))
        }
        add(["math.Max"]) { args in
            let numbers = try flatNumbers(args)
            guard let first = numbers.first else { throw GoFunctionError("math.Max needs at least one number") }
            return .float(numbers.reduce(first) { Swift.max($0, $1) })
        }
        add(["math.Min"]) { args in
            let numbers = try flatNumbers(args)
            guard let first = numbers.first else { throw GoFunctionError("math.Min needs at least one number") }
            return .float(numbers.reduce(first) { Swift.min($0, $1) })
        }
        add(["math.Sum"]) { args in .float(try flatNumbers(args).reduce(0, +)) }
        add(["math.Product"]) { args in .float(try flatNumbers(args).reduce(1, *)) }
        add(["math.Pi"]) { _ in .float(Double.pi) }
        add(["int", "cast.ToInt"]) { args in
            try Cast.expect("int", args, 1...1)
            return .int(try Cast.int(args[0]))
        }
        add(["float", "cast.ToFloat"]) { args in
            try Cast.expect("float", args, 1...1)
            return .float(try Cast.float(args[0]))
        }
    }

    static func flatNumbers(_ args: [GoValue]) throws -> [Double] {
        try args.flatMap { argument -> [Double] in
            if case .array(let values) = argument { return try values.map { try Cast.float($0) } }
            return [try Cast.float(argument)]
        }
    }

    /// Hugo's arithmetic: two ints stay an int (division truncates), a float makes a float,
    /// `add` of two strings concatenates.
    static func arithmetic(_ left: GoValue, _ right: GoValue, _ op: String) throws -> GoValue {
        if op == "+", let a = left.stringValue, let b = right.stringValue { return .string(a + b) }
        let a = try numeric(left)
        let b = try numeric(right)
        if case .int(let x) = a, case .int(let y) = b {
            switch op {
            case "+":
                let (value, overflow) = x.addingReportingOverflow(y)
                return overflow ? .float(Double(x) + Double(y)) : .int(value)
            case "-":
                let (value, overflow) = x.subtractingReportingOverflow(y)
                return overflow ? .float(Double(x) - Double(y)) : .int(value)
            case "*":
                let (value, overflow) = x.multipliedReportingOverflow(by: y)
                return overflow ? .float(Double(x) * Double(y)) : .int(value)
            default:
                guard y != 0 else { throw GoFunctionError("can't divide the value by 0") }
                if x == Int.min, y == -1 { return .float(-Double(x)) }
                return .int(x / y)
            }
        }
        let x = try Cast.float(a)
        let y = try Cast.float(b)
        switch op {
        case "+": return .float(x + y)
        case "-": return .float(x - y)
        case "*": return .float(x * y)
        default:
            guard y != 0 else { throw GoFunctionError("can't divide the value by 0") }
            return .float(x / y)
        }
    }

    static func numeric(_ value: GoValue) throws -> GoValue {
        switch value {
        case .int, .float: return value
        case .string(let text), .safe(let text, _):
            if let number = Int(text) { return .int(number) }
            if let number = Double(text) { return .float(number) }
            throw GoFunctionError("can't apply the operator to the values: \(GoFormatter.quote(text)) is not a number")
        case .null: return .int(0)
        default: throw GoFunctionError("can't apply the operator to the values of type \(value.typeName)")
        }
    }
}

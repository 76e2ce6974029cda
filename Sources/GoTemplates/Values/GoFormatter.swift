import Foundation

/// Go's `fmt` printing as templates use it: `print`, `println`, `printf` and `{{.}}`.
enum GoFormatter {
    // MARK: %v

    static func appendDefault(_ value: GoValue, to out: inout String) {
        switch value {
        case .null: out += "<nil>"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .float(let value): out += formatFloatShortest(value, verb: "g")
        case .string(let value), .safe(let value, _): out += value
        case .array(let values):
            out += "["
            for (index, element) in values.enumerated() {
                if index > 0 { out += " " }
                appendDefault(element, to: &out)
            }
            out += "]"
        case .map(let map):
            out += "map["
            for (index, key) in map.keys.sorted().enumerated() {
                if index > 0 { out += " " }
                out += key
                out += ":"
                appendDefault(map[key] ?? .null, to: &out)
            }
            out += "]"
        case .object(let object): out += object.printed
        case .function(let function): out += "func(\(function.name))"
        }
    }

    /// `fmt.Sprint`: operands joined with a space where neither side is a string.
    static func sprint(_ values: [GoValue]) -> String {
        var out = ""
        var previousIsString = true
        for (index, value) in values.enumerated() {
            let isString = value.stringValue != nil
            if index > 0, !isString, !previousIsString { out += " " }
            appendDefault(value, to: &out)
            previousIsString = isString
        }
        return out
    }

    /// `fmt.Sprintln`: operands always joined with a space, and a newline.
    static func sprintln(_ values: [GoValue]) -> String {
        var out = ""
        for (index, value) in values.enumerated() {
            if index > 0 { out += " " }
            appendDefault(value, to: &out)
        }
        return out + "\n"
    }

    // MARK: floats

    /// Shortest decimal digits and the decimal point position: 1234.5 → ("12345", 4).
    static func shortestDigits(_ value: Double) -> (digits: [UInt8], point: Int) {
        let text = abs(value).description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits: [UInt8] = []
        var point = 0
        var seenPoint = false
        for char in mantissa.utf8 {
            if char == UInt8(ascii: ".") {
                seenPoint = true
                continue
            }
            digits.append(char)
            if !seenPoint { point += 1 }
        }
        while let first = digits.first, first == UInt8(ascii: "0"), digits.count > 1 {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == UInt8(ascii: "0"), digits.count > 1 { digits.removeLast() }
        if digits == [UInt8(ascii: "0")] { point = 1 }
        return (digits, point + exponent)
    }

    /// `%v`/`%g` (verb "g") and `%e` (verb "e") with the shortest precision, as Go prints them.
    static func formatFloatShortest(_ value: Double, verb: Character) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let (digits, point) = shortestDigits(value)
        let sign = value.sign == .minus ? "-" : ""
        let exponent = digits == [UInt8(ascii: "0")] ? 0 : point - 1
        // Go's %v and %g switch to an exponent below 1e-4 and from 1e+06 (precision 6 for the shortest form).
        let useExponent = verb == "e" || exponent < -4 || exponent >= 6
        if useExponent {
            var out = sign + String(UnicodeScalar(digits[0]))
            if digits.count > 1 { out += "." + String(decoding: digits[1...], as: UTF8.self) }
            let magnitude = abs(exponent)
            out += (exponent < 0 ? "e-" : "e+") + (magnitude < 10 ? "0" : "") + String(magnitude)
            return out
        }
        let text = String(decoding: digits, as: UTF8.self)
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + text }
        if point >= digits.count { return sign + text + String(repeating: "0", count: point - digits.count) }
        let split = text.index(text.startIndex, offsetBy: point)
        return sign + text[..<split] + "." + text[split...]
    }

    // MARK: printf

    struct Spec {
        var minus = false, plus = false, sharp = false, space = false, zero = false
        var width: Int?
        var precision: Int?
    }

    static func sprintf(_ format: String, _ arguments: [GoValue]) -> String {
        var out = ""
        let chars = Array(format.unicodeScalars)
        var index = 0
        var argumentIndex = 0
        var reordered = false
        while index < chars.count {
            let char = chars[index]
            if char != "%" {
                out.unicodeScalars.append(char)
                index += 1
                continue
            }
            index += 1
            var spec = Spec()
            flags: while index < chars.count {
                switch chars[index] {
                case "-":
                    spec.minus = true
                    spec.zero = false
                case "+": spec.plus = true
                case "#": spec.sharp = true
                case " ": spec.space = true
                case "0": spec.zero = !spec.minus
                default: break flags
                }
                index += 1
            }
            func explicitIndex() {
                guard index < chars.count, chars[index] == "[" else { return }
                var end = index + 1
                var number = 0
                while end < chars.count, chars[end].value >= 48, chars[end].value <= 57 {
                    number = min(number * 10 + Int(chars[end].value - 48), 1_000_000)
                    end += 1
                }
                if end < chars.count, chars[end] == "]", number >= 1 {
                    argumentIndex = number - 1
                    reordered = true
                    index = end + 1
                }
            }
            func readNumber() -> Int? {
                var number: Int?
                while index < chars.count, chars[index].value >= 48, chars[index].value <= 57 {
                    number = min((number ?? 0) * 10 + Int(chars[index].value - 48), 1_000_000)
                    index += 1
                }
                return number
            }
            explicitIndex()
            if index < chars.count, chars[index] == "*" {
                index += 1
                if argumentIndex < arguments.count, case .int(let width) = arguments[argumentIndex] {
                    spec.width = Int(min(width.magnitude, 1_000_000))
                    if width < 0 {
                        spec.minus = true
                        spec.zero = false
                    }
                } else {
                    out += "%!(BADWIDTH)"
                }
                argumentIndex += 1
            } else {
                spec.width = readNumber()
            }
            if index < chars.count, chars[index] == "." {
                index += 1
                explicitIndex()
                if index < chars.count, chars[index] == "*" {
                    index += 1
                    if argumentIndex < arguments.count, case .int(let precision) = arguments[argumentIndex], precision >= 0 {
                        spec.precision = min(precision, 1_000_000)
                    } else {
                        out += "%!(BADPREC)"
                    }
                    argumentIndex += 1
                } else {
                    spec.precision = readNumber() ?? 0
                }
            }
            explicitIndex()
            guard index < chars.count else {
                out += "%!(NOVERB)"
                break
            }
            let verb = Character(chars[index])
            index += 1
            if verb == "%" {
                out += "%"
                continue
            }
            guard argumentIndex < arguments.count else {
                out += "%!\(verb)(MISSING)"
                continue
            }
            let argument = arguments[argumentIndex]
            argumentIndex += 1
            out += Self.format(argument, verb: verb, spec: spec)
        }
        if !reordered, argumentIndex < arguments.count {
            out += "%!(EXTRA "
            out += arguments[argumentIndex...].map { "\($0.typeName)=\($0.printed)" }.joined(separator: ", ")
            out += ")"
        }
        return out
    }

    static func badVerb(_ verb: Character, _ value: GoValue) -> String {
        if case .null = value { return "%!\(verb)(<nil>)" }
        return "%!\(verb)(\(value.typeName)=\(value.printed))"
    }

    static func pad(_ text: String, _ spec: Spec, numeric: Bool = false) -> String {
        guard let width = spec.width else { return text }
        let count = text.count
        guard count < width else { return text }
        let padding = width - count
        if spec.minus { return text + String(repeating: " ", count: padding) }
        if spec.zero, numeric {
            var body = Substring(text)
            var sign = ""
            if let first = body.first, first == "-" || first == "+" || first == " " {
                sign = String(first)
                body = body.dropFirst()
            }
            return sign + String(repeating: "0", count: padding) + body
        }
        if spec.zero, !numeric { return String(repeating: "0", count: padding) + text }
        return String(repeating: " ", count: padding) + text
    }

    static func format(_ value: GoValue, verb: Character, spec: Spec) -> String {
        switch verb {
        case "v":
            if spec.sharp, case .string(let string) = value { return pad(quote(string), spec) }
            if case .float(let number) = value { return formatFloat(number, verb: "g", spec: spec) }
            if case .int(let number) = value { return formatInt(number, verb: "d", spec: spec) }
            return pad(value.printed, spec)
        case "T": return pad(value.typeName, spec)
        case "s":
            switch value {
            case .string(let string), .safe(let string, _): return pad(truncate(string, spec.precision), spec)
            case .array(let values): return pad("[" + values.map { format($0, verb: "s", spec: Spec()) }.joined(separator: " ") + "]", spec)
            case .map, .object: return pad(value.printed, spec)
            default: return badVerb(verb, value)
            }
        case "q":
            switch value {
            case .string(let string), .safe(let string, _):
                if spec.sharp, !string.contains("`"), !string.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" }) {
                    return pad("`" + string + "`", spec)
                }
                return pad(quote(string), spec)
            case .int(let number):
                guard let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: max(number, 0))) else { return pad("'\u{FFFD}'", spec) }
                return pad(quoteRune(scalar), spec)
            case .array(let values): return pad("[" + values.map { format($0, verb: "q", spec: Spec()) }.joined(separator: " ") + "]", spec)
            default: return badVerb(verb, value)
            }
        case "d", "b", "o", "O", "x", "X", "c", "U":
            switch value {
            case .int(let number):
                return formatInt(number, verb: verb, spec: spec)
            case .bool where verb == "d":
                return badVerb(verb, value)
            case .string(let string) where verb == "x" || verb == "X", .safe(let string, _) where verb == "x" || verb == "X":
                let hex = string.utf8.map { String(format: verb == "x" ? "%02x" : "%02X", $0) }.joined(separator: spec.space ? " " : "")
                return pad(hex, spec)
            case .array(let values):
                return pad("[" + values.map { format($0, verb: verb, spec: Spec()) }.joined(separator: " ") + "]", spec)
            case .float(let number) where verb == "x" || verb == "X":
                return pad(String(format: verb == "x" ? "%a" : "%A", number), spec)
            default: return badVerb(verb, value)
            }
        case "e", "E", "f", "F", "g", "G":
            switch value {
            case .float(let number): return formatFloat(number, verb: verb, spec: spec)
            case .array(let values):
                return pad("[" + values.map { format($0, verb: verb, spec: Spec()) }.joined(separator: " ") + "]", spec)
            default: return badVerb(verb, value)
            }
        case "t":
            if case .bool(let flag) = value { return pad(flag ? "true" : "false", spec) }
            return badVerb(verb, value)
        default:
            return badVerb(verb, value)
        }
    }

    static func truncate(_ text: String, _ precision: Int?) -> String {
        guard let precision, text.count > precision else { return text }
        return String(text.prefix(precision))
    }

    static func formatInt(_ number: Int, verb: Character, spec: Spec) -> String {
        let magnitude = number.magnitude
        var body: String
        switch verb {
        case "b": body = String(magnitude, radix: 2)
        case "o":
            body = String(magnitude, radix: 8)
            if spec.sharp { body = "0" + body }
        case "O": body = "0o" + String(magnitude, radix: 8)
        case "x":
            body = String(magnitude, radix: 16)
            if spec.sharp { body = "0x" + body }
        case "X":
            body = String(magnitude, radix: 16).uppercased()
            if spec.sharp { body = "0X" + body }
        case "c":
            guard let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: max(number, 0))) else { return pad("\u{FFFD}", spec) }
            return pad(String(Character(scalar)), spec)
        case "U":
            var hex = String(magnitude, radix: 16).uppercased()
            while hex.count < 4 { hex = "0" + hex }
            return pad("U+" + hex, spec)
        default: body = String(magnitude)
        }
        if let precision = spec.precision, body.count < precision {
            body = String(repeating: "0", count: precision - body.count) + body
        }
        let sign = number < 0 ? "-" : spec.plus ? "+" : spec.space ? " " : ""
        var zeroSpec = spec
        if spec.precision != nil { zeroSpec.zero = false }
        return pad(sign + body, zeroSpec, numeric: true)
    }

    static func formatFloat(_ number: Double, verb: Character, spec: Spec) -> String {
        var body: String
        if number.isNaN || number.isInfinite {
            body = number.isNaN ? "NaN" : number < 0 ? "-Inf" : "+Inf"
            var noZero = spec
            noZero.zero = false
            return pad(body, noZero)
        }
        if let precision = spec.precision {
            let flags = (spec.sharp ? "#" : "")
            body = String(format: "%\(flags).\(precision)\(verb)", abs(number))
            if number.sign == .minus { body = "-" + body }
        } else {
            switch verb {
            case "f", "F": body = String(format: "%.6f", abs(number))
            case "e", "E": body = String(format: "%.6e", abs(number))
            default: body = formatFloatShortest(abs(number), verb: "g")
            }
            if verb == "E" || verb == "G" { body = body.uppercased() }
            if number.sign == .minus { body = "-" + body }
        }
        if number.sign != .minus {
            if spec.plus { body = "+" + body } else if spec.space { body = " " + body }
        }
        return pad(body, spec, numeric: true)
    }

    /// Go's `strconv.Quote`.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: appendEscaped(scalar, to: &out)
            }
        }
        return out + "\""
    }

    static func quoteRune(_ scalar: Unicode.Scalar) -> String {
        var out = "'"
        switch scalar {
        case "'": out += "\\'"
        case "\\": out += "\\\\"
        default: appendEscaped(scalar, to: &out)
        }
        return out + "'"
    }

    private static func appendEscaped(_ scalar: Unicode.Scalar, to out: inout String) {
        switch scalar {
        case "\u{07}": out += "\\a"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{0B}": out += "\\v"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += String(format: "\\x%02x", scalar.value)
            } else if scalar.value >= 0x80,
                scalar.value < 0xA0 || scalar.properties.generalCategory == .format
                    || scalar.properties.generalCategory == .lineSeparator || scalar.properties.generalCategory == .paragraphSeparator
                    || scalar.properties.generalCategory == .unassigned || scalar.properties.generalCategory == .privateUse
            {
                out += scalar.value > 0xFFFF ? String(format: "\\U%08x", scalar.value) : String(format: "\\u%04x", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
}

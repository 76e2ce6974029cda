import Foundation

/// Hugo's `strings` namespace and its short aliases.
enum StringFunctions {
    static func register(in registry: inout FunctionRegistry) {
        func add(_ names: [String], _ body: @escaping @Sendable ([GoValue]) throws -> GoValue) {
            for name in names { registry.register(name, body) }
        }
        add(["strings.Replace", "replace"]) { args in
            try Cast.expect("replace", args, 3...4)
            let input = try Cast.string(args[0])
            let old = try Cast.string(args[1])
            let new = try Cast.string(args[2])
            let limit = args.count == 4 ? try Cast.int(args[3]) : -1
            return .string(replace(input, old, new, limit: limit))
        }
        add(["strings.ReplaceRE", "replaceRE"]) { args in
            try Cast.expect("replaceRE", args, 3...4)
            let regex = try regularExpression(try Cast.string(args[0]))
            let template = goTemplate(try Cast.string(args[1]))
            let input = try Cast.string(args[2])
            let limit = args.count == 4 ? try Cast.int(args[3]) : -1
            var result = ""
            var last = input.startIndex
            let matches = regex.matches(in: input, range: NSRange(input.startIndex..., in: input))
            for (index, match) in matches.enumerated() where limit < 0 || index < limit {
                guard let range = Range(match.range, in: input) else { continue }
                result += input[last..<range.lowerBound]
                result += regex.replacementString(for: match, in: input, offset: 0, template: template)
                last = range.upperBound
            }
            result += input[last...]
            return .string(result)
        }
        add(["strings.FindRE", "findRE"]) { args in
            try Cast.expect("findRE", args, 2...3)
            let regex = try regularExpression(try Cast.string(args[0]))
            let input = try Cast.string(args[1])
            let limit = args.count == 3 ? try Cast.int(args[2]) : -1
            let matches = regex.matches(in: input, range: NSRange(input.startIndex..., in: input))
            let found = matches.compactMap { Range($0.range, in: input).map { GoValue.string(String(input[$0])) } }
            return .array(limit < 0 ? found : Array(found.prefix(limit)))
        }
        add(["strings.FindRESubmatch", "findRESubmatch"]) { args in
            try Cast.expect("findRESubmatch", args, 2...3)
            let regex = try regularExpression(try Cast.string(args[0]))
            let input = try Cast.string(args[1])
            let limit = args.count == 3 ? try Cast.int(args[2]) : -1
            let matches = regex.matches(in: input, range: NSRange(input.startIndex..., in: input))
            let found: [GoValue] = matches.map { match in
                .array(
                    (0..<match.numberOfRanges).map { group in
                        Range(match.range(at: group), in: input).map { .string(String(input[$0])) } ?? .string("")
                    })
            }
            return .array(limit < 0 ? found : Array(found.prefix(limit)))
        }
        add(["strings.Split", "split"]) { args in
            try Cast.expect("split", args, 2...2)
            let input = try Cast.string(args[0])
            let separator = try Cast.string(args[1])
            if separator.isEmpty { return .array(input.map { .string(String($0)) }) }
            return .array(input.components(separatedBy: separator).map { .string($0) })
        }
        add(["strings.Trim", "trim"]) { args in
            try Cast.expect("trim", args, 2...2)
            let cutset = Set(try Cast.string(args[1]).unicodeScalars)
            return .string(trim(try Cast.string(args[0]), left: true, right: true) { cutset.contains($0) })
        }
        add(["strings.TrimLeft"]) { args in
            try Cast.expect("strings.TrimLeft", args, 2...2)
            let cutset = Set(try Cast.string(args[0]).unicodeScalars)
            return .string(trim(try Cast.string(args[1]), left: true, right: false) { cutset.contains($0) })
        }
        add(["strings.TrimRight"]) { args in
            try Cast.expect("strings.TrimRight", args, 2...2)
            let cutset = Set(try Cast.string(args[0]).unicodeScalars)
            return .string(trim(try Cast.string(args[1]), left: false, right: true) { cutset.contains($0) })
        }
        add(["strings.TrimSpace"]) { args in
            try Cast.expect("strings.TrimSpace", args, 1...1)
            return .string(trim(try Cast.string(args[0]), left: true, right: true) { $0.properties.isWhitespace })
        }
        add(["strings.TrimPrefix"]) { args in
            try Cast.expect("strings.TrimPrefix", args, 2...2)
            let prefix = try Cast.string(args[0])
            let input = try Cast.string(args[1])
            return .string(input.hasPrefix(prefix) ? String(input.dropFirst(prefix.count)) : input)
        }
        add(["strings.TrimSuffix"]) { args in
            try Cast.expect("strings.TrimSuffix", args, 2...2)
            let suffix = try Cast.string(args[0])
            let input = try Cast.string(args[1])
            return .string(input.hasSuffix(suffix) ? String(input.dropLast(suffix.count)) : input)
        }
        add(["strings.ToLower", "lower"]) { args in
            try Cast.expect("lower", args, 1...1)
            return .string(try Cast.string(args[0]).lowercased())
        }
        add(["strings.ToUpper", "upper"]) { args in
            try Cast.expect("upper", args, 1...1)
            return .string(try Cast.string(args[0]).uppercased())
        }
        add(["strings.Title", "title"]) { args in
            try Cast.expect("title", args, 1...1)
            return .string(titleCase(try Cast.string(args[0])))
        }
        add(["strings.FirstUpper"]) { args in
            try Cast.expect("strings.FirstUpper", args, 1...1)
            let input = try Cast.string(args[0])
            return .string(input.prefix(1).uppercased() + input.dropFirst())
        }
        add(["strings.HasPrefix", "hasPrefix"]) { args in
            try Cast.expect("hasPrefix", args, 2...2)
            return .bool(try Cast.string(args[0]).hasPrefix(try Cast.string(args[1])))
        }
        add(["strings.HasSuffix", "hasSuffix"]) { args in
            try Cast.expect("hasSuffix", args, 2...2)
            return .bool(try Cast.string(args[0]).hasSuffix(try Cast.string(args[1])))
        }
        add(["strings.Contains"]) { args in
            try Cast.expect("strings.Contains", args, 2...2)
            let needle = try Cast.string(args[1])
            let haystack = try Cast.string(args[0])
            return .bool(needle.isEmpty || haystack.contains(needle))
        }
        add(["strings.ContainsAny"]) { args in
            try Cast.expect("strings.ContainsAny", args, 2...2)
            let chars = Set(try Cast.string(args[1]).unicodeScalars)
            return .bool(try Cast.string(args[0]).unicodeScalars.contains { chars.contains($0) })
        }
        add(["strings.ContainsNonSpace"]) { args in
            try Cast.expect("strings.ContainsNonSpace", args, 1...1)
            return .bool(try Cast.string(args[0]).unicodeScalars.contains { !$0.properties.isWhitespace })
        }
        add(["strings.Count"]) { args in
            try Cast.expect("strings.Count", args, 2...2)
            let needle = try Cast.string(args[0])
            let input = try Cast.string(args[1])
            if needle.isEmpty { return .int(input.unicodeScalars.count + 1) }
            return .int(input.components(separatedBy: needle).count - 1)
        }
        add(["strings.CountWords", "countwords"]) { args in
            try Cast.expect("countwords", args, 1...1)
            return .int(try Cast.string(args[0]).split(whereSeparator: { $0.isWhitespace }).count)
        }
        add(["strings.CountRunes", "countrunes"]) { args in
            try Cast.expect("countrunes", args, 1...1)
            return .int(try Cast.string(args[0]).unicodeScalars.filter { !$0.properties.isWhitespace }.count)
        }
        add(["strings.RuneCount"]) { args in
            try Cast.expect("strings.RuneCount", args, 1...1)
            return .int(try Cast.string(args[0]).unicodeScalars.count)
        }
        add(["strings.Repeat"]) { args in
            try Cast.expect("strings.Repeat", args, 2...2)
            let count = try Cast.int(args[0])
            let input = try Cast.string(args[1])
            let (size, overflow) = count.multipliedReportingOverflow(by: max(input.utf8.count, 1))
            guard count >= 0, !overflow, size <= 16 << 20 else {
                throw GoFunctionError("strings: negative or too large Repeat count")
            }
            return .string(String(repeating: input, count: count))
        }
        add(["strings.Chomp", "chomp"]) { args in
            try Cast.expect("chomp", args, 1...1)
            var input = try Cast.string(args[0])
            while input.hasSuffix("\n") || input.hasSuffix("\r") { input.removeLast() }
            return .string(input)
        }
        add(["strings.Substr", "substr"]) { args in
            try Cast.expect("substr", args, 2...3)
            let scalars = Array(try Cast.string(args[0]).unicodeScalars)
            var start = try Cast.int(args[1])
            if start < 0 { start = max(scalars.count + start, 0) }
            start = min(start, scalars.count)
            var end = scalars.count
            if args.count == 3 {
                let length = try Cast.int(args[2])
                end = length < 0 ? max(scalars.count + max(length, -scalars.count), start) : start + min(length, scalars.count - start)
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<max(end, start)])
            return .string(String(view))
        }
        add(["strings.SliceString", "slicestr"]) { args in
            try Cast.expect("slicestr", args, 2...3)
            let scalars = Array(try Cast.string(args[0]).unicodeScalars)
            let start = try Cast.int(args[1])
            let end = args.count == 3 ? try Cast.int(args[2]) : scalars.count
            guard start >= 0, start <= end, end <= scalars.count else { throw GoFunctionError("slice bounds out of range") }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            return .string(String(view))
        }
        add(["strings.Truncate", "truncate"]) { args in
            try Cast.expect("truncate", args, 2...3)
            let length = try Cast.int(args[0])
            let ellipsis = args.count == 3 ? try Cast.string(args[1]) : " …"
            let input = args[args.count - 1]
            let truncated = truncate(try Cast.string(input), length: length, ellipsis: ellipsis)
            if case .safe(_, .html) = input { return .safe(truncated, .html) }
            return .string(truncated)
        }
        add(["urlize", "urls.Anchorize", "anchorize"]) { args in
            try Cast.expect("urlize", args, 1...1)
            return .string(urlize(try Cast.string(args[0])))
        }
        add(["string", "cast.ToString"]) { args in
            try Cast.expect("string", args, 1...1)
            return .string(try Cast.string(args[0]))
        }
    }

    static func replace(_ input: String, _ old: String, _ new: String, limit: Int) -> String {
        guard !old.isEmpty, limit != 0 else { return input }
        if limit < 0 { return input.replacingOccurrences(of: old, with: new) }
        var result = ""
        var rest = Substring(input)
        var count = 0
        while count < limit, let range = rest.range(of: old) {
            result += rest[..<range.lowerBound]
            result += new
            rest = rest[range.upperBound...]
            count += 1
        }
        return result + rest
    }

    /// Go's regexp replacement `$1`/`${name}` → NSRegularExpression's `$1` (other `\` escaped).
    static func goTemplate(_ replacement: String) -> String {
        var out = ""
        var chars = Substring(replacement)
        while let char = chars.first {
            chars = chars.dropFirst()
            switch char {
            case "\\": out += "\\\\"
            case "$":
                if chars.first == "$" {
                    out += "\\$"
                    chars = chars.dropFirst()
                } else if chars.first == "{", let close = chars.firstIndex(of: "}") {
                    let name = chars[chars.index(after: chars.startIndex)..<close]
                    if name.allSatisfy(\.isNumber), !name.isEmpty { out += "$" + name } else { out += "" }
                    chars = chars[chars.index(after: close)...]
                } else if let first = chars.first, first.isNumber {
                    out += "$"
                } else {
                    out += "\\$"
                }
            default: out.append(char)
            }
        }
        return out
    }

    static func regularExpression(_ pattern: String) throws -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: pattern)
        } catch {
            throw GoFunctionError("invalid regular expression \(GoFormatter.quote(pattern))")
        }
    }

    static func trim(_ input: String, left: Bool, right: Bool, _ cut: (Unicode.Scalar) -> Bool) -> String {
        var scalars = Substring(input).unicodeScalars[...]
        if left { while let first = scalars.first, cut(first) { scalars = scalars.dropFirst() } }
        if right { while let last = scalars.last, cut(last) { scalars = scalars.dropLast() } }
        return String(String.UnicodeScalarView(scalars))
    }

    static let smallWords: Set<String> = [
        "a", "an", "and", "as", "at", "but", "by", "en", "for", "if", "in", "nor", "of", "on", "or", "per", "the", "to", "vs", "via",
    ]

    /// Title case in the AP style Hugo uses by default: small words stay lower case inside, the
    /// parts of a hyphenated word are cased as words (`State-of-the-Art`, `D-Consistent`).
    static func titleCase(_ input: String) -> String {
        let words = input.split(separator: " ", omittingEmptySubsequences: false).map {
            $0.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        }
        let lastWord = words.count - 1
        return words.enumerated().map { wordIndex, parts in
            parts.enumerated().map { partIndex, part in
                let isFirst = wordIndex == 0 && partIndex == 0
                let isLast = wordIndex == lastWord && partIndex == parts.count - 1
                if !isFirst, !isLast, smallWords.contains(part.lowercased()) { return part.lowercased() }
                return part.prefix(1).uppercased() + part.dropFirst()
            }.joined(separator: "-")
        }.joined(separator: " ")
    }

    /// Cuts text to `length` characters at a word boundary, with `ellipsis` when cut.
    static func truncate(_ input: String, length: Int, ellipsis: String) -> String {
        guard length >= 0, input.count > length else { return input }
        let prefix = input.prefix(length)
        if let space = prefix.lastIndex(where: { $0.isWhitespace }), input[input.index(prefix.endIndex, offsetBy: 0)] != " " {
            return String(prefix[..<space]).trimmingCharacters(in: .whitespaces) + ellipsis
        }
        return String(prefix).trimmingCharacters(in: .whitespaces) + ellipsis
    }

    static func urlize(_ input: String) -> String {
        var out = ""
        for char in input.lowercased() {
            if char.isLetter || char.isNumber || char == "-" || char == "_" || char == "." || char == "/" {
                out.append(char)
            } else if char.isWhitespace {
                out.append("-")
            }
        }
        return out
    }
}

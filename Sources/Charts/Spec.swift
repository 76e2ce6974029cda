import Yams

/// Parses a chart spec (YAML or JSON) into a ``ChartSpec``, locating every problem on a spec line.
struct SpecParser {
    /// Specs larger than this are refused before parsing.
    static let maximumSize = 4 << 20
    /// Deeper nesting than this is refused before parsing, so the YAML composer cannot recurse without bound.
    static let maximumNesting = 48

    private(set) var log = WarningLog()

    /// Parses `text`, throwing the first problem that makes the spec unusable.
    mutating func parse(_ text: String) throws -> ChartSpec {
        guard text.utf8.count <= Self.maximumSize else {
            throw ChartError("the spec is larger than \(Self.maximumSize >> 20) MB")
        }
        if let line = Self.lineExceedingNesting(text) {
            throw ChartError("the spec is nested more than \(Self.maximumNesting) levels deep", line: line)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.chartError(from: error)
        } catch {
            throw ChartError("the spec is not valid YAML or JSON")
        }
        guard let root else { throw ChartError("the spec is empty; give at least `type` and `data`", line: 1) }
        do {
            try YAMLAliasBudget.check(root, limit: YAMLAliasBudget.limit(forByteCount: text.utf8.count))
        } catch {
            throw ChartError(error.description, line: error.line)
        }
        guard let mapping = root.mapping else {
            throw ChartError("the spec must be a mapping of keys such as `type:` and `data:`", line: root.mark?.line)
        }
        var spec = ChartSpec()
        var sawType = false
        for (keyNode, value) in mapping {
            let line = keyNode.mark?.line
            guard let key = keyNode.scalar?.string else {
                log.add("a key that is not text was ignored", line: line)
                continue
            }
            if try apply(SpecKey.normal(key), original: key, value: value, line: line, to: &spec) {
                if SpecKey.normal(key) == "type" { sawType = true }
            } else {
                log.add("unknown key `\(key)` ignored" + SpecKey.suggestion(for: key), line: line)
            }
        }
        if !sawType { log.add("no `type` given; drawing a line chart", line: 1) }
        guard spec.data != nil else { throw ChartError("the spec has no `data` (inline rows or a CSV/TSV/JSON file)", line: 1) }
        return spec
    }

    /// Applies one top-level key; returns false when the key is unknown.
    private mutating func apply(
        _ key: String, original: String, value: Node, line: Int?,
        to spec: inout ChartSpec
    ) throws -> Bool {
        switch key {
        case "type", "kind", "mark":
            let name = try Self.text(value, key: original)
            guard let type = ChartType(name: name) else {
                let known = ChartType.allCases.map(\.rawValue).joined(separator: ", ")
                throw ChartError("unknown chart type `\(name)`; use one of \(known)", line: value.mark?.line ?? line)
            }
            spec.type = type
        case "id": spec.id = try Self.identifier(value, key: original)
        case "title": spec.title = try Self.text(value, key: original)
        case "caption": spec.caption = try Self.text(value, key: original)
        case "description", "desc", "alt": spec.description = try Self.text(value, key: original)
        case "data", "source":
            spec.data = try DataSpecReader.read(value, key: original)
            spec.dataLine = line
        case "x": try applyAxis(.x, value, key: original, to: &spec)
        case "y": try applyAxis(.y, value, key: original, to: &spec)
        case "color", "colour", "series", "group", "groupby", "by":
            spec.series = FieldRef(name: try Self.text(value, key: original), line: value.mark?.line)
        case "value", "z", "fill", "count", "weight":
            spec.value = FieldRef(name: try Self.text(value, key: original), line: value.mark?.line)
        case "yerr", "error", "err", "yerror", "errorbar", "errorbars":
            spec.yError = FieldRef(name: try Self.text(value, key: original), line: value.mark?.line)
        case "xlabel", "xtitle": spec.xLabel = try Self.text(value, key: original)
        case "ylabel", "ytitle": spec.yLabel = try Self.text(value, key: original)
        case "log", "logscale":
            let which = try Self.text(value, key: original).lowercased()
            switch which {
            case "x": spec.xScale = .log
            case "y", "true", "yes": spec.yScale = .log
            case "both", "xy", "x,y", "x, y":
                spec.xScale = .log
                spec.yScale = .log
            case "false", "no", "none": break
            default: throw ChartError("`\(original)` must be x, y or both, not `\(which)`", line: value.mark?.line)
            }
        case "xscale": spec.xScale = try Self.scale(value, key: original)
        case "yscale": spec.yScale = try Self.scale(value, key: original)
        case "xrange", "xlim", "xdomain": spec.xRange = try Self.range(value, key: original)
        case "yrange", "ylim", "ydomain": spec.yRange = try Self.range(value, key: original)
        case "xmin": spec.xRange.lower = try Self.number(value, key: original)
        case "xmax": spec.xRange.upper = try Self.number(value, key: original)
        case "ymin": spec.yRange.lower = try Self.number(value, key: original)
        case "ymax": spec.yRange.upper = try Self.number(value, key: original)
        case "bins":
            let bins = try Self.number(value, key: original)
            guard bins >= 1, bins <= 1000, bins == bins.rounded() else {
                throw ChartError("`bins` must be a whole number from 1 to 1000", line: value.mark?.line)
            }
            spec.bins = Int(bins)
        case "stack", "stacked": spec.stacked = try Self.bool(value, key: original)
        case "rules", "rule", "referencelines", "reference", "lines", "hline", "vline":
            spec.rules += try Self.rules(value, key: original)
        case "annotations", "annotation", "annotate", "notes":
            spec.annotations += try Self.annotations(value, key: original)
        case "width":
            spec.width = try Self.size(value, key: original, range: 200...4000)
        case "height":
            spec.height = try Self.size(value, key: original, range: 100...4000)
        case "aspect", "aspectratio", "ratio":
            spec.aspect = try Self.aspect(value, key: original)
        case "legend":
            let text = try Self.text(value, key: original).lowercased()
            if let position = LegendPosition(rawValue: text) {
                spec.legend = position
            } else if text == "false" || text == "no" || text == "off" || text == "hidden" {
                spec.legend = .none
            } else if text == "true" || text == "yes" || text == "on" {
                spec.legend = .auto
            } else {
                throw ChartError("`legend` must be auto, top, bottom, right or none", line: value.mark?.line)
            }
        case "points", "markers": spec.points = try Self.bool(value, key: original)
        case "celllabels", "labels", "showvalues", "values": spec.cellLabels = try Self.bool(value, key: original)
        case "matrix", "wide": spec.matrix = try Self.bool(value, key: original)
        case "valuelabel", "ztitle", "zlabel", "colorlabel", "colourlabel", "colorbar":
            spec.valueLabel = try Self.text(value, key: original)
        default:
            return false
        }
        return true
    }

    /// `x:`/`y:` as a column name, a list of columns (y only) or a mapping with `field`, `label`, `log`, `range`.
    private mutating func applyAxis(_ axis: Axis, _ node: Node, key: String, to spec: inout ChartSpec) throws {
        if let sequence = node.sequence {
            guard axis == .y else { throw ChartError("`x` takes one column", line: node.mark?.line) }
            spec.y = try sequence.map { FieldRef(name: try Self.text($0, key: key), line: $0.mark?.line) }
            guard !spec.y.isEmpty else { throw ChartError("`y` lists no columns", line: node.mark?.line) }
            return
        }
        guard let mapping = node.mapping else {
            let field = FieldRef(name: try Self.text(node, key: key), line: node.mark?.line)
            if axis == .x { spec.x = field } else { spec.y = [field] }
            return
        }
        for (keyNode, value) in mapping {
            guard let name = keyNode.scalar?.string else { continue }
            let inner = "\(key).\(name)"
            switch SpecKey.normal(name) {
            case "field", "column", "name":
                let field = FieldRef(name: try Self.text(value, key: inner), line: value.mark?.line)
                if axis == .x { spec.x = field } else { spec.y = [field] }
            case "label", "title":
                let label = try Self.text(value, key: inner)
                if axis == .x { spec.xLabel = label } else { spec.yLabel = label }
            case "scale", "type":
                let scale = try Self.scale(value, key: inner)
                if axis == .x { spec.xScale = scale } else { spec.yScale = scale }
            case "log":
                if try Self.bool(value, key: inner) {
                    if axis == .x { spec.xScale = .log } else { spec.yScale = .log }
                }
            case "range", "domain", "lim":
                let range = try Self.range(value, key: inner)
                if axis == .x { spec.xRange = range } else { spec.yRange = range }
            case "min":
                let bound = try Self.number(value, key: inner)
                if axis == .x { spec.xRange.lower = bound } else { spec.yRange.lower = bound }
            case "max":
                let bound = try Self.number(value, key: inner)
                if axis == .x { spec.xRange.upper = bound } else { spec.yRange.upper = bound }
            default:
                log.add("unknown key `\(inner)` ignored", line: keyNode.mark?.line)
            }
        }
    }

    // MARK: Values

    static func text(_ node: Node, key: String) throws -> String {
        guard let scalar = node.scalar else {
            throw ChartError("`\(key)` must be a single value", line: node.mark?.line)
        }
        return scalar.string
    }

    private static func identifier(_ node: Node, key: String) throws -> String {
        var text = try Self.text(node, key: key)
        if text.hasPrefix("#") { text.removeFirst() }
        let allowed = text.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" || $0 == "_" || $0 == ".")
        }
        guard !text.isEmpty, allowed, text.count <= 100 else {
            throw ChartError("`id` must be letters, digits, `-`, `_` or `.` (like fig-loss)", line: node.mark?.line)
        }
        return text
    }

    static func number(_ node: Node, key: String) throws -> Double {
        let text = try Self.text(node, key: key)
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw ChartError("`\(key)` must be a number, not `\(text)`", line: node.mark?.line)
        }
        return value
    }

    private static func bool(_ node: Node, key: String) throws -> Bool {
        switch try Self.text(node, key: key).lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: throw ChartError("`\(key)` must be true or false", line: node.mark?.line)
        }
    }

    private static func scale(_ node: Node, key: String) throws -> ScaleChoice {
        let text = try Self.text(node, key: key).lowercased()
        switch text {
        case "linear", "log", "time", "band", "auto": return ScaleChoice(rawValue: text) ?? .auto
        case "date", "datetime", "temporal": return .time
        case "category", "categorical", "ordinal", "nominal": return .band
        default: throw ChartError("`\(key)` must be linear, log, time or band", line: node.mark?.line)
        }
    }

    private static func range(_ node: Node, key: String) throws -> AxisRange {
        guard let items = node.sequence, items.count == 2 else {
            throw ChartError("`\(key)` must be two numbers, like [0, 1]", line: node.mark?.line)
        }
        func bound(_ node: Node) throws -> Double? {
            let text = try Self.text(node, key: key)
            if text.isEmpty || text == "~" || text.lowercased() == "null" || text.lowercased() == "auto" { return nil }
            return try Self.number(node, key: key)
        }
        let range = AxisRange(lower: try bound(items[0]), upper: try bound(items[1]))
        if let lower = range.lower, let upper = range.upper, lower >= upper {
            throw ChartError("`\(key)` must go from a smaller to a larger number", line: node.mark?.line)
        }
        return range
    }

    private static func size(_ node: Node, key: String, range: ClosedRange<Double>) throws -> Double {
        let text = try Self.text(node, key: key)
        let digits = text.hasSuffix("px") ? String(text.dropLast(2)) : text
        guard let value = Double(digits.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw ChartError(
                "`\(key)` must be a number from \(Int(range.lowerBound)) to \(Int(range.upperBound))",
                line: node.mark?.line)
        }
        return value
    }

    private static func aspect(_ node: Node, key: String) throws -> Double {
        let text = try Self.text(node, key: key)
        let parts = text.split(separator: ":").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        var ratio: Double?
        if parts.count == 2, let width = parts[0], let height = parts[1], height > 0 { ratio = width / height }
        if parts.count == 1, let value = parts[0] { ratio = value }
        guard let ratio, ratio >= 0.25, ratio <= 6 else {
            throw ChartError("`\(key)` must be a ratio such as 16:9 or 1.6 (between 0.25 and 6)", line: node.mark?.line)
        }
        return ratio
    }

    private static func items(_ node: Node) -> [Node] {
        if let sequence = node.sequence { return Array(sequence) }
        return [node]
    }

    private static func rules(_ node: Node, key: String) throws -> [ReferenceRule] {
        try items(node).map { item in
            guard let mapping = item.mapping else {
                throw ChartError("each of `\(key)` must be a mapping like {y: 0.9, label: target}", line: item.mark?.line)
            }
            var axis: Axis?
            var value = ""
            var label: String?
            for (keyNode, valueNode) in mapping {
                switch keyNode.scalar?.string.lowercased() {
                case "x":
                    axis = .x
                    value = try Self.text(valueNode, key: "\(key).x")
                case "y":
                    axis = .y
                    value = try Self.text(valueNode, key: "\(key).y")
                case "label", "text", "title": label = try Self.text(valueNode, key: "\(key).label")
                default:
                    throw ChartError("a rule takes `x` or `y` and an optional `label`", line: keyNode.mark?.line)
                }
            }
            guard let axis else { throw ChartError("a rule needs `x:` or `y:`", line: item.mark?.line) }
            return ReferenceRule(axis: axis, value: value, label: label, line: item.mark?.line)
        }
    }

    private static func annotations(_ node: Node, key: String) throws -> [Annotation] {
        try items(node).map { item in
            guard let mapping = item.mapping else {
                throw ChartError("each of `\(key)` must be a mapping like {x: 3, y: 0.5, text: note}", line: item.mark?.line)
            }
            var note = Annotation(x: "", y: "", text: "", line: item.mark?.line)
            for (keyNode, valueNode) in mapping {
                switch keyNode.scalar?.string.lowercased() {
                case "x": note.x = try Self.text(valueNode, key: "\(key).x")
                case "y": note.y = try Self.text(valueNode, key: "\(key).y")
                case "text", "label", "note": note.text = try Self.text(valueNode, key: "\(key).text")
                case "position":
                    switch try Self.text(valueNode, key: "\(key).position").lowercased() {
                    case "above": note.below = false
                    case "below": note.below = true
                    default: throw ChartError("an annotation's `position` is above or below", line: valueNode.mark?.line)
                    }
                default:
                    throw ChartError("an annotation takes `x`, `y`, `text` and `position`", line: keyNode.mark?.line)
                }
            }
            guard !note.x.isEmpty, !note.y.isEmpty, !note.text.isEmpty else {
                throw ChartError("an annotation needs `x`, `y` and `text`", line: item.mark?.line)
            }
            return note
        }
    }

    // MARK: Guards and errors

    /// The first line where brackets, block-sequence dashes or indentation exceed ``maximumNesting``.
    /// Quoted scalars are skipped (a quote only opens one at the start of a token, and never spans lines here,
    /// so an apostrophe cannot hide brackets); the estimate errs towards refusing.
    static func lineExceedingNesting(_ text: String) -> Int? {
        var depth = 0
        var line = 1
        var indent = 0
        var dashes = 0
        var atLineStart = true
        var quote: UInt8?
        var escaped = false
        var previous: UInt8 = 0x0A
        for byte in text.utf8 {
            defer { previous = byte }
            if byte == 0x0A {
                line += 1
                indent = 0
                dashes = 0
                atLineStart = true
                quote = nil
                continue
            }
            if let open = quote {
                if escaped {
                    escaped = false
                } else if open == 0x22, byte == 0x5C {
                    escaped = true
                } else if byte == open {
                    quote = nil
                }
                continue
            }
            switch byte {
            case 0x20 where atLineStart: indent += 1
            case 0x2D where atLineStart: dashes += 1
            case 0x22, 0x27:
                if [0x0A, 0x20, 0x09, 0x5B, 0x7B, 0x2C, 0x3A, 0x2D].contains(previous) { quote = byte }
                atLineStart = false
            case 0x5B, 0x7B:
                depth += 1
                atLineStart = false
            case 0x5D, 0x7D:
                depth = max(0, depth - 1)
                atLineStart = false
            case 0x20, 0x09: break
            default: atLineStart = false
            }
            if depth + dashes + indent / 2 > maximumNesting { return line }
        }
        return nil
    }

    private static func chartError(from error: YamlError) -> ChartError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ChartError("the spec is not valid YAML: \(problem)", line: mark.line)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ChartError("the key `\(duplicates.first ?? "")` is given twice", line: context.mark.line)
        default:
            return ChartError("the spec is not valid YAML or JSON")
        }
    }
}

/// Spec key spelling: case, `_`, `-` and spaces do not matter (`x_label` = `xLabel` = `xlabel`).
enum SpecKey {
    static let known = [
        "type", "id", "title", "caption", "description", "data", "x", "y", "color", "series", "value", "y_err",
        "x_label", "y_label", "log", "x_scale", "y_scale", "x_range", "y_range", "x_min", "x_max", "y_min", "y_max",
        "bins", "stack", "rules", "annotations", "width", "height", "aspect", "legend", "points", "labels",
        "matrix", "value_label",
    ]

    static func normal(_ key: String) -> String {
        String(key.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" && $0 != " " })
    }

    /// " (did you mean `…`?)" for a key one or two edits from a known one, else "".
    static func suggestion(for key: String) -> String {
        let target = Array(normal(key))
        guard target.count <= 40 else { return "" }
        var best: (String, Int)?
        for candidate in known {
            let distance = editDistance(target, Array(normal(candidate)))
            if distance <= 2, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best.map { " (did you mean `\($0.0)`?)" } ?? ""
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}

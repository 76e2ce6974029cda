import SVGText

/// Reference lines and text annotations drawn over the marks.
struct Overlays {
    let spec: ChartSpec
    let frame: Rect
    let x: Scale
    let y: Scale

    func draw(into svg: inout SVGWriter, log: inout WarningLog) {
        guard !spec.rules.isEmpty || !spec.annotations.isEmpty else { return }
        svg.raw("<g class=\"chart-overlays\" font-size=\"\(SVGWriter.number(FontSize.note))\" fill=\"currentColor\">")
        for rule in spec.rules {
            let scale = rule.axis == .x ? x : y
            guard let value = Self.resolve(rule.value, on: scale), scale.contains(value) || scale.isBand else {
                log.add("the \(rule.axis.rawValue) rule at `\(rule.value)` is outside the axis or not a value of it", line: rule.line)
                continue
            }
            let position = scale.position(value)
            guard position.isFinite else { continue }
            let path =
                rule.axis == .y
                ? "M\(SVGWriter.number(frame.x)) \(SVGWriter.number(position))h\(SVGWriter.number(frame.width))"
                : "M\(SVGWriter.number(position)) \(SVGWriter.number(frame.y))v\(SVGWriter.number(frame.height))"
            let tip = rule.label.map { "\($0): \(rule.value)" } ?? "\(rule.axis.rawValue) = \(rule.value)"
            svg.element(
                "path",
                [
                    ("class", "chart-rule"), ("d", path), ("stroke", "currentColor"), ("stroke-opacity", "0.7"),
                    ("stroke-width", "1.3"), ("stroke-dasharray", "5 4"),
                ], content: SVGWriter.tooltip(tip))
            guard let label = rule.label else { continue }
            if rule.axis == .y {
                svg.element(
                    "text",
                    haloed([
                        ("x", SVGWriter.number(frame.maxX - 4)), ("y", SVGWriter.number(position - 5)),
                        ("text-anchor", "end"),
                    ]), content: SVGWriter.escape(label))
            } else {
                let flip = position > frame.x + frame.width * 0.7
                svg.element(
                    "text",
                    haloed([
                        ("x", SVGWriter.number(position + (flip ? -5 : 5))), ("y", SVGWriter.number(frame.y + 14)),
                        ("text-anchor", flip ? "end" : "start"),
                    ]), content: SVGWriter.escape(label))
            }
        }
        for note in spec.annotations {
            guard let xValue = Self.resolve(note.x, on: x), let yValue = Self.resolve(note.y, on: y) else {
                log.add("the annotation at (\(note.x), \(note.y)) is not a position on the axes", line: note.line)
                continue
            }
            let px = x.position(xValue)
            let py = y.position(yValue)
            guard px.isFinite, py.isFinite, px >= frame.x - 1, px <= frame.maxX + 1, py >= frame.y - 1, py <= frame.maxY + 1 else {
                log.add("the annotation at (\(note.x), \(note.y)) is outside the plot", line: note.line)
                continue
            }
            svg.element(
                "circle",
                [
                    ("cx", SVGWriter.number(px)), ("cy", SVGWriter.number(py)), ("r", "3.5"), ("fill", "none"),
                    ("stroke", "currentColor"), ("stroke-width", "1.5"),
                ])
            let flip = px + TextMetrics.width(note.text, size: FontSize.note) + 8 > frame.maxX
            let below = note.below ? py < frame.maxY - 18 : py < frame.y + 18
            svg.element(
                "text",
                haloed([
                    ("x", SVGWriter.number(px + (flip ? -7 : 7))), ("y", SVGWriter.number(py + (below ? 16 : -8))),
                    ("text-anchor", flip ? "end" : "start"),
                ]), content: SVGWriter.escape(note.text))
        }
        svg.raw("</g>")
    }

    /// Text with an outline in the background colour so it stays legible over lines.
    private func haloed(_ attributes: [(String, String)]) -> [(String, String)] {
        attributes + [("style", "paint-order:stroke;stroke:var(--chart-bg, #fff);stroke-width:3px;stroke-linejoin:round")]
    }

    /// A value written in the spec as a position on `scale`: a category name, a date or a number.
    static func resolve(_ text: String, on scale: Scale) -> Double? {
        switch scale.model.kind {
        case .band:
            if let index = scale.model.categories.firstIndex(of: text) { return Double(index) }
            return nil
        case .time:
            return DateValue.parse(text) ?? Column.number(text)
        case .linear, .log:
            return Column.number(text)
        }
    }
}

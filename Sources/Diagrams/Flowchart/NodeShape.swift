import SVGText

/// The shapes a flowchart node can take: the classic bracket syntax and the names of `A@{ shape: … }`.
enum NodeShape: String, Sendable, CaseIterable {
    case rectangle, rounded, stadium, subroutine, cylinder, circle, doubleCircle, asymmetric, diamond, hexagon
    case leanRight, leanLeft, trapezoid, trapezoidTop, text, notchedRectangle, linedRectangle, smallCircle
    case framedCircle, fork, hourglass, braceLeft, braceRight, braces, bolt, document, delay, horizontalCylinder
    case linedCylinder, curvedTrapezoid, dividedRectangle, triangle, windowPane, filledCircle, notchedPentagon
    case flippedTriangle, slopedRectangle, stackedDocument, stackedRectangle, bowTieRectangle, crossedCircle
    case taggedDocument, taggedRectangle, flag, datastore, linedDocument, bang, cloud

    /// The shape `name` in `@{ shape: name }`, by Mermaid's short names and aliases.
    init?(name: String) {
        let key = name.lowercased().trimmingSpaces
        guard let shape = Self.names[key] else { return nil }
        self = shape
    }

    private static let names: [String: NodeShape] = {
        let table: [(NodeShape, [String])] = [
            (.rectangle, ["rect", "proc", "process", "rectangle"]),
            (.rounded, ["rounded", "event"]),
            (.stadium, ["stadium", "terminal", "pill"]),
            (.subroutine, ["fr-rect", "subprocess", "subproc", "framed-rectangle", "subroutine"]),
            (.cylinder, ["cyl", "db", "database", "cylinder"]),
            (.datastore, ["datastore", "data-store"]),
            (.circle, ["circle", "circ"]),
            (.bang, ["bang"]),
            (.cloud, ["cloud"]),
            (.diamond, ["diam", "decision", "diamond", "question"]),
            (.hexagon, ["hex", "hexagon", "prepare"]),
            (.leanRight, ["lean-r", "lean-right", "in-out"]),
            (.leanLeft, ["lean-l", "lean-left", "out-in"]),
            (.trapezoid, ["trap-b", "priority", "trapezoid-bottom", "trapezoid"]),
            (.trapezoidTop, ["trap-t", "manual", "trapezoid-top", "inv-trapezoid"]),
            (.doubleCircle, ["dbl-circ", "double-circle"]),
            (.text, ["text"]),
            (.notchedRectangle, ["notch-rect", "card", "notched-rectangle"]),
            (.linedRectangle, ["lin-rect", "lined-rectangle", "lined-process", "lin-proc", "shaded-process"]),
            (.smallCircle, ["sm-circ", "start", "small-circle"]),
            (.framedCircle, ["fr-circ", "stop", "framed-circle"]),
            (.fork, ["fork", "join"]),
            (.hourglass, ["hourglass", "collate"]),
            (.braceLeft, ["brace", "comment", "brace-l"]),
            (.braceRight, ["brace-r"]),
            (.braces, ["braces"]),
            (.bolt, ["bolt", "com-link", "lightning-bolt"]),
            (.document, ["doc", "document"]),
            (.delay, ["delay", "half-rounded-rectangle"]),
            (.horizontalCylinder, ["h-cyl", "das", "horizontal-cylinder"]),
            (.linedCylinder, ["lin-cyl", "disk", "lined-cylinder"]),
            (.curvedTrapezoid, ["curv-trap", "curved-trapezoid", "display"]),
            (.dividedRectangle, ["div-rect", "div-proc", "divided-rectangle", "divided-process"]),
            (.triangle, ["tri", "extract", "triangle"]),
            (.windowPane, ["win-pane", "internal-storage", "window-pane"]),
            (.filledCircle, ["f-circ", "junction", "filled-circle"]),
            (.notchedPentagon, ["notch-pent", "loop-limit", "notched-pentagon"]),
            (.flippedTriangle, ["flip-tri", "manual-file", "flipped-triangle"]),
            (.slopedRectangle, ["sl-rect", "manual-input", "sloped-rectangle"]),
            (.stackedDocument, ["docs", "documents", "st-doc", "stacked-document"]),
            (.stackedRectangle, ["st-rect", "procs", "processes", "stacked-rectangle"]),
            (.bowTieRectangle, ["bow-rect", "stored-data", "bow-tie-rectangle"]),
            (.crossedCircle, ["cross-circ", "summary", "crossed-circle"]),
            (.taggedDocument, ["tag-doc", "tagged-document"]),
            (.taggedRectangle, ["tag-rect", "tagged-rectangle", "tag-proc", "tagged-process"]),
            (.flag, ["flag", "paper-tape"]),
            (.asymmetric, ["odd"]),
            (.linedDocument, ["lin-doc", "lined-document"]),
        ]
        var names: [String: NodeShape] = [:]
        for (shape, aliases) in table { for alias in aliases { names[alias] = shape } }
        return names
    }()

    /// Whether the label is drawn (tiny markers carry none).
    var showsLabel: Bool { ![.smallCircle, .filledCircle, .fork, .framedCircle].contains(self) }

    /// Whether edges may attach anywhere along the top and bottom (flat sides).
    var hasFlatSides: Bool {
        switch self {
        case .rectangle, .rounded, .subroutine, .linedRectangle, .dividedRectangle, .windowPane, .stackedRectangle,
            .taggedRectangle, .notchedRectangle, .text, .fork:
            true
        default: false
        }
    }

    /// The node's size around a label of `width` × `height`.
    func size(labelWidth width: Double, labelHeight height: Double) -> (width: Double, height: Double) {
        let padX = 16.0
        let padY = 10.0
        let w = width + 2 * padX
        let h = max(height + 2 * padY, 36)
        switch self {
        case .circle, .doubleCircle, .crossedCircle, .bang, .cloud:
            let d = max(width, height) + 2 * padY + (self == .doubleCircle ? 10 : 0)
            return self == .cloud || self == .bang ? (w + 24, h + 20) : (max(d, 40), max(d, 40))
        case .smallCircle, .filledCircle: return (16, 16)
        case .framedCircle: return (22, 22)
        case .fork: return (72, 10)
        case .diamond: return (max(2 * (width / 2 + 10), 36) + height * 0.6 + 20, 2 * (height / 2 + 8) + width * 0.25 + 12)
        case .hexagon: return (w + h * 0.5, h)
        case .leanRight, .leanLeft, .trapezoid, .trapezoidTop: return (w + h * 0.7, h)
        case .stadium: return (w + h * 0.4, h)
        case .cylinder, .linedCylinder: return (w, h + max(12, min(24, w / 8)))
        case .horizontalCylinder: return (w + 24, h)
        case .asymmetric, .flag, .bowTieRectangle: return (w + 18, h + (self == .flag ? 12 : 0))
        case .document, .linedDocument, .taggedDocument: return (w, h + 12)
        case .stackedDocument, .stackedRectangle: return (w + 8, h + (self == .stackedDocument ? 20 : 8))
        case .triangle, .flippedTriangle: return (w * 1.8 + 20, h * 1.6 + 12)
        case .hourglass: return (max(w, 40), max(h * 1.4, 48))
        case .notchedPentagon, .slopedRectangle, .curvedTrapezoid: return (w + 16, h + (self == .slopedRectangle ? 10 : 0))
        case .delay: return (w + h * 0.3, h)
        case .windowPane, .linedRectangle, .dividedRectangle: return (w + 10, h + (self == .windowPane || self == .dividedRectangle ? 10 : 0))
        case .braceLeft, .braceRight, .braces, .bolt: return (w + 20, h)
        case .datastore: return (w, h)
        default: return (w, h)
        }
    }

    /// The label's centre offset from the node's centre (shapes whose text sits off-centre).
    func labelOffset(width: Double, height: Double) -> Point {
        switch self {
        case .cylinder, .linedCylinder: return Point(x: 0, y: max(12, min(24, width / 8)) / 4)
        case .document, .linedDocument, .taggedDocument: return Point(x: 0, y: -4)
        case .windowPane: return Point(x: 5, y: 5)
        case .dividedRectangle: return Point(x: 0, y: 5)
        case .linedRectangle: return Point(x: 5, y: 0)
        case .triangle: return Point(x: 0, y: height * 0.16)
        case .flippedTriangle: return Point(x: 0, y: -height * 0.16)
        case .asymmetric: return Point(x: 5, y: 0)
        default: return Point(x: 0, y: 0)
        }
    }

    /// SVG elements drawing the shape in `box` (fill and stroke come from the enclosing group).
    func markup(_ box: Box) -> String {
        let x0 = box.minX
        let x1 = box.maxX
        let y0 = box.minY
        let y1 = box.maxY
        let w = box.width
        let h = box.height
        let cx = box.x
        let cy = box.y
        func n(_ value: Double) -> String { SVGWriter.number(value) }
        func polygon(_ points: [(Double, Double)]) -> String {
            "<polygon points=\"" + points.map { n($0.0) + "," + n($0.1) }.joined(separator: " ") + "\"/>"
        }
        func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, radius: Double = 0) -> String {
            "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\""
                + (radius > 0 ? " rx=\"\(n(radius))\"" : "") + "/>"
        }
        func line(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) -> String {
            "<path fill=\"none\" d=\"M\(n(ax)) \(n(ay))L\(n(bx)) \(n(by))\"/>"
        }
        func path(_ d: String, fill: Bool = true) -> String {
            "<path" + (fill ? "" : " fill=\"none\"") + " d=\"\(d)\"/>"
        }
        func circle(_ radius: Double) -> String { "<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(radius))\"/>" }
        let wave = "Q\(n(x1 - w / 4)) \(n(y1 + 6)) \(n(cx)) \(n(y1 - 6))Q\(n(x0 + w / 4)) \(n(y1 - 18)) \(n(x0)) \(n(y1 - 6))"
        switch self {
        case .rectangle, .text: return rect(x0, y0, w, h)
        case .rounded: return rect(x0, y0, w, h, radius: 6)
        case .stadium: return rect(x0, y0, w, h, radius: h / 2)
        case .subroutine:
            return rect(x0, y0, w, h) + line(x0 + 7, y0, x0 + 7, y1) + line(x1 - 7, y0, x1 - 7, y1)
        case .cylinder, .linedCylinder:
            let ry = max(12, min(24, w / 8)) / 2
            let rx = w / 2
            var d = "M\(n(x0)) \(n(y0 + ry))A\(n(rx)) \(n(ry)) 0 0 1 \(n(x1)) \(n(y0 + ry))V\(n(y1 - ry))"
            d += "A\(n(rx)) \(n(ry)) 0 0 1 \(n(x0)) \(n(y1 - ry))Z"
            var result = path(d) + path("M\(n(x0)) \(n(y0 + ry))A\(n(rx)) \(n(ry)) 0 0 0 \(n(x1)) \(n(y0 + ry))", fill: false)
            if self == .linedCylinder {
                result += path("M\(n(x0)) \(n(y0 + 2 * ry + 4))A\(n(rx)) \(n(ry)) 0 0 0 \(n(x1)) \(n(y0 + 2 * ry + 4))", fill: false)
            }
            return result
        case .horizontalCylinder:
            let rx = 10.0
            let ry = h / 2
            var d = "M\(n(x0 + rx)) \(n(y0))H\(n(x1 - rx))A\(n(rx)) \(n(ry)) 0 0 1 \(n(x1 - rx)) \(n(y1))"
            d += "H\(n(x0 + rx))A\(n(rx)) \(n(ry)) 0 0 1 \(n(x0 + rx)) \(n(y0))Z"
            return path(d) + path("M\(n(x1 - rx)) \(n(y0))A\(n(rx)) \(n(ry)) 0 0 0 \(n(x1 - rx)) \(n(y1))", fill: false)
        case .circle, .bang: return circle(min(w, h) / 2)
        case .doubleCircle: return circle(min(w, h) / 2) + "<circle fill=\"none\" cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(min(w, h) / 2 - 5))\"/>"
        case .crossedCircle:
            let r = min(w, h) / 2
            let d = r * 0.7071
            return circle(r) + line(cx - d, cy - d, cx + d, cy + d) + line(cx - d, cy + d, cx + d, cy - d)
        case .smallCircle: return circle(w / 2)
        case .filledCircle: return "<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(w / 2))\" style=\"fill:currentColor\"/>"
        case .framedCircle:
            return circle(w / 2) + "<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(w / 2 - 4))\" style=\"fill:currentColor\"/>"
        case .fork: return "<rect x=\"\(n(x0))\" y=\"\(n(y0))\" width=\"\(n(w))\" height=\"\(n(h))\" style=\"fill:currentColor\"/>"
        case .cloud:
            var d = "M\(n(x0 + w * 0.2)) \(n(y1 - h * 0.15))"
            d += "A\(n(w * 0.14)) \(n(h * 0.2)) 0 0 1 \(n(x0 + w * 0.16)) \(n(cy - h * 0.1))"
            d += "A\(n(w * 0.2)) \(n(h * 0.28)) 0 0 1 \(n(x0 + w * 0.45)) \(n(y0 + h * 0.14))"
            d += "A\(n(w * 0.2)) \(n(h * 0.28)) 0 0 1 \(n(x1 - w * 0.14)) \(n(cy - h * 0.08))"
            d += "A\(n(w * 0.14)) \(n(h * 0.2)) 0 0 1 \(n(x1 - w * 0.2)) \(n(y1 - h * 0.15))Z"
            return path(d)
        case .asymmetric: return polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0 + 14, cy)])
        case .diamond: return polygon([(cx, y0), (x1, cy), (cx, y1), (x0, cy)])
        case .hexagon:
            let s = h / 4
            return polygon([(x0 + s, y0), (x1 - s, y0), (x1, cy), (x1 - s, y1), (x0 + s, y1), (x0, cy)])
        case .leanRight:
            let s = h * 0.35
            return polygon([(x0 + s, y0), (x1, y0), (x1 - s, y1), (x0, y1)])
        case .leanLeft:
            let s = h * 0.35
            return polygon([(x0, y0), (x1 - s, y0), (x1, y1), (x0 + s, y1)])
        case .trapezoid:
            let s = h * 0.35
            return polygon([(x0 + s, y0), (x1 - s, y0), (x1, y1), (x0, y1)])
        case .trapezoidTop:
            let s = h * 0.35
            return polygon([(x0, y0), (x1, y0), (x1 - s, y1), (x0 + s, y1)])
        case .notchedRectangle: return polygon([(x0 + 12, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0 + 12)])
        case .linedRectangle: return rect(x0, y0, w, h) + line(x0 + 8, y0, x0 + 8, y1)
        case .dividedRectangle: return rect(x0, y0, w, h) + line(x0, y0 + 10, x1, y0 + 10)
        case .windowPane: return rect(x0, y0, w, h) + line(x0 + 10, y0, x0 + 10, y1) + line(x0, y0 + 10, x1, y0 + 10)
        case .hourglass: return polygon([(x0, y0), (x1, y0), (x0, y1), (x1, y1)])
        case .braceLeft, .braceRight, .braces:
            let transparent = "<rect x=\"\(n(x0))\" y=\"\(n(y0))\" width=\"\(n(w))\" height=\"\(n(h))\" style=\"fill:none;stroke:none\"/>"
            func brace(_ x: Double, _ direction: Double) -> String {
                let e = 8 * direction
                var d = "M\(n(x + e)) \(n(y0))Q\(n(x)) \(n(y0)) \(n(x)) \(n(y0 + 8))V\(n(cy - 6))Q\(n(x)) \(n(cy)) \(n(x - e)) \(n(cy))"
                d += "Q\(n(x)) \(n(cy)) \(n(x)) \(n(cy + 6))V\(n(y1 - 8))Q\(n(x)) \(n(y1)) \(n(x + e)) \(n(y1))"
                return path(d, fill: false)
            }
            var result = transparent
            if self != .braceRight { result += brace(x0 + 8, 1) }
            if self != .braceLeft { result += brace(x1 - 8, -1) }
            return result
        case .bolt:
            return polygon([
                (x0 + w * 0.25, y0), (x1, y0 + h * 0.1), (cx + w * 0.05, cy), (x1 - w * 0.25, y1),
                (x0, y1 - h * 0.1), (cx - w * 0.05, cy),
            ])
        case .document:
            return path("M\(n(x0)) \(n(y0))H\(n(x1))V\(n(y1 - 6))" + wave + "Z")
        case .linedDocument:
            return path("M\(n(x0)) \(n(y0))H\(n(x1))V\(n(y1 - 6))" + wave + "Z") + line(x0 + 8, y0, x0 + 8, y1 - 8)
        case .taggedDocument:
            return path("M\(n(x0)) \(n(y0))H\(n(x1))V\(n(y1 - 6))" + wave + "Z")
                + polygon([(x1 - 14, y1 - 4), (x1, y1 - 18), (x1, y1 - 4)])
        case .stackedDocument:
            func page(_ dx: Double, _ dy: Double) -> String {
                let left = x0 + dx
                let right = x1 - 8 + dx
                let top = y0 + dy
                let bottom = y1 - 16 + dy
                let width = right - left
                return path(
                    "M\(n(left)) \(n(top))H\(n(right))V\(n(bottom - 4))Q\(n(right - width / 4)) \(n(bottom + 4)) "
                        + "\(n(left + width / 2)) \(n(bottom - 4))Q\(n(left + width / 4)) \(n(bottom - 12)) \(n(left)) \(n(bottom - 4))Z")
            }
            return page(8, 0) + page(4, 8) + page(0, 16)
        case .stackedRectangle:
            return rect(x0 + 8, y0, w - 8, h - 8) + rect(x0 + 4, y0 + 4, w - 8, h - 8) + rect(x0, y0 + 8, w - 8, h - 8)
        case .delay:
            return path("M\(n(x0)) \(n(y0))H\(n(x1 - h / 2))A\(n(h / 2)) \(n(h / 2)) 0 0 1 \(n(x1 - h / 2)) \(n(y1))H\(n(x0))Z")
        case .curvedTrapezoid:
            return path(
                "M\(n(x0)) \(n(cy))L\(n(x0 + 16)) \(n(y0))H\(n(x1 - h / 2))A\(n(h / 2)) \(n(h / 2)) 0 0 1 "
                    + "\(n(x1 - h / 2)) \(n(y1))H\(n(x0 + 16))Z")
        case .triangle: return polygon([(cx, y0), (x1, y1), (x0, y1)])
        case .flippedTriangle: return polygon([(x0, y0), (x1, y0), (cx, y1)])
        case .notchedPentagon: return polygon([(x0 + 12, y0), (x1 - 12, y0), (x1, y0 + 12), (x1, y1), (x0, y1), (x0, y0 + 12)])
        case .slopedRectangle: return polygon([(x0, y0 + 10), (x1, y0), (x1, y1), (x0, y1)])
        case .bowTieRectangle:
            var d = "M\(n(x0 + 9)) \(n(y0))H\(n(x1 - 9))A9 \(n(h / 2)) 0 0 0 \(n(x1 - 9)) \(n(y1))"
            d += "H\(n(x0 + 9))A9 \(n(h / 2)) 0 0 1 \(n(x0 + 9)) \(n(y0))Z"
            return path(d)
        case .datastore: return rect(x0, y0, w, h, radius: 0) + line(x0, y0 + 4, x1, y0 + 4) + line(x0, y1 - 4, x1, y1 - 4)
        case .taggedRectangle: return rect(x0, y0, w, h) + polygon([(x1 - 14, y1), (x1, y1 - 14), (x1, y1)])
        case .flag:
            var d = "M\(n(x0)) \(n(y0 + 6))Q\(n(x0 + w / 4)) \(n(y0 - 6)) \(n(cx)) \(n(y0 + 6))T\(n(x1)) \(n(y0 + 6))"
            d += "V\(n(y1 - 6))Q\(n(x1 - w / 4)) \(n(y1 + 6)) \(n(cx)) \(n(y1 - 6))T\(n(x0)) \(n(y1 - 6))Z"
            return path(d)
        }
    }
}

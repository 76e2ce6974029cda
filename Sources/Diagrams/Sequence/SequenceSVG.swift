import SVGText

/// Lays out and draws a sequence diagram: participants in columns wide enough for the messages and
/// notes between them, events from top to bottom, blocks framing what they hold.
struct SequenceSVG {
    let diagram: SequenceDiagram
    let id: String
    let title: String
    let description: String

    static let fontSize = 14.0
    static let messageFontSize = 13.0
    static let boxHeight = 40.0
    static let gap = 44.0
    static let wrap = 420.0

    private var labels: [Label] { diagram.participants.map { $0.label.wrapped(to: 160, size: Self.fontSize) } }

    /// Participant centres across the page.
    func columns() -> (centers: [Double], widths: [Double]) {
        let count = diagram.participants.count
        let widths = labels.map { max(90, $0.size(Self.fontSize).width + 24) }
        var centers: [Double] = []
        var x = 10.0
        for (index, width) in widths.enumerated() {
            if index > 0 { x += widths[index - 1] / 2 + Self.gap }
            x += index == 0 ? width / 2 : width / 2
            centers.append(x)
        }
        // Widen to fit message texts and notes, shortest spans first.
        var needs: [(Int, Int, Double)] = []
        for event in diagram.events {
            switch event {
            case .message(let from, let to, let text, _, let number, _, _, _):
                let width = text.wrapped(to: Self.wrap, size: Self.messageFontSize).size(Self.messageFontSize).width + (number != nil ? 28 : 0)
                if from == to {
                    if from + 1 < count { needs.append((from, from + 1, width + 50)) }
                } else {
                    needs.append((min(from, to), max(from, to), width + 24))
                }
            case .note(let participants, let placement, let text):
                let width = text.wrapped(to: Self.wrap, size: Self.messageFontSize).size(Self.messageFontSize).width + 20
                let first = participants.min()!
                let last = participants.max()!
                switch placement {
                case .rightOf where first + 1 < count: needs.append((first, first + 1, width + 20))
                case .leftOf where first > 0: needs.append((first - 1, first, width + 20))
                case .over where first == last:
                    if first + 1 < count { needs.append((first, first + 1, width / 2 + widths[first + 1] / 2 + 10)) }
                    if first > 0 { needs.append((first - 1, first, width / 2 + widths[first - 1] / 2 + 10)) }
                default: break
                }
            default: break
            }
        }
        needs.sort { ($0.1 - $0.0) < ($1.1 - $1.0) }
        for (a, b, width) in needs where a < b {
            let deficit = width - (centers[b] - centers[a])
            if deficit > 0 { for index in b..<count { centers[index] += deficit } }
        }
        // Room on the left for notes left of the first participant and labels of self messages.
        var left = 10.0
        for event in diagram.events {
            if case .note(let participants, let placement, let text) = event {
                let width = text.wrapped(to: Self.wrap, size: Self.messageFontSize).size(Self.messageFontSize).width + 20
                let first = participants.min()!
                let edge: Double =
                    switch placement {
                    case .leftOf: centers[first] - 10 - width
                    case .over where participants.count == 1: centers[first] - width / 2
                    default: centers[first] - 40
                    }
                left = min(left, edge - 10)
            }
        }
        if left < 10 { centers = centers.map { $0 + 10 - left } }
        return (centers, widths)
    }

    func svg() -> String {
        let n = SVGWriter.number
        let (centers, widths) = columns()
        let labels = self.labels
        let count = diagram.participants.count
        let groupTop = diagram.groups.isEmpty ? 0.0 : 26
        let top = 10 + groupTop
        var y = top + Self.boxHeight + 16
        var body = ""
        var blockMarkup = ""
        // Block keywords and labels go above lifelines and activation bars.
        var blockLabels = ""
        var right = (0..<count).map { centers[$0] + widths[$0] / 2 }.max() ?? 100
        // Activations: open bars per participant (start y), finished bars drawn later.
        var active = Array(repeating: [Double](), count: count)
        var bars: [(participant: Int, depth: Int, start: Double, end: Double)] = []
        struct OpenBlock {
            var kind: BlockKind
            var label: Label
            var color: String?
            var top: Double
            var sections: [(Double, Label)]
            var minX: Double
            var maxX: Double
        }
        var open: [OpenBlock] = []
        func touch(_ a: Double, _ b: Double) {
            for index in open.indices {
                open[index].minX = min(open[index].minX, a)
                open[index].maxX = max(open[index].maxX, b)
            }
        }
        // Participants created or destroyed part-way: where their box and lifeline start, and where the line ends.
        var pendingCreate = Set<Int>()
        var pendingDestroy = Set<Int>()
        var lifelineStart: [Int: Double] = [:]
        var lifelineEnd: [Int: Double] = [:]
        var lateBoxes = ""
        func edge(_ participant: Int, towards x: Double) -> Double {
            let depth = active[participant].count
            guard depth > 0 else { return centers[participant] }
            let offset = Double(depth - 1) * 5
            return x > centers[participant] ? centers[participant] + offset + 5 : centers[participant] + offset - 5
        }
        for event in diagram.events {
            switch event {
            case .message(let from, let to, let raw, let arrow, let number, let activate, let deactivate, _):
                let text = raw.wrapped(to: Self.wrap, size: Self.messageFontSize)
                let textHeight = text.isEmpty ? 0 : text.size(Self.messageFontSize).height
                y += textHeight + 4
                let dash = arrow.dotted ? " stroke-dasharray=\"4 3\"" : ""
                var markers = ""
                let head =
                    switch arrow.head {
                    case .filled: "arrow"
                    case .open: "open"
                    case .cross: "cross"
                    case .none: ""
                    }
                if !head.isEmpty { markers += " marker-end=\"url(#\(id)-\(head))\"" }
                if arrow.bidirectional { markers += " marker-start=\"url(#\(id)-arrow)\"" }
                if pendingCreate.contains(to), from != to {
                    // The new participant's box stands at this message; the arrow ends at its side.
                    pendingCreate.remove(to)
                    let boxTop = y - Self.boxHeight / 2
                    lateBoxes += participantMarkup(to, label: labels[to], x: centers[to], y: boxTop, width: widths[to])
                    lifelineStart[to] = boxTop + Self.boxHeight
                }
                if from == to {
                    let x = edge(from, towards: centers[from] + 1)
                    let width = max(text.size(Self.messageFontSize).width, 20)
                    body += text.svg(
                        x: x + 14 + (number != nil ? 22 : 0), y: y - textHeight / 2 - 2, size: Self.messageFontSize,
                        anchor: "start", attributes: " fill=\"currentColor\"")
                    body +=
                        "<path d=\"M\(n(x)) \(n(y))H\(n(x + 36))V\(n(y + 22))H\(n(x + 2))\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\"\(dash)\(markers)/>"
                    touch(x, x + 40 + width)
                    right = max(right, x + 44 + width)
                    if let number { body += badge(number, x: x, y: y) }
                    y += 22
                } else {
                    if activate { active[to].append(y) }
                    let x1 = edge(from, towards: centers[to])
                    var x2 = edge(to, towards: centers[from])
                    if lifelineStart[to] == y + Self.boxHeight / 2 { x2 = centers[to] + (centers[from] < centers[to] ? -1 : 1) * widths[to] / 2 }
                    let mid = (x1 + x2) / 2
                    body += text.svg(
                        x: mid + (number != nil ? 10 : 0), y: y - textHeight / 2 - 3, size: Self.messageFontSize,
                        attributes: " fill=\"currentColor\"")
                    body += "<path d=\"M\(n(x1)) \(n(y))H\(n(x2))\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\"\(dash)\(markers)/>"
                    touch(min(x1, x2), max(x1, x2))
                    if let number { body += badge(number, x: x1, y: y) }
                }
                if activate, from == to { active[to].append(y) }
                for participant in [from, to] where pendingDestroy.contains(participant) {
                    pendingDestroy.remove(participant)
                    lifelineEnd[participant] = y
                    body +=
                        "<path d=\"M\(n(centers[participant] - 8)) \(n(y - 8))L\(n(centers[participant] + 8)) \(n(y + 8))M\(n(centers[participant] - 8)) \(n(y + 8))L\(n(centers[participant] + 8)) \(n(y - 8))\" stroke=\"currentColor\" stroke-width=\"2\"/>"
                }
                if deactivate {
                    let closing = from == to ? to : from
                    if let start = active[closing].popLast() {
                        bars.append((closing, active[closing].count, start, y))
                    }
                }
                y += 16
            case .note(let participants, let placement, let raw):
                let text = raw.wrapped(to: Self.wrap, size: Self.messageFontSize)
                let size = text.size(Self.messageFontSize)
                let first = participants.min()!
                let last = participants.max()!
                var x0: Double
                var x1: Double
                switch placement {
                case .leftOf:
                    x1 = centers[first] - 10
                    x0 = x1 - size.width - 20
                case .rightOf:
                    x0 = centers[first] + 10
                    x1 = x0 + size.width + 20
                case .over:
                    let span = centers[last] - centers[first]
                    let width = max(size.width + 20, span + (first == last ? 0 : 40))
                    x0 = (centers[first] + centers[last]) / 2 - width / 2
                    x1 = x0 + width
                }
                let height = size.height + 12
                body +=
                    "<g class=\"diagram-note\"><rect x=\"\(n(x0))\" y=\"\(n(y))\" width=\"\(n(x1 - x0))\" height=\"\(n(height))\" style=\"fill:var(--diagram-note, #fdf6d8);stroke:var(--diagram-note-stroke, #c9b458)\"/>"
                body += text.svg(x: (x0 + x1) / 2, y: y + height / 2, size: Self.messageFontSize, attributes: " fill=\"currentColor\"") + "</g>"
                touch(x0, x1)
                right = max(right, x1)
                y += height + 12
            case .create(let participant):
                pendingCreate.insert(participant)
            case .destroy(let participant):
                pendingDestroy.insert(participant)
            case .activate(let participant):
                active[participant].append(y - 8)
            case .deactivate(let participant):
                if let start = active[participant].popLast() { bars.append((participant, active[participant].count, start, y - 8)) }
            case .blockStart(let kind, let label, let color):
                let center = centers.isEmpty ? 50 : (centers.first! + centers.last!) / 2
                open.append(
                    OpenBlock(
                        kind: kind, label: label.wrapped(to: Self.wrap, size: Self.messageFontSize), color: color, top: y,
                        sections: [], minX: center, maxX: center))
                y += kind == .rect ? 10 : 30
            case .blockSection(let label):
                guard !open.isEmpty else { break }
                open[open.count - 1].sections.append((y, label.wrapped(to: Self.wrap, size: Self.messageFontSize)))
                y += 30
            case .blockEnd:
                guard let block = open.popLast() else { break }
                let kindWidth = TextMetrics.width(block.kind.rawValue, size: 12) + 16
                let labelWidth = block.label.size(Self.messageFontSize).width
                var x0 = block.minX - 14
                var x1 = max(block.maxX + 14, x0 + kindWidth + labelWidth + 30)
                if block.minX > block.maxX {
                    x0 = 10
                    x1 = right
                }
                y += 6
                // The enclosing blocks must hold this one.
                touch(x0 - 1, x1 + 1)
                right = max(right, x1)
                var frame = ""
                if block.kind == .rect {
                    frame +=
                        "<rect x=\"\(n(x0))\" y=\"\(n(block.top))\" width=\"\(n(x1 - x0))\" height=\"\(n(y - block.top))\" style=\"fill:\(block.color ?? "var(--diagram-cluster, #f5f5f0)");stroke:none\" opacity=\"0.6\"/>"
                } else {
                    frame += "<g class=\"diagram-block\" fill=\"none\" stroke=\"var(--diagram-block, #8a8a80)\">"
                    frame +=
                        "<rect x=\"\(n(x0))\" y=\"\(n(block.top))\" width=\"\(n(x1 - x0))\" height=\"\(n(y - block.top))\" stroke-width=\"1.2\"/>"
                    frame +=
                        "<path d=\"M\(n(x0)) \(n(block.top + 20))H\(n(x0 + kindWidth))L\(n(x0 + kindWidth + 6)) \(n(block.top + 14))V\(n(block.top))\" stroke-width=\"1.2\" style=\"fill:var(--diagram-cluster, #f5f5f0)\"/>"
                    for (sectionY, _) in block.sections {
                        frame += "<path d=\"M\(n(x0)) \(n(sectionY))H\(n(x1))\" stroke-dasharray=\"5 4\" stroke-width=\"1.2\"/>"
                    }
                    frame += "</g>"
                    blockLabels +=
                        "<text x=\"\(n(x0 + 6))\" y=\"\(n(block.top + 14.5))\" font-size=\"12\" font-weight=\"bold\" fill=\"currentColor\">\(block.kind.rawValue)</text>"
                    if !block.label.isEmpty {
                        blockLabels += block.label.svg(
                            x: (x0 + kindWidth + x1) / 2, y: block.top + 12, size: Self.messageFontSize,
                            attributes:
                                " fill=\"currentColor\" font-weight=\"bold\" style=\"paint-order:stroke;stroke:var(--chart-bg, #fff);stroke-width:4px;stroke-linejoin:round\""
                        )
                    }
                    for (sectionY, label) in block.sections where !label.isEmpty {
                        blockLabels += label.svg(
                            x: (x0 + x1) / 2, y: sectionY + 13, size: Self.messageFontSize,
                            attributes:
                                " fill=\"currentColor\" font-weight=\"bold\" style=\"paint-order:stroke;stroke:var(--chart-bg, #fff);stroke-width:4px;stroke-linejoin:round\""
                        )
                    }
                }
                blockMarkup = frame + blockMarkup
                y += 8
            }
        }
        for participant in 0..<count {
            while let start = active[participant].popLast() { bars.append((participant, active[participant].count, start, y)) }
        }
        let bottom = y + 8
        let height = bottom + Self.boxHeight + 10
        let width = right + 10

        var out = SVGDocument.open(
            id: id, kind: "sequence", width: width, height: height, title: title, description: description,
            heading: diagram.title)
        out += SVGDocument.markers(id: id)
        // Participant groups (`box`).
        for (index, group) in diagram.groups.enumerated() {
            let members = (0..<count).filter { diagram.participants[$0].group == index }
            guard let first = members.first, let last = members.last else { continue }
            let x0 = centers[first] - widths[first] / 2 - 8
            let x1 = centers[last] + widths[last] / 2 + 8
            let fill = group.color.map { "fill:\($0)" } ?? "fill:none"
            out +=
                "<rect x=\"\(n(x0))\" y=\"4\" width=\"\(n(x1 - x0))\" height=\"\(n(height - 8))\" style=\"\(SVGWriter.escape(fill));stroke:var(--diagram-cluster-stroke, #b9b9ae)\" fill-opacity=\"0.35\"/>"
            out += group.label.svg(
                x: (x0 + x1) / 2, y: 18, size: Self.messageFontSize,
                attributes:
                    " fill=\"currentColor\" font-weight=\"bold\" style=\"paint-order:stroke;stroke:var(--chart-bg, #fff);stroke-width:4px;stroke-linejoin:round\""
            )
        }
        out += blockMarkup
        // Lifelines.
        for index in 0..<count {
            let start = lifelineStart[index] ?? top + Self.boxHeight
            out +=
                "<path d=\"M\(n(centers[index])) \(n(start))V\(n(lifelineEnd[index] ?? bottom))\" stroke=\"var(--diagram-block, #8a8a80)\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>"
        }
        for bar in bars.sorted(by: { $0.depth < $1.depth }) {
            let x = centers[bar.participant] + Double(bar.depth) * 5 - 5
            out +=
                "<rect x=\"\(n(x))\" y=\"\(n(bar.start))\" width=\"10\" height=\"\(n(max(bar.end - bar.start, 8)))\" style=\"fill:var(--diagram-node, #e8f1f8);stroke:var(--chart-1, #0072b2)\"/>"
        }
        out += blockLabels + body + lateBoxes
        for index in 0..<count {
            if lifelineStart[index] == nil {
                out += participantMarkup(index, label: labels[index], x: centers[index], y: top, width: widths[index])
            }
            if lifelineEnd[index] == nil {
                out += participantMarkup(index, label: labels[index], x: centers[index], y: bottom, width: widths[index])
            }
        }
        return out + SVGDocument.close(heading: diagram.title)
    }

    private func participantMarkup(_ index: Int, label: Label, x: Double, y: Double, width: Double) -> String {
        let n = SVGWriter.number
        let style = "fill:var(--diagram-node, #e8f1f8);stroke:var(--chart-1, #0072b2);stroke-width:1.5"
        if diagram.participants[index].isActor {
            // A stick figure with the name under it.
            var figure = "<g class=\"diagram-actor\" style=\"fill:none;stroke:currentColor;stroke-width:1.5\">"
            figure += "<circle cx=\"\(n(x))\" cy=\"\(n(y + 5))\" r=\"5\" style=\"\(style)\"/>"
            figure +=
                "<path d=\"M\(n(x)) \(n(y + 10))V\(n(y + 22))M\(n(x - 9)) \(n(y + 14))H\(n(x + 9))M\(n(x)) \(n(y + 22))L\(n(x - 7)) \(n(y + 30))M\(n(x)) \(n(y + 22))L\(n(x + 7)) \(n(y + 30))\"/>"
            figure += "</g>"
            return figure
                + label.svg(x: x, y: y + 34 + label.size(Self.fontSize).height / 2 - 4, size: Self.fontSize, attributes: " fill=\"currentColor\"")
        }
        let height = max(Self.boxHeight, label.size(Self.fontSize).height + 12)
        return
            "<g class=\"diagram-participant\"><rect x=\"\(n(x - width / 2))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\" rx=\"3\" style=\"\(style)\"/>"
            + label.svg(x: x, y: y + height / 2, size: Self.fontSize, attributes: " fill=\"currentColor\"") + "</g>"
    }

    /// The autonumber badge at the start of a message.
    private func badge(_ number: Int, x: Double, y: Double) -> String {
        let n = SVGWriter.number
        return "<g class=\"diagram-number\"><circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"8\" style=\"fill:var(--chart-1, #0072b2);stroke:none\"/>"
            + "<text x=\"\(n(x))\" y=\"\(n(y + 3.5))\" text-anchor=\"middle\" font-size=\"10\" style=\"fill:var(--chart-bg, #fff)\">\(number)</text></g>"
    }
}

import SVGText

/// Draws a laid-out flowchart as SVG.
struct FlowchartSVG {
    let chart: Flowchart
    let geometry: FlowchartGeometry
    let id: String
    let title: String
    let description: String
    /// The diagram's own title, drawn above it.
    var heading: String?

    static let nodeFill = "var(--diagram-node, #e8f1f8)"
    static let nodeStroke = "var(--chart-1, #0072b2)"
    static let clusterFill = "var(--diagram-cluster, #f5f5f0)"
    static let clusterStroke = "var(--diagram-cluster-stroke, #b9b9ae)"
    static let labelBackground = "var(--chart-bg, #fff)"

    func svg() -> String {
        let n = SVGWriter.number
        var out = SVGDocument.open(
            id: id, kind: "flowchart", width: geometry.width, height: geometry.height, title: title,
            description: description, heading: heading)
        out += SVGDocument.markers(id: id)
        // Subgraphs, outermost first; their titles go above the links.
        var titles = ""
        let depth = chart.subgraphs.indices.map { index -> Int in
            var depth = 0
            var current = chart.subgraphs[index].parent
            while let parent = current {
                depth += 1
                current = chart.subgraphs[parent].parent
            }
            return depth
        }
        for index in chart.subgraphs.indices.sorted(by: { depth[$0] < depth[$1] }) {
            let box = geometry.clusters[index]
            var style = NodeStyle()
            for name in chart.subgraphs[index].classes { if let shared = chart.classes[name] { style.merge(shared) } }
            style.merge(chart.subgraphs[index].style)
            out +=
                "<g class=\"diagram-cluster\" style=\"fill:\(Self.clusterFill);stroke:\(Self.clusterStroke)"
                + (style.shapeCSS.isEmpty ? "" : ";" + style.shapeCSS) + "\">"
            out += "<rect x=\"\(n(box.minX))\" y=\"\(n(box.minY))\" width=\"\(n(box.width))\" height=\"\(n(box.height))\" rx=\"4\"/>"
            out += "</g>"
            let title = geometry.clusterTitles[index]
            if !title.isEmpty {
                // Drawn after the links, on a halo of the subgraph's fill, so a link entering through the title stays behind it.
                let height = title.size(FlowchartLayout.fontSize).height
                let fill = style.value("fill") ?? Self.clusterFill
                titles += title.svg(
                    x: box.x, y: box.minY + 6 + height / 2, size: FlowchartLayout.fontSize,
                    attributes:
                        " class=\"diagram-cluster-title\" style=\"fill:currentColor;paint-order:stroke;stroke:\(fill);stroke-width:5px;stroke-linejoin:round\(style.textCSS.isEmpty ? "" : ";" + style.textCSS)\""
                )
            }
        }
        // Links.
        out += "<g class=\"diagram-edges\" fill=\"none\" stroke=\"currentColor\">"
        for placed in geometry.edges {
            let edge = chart.edges[placed.edge]
            guard edge.line != .invisible, !placed.path.isEmpty else { continue }
            var attributes = "d=\"\(SVGDocument.pathData(placed.path))\""
            switch edge.line {
            case .thick: attributes += " stroke-width=\"3\""
            case .dotted: attributes += " stroke-width=\"1.5\" stroke-dasharray=\"3 4\""
            default: attributes += " stroke-width=\"1.5\""
            }
            if let marker = marker(edge.startMark) { attributes += " marker-start=\"url(#\(id)-\(marker))\"" }
            if let marker = marker(edge.endMark) { attributes += " marker-end=\"url(#\(id)-\(marker))\"" }
            if !edge.style.shapeCSS.isEmpty { attributes += " style=\"\(SVGWriter.escape(edge.style.shapeCSS))\"" }
            out += "<path class=\"diagram-edge\" \(attributes)><title>\(SVGWriter.escape(edgeTooltip(edge)))</title></path>"
        }
        out += "</g>"
        out += titles
        // Link labels above the links.
        for placed in geometry.edges {
            let label = geometry.edgeLabels[placed.edge]
            guard let center = placed.label, !label.isEmpty, chart.edges[placed.edge].line != .invisible else { continue }
            let size = label.size(FlowchartLayout.edgeFontSize)
            out += "<g class=\"diagram-edge-label\">"
            out +=
                "<rect x=\"\(n(center.x - size.width / 2 - 3))\" y=\"\(n(center.y - size.height / 2 - 1))\" width=\"\(n(size.width + 6))\" height=\"\(n(size.height + 2))\" rx=\"2\" style=\"fill:\(Self.labelBackground)\"/>"
            let textCSS = chart.edges[placed.edge].style.textCSS
            out += label.svg(
                x: center.x, y: center.y, size: FlowchartLayout.edgeFontSize,
                attributes: " fill=\"currentColor\"" + (textCSS.isEmpty ? "" : " style=\"\(textCSS)\""))
            out += "</g>"
        }
        // Text at the ends of links (cardinalities).
        for placed in geometry.edges {
            let edge = chart.edges[placed.edge]
            for (text, atStart) in [(edge.startLabel, true), (edge.endLabel, false)] where !text.isEmpty {
                guard let point = Self.endLabelPoint(placed.path, atStart: atStart, text: text) else { continue }
                out +=
                    "<text class=\"diagram-end-label\" x=\"\(n(point.x))\" y=\"\(n(point.y + FlowchartLayout.edgeFontSize * 0.35))\" text-anchor=\"middle\" font-size=\"\(n(FlowchartLayout.edgeFontSize))\" fill=\"currentColor\">\(SVGWriter.escape(text))</text>"
            }
        }
        // Nodes.
        for (index, node) in chart.nodes.enumerated() {
            let box = geometry.nodes[index]
            var style = chart.classes["default"] ?? NodeStyle()
            for name in node.classes { if let shared = chart.classes[name] { style.merge(shared) } }
            style.merge(node.style)
            var css = "fill:\(Self.nodeFill);stroke:\(Self.nodeStroke);stroke-width:1.5"
            if node.shape == .text { css = "fill:none;stroke:none" }
            if !style.shapeCSS.isEmpty { css += ";" + style.shapeCSS }
            var group = "<g class=\"diagram-node\" style=\"\(SVGWriter.escape(css))\">"
            if let tooltip = node.tooltip { group += "<title>\(SVGWriter.escape(tooltip))</title>" }
            var textCSS = "fill:currentColor;stroke:none" + (style.textCSS.isEmpty ? "" : ";" + style.textCSS)
            // A fill of the writer's own with no text colour: dark or light text to read on it in either scheme.
            if style.value("color") == nil, let fill = style.value("fill"), let light = ColorValue.isLight(fill) {
                textCSS += light ? ";fill:#1a1a1a" : ";fill:#f5f5f5"
            }
            let textAttributes = " style=\"\(SVGWriter.escape(textCSS))\""
            if let compartments = node.compartments {
                group += ClassBox.markup(box, header: geometry.nodeLabels[index], compartments: compartments, textAttributes: textAttributes)
            } else {
                group += node.shape.markup(box)
                if node.shape.showsLabel {
                    let offset = node.shape.labelOffset(width: box.width, height: box.height)
                    group += geometry.nodeLabels[index].svg(
                        x: box.x + offset.x, y: box.y + offset.y, size: FlowchartLayout.fontSize,
                        attributes: textAttributes)
                }
            }
            group += "</g>"
            if let link = node.link {
                out += "<a href=\"\(SVGWriter.escape(link))\">" + group + "</a>"
            } else {
                out += group
            }
        }
        return out + SVGDocument.close(heading: heading)
    }

    /// Where text at a link's end goes: a little way along the link from the node, and to its side.
    static func endLabelPoint(_ path: [PathStep], atStart: Bool, text: String) -> Point? {
        var points: [Point] = []
        for step in path {
            switch step {
            case .move(let p), .line(let p): points.append(p)
            case .curve(let a, let b, let c): points += [a, b, c]
            }
        }
        if !atStart { points.reverse() }
        guard let end = points.first, let next = points.dropFirst().first(where: { $0 != end }) else { return nil }
        let dx = next.x - end.x
        let dy = next.y - end.y
        let length = (dx * dx + dy * dy).squareRoot()
        let ux = dx / length
        let uy = dy / length
        let halfWidth = TextMetrics.width(text, size: FlowchartLayout.edgeFontSize) / 2
        // Along the link past the marker, then beside it by half the text's extent across the link.
        let along = 18.0
        let aside = 6 + abs(uy) * halfWidth + abs(ux) * FlowchartLayout.edgeFontSize * 0.6
        return Point(x: end.x + ux * along - uy * aside, y: end.y + uy * along + ux * aside)
    }

    private func marker(_ end: EdgeEnd) -> String? {
        switch end {
        case .none: nil
        case .arrow: "arrow"
        case .circle: "circle"
        case .cross: "cross"
        case .triangle: "triangle"
        case .diamond: "diamond"
        case .filledDiamond: "filled-diamond"
        case .lollipop: "lollipop"
        }
    }

    private func edgeTooltip(_ edge: FlowEdge) -> String {
        let from = chart.nodeIndex[edge.from].map { chart.nodes[$0].label.plain } ?? edge.from
        let to = chart.nodeIndex[edge.to].map { chart.nodes[$0].label.plain } ?? edge.to
        return "\(from) → \(to)" + (edge.label.isEmpty ? "" : ": \(edge.label.plain)")
    }
}

import SVGText

/// The parts every diagram's SVG shares: the root element with its accessible name and description,
/// and the arrow markers.
enum SVGDocument {
    static let fontFamily = SVGWriter.fontFamily

    /// Height taken by a visible heading above the drawing.
    static let headingHeight = 34.0

    /// The opening `<svg>`, `<title>` and `<desc>` for a drawing of `width` × `height`. With a `heading`
    /// (the diagram's own title), the heading is drawn above and the drawing moved down; close with ``close(heading:)``.
    static func open(
        id: String, kind: String, width: Double, height: Double, title: String, description: String,
        heading: String? = nil
    ) -> String {
        let headingWidth = heading.map { TextMetrics.width($0, size: 16) * 1.06 + 20 } ?? 0
        let fullWidth = max(width, headingWidth)
        let w = SVGWriter.number(fullWidth)
        let h = SVGWriter.number(height + (heading == nil ? 0 : headingHeight))
        var markup = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram-svg diagram-\(kind)\" id=\"\(SVGWriter.escape(id))\""
        markup += " viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\""
        markup += " font-family=\"\(fontFamily)\" font-size=\"14\">"
        markup += "<title id=\"\(id)-title\">\(SVGWriter.escape(title))</title>"
        markup += "<desc id=\"\(id)-desc\">\(SVGWriter.escape(description))</desc>"
        if let heading {
            markup +=
                "<text class=\"diagram-title\" x=\"\(SVGWriter.number(fullWidth / 2))\" y=\"22\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"600\" fill=\"currentColor\">\(SVGWriter.escape(heading))</text>"
            markup += "<g transform=\"translate(\(SVGWriter.number((fullWidth - width) / 2)) \(SVGWriter.number(headingHeight)))\">"
        }
        return markup
    }

    /// The end of the drawing opened by ``open(id:kind:width:height:title:description:heading:)``.
    static func close(heading: String?) -> String {
        heading == nil ? "</svg>" : "</g></svg>"
    }

    /// Arrow, circle and cross markers named `ID-arrow`, `ID-circle`, `ID-cross`, and a class diagram's
    /// `ID-triangle`, `ID-diamond`, `ID-filled-diamond` and `ID-lollipop`, drawn in the text colour.
    static func markers(id: String) -> String {
        "<defs>"
            + "<marker id=\"\(id)-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" fill=\"currentColor\"/></marker>"
            + "<marker id=\"\(id)-open\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\"/></marker>"
            + "<marker id=\"\(id)-circle\" viewBox=\"0 0 10 10\" refX=\"5\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"var(--chart-bg, #fff)\" stroke=\"currentColor\" stroke-width=\"1.5\"/></marker>"
            + "<marker id=\"\(id)-cross\" viewBox=\"0 0 10 10\" refX=\"5\" refY=\"5\" markerWidth=\"10\" markerHeight=\"10\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M1 1L9 9M1 9L9 1\" stroke=\"currentColor\" stroke-width=\"1.6\"/></marker>"
            + "<marker id=\"\(id)-triangle\" viewBox=\"0 0 20 20\" refX=\"19\" refY=\"10\" markerWidth=\"16\" markerHeight=\"16\" markerUnits=\"userSpaceOnUse\" orient=\"auto-start-reverse\"><path d=\"M1 1L19 10L1 19z\" fill=\"var(--chart-bg, #fff)\" stroke=\"currentColor\" stroke-width=\"1.5\"/></marker>"
            + "<marker id=\"\(id)-diamond\" viewBox=\"0 0 24 12\" refX=\"23\" refY=\"6\" markerWidth=\"20\" markerHeight=\"10\" markerUnits=\"userSpaceOnUse\" orient=\"auto-start-reverse\"><path d=\"M1 6L12 1L23 6L12 11z\" fill=\"var(--chart-bg, #fff)\" stroke=\"currentColor\" stroke-width=\"1.5\"/></marker>"
            + "<marker id=\"\(id)-filled-diamond\" viewBox=\"0 0 24 12\" refX=\"23\" refY=\"6\" markerWidth=\"20\" markerHeight=\"10\" markerUnits=\"userSpaceOnUse\" orient=\"auto-start-reverse\"><path d=\"M1 6L12 1L23 6L12 11z\" fill=\"currentColor\" stroke=\"currentColor\" stroke-width=\"1.5\"/></marker>"
            + "<marker id=\"\(id)-lollipop\" viewBox=\"0 0 14 14\" refX=\"13\" refY=\"7\" markerWidth=\"14\" markerHeight=\"14\" markerUnits=\"userSpaceOnUse\" orient=\"auto-start-reverse\"><circle cx=\"7\" cy=\"7\" r=\"5.5\" fill=\"var(--chart-bg, #fff)\" stroke=\"currentColor\" stroke-width=\"1.5\"/></marker>"
            + "</defs>"
    }

    /// The SVG path data of `steps`.
    static func pathData(_ steps: [PathStep]) -> String {
        var data = ""
        func point(_ p: Point) -> String { SVGWriter.number(p.x) + " " + SVGWriter.number(p.y) }
        for step in steps {
            switch step {
            case .move(let p): data += "M" + point(p)
            case .line(let p): data += "L" + point(p)
            case .curve(let a, let b, let c): data += "C" + point(a) + " " + point(b) + " " + point(c)
            }
        }
        return data
    }

    /// A stable id from a hash of the source (FNV-1a), for diagrams without one.
    static func generatedID(_ source: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in source.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return "diagram-" + String(hash & 0xff_ffff_ffff, radix: 36)
    }
}

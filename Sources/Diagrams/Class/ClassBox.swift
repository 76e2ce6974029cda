import SVGText

/// A class diagram's class box: the name (with its annotations) centred on top, then one compartment
/// of attributes and one of methods, left-aligned and divided by lines, as UML draws them.
enum ClassBox {
    static let paddingX = 12.0
    static let paddingY = 7.0
    /// The height of a compartment with no members.
    static let emptyHeight = 10.0
    static let memberFontSize = 13.0
    /// Extra space between members, so a list reads as rows.
    static let memberGap = 4.0

    /// The box's width and height for a header label of `header` size and `compartments`.
    static func size(header: (width: Double, height: Double), compartments: [[Label]]) -> (width: Double, height: Double) {
        var width = header.width
        var height = header.height + 2 * paddingY
        for compartment in compartments {
            let sizes = compartment.map { $0.size(memberFontSize) }
            width = max(width, sizes.map(\.width).max() ?? 0)
            height += compartment.isEmpty ? emptyHeight : sizes.reduce(0) { $0 + $1.height + memberGap } - memberGap + 2 * paddingY
        }
        return (max(width + 2 * paddingX, 80), height)
    }

    /// The box, its dividers and its text in `box`; `textAttributes` styles the text.
    static func markup(_ box: Box, header: Label, compartments: [[Label]], textAttributes: String) -> String {
        let n = SVGWriter.number
        var out = "<rect x=\"\(n(box.minX))\" y=\"\(n(box.minY))\" width=\"\(n(box.width))\" height=\"\(n(box.height))\"/>"
        let headerHeight = header.size(FlowchartLayout.fontSize).height
        var y = box.minY + paddingY
        var text = header.svg(x: box.x, y: y + headerHeight / 2, size: FlowchartLayout.fontSize, attributes: textAttributes)
        y += headerHeight + paddingY
        for compartment in compartments {
            out += "<path fill=\"none\" d=\"M\(n(box.minX)) \(n(y))L\(n(box.maxX)) \(n(y))\"/>"
            guard !compartment.isEmpty else {
                y += emptyHeight
                continue
            }
            y += paddingY
            for member in compartment {
                let height = member.size(memberFontSize).height
                text += member.svg(x: box.minX + paddingX, y: y + height / 2, size: memberFontSize, anchor: "start", attributes: textAttributes)
                y += height + memberGap
            }
            y += paddingY - memberGap
        }
        return out + text
    }
}

import TextUtilities

/// Accumulates SVG markup with escaped text and compact coordinates.
public struct SVGWriter: Sendable {
    public private(set) var output = ""

    /// The font stack of charts and diagrams (the metrics in ``TextMetrics`` assume it).
    public static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif"

    public init(capacity: Int = 16_384) {
        output.reserveCapacity(capacity)
    }

    /// Appends raw markup.
    public mutating func raw(_ markup: String) {
        output += markup
    }

    /// Appends an element with attributes; `content` (already markup) goes inside when not nil.
    public mutating func element(_ name: String, _ attributes: [(String, String)], content: String? = nil) {
        output += "<" + name
        for (key, value) in attributes {
            output += " " + key + "=\"" + Self.escape(value) + "\""
        }
        if let content {
            output += ">" + content + "</" + name + ">"
        } else {
            output += "/>"
        }
    }

    /// A `<title>` child carrying a tooltip.
    public static func tooltip(_ text: String) -> String {
        "<title>" + escape(text) + "</title>"
    }

    /// Escapes text for element content and double-quoted attribute values.
    public static func escape(_ text: String) -> String {
        // Tabs and line breaks read as spaces; other control characters are not allowed in XML.
        guard text.utf8.contains(where: { $0 < 0x20 }) else { return HTMLEscaper.text.escape(text) }
        var cleaned = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t", "\n", "\r": cleaned += " "
            default: if scalar.value >= 0x20 { cleaned.unicodeScalars.append(scalar) }
            }
        }
        return HTMLEscaper.text.escape(cleaned)
    }

    /// A coordinate rounded to a tenth of a user unit, without trailing zeros ("12", "3.5", "-0.1").
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = (value * 10).rounded()
        guard abs(tenths) < 1e15 else { return "0" }
        let scaled = Int(tenths)
        let magnitude = scaled.magnitude
        var text = scaled < 0 ? "-" : ""
        text += String(magnitude / 10)
        let fraction = magnitude % 10
        if fraction != 0 { text += "." + String(fraction) }
        return text
    }
}

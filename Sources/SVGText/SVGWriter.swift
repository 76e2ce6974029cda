/// Accumulates SVG markup with escaped text and compact coordinates.
public struct SVGWriter: Sendable {
    public private(set) var output = ""

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
        var needs = false
        for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte < 0x20 {
            needs = true
            break
        }
        guard needs else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result += " "
            default:
                if scalar.value < 0x20 { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
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

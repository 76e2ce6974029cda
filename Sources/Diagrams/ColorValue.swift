/// Reading the lightness of a CSS colour a diagram's writer gave (`#f96`, `#ffcc00`, `rgb(…)`, a few names).
enum ColorValue {
    /// Whether the colour is light (dark text reads on it), or nil when it cannot be told.
    static func isLight(_ value: String) -> Bool? {
        guard let (r, g, b) = components(value.lowercased().trimmingSpaces) else { return nil }
        // Relative luminance with the sRGB weights, on 0…1 channel values (gamma ignored: a threshold only).
        return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.55
    }

    private static func components(_ value: String) -> (Double, Double, Double)? {
        let names: [String: (Double, Double, Double)] = [
            "white": (1, 1, 1), "black": (0, 0, 0), "red": (1, 0, 0), "green": (0, 0.5, 0), "blue": (0, 0, 1),
            "yellow": (1, 1, 0), "orange": (1, 0.65, 0), "purple": (0.5, 0, 0.5), "pink": (1, 0.75, 0.8),
            "grey": (0.5, 0.5, 0.5), "gray": (0.5, 0.5, 0.5), "lightblue": (0.68, 0.85, 0.9), "lightgreen": (0.56, 0.93, 0.56),
            "lightgrey": (0.83, 0.83, 0.83), "lightgray": (0.83, 0.83, 0.83), "navy": (0, 0, 0.5), "teal": (0, 0.5, 0.5),
        ]
        if let named = names[value] { return named }
        if value.hasPrefix("#") {
            let hex = Array(value.dropFirst())
            func channel(_ text: [Character]) -> Double? { Int(String(text), radix: 16).map { Double($0) / Double((1 << (4 * text.count)) - 1) } }
            switch hex.count {
            case 3, 4:
                guard let r = channel([hex[0]]), let g = channel([hex[1]]), let b = channel([hex[2]]) else { return nil }
                return (r, g, b)
            case 6, 8:
                guard let r = channel(Array(hex[0..<2])), let g = channel(Array(hex[2..<4])), let b = channel(Array(hex[4..<6])) else { return nil }
                return (r, g, b)
            default:
                return nil
            }
        }
        if value.hasPrefix("rgb"), let open = value.firstIndex(of: "("), let close = value.firstIndex(of: ")"), open < close {
            let parts = value[value.index(after: open)..<close].split(separator: ",").compactMap { Double($0.trimmingSpaces) }
            guard parts.count >= 3 else { return nil }
            return (parts[0] / 255, parts[1] / 255, parts[2] / 255)
        }
        return nil
    }
}

/// Rough text widths for layout, since SVG text cannot be measured at build time.
public enum TextMetrics {
    /// The approximate width of `text` in a proportional sans-serif at `size` user units.
    public static func width(_ text: String, size: Double) -> Double {
        // Widths of a wide system sans (DejaVu Sans on Linux is among the widest), so labels rather get
        // too much room than overlap.
        var ems = 0.0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "i", "l", "j", "'", ".", ",", ":", ";", "|", "!", "I", "f", "t", "r", " ": ems += 0.33
            case "m", "w", "M", "W", "@", "%": ems += 0.95
            case "A"..."Z": ems += 0.72
            case "0"..."9": ems += 0.64
            default: ems += scalar.value > 0x2E80 ? 1.0 : 0.61
            }
        }
        return ems * size
    }

    /// `text` cut to about `limit` user units wide at `size`, ending with an ellipsis when shortened.
    public static func truncate(_ text: String, to limit: Double, size: Double) -> String {
        guard width(text, size: size) > limit else { return text }
        var result = ""
        for character in text {
            if width(result + String(character) + "…", size: size) > limit { break }
            result.append(character)
        }
        return result + "…"
    }
}

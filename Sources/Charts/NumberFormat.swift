import Foundation

/// Number text for ticks, tooltips and tables: fixed decimals, SI suffixes for large and tiny values.
enum NumberFormat {
    private static let largeSuffixes = ["k", "M", "G", "T", "P", "E"]
    private static let smallSuffixes = ["m", "µ", "n", "p", "f"]
    /// The typographic minus sign.
    static let minus = "\u{2212}"

    /// Labels for tick values that share one format: as few decimals as tell them apart, with a common SI
    /// suffix when the largest is `siFrom` (10,000 unless given) or more, or below 0.001.
    static func tickLabels(_ values: [Double], siFrom: Double = 1e4) -> [String] {
        let largest = values.map { abs($0) }.max() ?? 0
        let (divisor, suffix) = siScale(for: largest, from: siFrom)
        let scaled = values.map { $0 / divisor }
        let decimals =
            (0...6).first { digits in
                let factor = power10(digits)
                return scaled.allSatisfy { abs(($0 * factor).rounded() - $0 * factor) < 1e-6 * max(1, abs($0 * factor)) }
            } ?? 6
        return scaled.map { fixed($0, decimals: decimals) + (($0 == 0) ? "" : suffix) }
    }

    /// One value with about four significant digits ("0.1235", "1,234" is "1234", "2.5M").
    static func value(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : minus + "∞") }
        let magnitude = abs(value)
        if magnitude == 0 { return "0" }
        if magnitude >= 1e6 || magnitude < 1e-4 {
            let (divisor, suffix) = siScale(for: magnitude)
            return significant(value / divisor, digits: 4) + suffix
        }
        return significant(value, digits: 4)
    }

    /// The power of 1000 and suffix used for numbers around `magnitude`; none between 0.001 and `from`.
    static func siScale(for magnitude: Double, from: Double = 1e4) -> (Double, String) {
        guard magnitude.isFinite, magnitude > 0 else { return (1, "") }
        if magnitude >= max(1000, from) {
            let group = min(largeSuffixes.count, Int(saturating: (log10(magnitude) / 3).rounded(.down)))
            return (power10(group * 3), largeSuffixes[group - 1])
        }
        if magnitude < 1e-3 {
            let group = min(smallSuffixes.count, -Int(saturating: (log10(magnitude) / 3).rounded(.down)))
            return (1 / power10(group * 3), smallSuffixes[group - 1])
        }
        return (1, "")
    }

    /// `value` with up to `digits` significant digits, trailing zeros dropped.
    static func significant(_ value: Double, digits: Int) -> String {
        let magnitude = abs(value)
        guard magnitude > 0 else { return "0" }
        let decimals = max(0, min(10, digits - 1 - Int(saturating: log10(magnitude).rounded(.down))))
        var text = fixed(value, decimals: decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// `value` with exactly `decimals` decimals and a typographic minus.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let factor = power10(decimals)
        let scaled = (value * factor).rounded()
        guard abs(scaled) < 9e15 else { return String(value) }
        let whole = Int(scaled)
        if whole == 0 { return decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals) }
        let magnitude = whole.magnitude
        let unit = UInt(factor)
        var text = whole < 0 ? minus : ""
        text += String(magnitude / unit)
        if decimals > 0 {
            let fraction = String(magnitude % unit)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    /// 10 to the `exponent`: infinity above 10^308 and 0 below 10^-324 without looping further.
    static func power10(_ exponent: Int) -> Double {
        if exponent > 309 { return .infinity }
        if exponent < -325 { return 0 }
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}

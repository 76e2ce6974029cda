import Foundation

/// A labelled position on an axis.
struct Tick: Equatable, Sendable {
    var value: Double
    var label: String
}

/// "Nice" tick steps of 1, 2 or 5 times a power of ten.
enum NiceTicks {
    /// The 1-2-5 step giving about `count` intervals over `span`.
    static func step(span: Double, count: Int) -> Double {
        guard span.isFinite, span > 0 else { return 1 }
        // A span of denormals divides to 0 or a denormal, whose power of ten is 0 (and whose
        // logarithm is -inf): the step is then the smallest normal number instead.
        let raw = span / Double(max(1, count))
        guard raw >= Double.leastNormalMagnitude else { return Double.leastNormalMagnitude }
        let exponent = Int(saturating: log10(raw).rounded(.down))
        let magnitude = NumberFormat.power10(exponent)
        let fraction = raw / magnitude
        let nice: Double = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        return nice * magnitude
    }

    /// The domain widened outward to whole steps (at least `minimumStep`), and the step.
    static func extend(lower: Double, upper: Double, count: Int, minimumStep: Double = 0) -> (Double, Double, step: Double) {
        let step = max(minimumStep, step(span: upper - lower, count: count))
        let extendedLower = (lower / step).rounded(.down) * step
        let extendedUpper = (upper / step).rounded(.up) * step
        return (clean(extendedLower, step: step), clean(extendedUpper, step: step), step)
    }

    /// Tick values at whole multiples of a nice step inside `lower...upper` (the step for `count` ticks
    /// unless given).
    static func values(lower: Double, upper: Double, count: Int, step given: Double? = nil) -> [Double] {
        guard lower.isFinite, upper.isFinite, upper > lower else { return lower.isFinite ? [lower] : [] }
        let step = given ?? step(span: upper - lower, count: count)
        let first = (lower / step - 1e-9).rounded(.up)
        let last = (upper / step + 1e-9).rounded(.down)
        guard last >= first, last - first < 1000 else { return [] }
        return stride(from: first, through: last, by: 1).map { clean($0 * step, step: step) }
    }

    /// Labelled linear ticks.
    static func linear(lower: Double, upper: Double, count: Int, step: Double? = nil) -> [Tick] {
        let values = values(lower: lower, upper: upper, count: count, step: step)
        return zip(values, NumberFormat.tickLabels(values)).map { Tick(value: $0, label: $1) }
    }

    /// Log ticks: powers of ten, with 2 and 5 between them over short spans; every n-th power over long ones.
    static func log(lower: Double, upper: Double, count: Int) -> [Tick] {
        guard lower > 0, upper > lower, lower.isFinite, upper.isFinite else { return [] }
        let low = Int(saturating: log10(lower).rounded(.down))
        let high = Int(saturating: log10(upper).rounded(.up))
        let decades = high - low
        var values: [Double] = []
        let multipliers: [Double] = decades <= 2 ? [1, 2, 5] : decades <= 4 ? [1, 3] : [1]
        let every = max(1, Int(saturating: (Double(decades) / Double(max(2, count))).rounded(.up)))
        for exponent in low...high where (exponent - low) % every == 0 {
            for multiplier in multipliers {
                let value = multiplier * NumberFormat.power10(exponent)
                if value >= lower * (1 - 1e-9), value <= upper * (1 + 1e-9) { values.append(value) }
            }
        }
        return values.map { Tick(value: $0, label: NumberFormat.tickLabels([$0], siFrom: 1000)[0]) }
    }

    /// The log domain widened to the 1-2-5 values around it.
    static func extendLog(lower: Double, upper: Double) -> (Double, Double) {
        func below(_ value: Double) -> Double {
            let magnitude = NumberFormat.power10(Int(saturating: log10(value).rounded(.down)))
            return [5.0, 2, 1].map { $0 * magnitude }.first { $0 <= value * (1 + 1e-9) } ?? magnitude
        }
        func above(_ value: Double) -> Double {
            let magnitude = NumberFormat.power10(Int(saturating: log10(value).rounded(.down)))
            return [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= value * (1 - 1e-9) } ?? 10 * magnitude
        }
        return (below(lower), above(upper))
    }

    /// Removes floating-point noise from a multiple of `step` (0.30000000000000004 becomes 0.3).
    private static func clean(_ value: Double, step: Double) -> Double {
        let digits = max(0, -Int(saturating: log10(step).rounded(.down)) + 2)
        let factor = NumberFormat.power10(min(digits, 15))
        return (value * factor).rounded() / factor
    }
}

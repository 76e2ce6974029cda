/// Conversions that cannot trap: chart maths meets denormals, ±1e308, infinities and NaN from
/// data, and `Int(_: Double)` traps on those, which would take the whole build down.
extension Int {
    /// The largest magnitude a converted value keeps (2^52): far beyond any pixel, bin or tick
    /// count, and exact in a `Double`.
    static let saturationLimit = 4_503_599_627_370_496

    /// `value` rounded toward zero, clamped to ±``saturationLimit``; 0 for NaN.
    init(saturating value: Double) {
        guard !value.isNaN else {
            self = 0
            return
        }
        let limit = Double(Int.saturationLimit)
        self = Int(Swift.min(Swift.max(value, -limit), limit))
    }
}

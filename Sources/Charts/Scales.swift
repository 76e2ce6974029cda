import Foundation

/// An axis's domain and ticks, decided before the plot's pixel size is known.
struct AxisModel: Sendable {
    enum Kind: Sendable {
        case linear, log, time, band
    }

    var kind: Kind
    var lower: Double
    var upper: Double
    /// Category names of a band axis; values are their indices.
    var categories: [String] = []
    var ticks: [Tick] = []

    /// A numeric axis over data in `dataLower...dataUpper`, honouring the spec's range. Linear axes
    /// widen to whole tick steps (and to zero when `includeZero`); time axes keep the data's extent.
    /// `margin` widens the data extent by that fraction on each side first, so marks clear the frame;
    /// `integer` keeps linear ticks on whole numbers (counts).
    static func continuous(
        _ kind: Kind, dataLower: Double, dataUpper: Double, requested: AxisRange,
        tickCount: Int, includeZero: Bool = false, nice: Bool = true, margin: Double = 0,
        integer: Bool = false
    ) -> AxisModel {
        var lower = dataLower.isFinite ? dataLower : 0
        var upper = dataUpper.isFinite ? dataUpper : 1
        if margin > 0, upper > lower {
            if kind == .log, lower > 0 {
                let factor = pow(upper / lower, margin)
                lower /= factor
                upper *= factor
            } else if kind != .log {
                let pad = (upper - lower) * margin
                if !(includeZero && lower >= 0 && lower - pad < 0) { lower -= pad }
                upper += pad
            }
        }
        if kind == .log {
            lower = lower > 0 ? lower : 1
            upper = upper > 0 ? upper : max(lower * 10, 10)
        }
        if includeZero, kind == .linear {
            lower = min(lower, 0)
            upper = max(upper, 0)
        }
        if let requestedLower = requested.lower, kind != .log || requestedLower > 0 { lower = requestedLower }
        if let requestedUpper = requested.upper, kind != .log || requestedUpper > 0 { upper = requestedUpper }
        if upper <= lower {
            switch kind {
            case .log:
                upper = lower * 10
                lower /= 10
            case .time:
                lower -= 43_200
                upper += 43_200
            default:
                let pad = lower == 0 ? 1 : abs(lower) * 0.1
                lower -= pad
                upper += pad
            }
        }
        var step: Double?
        if nice {
            switch kind {
            case .linear:
                let (niceLower, niceUpper, niceStep) = NiceTicks.extend(
                    lower: lower, upper: upper, count: tickCount,
                    minimumStep: integer ? 1 : 0)
                if requested.lower == nil { lower = niceLower }
                if requested.upper == nil { upper = niceUpper }
                if requested.lower == nil, requested.upper == nil { step = niceStep }
            case .log:
                let (niceLower, niceUpper) = NiceTicks.extendLog(lower: lower, upper: upper)
                if requested.lower == nil { lower = niceLower }
                if requested.upper == nil { upper = niceUpper }
            case .time, .band:
                break
            }
        }
        var model = AxisModel(kind: kind, lower: lower, upper: upper)
        switch kind {
        case .linear:
            if integer, step == nil { step = max(1, NiceTicks.step(span: upper - lower, count: tickCount)) }
            model.ticks = NiceTicks.linear(lower: lower, upper: upper, count: tickCount, step: step)
        case .log: model.ticks = NiceTicks.log(lower: lower, upper: upper, count: tickCount)
        case .time: model.ticks = TimeTicks.ticks(lower: lower, upper: upper, count: tickCount)
        case .band: break
        }
        return model
    }

    /// A categorical axis; every category is a tick at its index.
    static func band(_ categories: [String]) -> AxisModel {
        var model = AxisModel(kind: .band, lower: 0, upper: Double(max(1, categories.count)), categories: categories)
        model.ticks = categories.enumerated().map { Tick(value: Double($0.offset), label: $0.element) }
        return model
    }

    /// How many ticks fit along an axis of this length in user units.
    static func tickCount(length: Double, spacing: Double) -> Int {
        max(2, min(10, Int(saturating: (length / spacing).rounded())))
    }
}

/// Maps domain values to user-unit positions along one axis.
struct Scale: Sendable {
    let model: AxisModel
    let start: Double
    let end: Double
    /// Fraction of each band left empty between bars.
    var padding = 0.2

    init(_ model: AxisModel, start: Double, end: Double, padding: Double = 0.2) {
        self.model = model
        self.start = start
        self.end = end
        self.padding = padding
    }

    var isBand: Bool { model.kind == .band }

    /// The position of `value` (NaN when it cannot be shown, such as zero on a log axis).
    func position(_ value: Double) -> Double {
        switch model.kind {
        case .log:
            guard value > 0 else { return .nan }
            let low = log10(model.lower)
            return start + (log10(value) - low) / (log10(model.upper) - low) * (end - start)
        case .band:
            return start + (value + 0.5) * step
        case .linear, .time:
            return start + (value - model.lower) / (model.upper - model.lower) * (end - start)
        }
    }

    /// Distance between band centres.
    var step: Double { (end - start) / max(1, model.upper - model.lower) }

    /// Width of one band's bar area.
    var bandwidth: Double { abs(step) * (1 - padding) }

    /// Whether `value` lies within the domain (with a little slack for rounding).
    func contains(_ value: Double) -> Bool {
        let slack = (model.upper - model.lower) * 1e-9
        return value >= model.lower - slack && value <= model.upper + slack
    }
}

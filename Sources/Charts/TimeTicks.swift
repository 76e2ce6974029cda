/// Calendar-aligned ticks for time axes: seconds up to decades, labelled for their interval.
enum TimeTicks {
    private enum Unit {
        case seconds(Double)
        case months(Int)
        case years(Int)
    }

    private static let intervals: [Unit] = [
        .seconds(1), .seconds(2), .seconds(5), .seconds(10), .seconds(15), .seconds(30),
        .seconds(60), .seconds(120), .seconds(300), .seconds(600), .seconds(900), .seconds(1800),
        .seconds(3600), .seconds(7200), .seconds(10_800), .seconds(21_600), .seconds(43_200),
        .seconds(86_400), .seconds(172_800), .seconds(604_800), .seconds(1_209_600),
        .months(1), .months(2), .months(3), .months(6),
        .years(1), .years(2), .years(5), .years(10), .years(20), .years(50), .years(100), .years(1000),
    ]

    /// About `count` ticks between two times in seconds since 1970.
    static func ticks(lower: Double, upper: Double, count: Int) -> [Tick] {
        guard lower.isFinite, upper.isFinite, upper > lower else {
            return lower.isFinite ? [Tick(value: lower, label: label(lower, unit: .seconds(86_400), first: true))] : []
        }
        let span = upper - lower
        let unit = intervals.first { length($0) * Double(max(1, count)) >= span } ?? .years(1000)
        let values = values(lower: lower, upper: upper, unit: unit)
        return values.enumerated().map { index, value in
            Tick(value: value, label: label(value, unit: unit, first: index == 0))
        }
    }

    private static func length(_ unit: Unit) -> Double {
        switch unit {
        case .seconds(let seconds): return seconds
        case .months(let months): return Double(months) * 30.44 * 86_400
        case .years(let years): return Double(years) * 365.25 * 86_400
        }
    }

    private static func values(lower: Double, upper: Double, unit: Unit) -> [Double] {
        var values: [Double] = []
        switch unit {
        case .seconds(let step):
            // Weeks start on Monday; 1970-01-01 was a Thursday.
            let offset = step == 604_800 || step == 1_209_600 ? 4 * 86_400.0 : 0
            var value = ((lower - offset) / step).rounded(.up) * step + offset
            while value <= upper, values.count < 200 {
                values.append(value)
                value += step
            }
        case .months(let step):
            let start = DateValue.fields(lower)
            var year = start.year
            var month = start.month
            while values.count < 200 {
                if (month - 1) % step == 0 {
                    let value = Double(DateValue.daysFromCivil(year: year, month: month, day: 1)) * 86_400
                    if value > upper { break }
                    if value >= lower { values.append(value) }
                }
                month += 1
                if month > 12 {
                    month = 1
                    year += 1
                }
            }
        case .years(let step):
            let start = DateValue.fields(lower).year
            var year = (start / step) * step
            while values.count < 200 {
                let value = Double(DateValue.daysFromCivil(year: year, month: 1, day: 1)) * 86_400
                if value > upper { break }
                if value >= lower { values.append(value) }
                year += step
            }
        }
        return values
    }

    private static func label(_ value: Double, unit: Unit, first: Bool) -> String {
        let fields = DateValue.fields(value)
        let month = DateValue.monthNames[max(0, min(11, fields.month - 1))]
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        switch unit {
        case .years:
            return "\(fields.year)"
        case .months:
            return first || fields.month == 1 ? "\(month) \(fields.year)" : month
        case .seconds(let step) where step >= 86_400:
            return first || (fields.month == 1 && fields.day <= Int(saturating: step / 86_400))
                ? "\(month) \(fields.day), \(fields.year)"
                : "\(month) \(fields.day)"
        case .seconds(let step) where step >= 60:
            if first || (fields.hour == 0 && fields.minute == 0) { return "\(month) \(fields.day) \(two(fields.hour)):\(two(fields.minute))" }
            return "\(two(fields.hour)):\(two(fields.minute))"
        default:
            return "\(two(fields.hour)):\(two(fields.minute)):\(two(fields.second))"
        }
    }
}

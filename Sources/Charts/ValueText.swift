/// Human-readable text for data values along an axis, for tooltips, tables and descriptions.
enum ValueText {
    static func describe(_ value: Double, kind: AxisModel.Kind, categories: [String] = []) -> String {
        guard value.isFinite else { return "missing" }
        switch kind {
        case .band:
            let index = Int(saturating: value)
            return categories.indices.contains(index) ? categories[index] : NumberFormat.value(value)
        case .time:
            return date(value)
        case .linear, .log:
            return NumberFormat.value(value)
        }
    }

    /// `2024-03-05`, or `2024-03-05 14:30` when the time is not midnight.
    static func date(_ seconds: Double) -> String {
        let fields = DateValue.fields(seconds)
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        let day = "\(fields.year)-\(two(fields.month))-\(two(fields.day))"
        if fields.hour == 0, fields.minute == 0, fields.second == 0 { return day }
        return day + " \(two(fields.hour)):\(two(fields.minute))" + (fields.second == 0 ? "" : ":\(two(fields.second))")
    }
}

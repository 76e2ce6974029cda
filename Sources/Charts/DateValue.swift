/// ISO 8601 dates and times as seconds since 1970-01-01 UTC, and back to calendar fields.
public enum DateValue {
    /// Reads `2024-03`, `2024-03-05`, `2024-03-05T14:30`, `2024-03-05 14:30:15.5Z` or with a `+02:00` offset.
    static func parse(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 7, bytes.count <= 40 else { return nil }
        var index = 0
        func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += count
            return value
        }
        func skip(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = digits(4), skip(0x2D), let month = digits(2), (1...12).contains(month) else { return nil }
        var day = 1
        if skip(0x2D) {
            guard let value = digits(2), (1...31).contains(value) else { return nil }
            day = value
        }
        var seconds = Double(daysFromCivil(year: year, month: month, day: day)) * 86_400
        guard index < bytes.count else { return seconds }
        guard bytes[index] == 0x54 || bytes[index] == 0x20 || bytes[index] == 0x74 else { return nil }
        index += 1
        guard let hour = digits(2), hour < 24, skip(0x3A), let minute = digits(2), minute < 60 else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        if skip(0x3A) {
            guard let second = digits(2), second < 61 else { return nil }
            seconds += Double(second)
            if skip(0x2E) || skip(0x2C) {
                var scale = 0.1
                while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                    seconds += Double(bytes[index] - 0x30) * scale
                    scale /= 10
                    index += 1
                }
            }
        }
        guard index < bytes.count else { return seconds }
        if skip(0x5A) || skip(0x7A) { return index == bytes.count ? seconds : nil }
        let sign: Double
        if skip(0x2B) { sign = 1 } else if skip(0x2D) { sign = -1 } else { return nil }
        guard let offsetHours = digits(2) else { return nil }
        _ = skip(0x3A)
        let offsetMinutes = digits(2) ?? 0
        guard index == bytes.count else { return nil }
        return seconds - sign * Double(offsetHours * 3600 + offsetMinutes * 60)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Calendar fields of a time in seconds since 1970 (UTC).
    /// A moment's calendar fields in UTC (proleptic Gregorian calendar).
    public struct Fields: Equatable, Sendable {
        public var year: Int
        public var month: Int
        public var day: Int
        public var hour: Int
        public var minute: Int
        public var second: Int
    }

    /// The UTC calendar fields of `seconds` since 1970, by integer arithmetic.
    public static func fields(_ seconds: Double) -> Fields {
        let clamped = min(max(seconds, -1e13), 1e13)
        let whole = Int(clamped.rounded(.down))
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let rest = whole - days * 86_400
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return Fields(year: year, month: month, day: day, hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60)
    }

    /// English month abbreviations, as axes and RFC 822 dates write them.
    public static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}

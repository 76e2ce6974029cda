import Foundation

/// Dates as feeds, sitemaps and structured data write them, in UTC.
///
/// Computed with integer arithmetic: feeds format two dates per entry for every list, and
/// Foundation's format styles cost microseconds each.
enum DateText {
    /// `2024-02-10T09:30:00Z` (RFC 3339).
    static func iso8601(_ date: Date) -> String {
        let c = UTCParts(date)
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))Z"
    }

    /// `Sat, 10 Feb 2024 09:30:00 +0000` (RFC 822, as RSS wants).
    static func rfc822(_ date: Date) -> String {
        let c = UTCParts(date)
        let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = days[((c.daysSinceEpoch % 7) + 7) % 7]
        return "\(weekday), \(pad(c.day, 2)) \(months[c.month - 1]) \(pad(c.year, 4)) \(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2)) +0000"
    }

    private static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A date's civil fields in UTC, from the proleptic Gregorian calendar.
private struct UTCParts {
    var year, month, day, hour, minute, second: Int
    var daysSinceEpoch: Int

    init(_ date: Date) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        daysSinceEpoch = days
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60
        // Days to year/month/day, counting 400-year eras that start on 1 March 0000.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }
}

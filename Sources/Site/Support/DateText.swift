import Charts
import Foundation

/// Dates as feeds, sitemaps and structured data write them, in UTC.
///
/// Computed with integer arithmetic (the calendar fields come from the Charts module's date
/// axis): feeds format two dates per entry for every list, and Foundation's format styles cost
/// microseconds each.
enum DateText {
    /// `2024-02-10T09:30:00Z` (RFC 3339).
    static func iso8601(_ date: Date) -> String {
        let c = DateValue.fields(date.timeIntervalSince1970)
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))Z"
    }

    /// `Sat, 10 Feb 2024 09:30:00 +0000` (RFC 822, as RSS wants).
    static func rfc822(_ date: Date) -> String {
        let c = DateValue.fields(date.timeIntervalSince1970)
        let daysSinceEpoch = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
        let weekday = days[((daysSinceEpoch % 7) + 7) % 7]
        return
            "\(weekday), \(pad(c.day, 2)) \(DateValue.monthNames[c.month - 1]) \(pad(c.year, 4)) \(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2)) +0000"
    }

    private static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

import Foundation
import GoTemplates

/// Go's `time.Time`: printed as Go prints it, with `.Format` and the usual fields. In UTC.
struct TimeObject: GoObject {
    let date: Date

    var goTypeName: String { "time.Time" }
    var printed: String { Self.format(date, layout: "2006-01-02 15:04:05 -0700 MST") }
    var isTruthy: Bool { true }

    func member(_ name: String, arguments: [GoValue]) throws -> GoValue? {
        let parts = Self.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday, .nanosecond], from: date)
        switch name {
        case "Format": return .string(Self.format(date, layout: arguments.first?.text ?? ""))
        case "Year": return .int(parts.year ?? 0)
        case "Month": return .string(Self.months[(parts.month ?? 1) - 1])
        case "Day": return .int(parts.day ?? 0)
        case "Hour": return .int(parts.hour ?? 0)
        case "Minute": return .int(parts.minute ?? 0)
        case "Second": return .int(parts.second ?? 0)
        case "Weekday": return .string(Self.weekdays[(parts.weekday ?? 1) - 1])
        case "YearDay": return .int(Self.calendar.ordinality(of: .day, in: .year, for: date) ?? 0)
        case "Unix": return .int(Int(date.timeIntervalSince1970))
        case "UnixMilli": return .int(Int(date.timeIntervalSince1970 * 1000))
        case "UnixMicro": return .int(Self.unix(date, unitsPerSecond: 1_000_000))
        case "UnixNano": return .int(Self.unix(date, unitsPerSecond: 1_000_000_000))
        case "IsZero": return .bool(date.timeIntervalSince1970 == -62_135_596_800)
        case "UTC", "Local": return .object(self)
        case "String": return .string(printed)
        case "Before", "After", "Equal":
            guard case .object(let other as TimeObject)? = arguments.first else { return .bool(false) }
            return .bool(name == "Before" ? date < other.date : name == "After" ? date > other.date : date == other.date)
        case "AddDate":
            var components = DateComponents()
            components.year = arguments.count > 0 ? Int(arguments[0].text) : 0
            components.month = arguments.count > 1 ? Int(arguments[1].text) : 0
            components.day = arguments.count > 2 ? Int(arguments[2].text) : 0
            return .object(TimeObject(date: Self.calendar.date(byAdding: components, to: date) ?? date))
        default: return nil
        }
    }

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()
    /// The time since 1970 in `unitsPerSecond` (whole seconds and the fraction apart, so that
    /// nanoseconds stay exact); the nearest Int when it is out of range (Go's UnixNano is
    /// undefined outside about 1678–2262).
    static func unix(_ date: Date, unitsPerSecond: Int) -> Int {
        let interval = date.timeIntervalSince1970
        guard interval.isFinite, abs(interval) < 9.2e18 / Double(unitsPerSecond) else { return interval < 0 ? Int.min : Int.max }
        let seconds = interval.rounded(.down)
        let fraction = Int(((interval - seconds) * Double(unitsPerSecond)).rounded())
        return Int(seconds) * unitsPerSecond + fraction
    }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// Formats `date` with a Go reference-time layout (`2006-01-02`, `January 2, 2006`, `:date_long`…).
    static func format(_ date: Date, layout: String) -> String {
        let named: [String: String] = [
            ":date_full": "Monday, January 2, 2006", ":date_long": "January 2, 2006",
            ":date_medium": "Jan 2, 2006", ":date_short": "1/2/06",
            ":time_full": "3:04:05 pm UTC", ":time_long": "3:04:05 pm UTC",
            ":time_medium": "3:04:05 pm", ":time_short": "3:04 pm",
        ]
        let layout = named[layout] ?? layout
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday, .nanosecond], from: date)
        let (year, month, day) = (p.year ?? 1, p.month ?? 1, p.day ?? 1)
        let (hour, minute, second) = (p.hour ?? 0, p.minute ?? 0, p.second ?? 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let tokens: [(String, () -> String)] = [
            ("January", { months[month - 1] }), ("Monday", { weekdays[(p.weekday ?? 1) - 1] }),
            ("2006", { String(format: "%04d", year) }), ("-07:00", { "+00:00" }), ("-0700", { "+0000" }),
            ("Z07:00", { "Z" }), ("Z0700", { "Z" }), (".000", { String(format: ".%03d", (p.nanosecond ?? 0) / 1_000_000) }),
            ("Jan", { String(months[month - 1].prefix(3)) }), ("Mon", { String(weekdays[(p.weekday ?? 1) - 1].prefix(3)) }),
            ("MST", { "UTC" }), ("-07", { "+00" }),
            ("01", { two(month) }), ("02", { two(day) }), ("_2", { day < 10 ? " \(day)" : "\(day)" }),
            ("06", { two(year % 100) }), ("15", { two(hour) }), ("03", { two(hour % 12 == 0 ? 12 : hour % 12) }),
            ("04", { two(minute) }), ("05", { two(second) }), ("PM", { hour < 12 ? "AM" : "PM" }), ("pm", { hour < 12 ? "am" : "pm" }),
            ("1", { "\(month)" }), ("2", { "\(day)" }), ("3", { "\(hour % 12 == 0 ? 12 : hour % 12)" }),
            ("4", { "\(minute)" }), ("5", { "\(second)" }),
        ]
        var out = ""
        var rest = Substring(layout)
        outer: while !rest.isEmpty {
            for (token, value) in tokens where rest.hasPrefix(token) {
                out += value()
                rest = rest.dropFirst(token.count)
                continue outer
            }
            out.append(rest.removeFirst())
        }
        return out
    }

    /// A date from text as Hugo's `time` reads it (RFC 3339, `2006-01-02`, with or without time).
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let formats = [
            "yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX", "yyyy-MM-dd'T'HH:mm:ss",
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
        ]
        for format in formats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) { return date }
        }
        return nil
    }
}

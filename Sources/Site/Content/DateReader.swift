import Foundation

/// Reads dates in the forms Hugo accepts: RFC 3339 / ISO 8601 (`2023-11-16T10:30:03+00:00`),
/// a space instead of `T`, no seconds, no zone (UTC is assumed), `Z`, `+0200`, ` UTC`, or a date alone.
///
/// A value that is not one of those forms but starts with a valid date is read as that date and
/// flagged, so the caller can warn: `2023-11-16:30:03+00:00` reads as 2023-11-16.
public enum DateReader {
    /// The outcome of reading one date value.
    public struct Reading: Sendable, Equatable {
        public var date: Date
        /// True when only a leading part of the text could be read.
        public var isPartial: Bool
    }

    /// The UTF-8 of `text` without the whitespace around it (Unicode's spaces and tabs): ASCII
    /// text byte by byte, other text through Foundation.
    private static func trimmed(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return Array(text.trimmingCharacters(in: .whitespaces).utf8) }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return [] }
        return Array(bytes[first...last])
    }

    /// Reads `text`; nil when not even a leading `YYYY-MM-DD` is there.
    public static func read(_ text: String) -> Reading? {
        var scanner = DigitScanner(trimmed(text))
        guard let year = scanner.number(digits: 4), scanner.take(UInt8(ascii: "-")),
            let month = scanner.number(digits: 2), scanner.take(UInt8(ascii: "-")),
            let day = scanner.number(digits: 2),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var parts = DateComponents(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
        let dateOnly = Reading(date: utcDate(parts, offsetSeconds: 0), isPartial: true)
        if scanner.atEnd { return Reading(date: dateOnly.date, isPartial: false) }

        guard scanner.take(UInt8(ascii: "T")) || scanner.take(UInt8(ascii: "t")) || scanner.take(UInt8(ascii: " ")),
            let hour = scanner.number(digits: 2) ?? scanner.number(digits: 1), scanner.take(UInt8(ascii: ":")),
            let minute = scanner.number(digits: 2), hour < 24, minute < 60
        else { return dateOnly }
        parts.hour = hour
        parts.minute = minute
        var nanoseconds = 0
        if scanner.take(UInt8(ascii: ":")) {
            guard let second = scanner.number(digits: 2), second < 61 else { return dateOnly }
            parts.second = second
            if scanner.take(UInt8(ascii: ".")) {
                let fraction = scanner.digits()
                guard !fraction.isEmpty else { return dateOnly }
                nanoseconds = Int(fraction.prefix(9).padding(toLength: 9, withPad: "0", startingAt: 0)) ?? 0
            }
        }
        guard let offset = scanner.zoneOffset(), scanner.atEnd else { return dateOnly }
        let date = utcDate(parts, offsetSeconds: offset).addingTimeInterval(Double(nanoseconds) / 1e9)
        return Reading(date: date, isPartial: false)
    }

    /// 28 to 31: `2023-02-30` is no date (Foundation would move it to March).
    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func utcDate(_ parts: DateComponents, offsetSeconds: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let local = calendar.date(from: parts) ?? Date(timeIntervalSince1970: 0)
        return local.addingTimeInterval(TimeInterval(-offsetSeconds))
    }
}

/// A tiny cursor over ASCII bytes for the date grammar.
private struct DigitScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func number(digits count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + count] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += count
        return value
    }

    mutating func digits() -> String {
        let start = index
        while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// `Z`, `±HH:MM`, `±HHMM`, `±HH`, ` UTC`, ` +0000`, or nothing (UTC). Nil when something else follows.
    mutating func zoneOffset() -> Int? {
        if atEnd { return 0 }
        if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) { return 0 }
        _ = take(UInt8(ascii: " "))
        let rest = String(decoding: bytes[index...], as: UTF8.self)
        if rest == "UTC" || rest == "GMT" {
            index = bytes.count
            return 0
        }
        let sign: Int
        if take(UInt8(ascii: "+")) { sign = 1 } else if take(UInt8(ascii: "-")) { sign = -1 } else { return nil }
        guard let hours = number(digits: 2) else { return nil }
        _ = take(UInt8(ascii: ":"))
        let minutes = atEnd ? 0 : (number(digits: 2) ?? -1)
        guard minutes >= 0, minutes < 60, hours < 24 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}

import Foundation
import Testing
@testable import Site
import SeededRandom

struct DateTextTests {
    /// Dates across leap years, century rules, before 1970 and at the end of days (after 1582:
    /// Foundation switches to the Julian calendar before it, RFC 3339 stays Gregorian).
    let dates: [Date] = {
        var dates = [-2_208_988_800.0, -86_401, -1, 0, 951_782_400, 951_868_799, 4_107_542_400, 1_707_557_400]
            .map(Date.init(timeIntervalSince1970:))
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<2_000 { dates.append(Date(timeIntervalSince1970: Double(Int.random(in: -5_000_000_000...5_000_000_000, using: &generator)))) }
        return dates
    }()

    @Test func iso8601MatchesFoundation() {
        for date in dates {
            #expect(DateText.iso8601(date) == date.formatted(.iso8601), "\(date.timeIntervalSince1970)")
        }
    }

    @Test func rfc822MatchesFoundation() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        for date in dates where date.timeIntervalSince1970 > -2_208_988_800 {
            #expect(DateText.rfc822(date) == formatter.string(from: date), "\(date.timeIntervalSince1970)")
        }
    }

    @Test func knownValues() {
        let date = Date(timeIntervalSince1970: 1_707_557_400)  // 2024-02-10 09:30 UTC, a Saturday
        #expect(DateText.iso8601(date) == "2024-02-10T09:30:00Z")
        #expect(DateText.rfc822(date) == "Sat, 10 Feb 2024 09:30:00 +0000")
        #expect(DateText.iso8601(Date(timeIntervalSince1970: -62_135_596_800)) == "0001-01-01T00:00:00Z")
    }
}

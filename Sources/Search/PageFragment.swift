import Foundation

/// What the browser needs to show one page as a result, and how pages are ordered.
struct PageFragment {
    let url: String
    let title: String
    let date: Date?
    let section: String
    let tags: [String]
    /// The fragment's JSON object.
    let json: String

    init(_ document: SearchDocument) {
        url = document.url
        title = document.title
        date = document.date
        section = document.section
        tags = document.tags
        var fields = ["\"u\":" + JSONText.string(url), "\"t\":" + JSONText.string(title)]
        if let date = document.date { fields.append("\"d\":" + JSONText.string(Self.day(date))) }
        fields.append("\"s\":" + JSONText.string(section))
        fields.append("\"g\":" + JSONText.array(tags.map(JSONText.string)))
        fields.append("\"e\":" + JSONText.string(Self.compact(document.excerpt, limit: 400)))
        fields.append("\"b\":" + JSONText.string(Self.compact(document.body, limit: IndexLayout.fragmentTextLimit)))
        json = "{" + fields.joined(separator: ",") + "}"
    }

    /// Newer first; undated pages last; then by URL so the order is stable.
    func isNewer(than other: PageFragment) -> Bool {
        switch (date, other.date) {
        case let (a?, b?) where a != b: return a > b
        case (nil, _?): return false
        case (_?, nil): return true
        default: return url < other.url
        }
    }

    /// `yyyy-MM-dd` in UTC.
    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        func pad(_ n: Int?, _ width: Int) -> String {
            let s = String(n ?? 0)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2)
    }

    /// Collapses whitespace and cuts the text at a word boundary after at most `limit` scalars.
    static func compact(_ text: String, limit: Int) -> String {
        var out = String.UnicodeScalarView()
        var count = 0
        var pendingSpace = false
        var truncated = false
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 ? scalar == " " || scalar.value >= 0x09 && scalar.value <= 0x0D : scalar.properties.isWhitespace {
                pendingSpace = count > 0
                continue
            }
            if count + (pendingSpace ? 2 : 1) > limit {
                truncated = true
                break
            }
            if pendingSpace {
                out.append(" ")
                count += 1
                pendingSpace = false
            }
            out.append(scalar)
            count += 1
        }
        if truncated, let cut = out.lastIndex(of: " ") { out = String.UnicodeScalarView(out[..<cut]) }
        return String(out)
    }
}

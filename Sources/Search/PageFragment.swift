import Foundation

/// What the browser needs to show one page as a result, and how pages are ordered.
struct PageFragment: Sendable {
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

    /// A fragment as a build cache kept it.
    init(url: String, title: String, date: Date?, section: String, tags: [String], json: String) {
        self.url = url
        self.title = title
        self.date = date
        self.section = section
        self.tags = tags
        self.json = json
    }

    /// Newer first; undated pages last; then by URL so the order is stable.
    func isNewer(than other: PageFragment) -> Bool {
        switch (date, other.date) {
        case (let a?, let b?) where a != b: return a > b
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

    /// Collapses ASCII whitespace and cuts the text at a space (or, failing that, a character
    /// boundary) so it keeps at most `limit` bytes of UTF-8.
    static func compact(_ text: String, limit: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(min(text.utf8.count, limit))
        var pendingSpace = false
        var lastSpace: Int?
        for byte in text.utf8 {
            if byte == 0x20 || byte >= 0x09 && byte <= 0x0D {
                pendingSpace = !out.isEmpty
                continue
            }
            if out.count + (pendingSpace ? 2 : 1) > limit {
                if let lastSpace {
                    out.removeLast(out.count - lastSpace)
                } else {
                    while let last = out.last, last & 0xC0 == 0x80 { out.removeLast() }
                    if let last = out.last, last >= 0xC0 { out.removeLast() }
                }
                break
            }
            if pendingSpace {
                lastSpace = out.count
                out.append(0x20)
                pendingSpace = false
            }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

import Foundation

/// Good answers of earlier `--external` runs, so that repeated runs only ask about new URLs.
/// Stored as JSON: `{"version": 1, "entries": {URL: {"checked": date, "status": 200, …}}}`.
struct ExternalCache: Sendable {
    struct Entry: Codable, Sendable, Equatable {
        var checked: Date
        var status: Int
        /// Where a permanent redirect pointed.
        var movedTo: String?
        /// The page's ids, when they were read for fragment checks.
        var ids: [String]?
    }

    private struct File: Codable {
        var version: Int
        var entries: [String: Entry]
    }

    private(set) var entries: [String: Entry] = [:]
    let maximumAge: TimeInterval

    /// Reads `url`, dropping entries older than `hours`; a missing or unreadable file is an empty cache.
    init(contentsOf url: URL?, hours: Double, now: Date = Date()) {
        maximumAge = hours * 3600
        guard let url, let data = try? Data(contentsOf: url) else { return }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let file = try? decoder.decode(File.self, from: data), file.version == 1 else { return }
        entries = file.entries.filter { now.timeIntervalSince($0.value.checked) < maximumAge }
    }

    func entry(for url: String) -> Entry? { entries[url] }

    mutating func store(_ entry: Entry, for url: String) { entries[url] = entry }

    /// Writes the cache atomically.
    func save(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(File(version: 1, entries: entries)).write(to: url, options: .atomic)
    }
}

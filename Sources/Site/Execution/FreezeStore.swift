import Foundation

/// Outputs of a page's executed cells, kept in `_freeze/` at the site's root (meant to be
/// committed) so that a machine without the interpreter or its packages shows them: one JSON file
/// per page, `_freeze/<content path>.json`, each cell under a key of the cell sources up to it and
/// the page's data files.
struct FreezeStore: Sendable {
    /// `_freeze/` of the site.
    let folder: URL

    static let folderName = "_freeze"

    struct PageRecord: Codable, Equatable {
        /// The interpreter that made the outputs (`python 3.11.7`).
        var interpreter: String
        var cells: [CellRecord]
    }

    struct CellRecord: Codable, Equatable {
        var key: String
        var run: CellRun
    }

    func url(for contentPath: String) -> URL {
        folder.appendingPathComponent(contentPath + ".json")
    }

    func load(_ contentPath: String) -> PageRecord? {
        guard let data = FileManager.default.contents(atPath: url(for: contentPath).path) else { return nil }
        return try? JSONDecoder().decode(PageRecord.self, from: data)
    }

    /// Writes a page's record when it differs from what is stored.
    func save(_ record: PageRecord, for contentPath: String) throws {
        guard load(contentPath) != record else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let target = url(for: contentPath)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try (try encoder.encode(record) + Data([0x0A])).write(to: target, options: .atomic)
    }
}

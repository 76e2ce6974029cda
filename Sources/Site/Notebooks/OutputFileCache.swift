import Foundation

/// Files a build makes from page sources (a notebook's images), stored under the system's
/// temporary folder by a hash of their bytes, so that the output writer copies them like
/// bundle resources and a build never holds them all in memory.
struct OutputFileCache: Sendable {
    let folder: URL

    static let shared = OutputFileCache(
        folder: FileManager.default.temporaryDirectory
            .appendingPathComponent("collective-output-cache-\(getuid())"))

    /// The cached file holding `bytes`, written when absent.
    func store(_ bytes: Data, fileExtension: String) throws -> URL {
        let url = folder.appendingPathComponent("\(Self.hash(bytes))-\(bytes.count).\(fileExtension)")
        if FileManager.default.fileExists(atPath: url.path) { return url }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(UUID().uuidString)")
        try bytes.write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            guard FileManager.default.fileExists(atPath: url.path) else { throw CocoaError(.fileWriteUnknown) }
        }
        return url
    }

    /// 64-bit FNV-1a of the bytes, in hex.
    static func hash(_ bytes: Data) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

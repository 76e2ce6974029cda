import Foundation

/// Writing a text file the user asked for (a new site, a page, a host's config).
enum TextFile {
    /// Writes `text` to `url`, creating its folder; a failure is an error naming the file.
    static func write(_ text: String, to url: URL) throws(Diagnostic) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        } catch {
            throw Diagnostic(.error, "cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}

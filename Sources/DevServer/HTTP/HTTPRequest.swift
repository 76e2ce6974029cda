import Foundation

/// One parsed HTTP/1.x request head.
struct HTTPRequest: Sendable, Equatable {
    var method: String
    /// The request target as sent: `/posts/a/?q=1`.
    var target: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    var version: String
    /// Header values by lower-cased name; repeated headers are joined with `, `.
    var headers: [String: String]

    /// The target without its query or fragment, still percent-encoded.
    var path: String {
        String(target.prefix { $0 != "?" && $0 != "#" })
    }

    /// The query with its `?`, or an empty string.
    var query: String {
        guard let mark = target.firstIndex(of: "?") else { return "" }
        return String(target[mark...].prefix { $0 != "#" })
    }

    /// Whether the connection stays open after the response (HTTP/1.1 unless `close`, HTTP/1.0 only if asked).
    var keepsAlive: Bool {
        let tokens = (headers["connection"] ?? "").lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if version == "HTTP/1.0" { return tokens.contains("keep-alive") }
        return !tokens.contains("close")
    }
}

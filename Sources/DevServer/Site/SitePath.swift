import Foundation

/// Turns a request path into a file key of the site, refusing anything that could leave it.
enum SitePath {
    /// Where a request path leads.
    enum Resolution: Equatable {
        /// A file, by its key in the site (`posts/a/index.html`).
        case file(String)
        /// A folder asked for without its trailing slash: redirect to this location.
        case redirect(String)
        case notFound
    }

    /// Resolves a raw (percent-encoded) request path against the keys `exists` knows.
    /// Paths with `.` or `..` segments (plain or encoded), NUL bytes, backslashes, bad escapes or
    /// not starting with `/` are not found.
    static func resolve(_ rawPath: String, query: String = "", exists: (String) -> Bool) -> Resolution {
        guard let (segments, trailingSlash) = decode(rawPath) else { return .notFound }
        let joined = segments.joined(separator: "/")
        if segments.isEmpty || trailingSlash {
            let key = joined.isEmpty ? "index.html" : joined + "/index.html"
            return exists(key) ? .file(key) : .notFound
        }
        if exists(joined) { return .file(joined) }
        if exists(joined + "/index.html") { return .redirect(rawPath + "/" + query) }
        return .notFound
    }

    /// The decoded segments of a path, and whether it ends with `/`; nil when unsafe.
    static func decode(_ rawPath: String) -> (segments: [String], trailingSlash: Bool)? {
        guard rawPath.hasPrefix("/"), let decoded = percentDecoded(rawPath) else { return nil }
        if decoded.contains("\0") || decoded.contains("\\") { return nil }
        var segments: [String] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." || segment == ".." { return nil }
            segments.append(String(segment))
        }
        return (segments, decoded.hasSuffix("/"))
    }

    /// `%xx` escapes decoded as UTF-8; nil for a malformed escape or invalid UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(bytes: bytes, encoding: .utf8)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

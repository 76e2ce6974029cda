import Foundation
import Site

/// Where a URL written in a page points: a path of this site, another site, or nowhere to check.
enum LinkTarget: Equatable {
    /// A path under the site root (`/posts/a/`, without the base path), percent-decoded, and its fragment.
    case local(path: String, fragment: String?)
    /// An absolute `http(s)` URL of another site.
    case external(String)
    /// `mailto:`, `tel:`, `data:`, `javascript:`, other schemes and empty links.
    case skipped

    /// Classifies `url` as written on the page at `pagePath` (a site path such as `/posts/a/`).
    /// `basePath` is the path of the site's base URL (`/` or `/blog/`); `siteHost` its host.
    static func classify(_ url: String, pagePath: String, basePath: String, siteHost: String?) -> LinkTarget {
        // Byte tests first: every link of every page comes through here.
        let trimmed =
            isPlainEdge(url.utf8.first) && isPlainEdge(url.utf8.last)
            ? url : url.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return .skipped }
        if trimmed.hasPrefix("//") { return classifyAbsolute("https:" + trimmed, basePath: basePath, siteHost: siteHost) }
        if let colon = trimmed.utf8.firstIndex(of: UInt8(ascii: ":")), isScheme(trimmed.utf8[..<colon]) {
            return classifyAbsolute(trimmed, basePath: basePath, siteHost: siteHost)
        }
        let (beforeFragment, fragment) = split(trimmed, at: UInt8(ascii: "#"))
        let (path, _) = split(beforeFragment, at: UInt8(ascii: "?"))
        if path.isEmpty { return .local(path: pagePath, fragment: fragment) }
        let decoded = decode(path)
        if decoded.hasPrefix("/") {
            guard let inside = strip(basePath: basePath, from: decoded) else { return .local(path: decoded, fragment: fragment) }
            return .local(path: inside, fragment: fragment)
        }
        let folder = pagePath.hasSuffix("/") ? pagePath : PathText.folder(of: pagePath) + "/"
        return .local(path: normalize(folder + decoded), fragment: fragment)
    }

    /// False when `url` means the same on every page (it starts with `/`, or with a scheme), so
    /// that its classification can be reused from page to page.
    static func dependsOnPage(_ url: String) -> Bool {
        guard let first = url.utf8.first, isPlainEdge(first), isPlainEdge(url.utf8.last) else { return true }
        if first == UInt8(ascii: "/") { return false }
        guard let colon = url.utf8.firstIndex(of: UInt8(ascii: ":")) else { return true }
        return !isScheme(url.utf8[..<colon])
    }

    private static func classifyAbsolute(_ url: String, basePath: String, siteHost: String?) -> LinkTarget {
        guard hasHTTPScheme(url) else { return .skipped }
        if let siteHost, let host = host(of: url), host == siteHost, let authority = authorityStart(of: url) {
            let afterScheme = url.utf8[authority...]
            let pathStart = afterScheme.firstIndex(where: isAuthorityEnd) ?? afterScheme.endIndex
            var rest = String(url[pathStart...])
            if !rest.hasPrefix("/") { rest = "/" + rest }
            let (beforeFragment, fragment) = split(rest, at: UInt8(ascii: "#"))
            let (path, _) = split(beforeFragment, at: UInt8(ascii: "?"))
            let decoded = decode(path)
            if let inside = strip(basePath: basePath, from: decoded) { return .local(path: inside, fragment: fragment) }
        }
        return .external(url)
    }

    /// The lowercased host of an absolute URL, without user info or port.
    static func host(of url: String) -> String? {
        guard let start = authorityStart(of: url) else { return nil }
        var authority = url.utf8[start...].prefix { !isAuthorityEnd($0) }
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[authority.index(after: at)...] }
        if authority.first == UInt8(ascii: "["), let close = authority.firstIndex(of: UInt8(ascii: "]")) {
            return String(Substring(authority[...close])).lowercased()
        }
        if let colon = authority.firstIndex(of: UInt8(ascii: ":")) { authority = authority[..<colon] }
        return authority.isEmpty ? nil : String(Substring(authority)).lowercased()
    }

    /// `/`, `?` or `#`: the end of a URL's authority.
    private static func isAuthorityEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#")
    }

    /// True when `url` starts with `http://` or `https://`, in any case.
    private static func hasHTTPScheme(_ url: String) -> Bool {
        func starts(with prefix: StaticString) -> Bool {
            let bytes = url.utf8
            guard bytes.count >= prefix.utf8CodeUnitCount else { return false }
            return prefix.withUTF8Buffer { expected in
                zip(bytes, expected).allSatisfy { actual, wanted in actual == wanted || (actual | 0x20) == wanted && wanted >= UInt8(ascii: "a") }
            }
        }
        return starts(with: "http://") || starts(with: "https://")
    }

    /// Where the authority of `scheme://authority/…` starts: after the first `://`.
    private static func authorityStart(of url: String) -> String.Index? {
        let bytes = url.utf8
        var index = bytes.startIndex
        while let colon = bytes[index...].firstIndex(of: UInt8(ascii: ":")) {
            let rest = bytes[colon...].dropFirst()
            if rest.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) { return bytes.index(colon, offsetBy: 3) }
            index = bytes.index(after: colon)
        }
        return nil
    }

    /// Percent-decodes a path (unchanged when it has no escapes or invalid ones).
    private static func decode(_ path: String) -> String {
        path.utf8.contains(UInt8(ascii: "%")) ? path.removingPercentEncoding ?? path : path
    }

    /// A URL scheme: an ASCII letter, then letters, digits, `+`, `-` or `.`.
    private static func isScheme(_ bytes: Substring.UTF8View) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        guard let first = bytes.first, isLetter(first) else { return false }
        return bytes.allSatisfy {
            isLetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
        }
    }

    /// A first or last byte that needs no trimming: present, and neither ASCII white space nor
    /// the start of a multi-byte character (which may be white space; those take the slow path).
    private static func isPlainEdge(_ byte: UInt8?) -> Bool {
        guard let byte else { return true }
        return byte > 32 && byte < 0x80
    }

    private static func strip(basePath: String, from path: String) -> String? {
        if basePath == "/" || basePath.isEmpty { return path }
        if path.hasPrefix(basePath) { return "/" + path.dropFirst(basePath.count) }
        if path + "/" == basePath { return "/" }
        return nil
    }

    /// `text` before and after the first `separator` (an ASCII byte).
    private static func split(_ text: String, at separator: UInt8) -> (String, String?) {
        guard let index = text.utf8.firstIndex(of: separator) else { return (text, nil) }
        return (String(text[..<index]), String(text[text.utf8.index(after: index)...]))
    }

    /// Resolves `.` and `..` segments, keeping a trailing slash.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        let joined = "/" + parts.joined(separator: "/")
        let endsInFolder = path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..")
        return endsInFolder && joined != "/" ? joined + "/" : joined
    }
}

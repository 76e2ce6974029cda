import Foundation

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
        let trimmed = url.first?.isWhitespace == false && url.last?.isWhitespace == false
            ? url : url.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return .skipped }
        if trimmed.hasPrefix("//") { return classifyAbsolute("https:" + trimmed, basePath: basePath, siteHost: siteHost) }
        if let colon = trimmed.firstIndex(of: ":"), isScheme(trimmed[..<colon]) {
            return classifyAbsolute(trimmed, basePath: basePath, siteHost: siteHost)
        }
        let (beforeFragment, fragment) = split(trimmed, at: "#")
        let (path, _) = split(beforeFragment, at: "?")
        if path.isEmpty { return .local(path: pagePath, fragment: fragment) }
        let decoded = decode(path)
        if decoded.hasPrefix("/") {
            guard let inside = strip(basePath: basePath, from: decoded) else { return .local(path: decoded, fragment: fragment) }
            return .local(path: inside, fragment: fragment)
        }
        let folder = pagePath.hasSuffix("/") ? pagePath : (pagePath as NSString).deletingLastPathComponent + "/"
        return .local(path: normalize(folder + decoded), fragment: fragment)
    }

    private static func classifyAbsolute(_ url: String, basePath: String, siteHost: String?) -> LinkTarget {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return .skipped }
        if let siteHost, let host = host(of: url), host == siteHost,
           let schemeEnd = url.range(of: "://") {
            let afterScheme = url[schemeEnd.upperBound...]
            let pathStart = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? afterScheme.endIndex
            var rest = String(afterScheme[pathStart...])
            if !rest.hasPrefix("/") { rest = "/" + rest }
            let (beforeFragment, fragment) = split(rest, at: "#")
            let (path, _) = split(beforeFragment, at: "?")
            let decoded = decode(path)
            if let inside = strip(basePath: basePath, from: decoded) { return .local(path: inside, fragment: fragment) }
        }
        return .external(url)
    }

    /// The lowercased host of an absolute URL, without user info or port.
    static func host(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        var authority = url[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[...close]).lowercased()
        }
        if let colon = authority.firstIndex(of: ":") { authority = authority[..<colon] }
        return authority.isEmpty ? nil : authority.lowercased()
    }

    /// Percent-decodes a path (unchanged when it has no escapes or invalid ones).
    private static func decode(_ path: String) -> String {
        path.contains("%") ? path.removingPercentEncoding ?? path : path
    }

    private static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    private static func strip(basePath: String, from path: String) -> String? {
        if basePath == "/" || basePath.isEmpty { return path }
        if path.hasPrefix(basePath) { return "/" + path.dropFirst(basePath.count) }
        if path + "/" == basePath { return "/" }
        return nil
    }

    private static func split(_ text: String, at separator: Character) -> (String, String?) {
        guard let index = text.firstIndex(of: separator) else { return (text, nil) }
        return (String(text[..<index]), String(text[text.index(after: index)...]))
    }

    /// Resolves `.` and `..` segments, keeping a trailing slash.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        let joined = "/" + parts.joined(separator: "/")
        let endsInFolder = path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..")
        return endsInFolder && joined != "/" ? joined + "/" : joined
    }
}

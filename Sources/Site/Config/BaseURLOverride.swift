/// Another address for a build than the config's `baseURL`: from `--base-url`, or from the
/// `HUGO_BASEURL` environment variable Hugo users and hosts (deploy previews) already set.
public struct BaseURLOverride: Sendable, Equatable {
    /// Where the address came from, for messages.
    public enum Origin: String, Sendable {
        case flag = "--base-url"
        case environment = "HUGO_BASEURL"
    }

    /// The environment variable read when no flag is given.
    public static let environmentVariable = "HUGO_BASEURL"

    /// The address, ending with `/`.
    public let url: String
    public let origin: Origin

    /// The override given by `flag`, else by a non-empty `HUGO_BASEURL` in `environment`; nil for neither.
    /// Throws for an address that is neither an absolute http(s) URL nor a path starting with `/`.
    public static func resolve(flag: String?, environment: [String: String]) throws(Diagnostic) -> BaseURLOverride? {
        if let flag { return try BaseURLOverride(flag, origin: .flag) }
        guard let value = environment[environmentVariable], !value.allSatisfy(\.isWhitespace) else { return nil }
        return try BaseURLOverride(value, origin: .environment)
    }

    /// Checks and normalizes `text` (surrounding spaces dropped, a final `/` added).
    public init(_ text: String, origin: Origin) throws(Diagnostic) {
        let trimmed = String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
        let lower = trimmed.lowercased()
        let hasScheme = lower.hasPrefix("http://") || lower.hasPrefix("https://")
        let host = hasScheme ? trimmed.drop { $0 != ":" }.dropFirst(3).prefix { $0 != "/" } : ""
        guard (hasScheme && !host.isEmpty) || (!hasScheme && trimmed.hasPrefix("/")),
            !trimmed.contains(where: { $0.isWhitespace || $0 == "?" || $0 == "#" })
        else {
            throw Diagnostic(
                .error,
                "\(origin.rawValue) \"\(text)\" is not a site address; give an absolute URL such as https://example.org/blog/ or a path such as /blog/"
            )
        }
        url = trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
        self.origin = origin
    }
}

import Foundation
import Site

/// How `--external` checks URLs: limits, patience and the cache.
public struct ExternalOptions: Sendable {
    /// Requests in flight at once, over all hosts.
    public var concurrency = 8
    /// Requests in flight at once to one host.
    public var perHost = 2
    /// Seconds between the starts of two requests to one host.
    public var hostDelay: TimeInterval = 0.2
    /// Seconds before a request is abandoned.
    public var timeout: TimeInterval = 10
    /// Extra attempts after a timeout, a failed connection, a 429 or a 5xx.
    public var retries = 2
    /// Seconds before the first retry; each retry waits twice as long as the one before.
    public var backoff: TimeInterval = 1
    /// The longest `Retry-After` honoured, in seconds; longer waits give up on the URL.
    public var maximumRetryAfter: TimeInterval = 30
    public var maximumRedirects = 8
    /// The most time spent on one host, all its URLs together, in seconds; its URLs left then are unverified.
    public var hostDeadline: TimeInterval = 60
    /// Whether URLs on loopback and private addresses are fetched (otherwise each is a notice).
    public var allowPrivateAddresses = false
    /// The cache of good answers (nil: no cache).
    public var cacheFile: URL?
    /// How long a cached good answer is trusted, in hours.
    public var cacheHours: Double = 24
    /// Regular expressions; URLs that match any are not checked.
    public var skip: [String] = []
    public var userAgent = "collective-check/1.0 (+link checker of a static site)"

    public init() {}

    /// The defaults with the site config's `check` table applied: `skip`, `cache` (a path relative to
    /// the site folder, or "" for none), `cacheHours`, `timeout`, `concurrency`, `perHost`, `hostDelay`, `retries`,
    /// `hostDeadline`, `allowPrivateAddresses`.
    public init(config: SiteConfig?, siteRoot: URL) {
        cacheFile = siteRoot.appendingPathComponent(".collective-check-cache.json")
        guard let check = config?.raw["check"] else { return }
        skip = check["skip"]?.stringList ?? []
        if let cache = check["cache"]?.string {
            cacheFile = cache.isEmpty ? nil : URL(fileURLWithPath: cache, relativeTo: siteRoot).standardizedFileURL
        }
        if let hours = check["cacheHours"].flatMap(Self.number) { cacheHours = hours }
        if let seconds = check["timeout"].flatMap(Self.number), seconds > 0 { timeout = seconds }
        if let seconds = check["hostDelay"].flatMap(Self.number), seconds >= 0 { hostDelay = seconds }
        if let count = check["concurrency"]?.int, count > 0 { concurrency = count }
        if let count = check["perHost"]?.int, count > 0 { perHost = count }
        if let count = check["retries"]?.int, count >= 0 { retries = count }
        if let seconds = check["hostDeadline"].flatMap(Self.number), seconds > 0 { hostDeadline = seconds }
        if let allow = check["allowPrivateAddresses"]?.bool { allowPrivateAddresses = allow }
    }

    private static func number(_ value: Value) -> Double? {
        if case .double(let number) = value { return number }
        return value.int.map(Double.init)
    }
}

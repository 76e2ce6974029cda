import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Checks external URLs over HTTP: bounded and polite, HEAD then GET, redirects followed,
/// retries with backoff (honouring `Retry-After`), and a cache of good answers.
public struct ExternalChecker: Sendable {
    public var options: ExternalOptions

    public init(options: ExternalOptions) {
        self.options = options
    }

    /// Checks every URL once (references to one URL share the answer) and returns the findings,
    /// each at the place the URL is written. Throws when a skip pattern is not a valid regular expression.
    public func check(_ references: [ExternalReference]) async throws -> [Finding] {
        let skip = try options.skip.map { try NSRegularExpression(pattern: $0) }
        let checked = references.filter { reference in
            let range = NSRange(reference.url.startIndex..., in: reference.url)
            return !skip.contains { $0.firstMatch(in: reference.url, range: range) != nil }
        }
        var needsIDs: [String: Bool] = [:]
        for reference in checked {
            let (page, fragment) = Self.splitFragment(reference.url)
            needsIDs[page] = (needsIDs[page] ?? false) || !(fragment ?? "").isEmpty
        }
        var cache = ExternalCache(contentsOf: options.cacheFile, hours: options.cacheHours)
        var outcomes: [String: ExternalOutcome] = [:]
        var toFetch: [(String, Bool)] = []
        for (url, wantsIDs) in needsIDs.sorted(by: { $0.key < $1.key }) {
            if let entry = cache.entry(for: url), !wantsIDs || entry.ids != nil {
                outcomes[url] = ExternalOutcome(verdict: .good, movedTo: entry.movedTo, ids: entry.ids.map(Set.init))
            } else {
                toFetch.append((url, wantsIDs))
            }
        }
        let fetched = await fetchAll(toFetch)
        for (url, outcome) in fetched {
            outcomes[url] = outcome
            guard outcome.verdict == .good else { continue }
            cache.store(.init(checked: Date(), status: 200, movedTo: outcome.movedTo, ids: outcome.ids.map { $0.sorted() }), for: url)
        }
        if let file = options.cacheFile { try? cache.save(to: file) }
        return checked.compactMap { reference in
            let (page, fragment) = Self.splitFragment(reference.url)
            guard let outcome = outcomes[page] else { return nil }
            return Self.finding(for: reference, outcome: outcome, fragment: fragment)
        }
    }

    private static func finding(for reference: ExternalReference, outcome: ExternalOutcome, fragment: String?) -> Finding? {
        func make(_ severity: Finding.Severity, _ kind: Finding.Kind, _ message: String) -> Finding {
            Finding(
                severity, kind, file: reference.file, line: reference.line, column: reference.column,
                subject: reference.url, message: message)
        }
        switch outcome.verdict {
        case .broken(let reason):
            return make(.error, .brokenExternal, "broken external link: \(reference.url) (\(reason))")
        case .unverified(let reason):
            return make(.warning, .unverifiedExternal, "could not verify \(reference.url) (\(reason))")
        case .privateAddress:
            return make(
                .notice, .privateExternal,
                "not checked: \(reference.url) is on this machine or a private network (set check.allowPrivateAddresses to check it)")
        case .good:
            if let movedTo = outcome.movedTo {
                return make(.warning, .permanentRedirect, "\(reference.url) moved permanently to \(movedTo); update the link")
            }
            if let fragment, !fragment.isEmpty, let ids = outcome.ids {
                let decoded = fragment.removingPercentEncoding ?? fragment
                if !ids.contains(decoded), !ids.contains("user-content-" + decoded) {
                    return make(.warning, .brokenExternalAnchor, "broken external anchor: \(reference.url) (the page has no id \"\(decoded)\")")
                }
            }
            return nil
        }
    }

    /// Fetches the URLs with at most `concurrency` in flight.
    private func fetchAll(_ urls: [(String, Bool)]) async -> [String: ExternalOutcome] {
        guard !urls.isEmpty else { return [:] }
        let fetcher = HTTPFetcher(userAgent: options.userAgent)
        defer { fetcher.close() }
        let gate = HostGate(perHost: options.perHost, delay: .milliseconds(Int(options.hostDelay * 1000)))
        var results: [String: ExternalOutcome] = [:]
        await withTaskGroup(of: (String, ExternalOutcome).self) { group in
            var next = urls.makeIterator()
            func addNext() {
                guard let (url, wantsIDs) = next.next() else { return }
                group.addTask { (url, await probe(url, wantsIDs: wantsIDs, fetcher: fetcher, gate: gate)) }
            }
            for _ in 0..<max(1, options.concurrency) { addNext() }
            while let (url, outcome) = await group.next() {
                results[url] = outcome
                addNext()
            }
        }
        return results
    }

    /// Follows one URL's redirects to its final answer.
    private func probe(_ url: String, wantsIDs: Bool, fetcher: HTTPFetcher, gate: HostGate) async -> ExternalOutcome {
        guard var current = URL(string: url), let host = current.host else {
            return ExternalOutcome(verdict: .broken("not a valid URL"))
        }
        if !options.allowPrivateAddresses, PrivateAddress.isPrivate(host: host) {
            return ExternalOutcome(verdict: .privateAddress)
        }
        var movedTo: String?
        var stillPermanent = true
        for _ in 0...options.maximumRedirects {
            let response: HTTPResponse
            switch await send(current, keepBody: wantsIDs, fetcher: fetcher, gate: gate) {
            case .failed(let reason): return ExternalOutcome(verdict: .broken(reason))
            case .rateLimited(let reason): return ExternalOutcome(verdict: .unverified(reason))
            case .answered(let answer): response = answer
            }
            if [301, 302, 303, 307, 308].contains(response.status), let location = response.headers["location"],
                let target = URL(string: location, relativeTo: current)?.absoluteURL
            {
                let permanent = response.status == 301 || response.status == 308
                stillPermanent = stillPermanent && permanent
                if stillPermanent { movedTo = target.absoluteString }
                current = target
                continue
            }
            guard response.status < 400 else { return ExternalOutcome(verdict: .broken("HTTP \(response.status)"), movedTo: movedTo) }
            var ids: Set<String>?
            if wantsIDs, (response.headers["content-type"] ?? "text/html").lowercased().contains("html") {
                let scan = ScannedPage(html: Array(response.body))
                ids = Set(scan.idCounts.keys).union(scan.names)
            }
            return ExternalOutcome(verdict: .good, movedTo: movedTo, ids: ids)
        }
        return ExternalOutcome(verdict: .broken("more than \(options.maximumRedirects) redirects"))
    }

    private enum Attempt {
        case answered(HTTPResponse)
        case failed(String)
        case rateLimited(String)
    }

    /// One request with retries: HEAD first (GET when the body is needed or HEAD is refused),
    /// retrying timeouts, failed connections, 429 and 5xx with exponential backoff.
    private func send(_ url: URL, keepBody: Bool, fetcher: HTTPFetcher, gate: HostGate) async -> Attempt {
        let host = url.host ?? ""
        var method = keepBody ? "GET" : "HEAD"
        var attempt = 0
        let deadline = Duration.milliseconds(Int(options.hostDeadline * 1000))
        while true {
            await gate.enter(host)
            // Checked once inside the gate: other requests to the host may have failed meanwhile.
            if let reason = await gate.givenUp(host) {
                await gate.leave(host)
                return .failed(reason)
            }
            if await gate.isPast(deadline, for: host) {
                await gate.leave(host)
                return .rateLimited("\(host) used up its \(Self.seconds(options.hostDeadline)) s for all its links")
            }
            let result: Result<HTTPResponse, Error>
            do {
                result = .success(try await fetcher.fetch(url, method: method, keepBody: keepBody, timeout: options.timeout))
                await gate.answer(from: host)
            } catch {
                result = .failure(error)
            }
            // A timeout gives up a host that never answered before the next request may start.
            let givenUp: Bool
            if case .failure(let error) = result, Self.isTimeout(error) {
                givenUp = await gate.timeout(from: host, reason: "\(host) did not answer within \(Self.seconds(options.timeout)) s")
            } else {
                givenUp = false
            }
            await gate.leave(host)
            let wait = options.backoff * pow(2, Double(attempt))
            switch result {
            case .success(let response):
                if method == "HEAD", response.status >= 400, response.status != 429 {
                    method = "GET"
                    continue
                }
                let retryable = response.status == 429 || (500...599).contains(response.status)
                guard retryable, attempt < options.retries else {
                    if response.status == 429 {
                        return .rateLimited("HTTP 429 on \(attempt + 1) attempt\(attempt == 0 ? "" : "s")")
                    }
                    return .answered(response)
                }
                var delay = wait
                if response.status == 429, let header = response.headers["retry-after"] {
                    guard let seconds = Self.retryAfter(header), seconds <= options.maximumRetryAfter else {
                        return .rateLimited("HTTP 429, Retry-After \(header) is longer than \(Int(options.maximumRetryAfter)) s")
                    }
                    delay = max(seconds, 0)
                }
                await gate.hold(host, for: .milliseconds(Int(delay * 1000)))
            case .failure(let error):
                if givenUp { return .failed(describe(error)) }
                guard attempt < options.retries else { return .failed(describe(error)) }
                await gate.hold(host, for: .milliseconds(Int(wait * 1000)))
            }
            attempt += 1
        }
    }

    private static func isTimeout(_ error: Error) -> Bool {
        guard let error = error as? URLError else { return false }
        return error.code == .timedOut || error.code == .cancelled
    }

    private func describe(_ error: Error) -> String {
        guard let error = error as? URLError else { return "\(error)" }
        switch error.code {
        case .timedOut, .cancelled: return "no answer within \(Self.seconds(options.timeout)) s"
        case .cannotConnectToHost: return "connection refused"
        case .cannotFindHost, .dnsLookupFailed: return "unknown host"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid:
            return "TLS failure"
        default: return error.localizedDescription
        }
    }

    private static func seconds(_ value: TimeInterval) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }

    /// `Retry-After` in seconds: a number of seconds or an HTTP date.
    static func retryAfter(_ header: String, now: Date = Date()) -> TimeInterval? {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) { return TimeInterval(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: trimmed).map { $0.timeIntervalSince(now) }
    }

    static func splitFragment(_ url: String) -> (String, String?) {
        guard let hash = url.firstIndex(of: "#") else { return (url, nil) }
        return (String(url[..<hash]), String(url[url.index(after: hash)...]))
    }
}

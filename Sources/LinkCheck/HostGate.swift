/// Keeps requests polite: at most `perHost` at once to one host, starts spaced by `delay`,
/// and a host can be held back (after a 429 `Retry-After`).
actor HostGate {
    private let perHost: Int
    private let delay: Duration
    private var active: [String: Int] = [:]
    private var notBefore: [String: ContinuousClock.Instant] = [:]

    init(perHost: Int, delay: Duration) {
        self.perHost = max(1, perHost)
        self.delay = delay
    }

    /// Waits until a request to `host` may start, then counts it as started.
    func enter(_ host: String) async {
        while true {
            let now = ContinuousClock.now
            let readyAt = notBefore[host] ?? now
            if active[host, default: 0] < perHost, readyAt <= now {
                active[host, default: 0] += 1
                notBefore[host] = now + delay
                return
            }
            let wait = readyAt > now ? readyAt - now : .milliseconds(10)
            do {
                try await Task.sleep(for: min(wait, .milliseconds(100)))
            } catch {
                active[host, default: 0] += 1
                return
            }
        }
    }

    /// Counts a request to `host` as finished.
    func leave(_ host: String) {
        active[host, default: 1] -= 1
    }

    /// Lets no request to `host` start for `duration`.
    func hold(_ host: String, for duration: Duration) {
        let until = ContinuousClock.now + duration
        notBefore[host] = max(notBefore[host] ?? until, until)
    }
}

/// Keeps requests polite: at most `perHost` at once to one host, starts spaced by `delay`,
/// and a host can be held back (after a 429 `Retry-After`).
actor HostGate {
    private let perHost: Int
    private let delay: Duration
    private var active: [String: Int] = [:]
    private var notBefore: [String: ContinuousClock.Instant] = [:]
    /// When the first request to each host started.
    private var firstStart: [String: ContinuousClock.Instant] = [:]
    /// Hosts that answered at least once.
    private var answered: Set<String> = []
    /// Hosts that never answered and timed out: why.
    private var down: [String: String] = [:]

    /// Why `host` was given up (it timed out without ever answering); nil while it is not.
    func givenUp(_ host: String) -> String? { down[host] }

    /// True when more than `deadline` has passed since the first request to `host` started.
    func isPast(_ deadline: Duration, for host: String) -> Bool {
        firstStart[host].map { ContinuousClock.now - $0 > deadline } ?? false
    }

    /// Records that `host` answered.
    func answer(from host: String) {
        answered.insert(host)
    }

    /// Records a timeout; a host that never answered is then given up (its other URLs fail at once).
    /// Returns true when the host is now given up.
    func timeout(from host: String, reason: String) -> Bool {
        guard !answered.contains(host) else { return false }
        down[host] = reason
        return true
    }

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
                if firstStart[host] == nil { firstStart[host] = now }
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

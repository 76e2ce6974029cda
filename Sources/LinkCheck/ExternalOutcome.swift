/// What checking one external URL (without its fragment) found.
struct ExternalOutcome: Sendable, Equatable {
    enum Verdict: Sendable, Equatable {
        case good
        /// An error status or no answer, described (`HTTP 404`, `timed out after 10 s`).
        case broken(String)
        /// Rate limited on every attempt, or its host given up.
        case unverified(String)
        /// On a loopback or private address, not fetched.
        case privateAddress
    }

    var verdict: Verdict
    /// Where the URL moved permanently (301/308), when it did.
    var movedTo: String?
    /// The ids of the page, when it was read for fragment checks and is HTML.
    var ids: Set<String>?
}

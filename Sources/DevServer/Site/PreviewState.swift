import Site

/// What the server shows: the last good build and the errors of the latest one.
struct PreviewState: Sendable {
    var snapshot = SiteSnapshot()
    /// Errors of the latest build; while there are any, pages carry the error overlay.
    var errors: [Diagnostic] = []
    /// How many builds were adopted as the served site.
    var generation = 0
}

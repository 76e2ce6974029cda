/// One of a language's render jobs (``BuildState/RenderJob``: a page, or one pager page of a
/// list): its position in ``BuildState/jobs``. Kept apart from ``PageID``, which the same maps use.
struct RenderJobID: Hashable, Sendable {
    /// The position in `BuildState.jobs`.
    let index: Int

    init(_ index: Int) { self.index = index }
}

import Dispatch

/// Work started on another thread now and waited for later: a build overlaps a phase that runs
/// mostly on one core (the search index) with phases that keep every core busy.
final class BackgroundJob<Result: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written once by the job before `done` is left; read only after waiting on `done`.
    private var value: Result?

    /// Starts `work` on a global queue.
    init(_ work: @escaping @Sendable () -> Result) {
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            self.value = work()
            self.done.leave()
        }
    }

    /// Waits until the job has finished and returns what it made.
    func result() -> Result {
        done.wait()
        return value!
    }
}

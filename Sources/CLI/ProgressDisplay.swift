import Foundation
import Site

/// Shows a build's phase and count on one line of standard error, redrawn a few times a second,
/// once the build has taken longer than ``delay``; only when standard error is a terminal, so
/// piped or logged output gets nothing extra. The line is erased when the build ends.
final class ProgressDisplay: @unchecked Sendable {
    /// How long a build runs before its progress shows.
    static let delay = 1.0
    private let progress: BuildProgress
    private let timer: DispatchSourceTimer
    private let lock = NSLock()
    private var shown = false
    private var stopped = false

    /// Starts watching `progress`; nil when standard error is not a terminal.
    init?(_ progress: BuildProgress) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        self.progress = progress
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now() + Self.delay, repeating: .milliseconds(150))
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
    }

    /// Stops and erases the line.
    func stop() {
        timer.cancel()
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            shown = false
            stopped = true
        }
    }

    private func draw() {
        let state = progress.current
        var line = state.phase
        if state.total > 0 { line += " \(Self.grouped(state.done))/\(Self.grouped(state.total))" }
        lock.withLock {
            guard !stopped else { return }  // a tick already under way when the build ended
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line + "…").utf8))
            shown = true
        }
    }

    /// `12,345`.
    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }
}

import Foundation
import Site

/// How the server starts its build worker: a program that calls ``BuildWorker/run()``.
public struct WorkerCommand: Sendable {
    public var executable: URL
    public var arguments: [String]

    public init(executable: URL, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }
}

/// Builds in a worker process. When the worker crashes on a change, a new worker builds the whole
/// site once; if that crashes too, the change gets an error naming it, the server keeps the last
/// good site, and the next change starts a new worker.
final class WorkerBuild: PreviewBuild, @unchecked Sendable {
    private let command: WorkerCommand
    private let source: URL
    private let options: BuildOptions
    /// One request at a time; guards `worker`.
    private let lock = NSLock()
    private var worker: (process: Process, channel: WorkerChannel, pipes: [Pipe])?

    init(command: WorkerCommand, source: URL, options: BuildOptions) {
        self.command = command
        self.source = source
        self.options = options
        // A worker that died must show up as a failed write, not end the server.
        signal(SIGPIPE, SIG_IGN)
    }

    func start() throws(Diagnostic) -> BuildDelta {
        lock.lock()
        defer { lock.unlock() }
        return try startWorker(after: [], servingSite: false)
    }

    func update(changed paths: [String]) -> BuildDelta {
        lock.lock()
        defer { lock.unlock() }
        // A worker that died between changes (killed, out of memory) is replaced without blaming the change.
        if let worker, !worker.process.isRunning { _ = crashed(after: []) }
        guard let worker else {
            do {
                return try startWorker(after: paths)
            } catch {
                return .failed([error])
            }
        }
        do {
            try worker.channel.send(json: WorkerRequest.update(changed: paths))
            let (head, files) = try worker.channel.receiveReply()
            return head.delta(files: files)
        } catch {
            // The worker may have died before the change reached it (killed, out of memory, its
            // death not yet noticed): a new worker builds the whole site once before the change is
            // blamed; a change that crashes every builder fails again there.
            _ = crashed(after: paths)
            do {
                return try startWorker(after: paths)
            } catch {
                return .failed([error])
            }
        }
    }

    func refreshSearchIndex(stillWanted: @escaping @Sendable () -> Bool) -> BuildDelta? {
        lock.lock()
        defer { lock.unlock() }
        guard stillWanted(), let worker else { return nil }
        do {
            try worker.channel.send(json: WorkerRequest.searchIndex)
            let (head, files) = try worker.channel.receiveReply()
            return head.delta(files: files)
        } catch {
            _ = crashed(after: [])
            return nil
        }
    }

    /// Ends the worker (it exits when its input closes).
    func close() {
        lock.lock()
        defer { lock.unlock() }
        stopWorker()
    }

    private func stopWorker() {
        guard let worker else { return }
        try? worker.pipes[0].fileHandleForWriting.close()
        worker.process.waitUntilExit()
        self.worker = nil
    }

    /// Starts a worker and has it build the whole site.
    private func startWorker(after paths: [String], servingSite: Bool = true) throws(Diagnostic) -> BuildDelta {
        let process = Process()
        process.executableURL = command.executable
        process.arguments = command.arguments
        let (toWorker, fromWorker) = (Pipe(), Pipe())
        process.standardInput = toWorker
        process.standardOutput = fromWorker
        do {
            try process.run()
        } catch {
            throw Diagnostic(.error, "cannot start the site builder (\(command.executable.path)): \(error.localizedDescription)")
        }
        let channel = WorkerChannel(
            input: fromWorker.fileHandleForReading.fileDescriptor,
            output: toWorker.fileHandleForWriting.fileDescriptor)
        worker = (process, channel, [toWorker, fromWorker])
        let reply: (WorkerReplyHead, [String: Data])
        do {
            try channel.send(json: WorkerRequest.start(source: source.path, options: options))
            reply = try channel.receiveReply()
        } catch {
            throw crashed(after: paths, servingSite: servingSite)
        }
        if let fatal = reply.0.fatal {
            stopWorker()
            throw fatal
        }
        return reply.0.delta(files: reply.1)
    }

    /// Reaps the worker that stopped answering and describes what happened.
    private func crashed(after paths: [String], servingSite: Bool = true) -> Diagnostic {
        guard let worker else { return Diagnostic(.error, "the site builder is not running") }
        self.worker = nil
        if worker.process.isRunning { kill(worker.process.processIdentifier, SIGKILL) }
        worker.process.waitUntilExit()
        let how =
            worker.process.terminationReason == .uncaughtSignal
            ? "crashed (\(String(cString: strsignal(worker.process.terminationStatus))))"
            : "stopped (exit status \(worker.process.terminationStatus))"
        let during =
            paths.isEmpty
            ? "while building the site"
            : paths.count == 1
                ? "while rebuilding after the change to \(paths[0])"
                : "while rebuilding after changes to \(paths.count) files"
        let next =
            servingSite
            ? "The preview keeps the last good site and starts a new builder at the next change; if the crash "
                + "comes back, undo the change and report it as a bug with the file"
            : "Report it as a bug with the site"
        return Diagnostic(
            .error, "the site builder \(how) \(during). \(next) (the builder's own message is printed above).",
            file: paths.count == 1 ? paths[0] : nil)
    }
}

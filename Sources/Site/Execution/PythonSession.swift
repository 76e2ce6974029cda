import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One Python process for one page: cells are sent one at a time and share their variables.
final class PythonSession {
    enum Failure: Error, Equatable {
        /// The interpreter could not be started (its message).
        case cannotStart(String)
        /// The cell ran past its time; the process was stopped.
        case timedOut
        /// The process ended or answered something unreadable.
        case ended(String)
    }

    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer: [UInt8] = []
    /// `python 3.11.7`: part of every freeze key.
    private(set) var version = ""

    /// Starts `python` in `folder` with only `environment`; waits for the driver to be ready.
    init(python: String, folder: URL, environment: [String: String]) throws(Failure) {
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-u", "-c", PythonDriver.source]
        process.currentDirectoryURL = folder
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        // A process that dies while a cell is sent must be an error, not a signal that ends the build.
        signal(SIGPIPE, SIG_IGN)
        do {
            try process.run()
        } catch {
            throw .cannotStart("cannot start \(python): \(error.localizedDescription)")
        }
        let ready = try readAnswer(timeout: 60)
        guard let version = ready["version"] as? String else { throw .ended("the Python driver did not start") }
        self.version = version
    }

    deinit { stop() }

    /// Runs one cell; throws when it times out (the session is then over) or the process died.
    func run(_ code: String, showWarnings: Bool, timeout: Double) throws(Failure) -> CellRun {
        let request: [String: Any] = ["code": code, "warning": showWarnings]
        guard let data = try? JSONSerialization.data(withJSONObject: request) else { throw .ended("the cell could not be sent") }
        do {
            try input.fileHandleForWriting.write(contentsOf: data + Data([0x0A]))
        } catch {
            throw .ended("the Python process has stopped")
        }
        let answer = try readAnswer(timeout: timeout)
        var run = CellRun(
            stdout: answer["stdout"] as? String ?? "", stderr: answer["stderr"] as? String ?? "",
            result: answer["result"] as? String, figures: answer["figures"] as? [String] ?? [],
            warnings: answer["warnings"] as? [String] ?? [])
        if let error = answer["error"] as? [String: Any] {
            run.error = CellFailure(
                name: error["name"] as? String ?? "Error", value: error["value"] as? String ?? "",
                traceback: error["traceback"] as? String ?? "", line: error["line"] as? Int)
        }
        return run
    }

    /// Stops the process if it still runs.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Reads one JSON line from the driver within `timeout` seconds.
    private func readAnswer(timeout: Double) throws(Failure) -> [String: Any] {
        let descriptor = output.fileHandleForReading.fileDescriptor
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = Data(buffer[..<newline])
                buffer.removeSubrange(...newline)
                guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else {
                    throw .ended("the Python driver answered something unreadable")
                }
                return object
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else {
                stop()
                throw .timedOut
            }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(left, 1) * 1000))
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                stop()
                throw .ended("the Python process ended (killed, out of memory, or a crash in a native library)")
            }
            buffer += chunk[..<count]
        }
    }
}

import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process run to its end with its output collected, stopped when a deadline passes.
enum ChildProcess {
    struct Result {
        var status: Int32 = 0
        /// The signal that ended the process, if one did.
        var signal: Int32?
        var stdout: [UInt8] = []
        var stderr: [UInt8] = []
        var timedOut = false
    }

    /// Runs `executable` and waits for it. `timeouts` are seconds for successive stages: the first
    /// from the start, each next one from the `n`th occurrence of a stage marker on stdout (a
    /// `separator` byte pair around a number; with no separator, only the first timeout applies).
    static func run(
        _ executable: String, _ arguments: [String], folder: URL, environment: [String: String],
        timeouts: [Double], separator: UInt8? = nil
    ) -> Result {
        var result = Result()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            result.status = -1
            result.stderr = Array("cannot start \(executable): \(error.localizedDescription)".utf8)
            return result
        }
        var separatorsSeen = 0
        var markersSeen = 0
        var deadline = Date().addingTimeInterval(timeouts.first ?? 60)
        var open = [output.fileHandleForReading.fileDescriptor, errors.fileHandleForReading.fileDescriptor]
        while !open.isEmpty {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 {
                kill(process.processIdentifier, SIGKILL)
                result.timedOut = true
                break
            }
            var polled = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&polled, nfds_t(polled.count), Int32(min(left, 1) * 1000))
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { continue }
            for entry in polled where entry.revents != 0 {
                var chunk = [UInt8](repeating: 0, count: 65_536)
                let count = read(entry.fd, &chunk, chunk.count)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else {
                    open.removeAll { $0 == entry.fd }
                    continue
                }
                if entry.fd == output.fileHandleForReading.fileDescriptor {
                    result.stdout += chunk[..<count]
                    if let separator, !timeouts.isEmpty {
                        // Each marker is two separators; a new stage starts at every marker.
                        separatorsSeen += chunk[..<count].reduce(0) { $0 + ($1 == separator ? 1 : 0) }
                        while markersSeen < separatorsSeen / 2 {
                            markersSeen += 1
                            deadline = Date().addingTimeInterval(timeouts[min(markersSeen - 1, timeouts.count - 1)])
                        }
                    }
                } else {
                    result.stderr += chunk[..<count]
                }
            }
        }
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal {
            result.signal = process.terminationStatus
            result.status = 128 + process.terminationStatus
        } else {
            result.status = process.terminationStatus
        }
        return result
    }
}

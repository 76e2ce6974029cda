import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A page's Swift cells compiled as one program and run once: each cell's code in order at the
/// top level of `main.swift`, so a later cell sees what an earlier one declared, with a marker
/// written to stdout and to stderr before each cell, so that the output splits back into cells.
/// A compile error fails the cell it is in; a crash or a timeout fails the cell that was running;
/// the cells after either are not run.
struct SwiftProgram {
    /// The compiler (`execute.swiftc`, else `swiftc` on PATH).
    let swiftc: String
    /// The variables the compiler and the program see.
    let environment: [String: String]
    /// Seconds a cell may run unless it says otherwise.
    let defaultTimeout: Double

    /// The byte around a cell marker's number (ASCII record separator).
    static let separator: UInt8 = 0x1E

    /// The first lines of the program: unbuffered stdout (nothing is lost in a crash) and the marker.
    static let header = """
        #if canImport(Glibc)
        import Glibc
        #else
        import Darwin
        #endif
        setvbuf(stdout, nil, _IONBF, 0)
        func __collectiveCell(_ number: Int) {
            print("\\u{1E}\\(number)\\u{1E}", terminator: "")
            fputs("\\u{1E}\\(number)\\u{1E}", stderr)
        }

        """

    /// The source of the program and the `main.swift` line of each cell's first code line.
    static func source(_ cells: [ExecutableCell]) -> (text: String, firstLines: [Int?]) {
        var text = header
        var line = header.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) } + 1
        var firstLines: [Int?] = []
        for (index, cell) in cells.enumerated() {
            guard cell.options.eval else {
                firstLines.append(nil)
                continue
            }
            text += "__collectiveCell(\(index))\n"
            line += 1
            firstLines.append(line)
            text += cell.code + "\n"
            line += cell.code.reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
        }
        return (text, firstLines)
    }

    /// Compiles and runs `cells` with `folder` as the working directory; one run per cell, nil for
    /// a cell with `eval: false`.
    func run(_ cells: [ExecutableCell], folder: URL) -> [CellRun?] {
        let (text, firstLines) = Self.source(cells)
        let build = FileManager.default.temporaryDirectory.appendingPathComponent("collective-swift-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: build) }
        let program = build.appendingPathComponent("cells")
        do {
            try FileManager.default.createDirectory(at: build, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: build.appendingPathComponent("main.swift"))
        } catch {
            let reason = "not run: \(error.localizedDescription)"
            return Self.allFailed(cells, CellFailure(name: "NotRun", value: reason, traceback: reason))
        }
        let compile = ChildProcess.run(
            swiftc, ["-Onone", "-o", program.path, "main.swift"], folder: build,
            environment: environment, timeouts: [300])
        guard compile.status == 0, !compile.timedOut else {
            return compileFailure(
                cells, output: String(decoding: compile.stderr + compile.stdout, as: UTF8.self),
                firstLines: firstLines, timedOut: compile.timedOut)
        }
        let ran = cells.indices.filter { cells[$0].options.eval }
        let result = ChildProcess.run(
            program.path, [], folder: folder, environment: environment,
            timeouts: ran.map { cells[$0].options.timeout ?? defaultTimeout },
            separator: Self.separator)
        let stdout = Self.split(result.stdout)
        let stderr = Self.split(result.stderr)
        var runs: [CellRun?] = cells.map { _ in nil }
        // A program that stopped before its first marker stopped in its first cell.
        let reached = stdout.keys.max() ?? ran.first
        for index in ran {
            guard let reached, index <= reached else {
                let reason = "not run: the program stopped at an earlier cell"
                runs[index] = CellRun(error: CellFailure(name: "NotRun", value: reason, traceback: reason))
                continue
            }
            var run = CellRun(stdout: stdout[index] ?? "", stderr: stderr[index] ?? "")
            if index == reached, result.timedOut || result.status != 0 {
                let what =
                    result.timedOut
                    ? PageExecution.timeoutMessage(cells[index].options.timeout ?? defaultTimeout)
                    : result.signal.map { "the program crashed in this cell (signal \($0)); the runtime's message, if any, is above" }
                        ?? "the program exited with status \(result.status) in this cell"
                run.error = CellFailure(name: result.timedOut ? "TimeoutError" : "ProgramEnded", value: what, traceback: what)
            }
            runs[index] = run
        }
        return runs
    }

    /// Every run cell fails: the one holding the first error with the compiler's messages (their
    /// `main.swift:L:C` turned into lines of the cell), the others as not run.
    private func compileFailure(_ cells: [ExecutableCell], output: String, firstLines: [Int?], timedOut: Bool) -> [CellRun?] {
        var blamed: Int?
        var lineInCell: Int?
        var messages: [String] = []
        for line in output.split(separator: "\n") {
            guard let range = line.range(of: "main.swift:") else { continue }
            let place = line[range.upperBound...].split(separator: ":", maxSplits: 2)
            guard place.count == 3, let number = Int(place[0]) else { continue }
            let cell = firstLines.indices.last { firstLines[$0].map { $0 <= number } ?? false }
            guard let cell, let first = firstLines[cell] else { continue }
            let message = "line \(number - first + 1): " + place[2].trimmingCharacters(in: .whitespaces)
            if blamed == nil, place[2].contains("error:") {
                blamed = cell
                lineInCell = number - first + 1
            }
            if cell == blamed { messages.append(message) }
        }
        let reason = timedOut ? "the compiler ran longer than 300 s" : "the page's Swift cells did not compile"
        return cells.indices.map { index in
            guard cells[index].options.eval else { return nil }
            guard index == blamed else {
                return CellRun(error: CellFailure(name: "NotRun", value: "not run: \(reason)", traceback: "not run: \(reason)"))
            }
            let text = messages.joined(separator: "\n")
            return CellRun(error: CellFailure(name: "CompileError", value: messages.first ?? reason, traceback: text, line: lineInCell))
        }
    }

    /// Output split at the cell markers: cell number → text written while it ran.
    static func split(_ bytes: [UInt8]) -> [Int: String] {
        var parts: [Int: [UInt8]] = [:]
        var current: Int?
        var i = 0
        while i < bytes.count {
            if bytes[i] == separator, let end = bytes[(i + 1)...].firstIndex(of: separator),
                let number = Int(String(decoding: bytes[(i + 1)..<end], as: UTF8.self))
            {
                current = number
                parts[number, default: []] += []
                i = end + 1
                continue
            }
            if let current { parts[current, default: []].append(bytes[i]) }
            i += 1
        }
        return parts.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    private static func allFailed(_ cells: [ExecutableCell], _ failure: CellFailure) -> [CellRun?] {
        cells.map { $0.options.eval ? CellRun(error: failure) : nil }
    }
}

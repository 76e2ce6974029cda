import Foundation
import GoTemplates

/// Runs, or finds frozen, the outputs of one page's executable cells.
struct PageExecution {
    let settings: ExecutionSettings
    let freeze: FreezeStore
    /// The page's content path (`posts/digits/index.md`), which names its freeze file.
    let contentPath: String
    /// The page bundle's folder: the cells' working directory is a copy of it; its other files
    /// are the data files the freeze keys cover. Nil for a page that is not a bundle.
    let bundle: URL?

    /// A problem to report at a file line.
    struct Warning: Equatable {
        var message: String
        var line: Int
    }

    /// Each cell's run (nil for a cell not run and without a frozen output), and the warnings.
    func outputs(for cells: [ExecutableCell], fenceLines: [Int]) -> (runs: [CellRun?], warnings: [Warning]) {
        guard !cells.isEmpty else { return ([], []) }
        let record = freeze.load(contentPath)
        let dataHash = Self.dataHash(bundle: bundle, excluding: PathText.lastComponent(contentPath))
        var warnings: [Warning] = []
        var runs: [CellRun?]
        var interpreter = record?.interpreter ?? ""
        let mode = settings.mode
        // The languages the page uses, each with its tool and version (part of every freeze key).
        let languages = ExecutableCell.Language.allCases.filter { language in cells.contains { $0.language == language } }
        var versions: [String] = []
        if mode != .frozen {
            for language in languages {
                let first = cells.firstIndex { $0.language == language } ?? 0
                if let tool = tool(for: language), let version = InterpreterVersion.of(tool, language: language) {
                    versions.append(version)
                } else {
                    warnings.append(
                        Warning(
                            message: "cannot run \(language.rawValue) cells: \(Self.missingTool(language)); frozen outputs are shown",
                            line: fenceLines[first]))
                }
            }
            if versions.count == languages.count { interpreter = versions.joined(separator: "; ") }
        }
        let keys = Self.keys(cells, dataHash: dataHash, interpreter: interpreter)
        let frozen = cells.indices.map { index in record?.cells.first { $0.key == keys[index] }?.run }
        let needsRun = mode == .all || cells.indices.contains { cells[$0].options.eval && frozen[$0] == nil }
        if mode != .frozen, needsRun, versions.count == languages.count {
            let (fresh, runWarnings) = run(cells)
            runs = fresh
            warnings += runWarnings
            let records = cells.indices.compactMap { index in runs[index].map { FreezeStore.CellRecord(key: keys[index], run: $0) } }
            do {
                try freeze.save(FreezeStore.PageRecord(interpreter: interpreter, cells: records), for: contentPath)
            } catch {
                warnings.append(
                    Warning(
                        message: "cannot write \(FreezeStore.folderName)/\(contentPath).json: \(error.localizedDescription)",
                        line: fenceLines[0]))
            }
        } else {
            runs = frozen
            let missing = cells.indices.filter { cells[$0].options.eval && frozen[$0] == nil }
            if let first = missing.first, mode == .frozen {
                let count = missing.count == 1 ? "1 cell has" : "\(missing.count) cells have"
                warnings.append(
                    Warning(
                        message: "\(count) no frozen output for the current code and data files (the first is here); build with --execute to run",
                        line: fenceLines[first]))
            }
        }
        // Cells not run because an earlier one failed say so in the page; the warning is the failure's.
        let failedToRun = runs.contains { $0?.error.map { $0.name != "NotRun" } ?? false }
        for (index, run) in runs.enumerated() {
            guard let failure = run?.error, !(failedToRun && failure.name == "NotRun") else { continue }
            warnings.append(
                Warning(
                    message: "\(cells[index].language.rawValue) cell failed: \(failure.name): \(failure.value)",
                    line: cells[index].firstCodeLine + max((failure.line ?? 1) - 1, 0)))
        }
        return (runs, warnings)
    }

    /// The program that runs cells of `language`.
    private func tool(for language: ExecutableCell.Language) -> String? {
        switch language {
        case .python: settings.python
        case .swift: settings.swiftc
        }
    }

    private static func missingTool(_ language: ExecutableCell.Language) -> String {
        switch language {
        case .python: "no python3 on PATH (or execute.python)"
        case .swift: "no swiftc on PATH (or execute.swiftc)"
        }
    }

    /// Runs every cell, those of each language in one session (Python) or one program (Swift), in a
    /// temporary copy of the bundle.
    private func run(_ cells: [ExecutableCell]) -> (runs: [CellRun?], warnings: [Warning]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("collective-run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            if let bundle, FileManager.default.fileExists(atPath: bundle.path) {
                try FileManager.default.copyItem(at: bundle, to: folder)
            } else {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
        } catch {
            return (
                cells.map { _ in nil },
                [Warning(message: "cannot make the cells' working folder: \(error.localizedDescription)", line: cells[0].firstCodeLine - 1)]
            )
        }
        var runs: [CellRun?] = cells.map { _ in nil }
        for language in ExecutableCell.Language.allCases {
            let indices = cells.indices.filter { cells[$0].language == language }
            guard !indices.isEmpty, let tool = tool(for: language) else { continue }
            let some = indices.map { cells[$0] }
            let results =
                switch language {
                case .python: runPython(some, python: tool, folder: folder)
                case .swift: SwiftProgram(swiftc: tool, environment: settings.environment, defaultTimeout: settings.timeout).run(some, folder: folder)
                }
            for (index, result) in zip(indices, results) { runs[index] = result }
        }
        return (runs, [])
    }

    /// Runs Python cells in order in one interpreter.
    private func runPython(_ cells: [ExecutableCell], python: String, folder: URL) -> [CellRun?] {
        var session: PythonSession?
        var stopped: String?
        do {
            session = try PythonSession(python: python, folder: folder, environment: settings.environment)
        } catch {
            stopped = "not run: \(Self.describe(error))"
        }
        var runs: [CellRun?] = []
        for (index, cell) in cells.enumerated() {
            guard cell.options.eval else {
                runs.append(nil)
                continue
            }
            if let stopped {
                runs.append(CellRun(error: CellFailure(name: "NotRun", value: stopped, traceback: stopped)))
                continue
            }
            let timeout = cell.options.timeout ?? settings.timeout
            do {
                runs.append(try session!.run(cell.code, showWarnings: cell.options.warning, timeout: timeout))
            } catch {
                let message =
                    error == .timedOut
                    ? Self.timeoutMessage(timeout)
                    : Self.describe(error)
                runs.append(
                    CellRun(error: CellFailure(name: error == .timedOut ? "TimeoutError" : "SessionEnded", value: message, traceback: message)))
                stopped = "not run: the session ended at cell \(index + 1) (\(error == .timedOut ? "timed out" : "it stopped"))"
                session = nil
            }
        }
        session?.stop()
        return runs
    }

    private static func describe(_ error: PythonSession.Failure) -> String {
        switch error {
        case .cannotStart(let message), .ended(let message): message
        case .timedOut: "timed out"
        }
    }

    /// What a cell stopped after `timeout` seconds shows and warns, whatever its language.
    static func timeoutMessage(_ timeout: Double) -> String {
        let seconds = timeout.rounded() == timeout ? "\(Int(timeout)) s" : "\(timeout) s"
        return "the cell ran longer than \(seconds) and was stopped; give it more time with `#| timeout:` or execute.timeout"
    }

    /// Each cell's freeze key: SHA-256 of the language, the interpreter, the data files' hash and
    /// the text of every cell up to it.
    static func keys(_ cells: [ExecutableCell], dataHash: String, interpreter: String) -> [String] {
        var prefix = Array("v1\u{0}\(interpreter)\u{0}\(dataHash)\u{0}".utf8)
        return cells.map { cell in
            prefix += Array("\(cell.language.rawValue)\u{0}\(cell.text)\u{0}".utf8)
            return hex(Digests.sha256(prefix))
        }
    }

    /// A hash of the names and bytes of the bundle's files (the page's own file excepted).
    static func dataHash(bundle: URL?, excluding pageFile: String) -> String {
        guard let bundle else { return "" }
        var bytes: [UInt8] = []
        for file in FileTree.regularFiles(under: bundle) where file != pageFile {
            guard let data = FileManager.default.contents(atPath: bundle.appendingPathComponent(file).path) else { continue }
            bytes += Array(file.utf8) + [0] + hex(Digests.sha256([UInt8](data))).utf8 + [0]
        }
        return hex(Digests.sha256(bytes))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let text = String(byte, radix: 16)
            return text.count == 1 ? "0" + text : text
        }.joined()
    }
}

/// The version of an interpreter or compiler (`python 3.11.7`, `swift 6.3.1`), asked once per build.
enum InterpreterVersion {
    private static let cache = VersionCache()

    static func of(_ tool: String, language: ExecutableCell.Language) -> String? {
        if let known = cache.get(tool) { return known }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments =
            switch language {
            case .python: ["-c", "import platform; print('python ' + platform.python_version())"]
            case .swift: ["--version"]
            }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        let version: String
        switch language {
        case .python:
            version = text.trimmingCharacters(in: .whitespacesAndNewlines)
        case .swift:
            // "Swift version 6.3.1 (swift-6.3.1-RELEASE)" → "swift 6.3.1"
            guard let range = text.range(of: "Swift version ") else { return nil }
            version = "swift " + text[range.upperBound...].prefix { !$0.isWhitespace }
        }
        cache.set(tool, version)
        return version
    }

    private final class VersionCache: @unchecked Sendable {
        private let lock = NSLock()
        private var versions: [String: String] = [:]
        func get(_ key: String) -> String? { lock.withLock { versions[key] } }
        func set(_ key: String, _ value: String) { lock.withLock { versions[key] = value } }
    }
}

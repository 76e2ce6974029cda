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
        if mode != .frozen, let python = settings.python, let version = InterpreterVersion.of(python) {
            interpreter = version
        } else if mode != .frozen {
            warnings.append(Warning(message: "cannot run python cells: no python3 on PATH (or execute.python); frozen outputs are shown",
                                    line: fenceLines[0]))
        }
        let keys = Self.keys(cells, dataHash: dataHash, interpreter: interpreter)
        let frozen = cells.indices.map { index in record?.cells.first { $0.key == keys[index] }?.run }
        let needsRun = mode == .all || cells.indices.contains { cells[$0].options.eval && frozen[$0] == nil }
        if mode != .frozen, needsRun, let python = settings.python, interpreter != "" {
            let (fresh, runWarnings) = run(cells, python: python)
            runs = fresh
            warnings += runWarnings
            let records = cells.indices.compactMap { index in runs[index].map { FreezeStore.CellRecord(key: keys[index], run: $0) } }
            do {
                try freeze.save(FreezeStore.PageRecord(interpreter: interpreter, cells: records), for: contentPath)
            } catch {
                warnings.append(Warning(message: "cannot write \(FreezeStore.folderName)/\(contentPath).json: \(error.localizedDescription)",
                                        line: fenceLines[0]))
            }
        } else {
            runs = frozen
            let missing = cells.indices.filter { cells[$0].options.eval && frozen[$0] == nil }
            if let first = missing.first, mode == .frozen {
                let count = missing.count == 1 ? "1 cell has" : "\(missing.count) cells have"
                warnings.append(Warning(message: "\(count) no frozen output for the current code and data files (the first is here); build with --execute to run",
                                        line: fenceLines[first]))
            }
        }
        for (index, run) in runs.enumerated() {
            guard let failure = run?.error else { continue }
            warnings.append(Warning(message: "python cell failed: \(failure.name): \(failure.value)",
                                    line: cells[index].firstCodeLine + max((failure.line ?? 1) - 1, 0)))
        }
        return (runs, warnings)
    }

    /// Runs every cell in one session, in a temporary copy of the bundle.
    private func run(_ cells: [ExecutableCell], python: String) -> (runs: [CellRun?], warnings: [Warning]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("collective-run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            if let bundle, FileManager.default.fileExists(atPath: bundle.path) {
                try FileManager.default.copyItem(at: bundle, to: folder)
            } else {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
        } catch {
            return (cells.map { _ in nil }, [Warning(message: "cannot make the cells' working folder: \(error.localizedDescription)", line: cells[0].firstCodeLine - 1)])
        }
        var session: PythonSession?
        var stopped: String?
        do {
            session = try PythonSession(python: python, folder: folder, environment: settings.environment)
        } catch {
            stopped = "not run: \(Self.describe(error))"
        }
        var runs: [CellRun?] = []
        for (index, cell) in cells.enumerated() {
            guard cell.options.eval else { runs.append(nil); continue }
            if let stopped {
                runs.append(CellRun(error: CellFailure(name: "NotRun", value: stopped, traceback: stopped)))
                continue
            }
            let timeout = cell.options.timeout ?? settings.timeout
            do {
                runs.append(try session!.run(cell.code, showWarnings: cell.options.warning, timeout: timeout))
            } catch {
                let message = error == .timedOut
                    ? "the cell ran longer than \(Self.seconds(timeout)) and was stopped; give it more time with `#| timeout:` or execute.timeout"
                    : Self.describe(error)
                runs.append(CellRun(error: CellFailure(name: error == .timedOut ? "TimeoutError" : "SessionEnded", value: message, traceback: message)))
                stopped = "not run: the session ended at cell \(index + 1) (\(error == .timedOut ? "timed out" : "it stopped"))"
                session = nil
            }
        }
        session?.stop()
        return (runs, [])
    }

    private static func describe(_ error: PythonSession.Failure) -> String {
        switch error {
        case .cannotStart(let message), .ended(let message): message
        case .timedOut: "timed out"
        }
    }

    private static func seconds(_ value: Double) -> String {
        value.rounded() == value ? "\(Int(value)) s" : "\(value) s"
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

/// The version of an interpreter (`python 3.11.7`), asked once per build.
enum InterpreterVersion {
    private static let cache = VersionCache()

    static func of(_ python: String) -> String? {
        if let known = cache.get(python) { return known }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import platform; print('python ' + platform.python_version())"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let version = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        cache.set(python, version)
        return version
    }

    private final class VersionCache: @unchecked Sendable {
        private let lock = NSLock()
        private var versions: [String: String] = [:]
        func get(_ key: String) -> String? { lock.withLock { versions[key] } }
        func set(_ key: String, _ value: String) { lock.withLock { versions[key] = value } }
    }
}

import Foundation
import Testing

/// The `collective` binary run as a user runs it: exit codes and what it prints.
@Suite struct CommandLineTests {
    private func run(_ arguments: [String], in folder: URL? = nil) throws -> CollectiveProcess.Outcome {
        try CollectiveProcess.run(arguments, in: folder)
    }

    private func temporaryFolder() -> URL { CollectiveProcess.temporaryFolder() }

    private func site(_ files: [String: String]) throws -> URL { try CollectiveProcess.site(files) }

    @Test func versionIsPrinted() throws {
        let outcome = try run(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test func diagramPrintsSVGOrLocatedErrors() throws {
        let folder = try site(["flow.mmd": "flowchart LR\n  A --> B\n  click A callback\n", "bad.mmd": "flowchart LR\n  A --> B{no\n"])
        let good = try run(["diagram", "flow.mmd"], in: folder)
        #expect(good.status == 0)
        #expect(good.output.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram-svg diagram-flowchart\""))
        #expect(
            good.errors == "flow.mmd:3:3: warning: click callbacks run JavaScript, which these diagrams do not use; the node is drawn without it\n")
        let bad = try run(["diagram", "bad.mmd"], in: folder)
        #expect(bad.status == 1)
        #expect(bad.output.isEmpty)
        #expect(bad.errors == "bad.mmd:2:10: error: `{` opens a node label that is never closed with `}`\n")
    }

    @Test func aMistypedCommandGetsTheNearestName() throws {
        let outcome = try run(["biuld"])
        #expect(outcome.status == 64)
        #expect(outcome.errors.contains("`biuld` is not a collective command. Did you mean `build`?"))
        #expect(try run(["zzzz"]).errors.contains("is not a collective command. Commands: build, serve"))
    }

    @Test func aMissingSiteFolderIsAnErrorForEveryCommand() throws {
        let missing = temporaryFolder().appendingPathComponent("does-not-exist").path
        for command in [["build", "-s", missing], ["check", "-s", missing]] {
            let outcome = try run(command)
            #expect(outcome.status == 1, "\(command)")
            #expect(outcome.errors.contains("error: the site folder \(missing) does not exist"), "\(command): \(outcome.errors)")
        }
        #expect(!FileManager.default.fileExists(atPath: missing), "nothing was created")
    }

    @Test func newOutsideASiteCreatesNothing() throws {
        let folder = temporaryFolder()
        let outcome = try run(["new", "posts/x.md"], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.errors.contains("is not a site folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func buildSaysWhatItLeftOutAndQuietSaysNothing() throws {
        let root = try site([
            "hugo.toml": "title = \"T\"\nbaseURL = \"https://example.org/\"\n",
            "content/posts/a.md": "---\ntitle: A\n---\nA.\n",
            "content/posts/b.md": "---\ntitle: B\ndraft: true\n---\nB.\n",
            "content/posts/c.md": "---\ntitle: C\ndate: 2999-01-01\n---\nC.\n",
        ])
        let out = temporaryFolder().appendingPathComponent("public").path
        let outcome = try run(["build", "-s", root.path, "-d", out])
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.output.contains("Left out 1 draft (--drafts) and 1 future page (--future); the flags in brackets include them."))
        let quiet = try run(["build", "-s", root.path, "-d", out, "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.output.isEmpty && quiet.errors.isEmpty)
    }

    @Test func verboseBuildSaysWhereTheTimeWent() throws {
        let root = try site([
            "hugo.toml": "title = \"T\"\nbaseURL = \"https://example.org/\"\n",
            "content/posts/a.md": "---\ntitle: A\n---\nA.\n",
        ])
        let out = temporaryFolder().appendingPathComponent("public").path
        let plain = try run(["build", "-s", root.path, "-d", out])
        #expect(plain.status == 0 && !plain.output.contains("Time by phase"))
        let verbose = try run(["build", "-v", "-s", root.path, "-d", out])
        #expect(verbose.status == 0, "\(verbose.errors)")
        let table = verbose.output.components(separatedBy: "Time by phase:\n").last ?? ""
        for phase in ["Reading content", "Laying out pages", "Rendering pages", "Writing"] {
            #expect(table.contains("  " + phase), "\(phase) missing from:\n\(verbose.output)")
        }
        let rows = table.split(separator: "\n").filter { $0.hasPrefix("  ") }
        #expect(rows.count >= 6 && rows.allSatisfy { $0.hasSuffix("%") && $0.contains(" ms | ") })
    }

    @Test func buildPrintsItsCacheAndATableAndNoProgressIntoAPipe() throws {
        let root = try site([
            "hugo.toml": "title = \"T\"\nbaseURL = \"https://example.org/\"\n",
            "content/posts/a.md": "---\ntitle: A\ntags: [x]\n---\nA.\n",
        ])
        let out = temporaryFolder().appendingPathComponent("public").path
        let first = try run(["build", "-s", root.path, "-d", out])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("Build cache: no cache yet: built everything."))
        #expect(first.output.contains("  Pages ") && first.output.contains("  Term pages ") && first.output.contains("  Total "))
        // Standard error is a pipe here: no progress line, no carriage returns.
        #expect(first.errors.isEmpty, "\(first.errors)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".collective-cache/build.bin").path))
        try Data("---\ntitle: A\ntags: [x]\n---\nA, longer.\n".utf8).write(to: root.appendingPathComponent("content/posts/a.md"))
        let second = try run(["build", "-s", root.path, "-d", out])
        #expect(second.output.contains("Build cache: content/posts/a.md changed"), "\(second.output)")
        let bare = try site(["hugo.toml": "title = \"T\"\n", "content/a.md": "---\ntitle: A\n---\nA.\n"])
        let uncached = try run(["build", "--no-cache", "-s", bare.path, "-d", temporaryFolder().appendingPathComponent("public").path])
        #expect(uncached.status == 0)
        #expect(!uncached.output.contains("Build cache"))
        #expect(!FileManager.default.fileExists(atPath: bare.appendingPathComponent(".collective-cache").path))
    }

    @Test func aForeignDestinationNeedsForce() throws {
        let root = try site(["hugo.toml": "title = \"T\"\n", "content/a.md": "---\ntitle: A\n---\nA.\n"])
        let out = temporaryFolder()
        try Data("mine".utf8).write(to: out.appendingPathComponent("notes.txt"))
        let refused = try run(["build", "-s", root.path, "-d", out.path])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("pass --force"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("notes.txt").path))
        let forced = try run(["build", "-s", root.path, "-d", out.path, "--force"])
        #expect(forced.status == 0, "\(forced.errors)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("a/index.html").path))
    }

    /// `serve` builds in a worker process: when the worker is killed, the preview goes on and
    /// the next change is built by a new worker.
    @Test(.timeLimit(.minutes(1))) func servingSurvivesItsBuilderBeingKilled() throws {
        let root = try site([
            "hugo.toml": "title = \"T\"\n",
            "content/posts/hello.md": "---\ntitle: Hello\n---\nHello v1.\n",
        ])
        let process = Process()
        process.executableURL = CollectiveProcess.binary
        process.arguments = ["serve", "-s", root.path, "-p", "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        var log = ""
        while !log.contains("press Ctrl-C") {
            let data = output.fileHandleForReading.availableData
            try #require(!data.isEmpty, "serve ended: \(log)")
            log += String(decoding: data, as: UTF8.self)
        }
        let address = try #require(log.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") })
        let page = try #require(URL(string: String(address) + "posts/hello/"))
        let worker = try #require(Self.children(of: process.processIdentifier).first)
        #expect(try String(contentsOf: page, encoding: .utf8).contains("Hello v1."))

        kill(worker, SIGKILL)
        try Data("---\ntitle: Hello\n---\nHello v2.\n".utf8).write(to: root.appendingPathComponent("content/posts/hello.md"))
        var shown = ""
        for _ in 0..<200 where !shown.contains("Hello v2.") {
            usleep(100_000)
            shown = (try? String(contentsOf: page, encoding: .utf8)) ?? ""
        }
        #expect(shown.contains("Hello v2."))
        let next = Self.children(of: process.processIdentifier)
        #expect(next.count == 1 && !next.contains(worker))
    }

    /// The processes whose parent is `parent` (read from /proc).
    private static func children(of parent: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry in
            guard let pid = Int32(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            // After "pid (name)": state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == parent ? pid : nil
        }
    }
}

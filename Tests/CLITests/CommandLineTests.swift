import Foundation
import Testing

/// The `collective` binary run as a user runs it: exit codes and what it prints.
@Suite struct CommandLineTests {
    /// The binary beside this test bundle (`.build/debug/collective`).
    static let binary: URL = {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: folder.appendingPathComponent("collective").path) {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("collective")
    }()

    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
    }

    private func run(_ arguments: [String], in folder: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let (output, errors) = (Pipe(), Pipe())
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                       errors: String(decoding: errData, as: UTF8.self))
    }

    private func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("collective-cli-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func site(_ files: [String: String]) throws -> URL {
        let root = temporaryFolder()
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

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
        #expect(good.errors == "flow.mmd:3:3: warning: click callbacks run JavaScript, which these diagrams do not use; the node is drawn without it\n")
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
}

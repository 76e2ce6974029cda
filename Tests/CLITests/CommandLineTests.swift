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

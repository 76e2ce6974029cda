import Foundation
import Site
import Testing
@testable import DevServer

/// The build worker: its channel, its answers (the same as building in this process), and the
/// server surviving a worker that dies.
@Suite struct BuildWorkerTests {
    /// Both ends of a channel over two pipes.
    private static func channelPair() -> (server: WorkerChannel, worker: WorkerChannel, close: () -> Void) {
        var toWorker: [Int32] = [0, 0]
        var toServer: [Int32] = [0, 0]
        pipe(&toWorker)
        pipe(&toServer)
        let close = { for fd in toWorker + toServer { Foundation.close(fd) } }
        return (
            WorkerChannel(input: toServer[0], output: toWorker[1]),
            WorkerChannel(input: toWorker[0], output: toServer[1]), close
        )
    }

    @Test func aDeltaCrossesTheChannelWithItsBytes() throws {
        let (server, worker, close) = Self.channelPair()
        defer { close() }
        var delta = BuildDelta(scope: .pages, changed: ["a/index.html", "gone.html", "img.png"])
        delta.files = ["a/index.html": Data("<p>é</p>".utf8), "empty.txt": Data()]
        delta.copies = ["img.png": URL(fileURLWithPath: "/site/static/img.png")]
        delta.errors = [Diagnostic(.error, "bad", file: "content/a.md", line: 3, column: 4)]
        delta.warnings = []
        delta.pageKeys = ["content/a.md": "a/index.html"]
        let sent = Thread { [delta] in try? worker.send(delta) }
        sent.start()
        let (head, files) = try server.receiveReply()
        let received = head.delta(files: files)
        #expect(received.files == delta.files)
        #expect(received.copies == delta.copies)
        #expect(received.changed == delta.changed)
        #expect(received.errors == delta.errors)
        #expect(received.warnings == [])
        #expect(received.pageKeys == delta.pageKeys)
        #expect(received.scope == .pages)
    }

    @Test func aClosedChannelIsAnErrorNotAHang() throws {
        var fds: [Int32] = [0, 0]
        pipe(&fds)
        let channel = WorkerChannel(input: fds[0], output: fds[1])
        try channel.send(Data([1, 2]))
        Foundation.close(fds[1])
        #expect(try channel.receive() == Data([1, 2]))
        #expect(throws: WorkerChannel.Closed.self) { try channel.receive() }
        Foundation.close(fds[0])
    }

    @Test func theWorkerAnswersAsAnInProcessBuild() throws {
        let site = try TestSite()
        defer { site.remove() }
        let (server, worker, close) = Self.channelPair()
        defer { close() }
        let thread = Thread { _ = BuildWorker.serve(worker) }
        thread.start()
        let options = BuildOptions(baseURL: "http://127.0.0.1:1/")
        let local = LocalBuild(builder: SiteBuilder(source: site.root, options: options))

        try server.send(json: WorkerRequest.start(source: site.root.path, options: options))
        let (startHead, startFiles) = try server.receiveReply()
        let expected = try local.start()
        #expect(startHead.isWholeSite)
        #expect(startFiles == expected.files)
        #expect(startHead.copies == expected.copies.mapValues(\.path))

        try site.write("content/posts/hello.md", TestSite.post("Hello", body: "Hello v2"))
        try server.send(json: WorkerRequest.update(changed: ["content/posts/hello.md"]))
        let (head, files) = try server.receiveReply()
        let update = local.update(changed: ["content/posts/hello.md"])
        #expect(head.changed == update.changed && !update.changed.isEmpty)
        #expect(files == update.files)
        #expect(head.pageKeys == ["content/posts/hello.md": "posts/hello/index.html"])
        #expect(String(decoding: files["posts/hello/index.html"] ?? Data(), as: UTF8.self).contains("Hello v2"))
    }

    @Test func aSiteThatCannotBuildIsAnErrorFromTheWorker() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("config.toml", "title = [unclosed\n")
        let (server, worker, close) = Self.channelPair()
        defer { close() }
        Thread { _ = BuildWorker.serve(worker) }.start()
        try server.send(json: WorkerRequest.start(source: site.root.path, options: BuildOptions()))
        let (head, _) = try server.receiveReply()
        #expect(head.fatal?.file == "config.toml")
    }

    /// A stand-in worker: a shell script that answers its first build with a recorded reply and
    /// is killed by the next request, as a worker whose builder crashes on the change is. The
    /// workers numbered in `crashingStarts` (1 is the first started) are killed at once instead.
    private static func crashingWorker(
        site: TestSite, options: BuildOptions, in folder: URL,
        crashingStarts: Set<Int> = []
    ) throws -> WorkerCommand {
        let reply = folder.appendingPathComponent("reply.bin")
        #expect(FileManager.default.createFile(atPath: reply.path, contents: nil))
        let handle = try FileHandle(forWritingTo: reply)
        try WorkerChannel(input: -1, output: handle.fileDescriptor)
            .send(LocalBuild(builder: SiteBuilder(source: site.root, options: options)).start())
        try handle.close()
        let request = try JSONEncoder().encode(WorkerRequest.start(source: site.root.path, options: options))
        let script = folder.appendingPathComponent("worker.sh")
        let count = folder.appendingPathComponent("starts")
        let crashNow = crashingStarts.sorted().map { "[ $n = \($0) ] && kill -KILL $$" }.joined(separator: "\n")
        try Data(
            """
            n=$(( $(cat '\(count.path)' 2>/dev/null || echo 0) + 1 )); echo $n > '\(count.path)'
            \(crashNow)
            head -c \(8 + request.count) >/dev/null
            cat '\(reply.path)'
            head -c 1 >/dev/null
            kill -KILL $$
            """.utf8
        ).write(to: script)
        return WorkerCommand(executable: URL(fileURLWithPath: "/bin/sh"), arguments: [script.path])
    }

    @Test(.timeLimit(.minutes(1))) func aCrashingBuilderLeavesTheLastGoodSiteServedAndNamesTheChange() throws {
        let site = try TestSite()
        defer { site.remove() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("collective-worker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A fixed "now", so that the start request has the length the script expects.
        var options = BuildOptions(baseURL: "http://127.0.0.1:1/")
        options.now = Date(timeIntervalSince1970: 1_800_000_000)
        // The second worker, started again for the change, crashes too: the change is blamed.
        let command = try Self.crashingWorker(site: site, options: options, in: folder, crashingStarts: [2])
        let log = Locked<[String]>([])
        let rebuilder = Rebuilder(
            build: WorkerBuild(command: command, source: site.root, options: options),
            hub: EventHub(), log: { line in log.withLock { $0.append(line.description) } })
        defer { rebuilder.close() }
        try rebuilder.buildFirst()
        let served = rebuilder.state.current.snapshot.files
        #expect(served["posts/hello/index.html"] != nil)

        let event = rebuilder.rebuild(after: ["content/posts/hello.md"])
        let state = rebuilder.state.current
        #expect(event == .reload(page: nil))
        #expect(state.snapshot.files == served)
        #expect(state.errors.count == 1)
        #expect(state.errors.first?.file == "content/posts/hello.md")
        #expect(state.errors.first?.message.contains("crashed (Killed) while rebuilding after the change to content/posts/hello.md") == true)
        #expect(log.current.contains { $0.contains("still serving the last good site") })

        // The next change starts a new worker, whose build is taken.
        rebuilder.rebuild(after: ["content/about.md"])
        #expect(rebuilder.state.current.errors.isEmpty)
        #expect(rebuilder.state.current.generation == 2)
    }

    @Test(.timeLimit(.minutes(1))) func aBuilderThatDiedBeforeTheChangeIsReplacedAndTheChangeBuilt() throws {
        let site = try TestSite()
        defer { site.remove() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("collective-worker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = BuildOptions(baseURL: "http://127.0.0.1:1/")
        options.now = Date(timeIntervalSince1970: 1_800_000_000)
        let command = try Self.crashingWorker(site: site, options: options, in: folder)
        let rebuilder = Rebuilder(
            build: WorkerBuild(command: command, source: site.root, options: options),
            hub: EventHub(), log: { _ in })
        defer { rebuilder.close() }
        try rebuilder.buildFirst()
        // The first worker dies on the update; a second one builds the whole site and is taken.
        rebuilder.rebuild(after: ["content/posts/hello.md"])
        #expect(rebuilder.state.current.errors.isEmpty, "\(rebuilder.state.current.errors)")
        #expect(rebuilder.state.current.generation == 2)
        let starts = try String(contentsOf: folder.appendingPathComponent("starts"), encoding: .utf8)
        #expect(starts.trimmingCharacters(in: .whitespacesAndNewlines) == "2")
    }

    @Test(.timeLimit(.minutes(1)), arguments: [("KILL", "Killed"), ("ILL", "Illegal instruction"), ("SEGV", "Segmentation fault")])
    func aBuilderThatCrashesOnTheFirstBuildIsAnError(signal: String, name: String) throws {
        let site = try TestSite()
        defer { site.remove() }
        let command = WorkerCommand(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "kill -\(signal) $$"])
        let rebuilder = Rebuilder(
            build: WorkerBuild(command: command, source: site.root, options: BuildOptions()),
            hub: EventHub(), log: { _ in })
        do {
            try rebuilder.buildFirst()
            Issue.record("the first build succeeded")
        } catch {
            #expect(error.message.contains("crashed (\(name)) while building the site"), "\(error.message)")
            #expect(!error.message.contains("last good site"))
        }
    }
}

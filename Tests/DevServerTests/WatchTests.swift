import Foundation
import Testing
@testable import DevServer

@Suite struct WatchTests {
    private let millisecond: UInt64 = 1_000_000

    @Test func burstsBecomeOneBatchAfterTheQuietPeriod() {
        var coalescer = ChangeCoalescer(quietPeriod: 50 * millisecond, maximumDelay: 500 * millisecond)
        #expect(coalescer.dueTime == nil)
        coalescer.add(["content/a.md"], at: 1000 * millisecond)
        coalescer.add(["content/a.md", "content/b.md"], at: 1030 * millisecond)
        coalescer.add(["content/a.md"], at: 1060 * millisecond)
        #expect(coalescer.dueTime == 1110 * millisecond)
        #expect(coalescer.takeBatch(at: 1100 * millisecond) == nil)
        #expect(coalescer.takeBatch(at: 1110 * millisecond) == ["content/a.md", "content/b.md"])
        #expect(coalescer.isEmpty)
        #expect(coalescer.takeBatch(at: 2000 * millisecond) == nil)
    }

    @Test func endlessEventsStillFlushAtTheMaximumDelay() {
        var coalescer = ChangeCoalescer(quietPeriod: 50 * millisecond, maximumDelay: 200 * millisecond)
        var time: UInt64 = 0
        var batches: [[String]] = []
        while time <= 450 * millisecond {
            coalescer.add(["content/log.md"], at: time)
            if let batch = coalescer.takeBatch(at: time) { batches.append(batch) }
            time += 10 * millisecond
        }
        #expect(batches == [["content/log.md"], ["content/log.md"]])
    }

    @Test func emptyAddsDoNotStartABatch() {
        var coalescer = ChangeCoalescer(quietPeriod: 50 * millisecond, maximumDelay: 500 * millisecond)
        coalescer.add([], at: 0)
        #expect(coalescer.dueTime == nil)
    }

    @Test func ignoresEditorNoiseAndFilesOutsideTheSite() {
        for path in [
            "content/posts/a.md", "layouts/single.mustache", "static/css/x.css", "data/team.yaml", "assets/a.scss",
            "config.toml", "hugo.yaml", "content", "content/posts/bundle/image.png",
        ] {
            #expect(IgnoreRules.matters(path), "\(path)")
        }
        for path in [
            "content/posts/.a.md.swp", "content/posts/a.md~", "content/posts/#a.md#", "content/.DS_Store",
            "content/posts/4913", "content/.#a.md", "content/posts/a.md.tmp", "public/index.html", ".git/index",
            "README.md", "notes.txt", "content/.hidden/a.md", "content/a.md___jb_tmp___", "",
        ] {
            #expect(!IgnoreRules.matters(path), "\(path)")
        }
    }

    @Test(arguments: [WatchMode.automatic, .polling(interval: .milliseconds(40))])
    func watcherReportsEditsNewFoldersAndSkipsSwapFiles(mode: WatchMode) throws {
        let site = try TestSite()
        defer { site.remove() }
        let batches = Locked<[[String]]>([])
        let arrived = DispatchSemaphore(value: 0)
        let watcher = SiteWatcher(root: site.root, mode: mode, quietPeriod: .milliseconds(100)) { batch in
            batches.withLock { $0.append(batch) }
            arrived.signal()
        }
        defer { watcher.stop() }
        if mode == .automatic {
            #if os(Linux)
                #expect(watcher.mechanism == "inotify")
            #endif
        } else {
            #expect(watcher.mechanism == "polling")
        }

        try site.write("content/posts/.hello.md.swp", "swap")
        for version in 1...5 { try site.write("content/posts/hello.md", TestSite.post("Hello", body: "burst \(version)")) }
        #expect(arrived.wait(timeout: .now() + 20) == .success)
        let first = batches.current.flatMap { $0 }
        #expect(first.contains("content/posts/hello.md"))
        #expect(!first.contains { $0.hasSuffix(".swp") })

        // A folder created after the watch started is watched too.
        try site.write("content/notes/new/deep.md", TestSite.post("Deep", body: "deep"))
        #expect(arrived.wait(timeout: .now() + 20) == .success)
        try site.write("content/notes/new/deep.md", TestSite.post("Deep", body: "deeper"))
        let deadline = Date(timeIntervalSinceNow: 20)
        while !batches.current.flatMap({ $0 }).contains("content/notes/new/deep.md"), Date() < deadline {
            _ = arrived.wait(timeout: .now() + 0.5)
        }
        #expect(batches.current.flatMap { $0 }.contains("content/notes/new/deep.md"))
    }
}

import Foundation
import Testing
@testable import DevServer

/// The server end to end on 127.0.0.1: pages, live reload after edits, the error overlay.
@Suite struct LiveReloadServerTests {
    @Test func servesPagesWithTheLiveReloadScript() throws {
        let site = try TestSite()
        defer { site.remove() }
        let server = try site.startServer()
        defer { server.stop() }
        #expect(server.url.absoluteString == "http://127.0.0.1:\(server.port)/")

        let client = try TestClient(port: server.port)
        let page = try client.request("/posts/hello/")
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.text.contains("Hello v1"))
        #expect(page.text.contains("<script src=\"/__collective/live.js\"></script></body>"))
        // Links use the server's address, not the config's baseURL.
        #expect(!page.text.contains("https://example.org/"))

        let script = try client.request("/__collective/live.js")
        #expect(script.status == 200)
        #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(script.text.contains("EventSource(\"/__collective/events\")"))
    }

    @Test func contentEditSendsReloadAndServesTheNewPage() throws {
        let site = try TestSite()
        defer { site.remove() }
        let server = try site.startServer()
        defer { server.stop() }
        let events = try EventStream(port: server.port)

        try site.write("content/posts/hello.md", TestSite.post("Hello", body: "Hello v2"))
        #expect(try events.next() == TestEvent(name: "reload", data: "/posts/hello/"))
        let page = try TestClient(port: server.port).request("/posts/hello/")
        #expect(page.text.contains("Hello v2"))
        #expect(!page.text.contains("Hello v1"))
    }

    @Test func contentEditReachesTheSearchIndexOnceEditsPause() throws {
        let site = try TestSite()
        defer { site.remove() }
        // The server says when it took a new index: the test waits for that, not for the clock.
        let indexUpdated = DispatchSemaphore(value: 0)
        let server = try site.startServer(searchIndexDelay: .milliseconds(50)) { message in
            if message.description.hasPrefix("Search index updated") { indexUpdated.signal() }
        }
        defer { server.stop() }
        let events = try EventStream(port: server.port)
        func indexed() throws -> Bool {
            try (0..<2).contains { try TestClient(port: server.port).request("/search/p/\($0).js").text.contains("quokkas") }
        }

        try site.write("content/posts/hello.md", TestSite.post("Hello", body: "Hello quokkas"))
        #expect(try events.next() == TestEvent(name: "reload", data: "/posts/hello/"))
        #expect(indexUpdated.wait(timeout: .now() + 30) == .success, "the search index was not rebuilt")
        #expect(try indexed())
    }

    @Test func brokenFrontMatterKeepsTheLastGoodPageAndShowsTheOverlay() throws {
        let site = try TestSite()
        defer { site.remove() }
        let log = Locked<[String]>([])
        let server = try site.startServer(log: log)
        defer { server.stop() }
        let events = try EventStream(port: server.port)

        try site.write("content/posts/hello.md", "---\ntitle: [unclosed\ndate: 2024-01-02\n---\nHello broken\n")
        #expect(try events.next().name == "reload")
        let broken = try TestClient(port: server.port).request("/posts/hello/")
        #expect(broken.status == 200)
        #expect(broken.text.contains("Hello v1"))
        #expect(!broken.text.contains("Hello broken"))
        #expect(broken.text.contains("collective-error-overlay"))
        #expect(broken.text.contains("content/posts/hello.md:"))
        #expect(log.current.contains { $0.hasPrefix("content/posts/hello.md:") && $0.contains("error") })
        // Every page carries the overlay, and so does the 404 page.
        #expect(try TestClient(port: server.port).request("/about/").text.contains("collective-error-overlay"))

        try site.write("content/posts/hello.md", TestSite.post("Hello", body: "Hello fixed"))
        #expect(try events.next().name == "reload")
        let fixed = try TestClient(port: server.port).request("/posts/hello/")
        #expect(fixed.text.contains("Hello fixed"))
        #expect(!fixed.text.contains("collective-error-overlay"))
    }

    @Test func templateEditReloadsAndBrokenTemplateKeepsTheSite() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("layouts/single.mustache", "<html><body><h1>Layout one: {{page.title}}</h1></body></html>")
        let server = try site.startServer()
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        #expect(try client.request("/posts/hello/").text.contains("Layout one"))
        let events = try EventStream(port: server.port)

        try site.write("layouts/single.mustache", "<html><body><h1>Layout two: {{page.title}}</h1></body></html>")
        #expect(try events.next().name == "reload")
        #expect(try client.request("/posts/hello/").text.contains("Layout two"))

        try site.write("layouts/single.mustache", "<html><body>{{#page}}never closed</body></html>")
        #expect(try events.next().name == "reload")
        let broken = try client.request("/posts/hello/")
        #expect(broken.text.contains("Layout two"))
        #expect(broken.text.contains("layouts/single.mustache"))
    }

    @Test func stylesheetEditSwapsCSSWithoutReload() throws {
        let site = try TestSite()
        defer { site.remove() }
        let server = try site.startServer()
        defer { server.stop() }
        let events = try EventStream(port: server.port)

        try site.write("static/css/extra.css", "body { color: navy; }\n")
        #expect(try events.next() == TestEvent(name: "css", data: "/css/extra.css"))
        let css = try TestClient(port: server.port).request("/css/extra.css")
        #expect(css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(css.text == "body { color: navy; }\n")
    }

    @Test func editorSwapFilesDoNotRebuild() throws {
        let site = try TestSite()
        defer { site.remove() }
        let log = Locked<[String]>([])
        let server = try site.startServer(log: log)
        defer { server.stop() }
        let events = try EventStream(port: server.port)

        try site.write("content/posts/.hello.md.swp", "swap")
        try site.write("content/posts/hello.md~", "backup")
        try site.write("content/posts/4913", "")
        try site.write("content/about.md", "---\ntitle: About\n---\nAbout, edited.\n")
        #expect(try events.next() == TestEvent(name: "reload", data: "/about/"))
        let rebuilds = log.current.filter { $0.hasPrefix("Change in") }
        #expect(rebuilds.count == 1)
        #expect(rebuilds.first?.hasPrefix("Change in content/about.md:") == true)
    }

    @Test func stopEndsEventStreamsAndRefusesConnections() throws {
        let site = try TestSite()
        defer { site.remove() }
        let server = try site.startServer()
        let events = try EventStream(port: server.port)
        server.stop()
        #expect(events.client.closedByServer())
        #expect(throws: (any Error).self) { try TestClient(port: server.port).request("/") }
    }
}

/// An open `/__collective/events` stream, subscribed once its response head has arrived.
struct EventStream {
    let client: TestClient

    init(port: UInt16) throws {
        client = try TestClient(port: port)
        try client.send("GET /__collective/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        let head = try client.readResponse(bodyExpected: false)
        guard head.status == 200, head.headers["content-type"] == "text/event-stream" else {
            throw TestClient.Failure(description: "not an event stream: \(head.status)")
        }
    }

    func next() throws -> TestEvent { try client.readEvent() }
}

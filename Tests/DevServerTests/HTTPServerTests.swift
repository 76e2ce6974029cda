import Foundation
import Testing
@testable import DevServer

/// HTTP behaviour over real sockets: keep-alive, HEAD, redirects, 404, 304, traversal, busy ports.
@Suite struct HTTPServerTests {
    @Test func keepAliveServesSeveralRequestsOnOneConnection() throws {
        let site = try TestSite()
        defer { site.remove() }
        let server = try site.startServer()
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        #expect(try client.request("/").status == 200)
        #expect(try client.request("/about/").text.contains("About this site."))
        // Two pipelined requests in one write.
        try client.send("GET /about/ HTTP/1.1\r\nHost: a\r\n\r\nHEAD /about/ HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
        let first = try client.readResponse()
        let second = try client.readResponse(bodyExpected: false)
        #expect(first.status == 200)
        #expect(second.status == 200)
        #expect(second.headers["content-length"] == String(first.body.count))
        #expect(second.headers["connection"] == "close")
        #expect(client.closedByServer())
    }

    @Test func folderWithoutSlashRedirectsAndUnknownPathGetsThe404Page() throws {
        let site = try TestSite()
        defer { site.remove() }
        let server = try site.startServer()
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        let redirect = try client.request("/posts/hello?x=1")
        #expect(redirect.status == 301)
        #expect(redirect.headers["location"] == "/posts/hello/?x=1")
        let missing = try client.request("/no/such/page/")
        #expect(missing.status == 404)
        #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
        #expect(missing.text.contains("/__collective/live.js"))
        let post = try client.request("/posts/hello/", method: "POST")
        #expect(post.status == 405)
        #expect(post.headers["allow"] == "GET, HEAD")
    }

    @Test func validatorsGiveNotModified() throws {
        let site = try TestSite()
        defer { site.remove() }
        let server = try site.startServer()
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        for path in ["/about/", "/css/extra.css", "/index.xml"] {
            let full = try client.request(path)
            let tag = try #require(full.headers["etag"])
            let modified = try #require(full.headers["last-modified"])
            #expect(try client.request(path, headers: ["If-None-Match": tag]).status == 304)
            #expect(try client.request(path, headers: ["If-None-Match": "\"other\""]).status == 200)
            #expect(try client.request(path, headers: ["If-Modified-Since": modified]).status == 304)
        }
    }

    @Test func pathsOutsideTheSiteAreNotFound() throws {
        let site = try TestSite()
        defer { site.remove() }
        let outside = site.root.deletingLastPathComponent().appendingPathComponent("outside-\(UUID().uuidString).txt")
        try Data("secret outside the site".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("static/leak.txt"), withDestinationURL: outside)
        let server = try site.startServer()
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        let attempts = [
            "/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
            "/css/..%2f..%2fconfig.toml", "/./config.toml", "/%2e/config.toml", "//etc/passwd", "/etc/passwd",
            "/config.toml", "/content/about.md", "/%00", "/css/extra.css%00.html", "/..\\..\\config.toml",
            "/%5c..%5cconfig.toml", "/%zz", "http://127.0.0.1/etc/passwd", "/leak.txt",
        ]
        for target in attempts {
            let response = try client.request(target)
            #expect(response.status == 404, "\(target) gave \(response.status)")
            #expect(!response.text.contains("root:"))
            #expect(!response.text.contains("secret outside"))
            #expect(!response.text.contains("baseURL"))
        }
    }

    @Test func malformedRequestsAreRefusedAndClosed() throws {
        let site = try TestSite()
        defer { site.remove() }
        let server = try site.startServer()
        defer { server.stop() }
        let cases: [(String, Int)] = [
            ("garbage\r\n\r\n", 400),
            ("GET / HTTP/2.0\r\n\r\n", 505),
            ("GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", 501),
            ("GET / HTTP/1.1\r\nBad Header\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: 20_000) + "\r\n\r\n", 431),
        ]
        for (raw, status) in cases {
            let client = try TestClient(port: server.port)
            try client.send(raw)
            #expect(try client.readResponse().status == status)
            #expect(client.closedByServer())
        }
    }

    @Test func busyPortMovesToTheNextOne() throws {
        let site = try TestSite()
        defer { site.remove() }
        let first = try site.startServer()
        defer { first.stop() }
        let log = Locked<[String]>([])
        var options = PreviewOptions(source: site.root)
        options.port = first.port
        options.log = { line in log.withLock { $0.append(line.description) } }
        let second = try PreviewServer.start(options)
        defer { second.stop() }
        #expect(second.port > first.port)
        #expect(log.current.contains("Port \(first.port) is in use; trying \(first.port + 1)."))
        #expect(try TestClient(port: second.port).request("/").status == 200)
    }
}

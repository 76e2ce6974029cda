import Foundation
import Testing
@testable import DevServer

/// Clients that send their requests a byte at a time cannot hold the server: each request has a
/// deadline however the bytes trickle, and past the connection limit the slowest is closed.
@Suite struct SlowClientTests {
    private func server(_ site: TestSite, limit: Int, deadline: Duration) throws -> PreviewServer {
        var options = PreviewOptions(source: site.root)
        options.port = 0
        options.watchMode = .polling(interval: .seconds(1))
        options.log = { _ in }
        options.connectionLimit = limit
        options.requestDeadline = deadline
        return try PreviewServer.start(options)
    }

    @Test func aDrippedRequestIsClosedAtItsDeadline() throws {
        let site = try TestSite()
        defer { site.remove() }
        let server = try server(site, limit: 16, deadline: .milliseconds(800))
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        try client.send("GET / HTTP/1.1\r\n")
        // A header line every 0.2 s keeps bytes coming, but the whole request is late.
        for index in 0..<8 {
            Thread.sleep(forTimeInterval: 0.2)
            try? client.send("X-Drip-\(index): 1\r\n")
        }
        #expect(client.closedByServer(timeout: 2))
    }

    @Test func wellBehavedClientsAreServedWhileSlowOnesFillEverySlot() throws {
        let site = try TestSite()
        defer { site.remove() }
        let server = try server(site, limit: 8, deadline: .seconds(30))
        defer { server.stop() }
        let slow = try (0..<12).map { _ in try TestClient(port: server.port) }
        for client in slow { try? client.send("GET / HTTP/1.1\r\nHost: a\r\n") }
        Thread.sleep(forTimeInterval: 0.3)
        for _ in 0..<5 {
            let client = try TestClient(port: server.port)
            #expect(try client.request("/").status == 200)
        }
    }
}

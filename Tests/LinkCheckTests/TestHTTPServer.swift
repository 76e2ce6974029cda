import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for the external checks: one thread per connection,
/// `Connection: close`, canned answers by path, and a log of the requests it saw.
final class TestHTTPServer: @unchecked Sendable {
    /// How long `/slow` waits before answering, in seconds.
    static let slowDelay: UInt32 = 3

    private let listener: Int32
    let port: UInt16
    private let lock = NSLock()
    private var requests: [String] = []
    private var hits: [String: Int] = [:]
    private let acceptLoopEnded = DispatchSemaphore(value: 0)
    private var stopped = false
    /// A server that reads requests and never answers (a host that hangs).
    private let silent: Bool

    init(silent: Bool = false) throws {
        self.silent = silent
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 64) == 0 else {
            close(listener)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// `http://127.0.0.1:PORT` + path.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// "METHOD /path" of every request so far, in arrival order.
    var log: [String] { lock.withLock { requests } }

    /// Stops accepting and waits until the accept loop has closed the listening socket. Closing it
    /// here instead would let the loop's next `accept` reach another server's socket that reused
    /// the descriptor number (and answer that server's requests with this one's log).
    func stop() {
        let first = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        acceptLoopEnded.wait()
    }

    private func acceptLoop() {
        defer {
            close(listener)
            acceptLoopEnded.signal()
        }
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var buffer = [UInt8](repeating: 0, count: 8192)
        var received: [UInt8] = []
        while !received.contains(subsequence: Array("\r\n\r\n".utf8)) {
            let count = read(connection, &buffer, buffer.count)
            guard count > 0 else { return }
            received += buffer[0..<count]
        }
        let requestLine = String(decoding: received, as: UTF8.self).split(separator: "\r\n").first ?? ""
        let parts = requestLine.split(separator: " ")
        guard parts.count >= 2 else { return }
        let method = String(parts[0])
        let path = String(parts[1])
        let hit = lock.withLock {
            requests.append("\(method) \(path)")
            hits[path, default: 0] += 1
            return hits[path] ?? 1
        }
        if silent {
            sleep(Self.slowDelay)
            return
        }
        let (status, headers, body) = answer(method: method, path: path, hit: hit)
        if path == "/slow" { sleep(Self.slowDelay) }
        var head = "HTTP/1.1 \(status) Status\r\nConnection: close\r\nContent-Length: \(body.utf8.count)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let response = Array((head + "\r\n" + (method == "HEAD" ? "" : body)).utf8)
        _ = response.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
    }

    private func answer(method: String, path: String, hit: Int) -> (Int, [(String, String)], String) {
        let html = [("Content-Type", "text/html; charset=utf-8")]
        switch path {
        case "/ok", "/slow": return (200, html, "<p>fine</p>")
        case "/ids": return (200, html, "<h2 id=\"intro\">Intro</h2><p id='body'>text</p>")
        case "/moved": return (301, [("Location", "/ok")], "")
        case "/moved-twice": return (308, [("Location", url("/moved"))], "")
        case "/temporary": return (302, [("Location", "/ok")], "")
        case "/missing": return (404, html, "not here")
        case "/error": return (500, html, "broken")
        case "/flaky": return hit == 1 ? (503, html, "busy") : (200, html, "<p>fine</p>")
        case "/limited": return hit == 1 ? (429, [("Retry-After", "1")], "") : (200, html, "<p>fine</p>")
        case "/always-limited": return (429, [("Retry-After", "1")], "")
        case "/no-head": return method == "HEAD" ? (405, [], "") : (200, html, "<p>fine</p>")
        case "/loop": return (302, [("Location", "/loop")], "")
        default: return (404, html, "unknown")
        }
    }
}

private extension Array where Element == UInt8 {
    func contains(subsequence: [UInt8]) -> Bool {
        guard count >= subsequence.count else { return false }
        return (0...(count - subsequence.count)).contains { Array(self[$0..<($0 + subsequence.count)]) == subsequence }
    }
}

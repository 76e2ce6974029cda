import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Headless Chromium driven through chromedriver's W3C WebDriver HTTP API, for the tests that need
/// a real browser (typing, key presses, focus). Only the few commands those tests use.
final class WebDriver {
    /// Where the browser and the driver are; nil when either is missing.
    static let tools: (chromium: String, chromedriver: String)? = {
        func find(_ names: [String]) -> String? {
            let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin"]
            for name in names {
                for dir in path where FileManager.default.isExecutableFile(atPath: dir + "/" + name) { return dir + "/" + name }
            }
            return nil
        }
        guard let chromium = find(["chromium", "chromium-browser", "google-chrome"]), let driver = find(["chromedriver"]) else { return nil }
        return (chromium, driver)
    }()

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Key values of the WebDriver specification.
    enum Key: String {
        case arrowDown = "\u{E015}"
        case arrowUp = "\u{E013}"
        case enter = "\u{E007}"
        case escape = "\u{E00C}"
        case slash = "/"
    }

    private let driver: Process
    private let port: Int
    private var session = ""

    /// Starts chromedriver on a free port and opens a headless browser session.
    init() async throws {
        guard let tools = Self.tools else { throw Failure(description: "chromium or chromedriver is not installed") }
        port = try Self.freePort()
        driver = Process()
        driver.executableURL = URL(fileURLWithPath: tools.chromedriver)
        driver.arguments = ["--port=\(port)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        var ready = false
        for _ in 0..<100 where !ready {
            let status = (try? await call("GET", "/status")) as? [String: Any]
            ready = status?["ready"] as? Bool == true
            if !ready { try await Task.sleep(nanoseconds: 100_000_000) }
        }
        guard ready else {
            kill(driver.processIdentifier, SIGKILL)
            throw Failure(description: "chromedriver did not start")
        }
        let options: [String: Any] = [
            "binary": tools.chromium, "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"],
        ]
        let value = try await call("POST", "/session", ["capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": options]]])
        guard let id = (value as? [String: Any])?["sessionId"] as? String else {
            kill(driver.processIdentifier, SIGKILL)
            throw Failure(description: "no session: \(String(describing: value))")
        }
        session = "/session/" + id
    }

    /// Closes the browser and stops the driver.
    func quit() async {
        _ = try? await call("DELETE", session)
        kill(driver.processIdentifier, SIGKILL)  // SIGTERM may be blocked (see StaticServer.stop)
        driver.waitUntilExit()
    }

    func open(_ url: String) async throws { _ = try await call("POST", session + "/url", ["url": url]) }

    var url: String { get async throws { try await call("GET", session + "/url") as? String ?? "" } }

    /// Runs JavaScript in the page (`return …` gives the value).
    @discardableResult
    func run(_ script: String, _ args: [Any] = []) async throws -> Any? {
        try await call("POST", session + "/execute/sync", ["script": script, "args": args])
    }

    /// Sets the browser window's size in CSS pixels (the page reflows as on a screen that wide).
    func resize(width: Int, height: Int) async throws {
        _ = try await call("POST", session + "/window/rect", ["width": width, "height": height])
    }

    /// Types text into the element `selector` finds, one key event per character.
    func type(_ text: String, into selector: String) async throws {
        let found = try await call("POST", session + "/element", ["using": "css selector", "value": selector])
        guard let element = (found as? [String: Any])?.values.first as? String else { throw Failure(description: "no element \(selector)") }
        _ = try await call("POST", session + "/element/\(element)/value", ["text": text])
    }

    /// Presses and releases a key in whatever has the focus.
    func press(_ key: Key) async throws {
        let actions: [[String: Any]] = [["type": "keyDown", "value": key.rawValue], ["type": "keyUp", "value": key.rawValue]]
        _ = try await call("POST", session + "/actions", ["actions": [["type": "key", "id": "keyboard", "actions": actions]]])
    }

    /// Polls `script` until it returns a truthy value (then returns it), for up to `seconds`. On a
    /// timeout the error also gives what `explain` (a script) returns then, to say what the page shows.
    func wait(for script: String, seconds: Double = 20, explain: String? = nil) async throws -> Any {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let value = try await run(script), !(value is NSNull), (value as? Bool) != false { return value }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        var message = "timed out waiting for: \(script)"
        if let explain { message += "; the page shows: " + (try await run(explain).map { "\($0)" } ?? "null") }
        throw Failure(description: message)
    }

    private func call(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        let data = try Self.request(method, port: port, path: path, body: payload)
        let json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any]
        if let error = json?["value"] as? [String: Any], let kind = error["error"] as? String {
            throw Failure(description: "\(method) \(path): \(kind): \(error["message"] ?? "")")
        }
        return json?["value"]
    }

    /// One HTTP/1.1 exchange with `Connection: close` over a loopback socket; returns the body.
    static func request(_ method: String, port: Int, path: String, body: Data = Data()) throws -> Data {
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard s >= 0 else { throw Failure(description: "no socket") }
        defer { close(s) }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(s, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "cannot connect to port \(port)") }
        var message = Data("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n".utf8)
        message += Data("Content-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
        try message.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = send(s, raw.baseAddress! + sent, raw.count - sent, 0)
                guard n > 0 else { throw Failure(description: "send failed") }
                sent += n
            }
        }
        // chromedriver keeps the connection open: the body ends at Content-Length, or at EOF without one.
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let separator = Data("\r\n\r\n".utf8)
        var bodyStart: Int?
        var length: Int?
        while bodyStart == nil || length == nil || response.count < bodyStart! + length! {
            let n = recv(s, &buffer, buffer.count, 0)
            if n < 0 { throw Failure(description: "no answer from port \(port)") }
            if n == 0 { break }
            response.append(buffer, count: n)
            if bodyStart == nil, let end = response.range(of: separator) {
                bodyStart = end.upperBound
                let head = String(decoding: response[..<end.lowerBound], as: UTF8.self).lowercased()
                length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }
                if method == "HEAD" { length = 0 }
                guard !head.contains("transfer-encoding: chunked") else { throw Failure(description: "chunked answers are not read") }
            }
        }
        guard let start = bodyStart else { throw Failure(description: "malformed HTTP answer") }
        return response[start...]
    }

    /// A port nothing listens on now (the kernel's pick for a socket bound to port 0).
    static func freePort() throws -> Int {
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(s) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, length) == 0 && getsockname(s, $0, &length) == 0 }
        }
        guard ok else { throw Failure(description: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// `python3 -m http.server` over a folder on a free loopback port, for pages that use root-relative URLs.
final class StaticServer {
    let base: String
    private let process = Process()

    static var available: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: $0 + "/python3")
        }
    }

    init(_ folder: URL) throws {
        let port = try WebDriver.freePort()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "http.server", "\(port)", "--bind", "127.0.0.1", "--directory", folder.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        base = "http://127.0.0.1:\(port)"
        // Ready when it answers.
        for _ in 0..<100 {
            if (try? WebDriver.request("HEAD", port: port, path: "/")) != nil { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        kill(process.processIdentifier, SIGKILL)
        throw WebDriver.Failure(description: "python3 -m http.server did not start")
    }

    /// SIGKILL: a process started from a test's thread may inherit a mask that blocks SIGTERM.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
@testable import DevServer

/// A response as the test client read it.
struct TestResponse {
    var status: Int
    /// Header values by lower-cased name.
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// One Server-Sent Event.
struct TestEvent: Equatable {
    var name: String
    var data: String
}

/// A raw HTTP/1.1 client on one TCP connection to 127.0.0.1, every read bounded by a timeout.
final class TestClient {
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(port: UInt16) throws {
        descriptor = socket(AF_INET, Int32(socketStreamType), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else {
            Socket.close(descriptor)
            throw Failure(description: "cannot connect to port \(port)")
        }
    }

    deinit { Socket.close(descriptor) }

    func send(_ raw: String) throws {
        guard Socket.sendAll(descriptor, Array(raw.utf8)) else { throw Failure(description: "send failed") }
    }

    /// Sends a request for `target` and reads its response.
    func request(_ target: String, method: String = "GET", headers: [String: String] = [:], timeout: TimeInterval = 30) throws -> TestResponse {
        var raw = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { raw += "\(name): \(value)\r\n" }
        try send(raw + "\r\n")
        return try readResponse(bodyExpected: method != "HEAD", timeout: timeout)
    }

    /// Reads a response head and, when expected, a `Content-Length` body.
    func readResponse(bodyExpected: Bool = true, timeout: TimeInterval = 30) throws -> TestResponse {
        let deadline = Date(timeIntervalSinceNow: timeout)
        let headEnd = try fill(until: deadline) { buffer in
            buffer.indices.dropLast(3).first { buffer[$0] == 13 && buffer[$0 + 1] == 10 && buffer[$0 + 2] == 13 && buffer[$0 + 3] == 10 }
        }
        let lines = String(decoding: buffer[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        buffer.removeFirst(headEnd + 4)
        let length = bodyExpected && status != 304 ? Int(headers["content-length"] ?? "0") ?? 0 : 0
        _ = try fill(until: deadline) { $0.count >= length ? length : nil }
        let body = Data(buffer[..<length])
        buffer.removeFirst(length)
        return TestResponse(status: status, headers: headers, body: body)
    }

    /// Reads the next event of an event stream, skipping comments and `retry:` lines.
    func readEvent(timeout: TimeInterval = 30) throws -> TestEvent {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while true {
            let end = try fill(until: deadline) { buffer in
                buffer.indices.dropLast().first { buffer[$0] == 10 && buffer[$0 + 1] == 10 }
            }
            let block = String(decoding: buffer[..<end], as: UTF8.self)
            buffer.removeFirst(end + 2)
            var event = TestEvent(name: "", data: "")
            for line in block.split(separator: "\n") {
                if line.hasPrefix("event: ") { event.name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { event.data = String(line.dropFirst(6)) }
            }
            if !event.name.isEmpty { return event }
        }
    }

    /// True when the server closed the connection within `timeout`.
    func closedByServer(timeout: TimeInterval = 10) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while Date() < deadline {
            guard Socket.waitReadable(descriptor, milliseconds: 100) else { continue }
            guard let bytes = Socket.receive(descriptor) else { return true }
            buffer += bytes
        }
        return false
    }

    /// Receives until `found` returns a position, or throws at the deadline.
    private func fill(until deadline: Date, _ found: ([UInt8]) -> Int?) throws -> Int {
        while true {
            if let position = found(buffer) { return position }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw Failure(description: "timed out; received \(String(decoding: buffer, as: UTF8.self).prefix(200))") }
            guard Socket.waitReadable(descriptor, milliseconds: Int32(min(remaining, 1) * 1000)) else { continue }
            guard let bytes = Socket.receive(descriptor) else { throw Failure(description: "connection closed") }
            buffer += bytes
        }
    }
}

#if canImport(Glibc)
    private let socketStreamType = SOCK_STREAM.rawValue
#else
    private let socketStreamType = SOCK_STREAM
#endif

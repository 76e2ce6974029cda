import Foundation

/// A complete response: status, headers and body.
struct HTTPResponse: Sendable {
    var status: HTTPStatus
    /// Headers in the order they are sent; `Content-Length` is added when serialized.
    var headers: [(name: String, value: String)]
    var body: Data

    init(status: HTTPStatus, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A short plain-text response, such as an error.
    static func text(_ status: HTTPStatus, _ message: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Data((message + "\n").utf8))
    }

    /// The value of a header (names compare without case).
    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The bytes on the wire. `includeBody` is false for HEAD (the length still describes the body).
    func serialized(includeBody: Bool, keepAlive: Bool) -> [UInt8] {
        var head = "HTTP/1.1 \(status.rawValue) \(status.reason)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if status != .notModified { head += "Content-Length: \(body.count)\r\n" }
        head += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n"
        var bytes = Array(head.utf8)
        if includeBody, status != .notModified { bytes.append(contentsOf: body) }
        return bytes
    }
}

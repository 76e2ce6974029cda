import Foundation

/// Reads request heads from the bytes a connection has received so far.
enum RequestParser {
    /// The largest request head accepted (request line and headers).
    static let headLimit = 16 * 1024
    /// The largest request body accepted (and thrown away: the server only reads).
    static let bodyLimit = 64 * 1024

    enum Outcome: Equatable {
        /// More bytes are needed.
        case incomplete
        /// A request, and how many bytes of the buffer it used (head and body).
        case request(HTTPRequest, consumed: Int)
        /// The bytes are not a request this server can answer; reply with `status` and close.
        case invalid(HTTPStatus)
    }

    static func parse(_ buffer: [UInt8]) -> Outcome {
        guard let (headEnd, bodyStart) = findHeadEnd(buffer) else {
            return buffer.count > headLimit ? .invalid(.headersTooLarge) : .incomplete
        }
        guard headEnd <= headLimit else { return .invalid(.headersTooLarge) }
        // Split bytes, not characters: Swift reads "\r\n" as one character.
        var lines = buffer[..<headEnd].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
        }
        // Tolerate empty lines before the request line (RFC 9112 §2.2).
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        guard let requestLine = lines.first else { return .invalid(.badRequest) }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty,
            parts[0].allSatisfy({ $0.isLetter && $0.isUppercase })
        else { return .invalid(.badRequest) }
        let version = String(parts[2])
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            return version.hasPrefix("HTTP/") ? .invalid(.versionNotSupported) : .invalid(.badRequest)
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return .invalid(.badRequest) }
            let name = line[..<colon]
            guard !name.isEmpty, !name.contains(where: { $0 == " " || $0 == "\t" }) else { return .invalid(.badRequest) }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            let key = name.lowercased()
            headers[key] = headers[key].map { $0 + ", " + value } ?? value
        }
        if headers["transfer-encoding"] != nil { return .invalid(.notImplemented) }
        var bodyLength = 0
        if let length = headers["content-length"] {
            guard let value = Int(length), value >= 0 else { return .invalid(.badRequest) }
            guard value <= bodyLimit else { return .invalid(.payloadTooLarge) }
            bodyLength = value
        }
        guard buffer.count >= bodyStart + bodyLength else { return .incomplete }
        let request = HTTPRequest(method: String(parts[0]), target: String(parts[1]), version: version, headers: headers)
        return .request(request, consumed: bodyStart + bodyLength)
    }

    /// Where the head ends (before its blank line) and the body starts; accepts CRLF or bare LF.
    private static func findHeadEnd(_ buffer: [UInt8]) -> (Int, Int)? {
        let limit = min(buffer.count, headLimit + 4)
        var index = 0
        while index < limit {
            if buffer[index] == UInt8(ascii: "\n") {
                if index + 1 < buffer.count, buffer[index + 1] == UInt8(ascii: "\n") { return (index, index + 2) }
                if index + 2 < buffer.count, buffer[index + 1] == UInt8(ascii: "\r"), buffer[index + 2] == UInt8(ascii: "\n") {
                    return (index, index + 3)
                }
            }
            index += 1
        }
        return nil
    }
}

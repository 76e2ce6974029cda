import Testing
@testable import DevServer
import SeededRandom

@Suite struct RequestParserTests {
    private func parse(_ text: String) -> RequestParser.Outcome { RequestParser.parse(Array(text.utf8)) }

    @Test func parsesARequestHead() throws {
        guard case .request(let request, let consumed) = parse("GET /a/b?q=1#x HTTP/1.1\r\nHost: h\r\nAccept: a\r\naccept: b\r\n\r\nNEXT") else {
            Issue.record("not parsed")
            return
        }
        #expect(request.method == "GET")
        #expect(request.path == "/a/b")
        #expect(request.query == "?q=1")
        #expect(request.headers["host"] == "h")
        #expect(request.headers["accept"] == "a, b")
        #expect(request.keepsAlive)
        #expect(consumed == "GET /a/b?q=1#x HTTP/1.1\r\nHost: h\r\nAccept: a\r\naccept: b\r\n\r\n".utf8.count)
    }

    @Test func acceptsBareLineFeedsAndSkipsABody() {
        guard case .request(let request, let consumed) = parse("GET / HTTP/1.0\nContent-Length: 3\n\nabcGET") else {
            Issue.record("not parsed")
            return
        }
        #expect(request.version == "HTTP/1.0")
        #expect(!request.keepsAlive)
        #expect(consumed == "GET / HTTP/1.0\nContent-Length: 3\n\nabc".utf8.count)
    }

    @Test func waitsForTheRestOfTheHeadOrBody() {
        #expect(parse("GET / HTTP/1.1\r\nHost: h\r\n") == .incomplete)
        #expect(parse("GET / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc") == .incomplete)
        #expect(parse("") == .incomplete)
    }

    @Test func connectionHeaderDecidesKeepAlive() throws {
        guard case .request(let closing, _) = parse("GET / HTTP/1.1\r\nConnection: Keep-Alive, Close\r\n\r\n"),
            case .request(let asked, _) = parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        else {
            Issue.record("not parsed")
            return
        }
        #expect(!closing.keepsAlive)
        #expect(asked.keepsAlive)
    }

    @Test func refusesWhatItCannotAnswer() {
        #expect(parse("get / HTTP/1.1\r\n\r\n") == .invalid(.badRequest))
        #expect(parse("GET /  HTTP/1.1\r\n\r\n") == .invalid(.badRequest))
        #expect(parse("GET / HTTP/3\r\n\r\n") == .invalid(.versionNotSupported))
        #expect(parse("GET / SPDY\r\n\r\n") == .invalid(.badRequest))
        #expect(parse("GET / HTTP/1.1\r\nNo colon\r\n\r\n") == .invalid(.badRequest))
        #expect(parse("GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") == .invalid(.badRequest))
        #expect(parse("GET / HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n") == .invalid(.payloadTooLarge))
        #expect(parse("GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") == .invalid(.notImplemented))
        #expect(parse("GET / HTTP/1.1\r\nX: " + String(repeating: "y", count: 17_000)) == .invalid(.headersTooLarge))
    }

    @Test func survivesArbitraryBytes() {
        var generator = SeededGenerator(seed: 60)
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0..<300, using: &generator)).map { _ in
                [UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: " "), UInt8(ascii: ":"), UInt8.random(in: 0...255, using: &generator)]
                    .randomElement(using: &generator)!
            }
            _ = RequestParser.parse(bytes)
        }
    }
}

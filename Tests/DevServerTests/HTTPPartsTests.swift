import Foundation
import Testing
@testable import DevServer

@Suite struct HTTPPartsTests {
    @Test func contentTypesForSiteFiles() {
        let expected = [
            "a/index.html": "text/html; charset=utf-8", "index.xml": "application/xml; charset=utf-8",
            "index.json": "application/json", "img/logo.SVG": "image/svg+xml", "site.webmanifest": "application/manifest+json",
            "fonts/a.woff2": "font/woff2", "fonts/a.woff": "font/woff", "css/s.css": "text/css; charset=utf-8",
            "robots.txt": "text/plain; charset=utf-8", "noextension": "application/octet-stream", "a.unknown": "application/octet-stream",
        ]
        for (path, type) in expected { #expect(MediaTypes.type(forPath: path) == type, "\(path)") }
    }

    @Test func httpDatesAreIMFFixdate() {
        #expect(HTTPDate.string(from: Date(timeIntervalSince1970: 784_111_777)) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.string(from: Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }

    @Test func entityTagsFollowTheBytes() {
        let tag = EntityTag.of(Data("a".utf8))
        #expect(tag == EntityTag.of(Data("a".utf8)))
        #expect(tag != EntityTag.of(Data("b".utf8)))
        #expect(tag.count == 18)
        #expect(EntityTag.matches(tag, tag))
        #expect(EntityTag.matches("\"x\", W/\(tag)", tag))
        #expect(EntityTag.matches("*", tag))
        #expect(!EntityTag.matches("\"x\"", tag))
    }

    @Test func responsesSerializeWithLengthAndConnection() {
        let response = HTTPResponse(status: .ok, headers: [("Content-Type", "text/plain")], body: Data("hi".utf8))
        let full = String(decoding: response.serialized(includeBody: true, keepAlive: true), as: UTF8.self)
        #expect(full == "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nhi")
        let head = String(decoding: response.serialized(includeBody: false, keepAlive: false), as: UTF8.self)
        #expect(head.hasSuffix("Content-Length: 2\r\nConnection: close\r\n\r\n"))
        #expect(PreviewServer.urlHost("0.0.0.0") == "localhost")
        #expect(PreviewServer.urlHost("::1") == "[::1]")
        #expect(PreviewOptions.isLoopback("127.0.0.1") && PreviewOptions.isLoopback("::1") && !PreviewOptions.isLoopback("0.0.0.0"))
    }
}

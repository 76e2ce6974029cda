import Foundation
import Testing
@testable import LinkCheck

/// External checks against a server on 127.0.0.1 that each test starts; every wait is bounded
/// by the options' timeout, retries and backoff.
@Suite("External checks")
struct ExternalCheckTests {
    static func options(cache: URL? = nil) -> ExternalOptions {
        var options = ExternalOptions()
        options.timeout = 0.5
        options.backoff = 0.05
        options.retries = 2
        options.hostDelay = 0
        // The per-host budget has its own test (ExternalLimitsTests); here a loaded machine must not reach it.
        options.hostDeadline = 3600
        options.perHost = 8
        options.cacheFile = cache
        options.allowPrivateAddresses = true
        return options
    }

    static func references(_ urls: [String]) -> [ExternalReference] {
        urls.enumerated().map { ExternalReference(url: $0.element, file: "content/links.md", line: $0.offset + 1, column: 1) }
    }

    static func lines(_ findings: [Finding], server: TestHTTPServer) -> [String] {
        findings.sorted(by: Finding.ordered).map { finding in
            "\(finding.line ?? 0): \(finding.severity.rawValue): \(finding.message)"
                .replacingOccurrences(of: "http://127.0.0.1:\(server.port)", with: "SERVER")
        }
    }

    @Test func statusesRedirectsRetriesAndTimeouts() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let paths = [
            "/ok", "/moved", "/moved-twice", "/temporary", "/missing", "/error", "/flaky", "/limited",
            "/always-limited", "/slow", "/no-head", "/loop",
        ]
        let findings = try await ExternalChecker(options: Self.options()).check(Self.references(paths.map(server.url)))
        #expect(
            Self.lines(findings, server: server) == [
                "2: warning: SERVER/moved moved permanently to SERVER/ok; update the link",
                "3: warning: SERVER/moved-twice moved permanently to SERVER/ok; update the link",
                "5: error: broken external link: SERVER/missing (HTTP 404)",
                "6: error: broken external link: SERVER/error (HTTP 500)",
                "9: warning: could not verify SERVER/always-limited (HTTP 429 on 3 attempts)",
                "10: error: broken external link: SERVER/slow (no answer within 0.5 s)",
                "12: error: broken external link: SERVER/loop (more than 8 redirects)",
            ])
        let log = server.log
        #expect(log.filter { $0.hasSuffix(" /error") } == ["HEAD /error", "GET /error", "GET /error", "GET /error"])
        #expect(log.filter { $0.hasSuffix(" /no-head") } == ["HEAD /no-head", "GET /no-head"])
        #expect(log.filter { $0.hasSuffix(" /limited") } == ["HEAD /limited", "HEAD /limited"])
        #expect(log.filter { $0.hasSuffix(" /flaky") } == ["HEAD /flaky", "GET /flaky"])
        #expect(log.filter { $0.hasSuffix(" /slow") }.count == 3)
    }

    @Test func fragmentsAreCheckedAgainstTheTargetIDs() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let urls = [server.url("/ids#intro"), server.url("/ids#body"), server.url("/ids#gone")]
        let findings = try await ExternalChecker(options: Self.options()).check(Self.references(urls))
        #expect(
            Self.lines(findings, server: server) == [
                "3: warning: broken external anchor: SERVER/ids#gone (the page has no id \"gone\")"
            ])
        #expect(server.log == ["GET /ids"])
    }

    @Test func refusedConnectionsAreErrors() async throws {
        let server = try TestHTTPServer()
        let closed = server.url("/ok")
        server.stop()
        let findings = try await ExternalChecker(options: Self.options()).check(Self.references([closed]))
        #expect(findings.map(\.kind) == [.brokenExternal])
        #expect(findings.first?.message.hasSuffix("(connection refused)") == true)
    }

    @Test func cacheSkipsGoodAnswersUntilTheyExpire() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("check-cache-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: cache) }
        let urls = [server.url("/ok"), server.url("/ids#intro"), server.url("/missing")]
        let checker = ExternalChecker(options: Self.options(cache: cache))
        let first = try await checker.check(Self.references(urls))
        let second = try await checker.check(Self.references(urls))
        #expect(first == second)
        #expect(first.map(\.kind) == [.brokenExternal])
        // The good answers came from the cache; the broken URL was asked again.
        #expect(
            server.log == ["HEAD /ok", "GET /ids", "HEAD /missing", "GET /missing", "HEAD /missing", "GET /missing"]
                || Set(server.log.filter { !$0.hasSuffix("/missing") }) == ["HEAD /ok", "GET /ids"])
        #expect(server.log.filter { !$0.hasSuffix("/missing") }.count == 2)
        var expired = Self.options(cache: cache)
        expired.cacheHours = 0
        _ = try await ExternalChecker(options: expired).check(Self.references([server.url("/ok")]))
        #expect(server.log.filter { $0 == "HEAD /ok" }.count == 2)
    }

    @Test func skipPatternsAreNotRequested() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        var options = Self.options()
        options.skip = ["/missing$", "^https://example\\.com/"]
        let urls = [server.url("/missing"), "https://example.com/a", server.url("/ok")]
        let findings = try await ExternalChecker(options: options).check(Self.references(urls))
        #expect(findings == [])
        #expect(server.log == ["HEAD /ok"])
    }

    @Test func invalidSkipPatternsThrow() async {
        var options = Self.options()
        options.skip = ["(unclosed"]
        await #expect(throws: (any Error).self) {
            try await ExternalChecker(options: options).check([])
        }
    }

    @Test func retryAfterReadsSecondsAndDates() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(ExternalChecker.retryAfter("7", now: now) == 7)
        #expect(ExternalChecker.retryAfter("Tue, 14 Nov 2023 22:13:40 GMT", now: now) == 20)
        #expect(ExternalChecker.retryAfter("soon", now: now) == nil)
    }

    @Test func hostGateSpacesRequestsToOneHost() async {
        let gate = HostGate(perHost: 1, delay: .milliseconds(200))
        let clock = ContinuousClock()
        let start = clock.now
        await gate.enter("a.example")
        await gate.leave("a.example")
        await gate.enter("b.example")
        let otherHost = clock.now - start
        await gate.enter("a.example")
        let sameHost = clock.now - start
        #expect(otherHost < .milliseconds(150))
        #expect(sameHost >= .milliseconds(190))
    }
}

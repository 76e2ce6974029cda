import Foundation
import Testing
@testable import LinkCheck

/// What `check --external` will not do: wait on a dead host for every URL, spend more than a
/// deadline on one host, or send requests to this machine and private networks unless allowed.
@Suite("External check limits")
struct ExternalLimitsTests {
    @Test func aHostThatNeverAnswersIsGivenUpAfterItsFirstTimeouts() async throws {
        let server = try TestHTTPServer(silent: true)
        defer { server.stop() }
        var options = ExternalCheckTests.options()
        options.perHost = 2
        let urls = (1...10).map { server.url("/page-\($0)") }
        let findings = try await ExternalChecker(options: options).check(ExternalCheckTests.references(urls))
        #expect(findings.count == 10)
        #expect(findings.allSatisfy { $0.kind == .brokenExternal })
        // Only the first requests (two at a time) were sent; no retries, no request per URL.
        #expect(server.log.count <= 4, "\(server.log)")
        #expect(findings.filter { $0.message.hasSuffix("(127.0.0.1 did not answer within 0.5 s)") }.count >= 6)
    }

    @Test func aHostPastItsDeadlineLeavesTheRestUnverified() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        var options = ExternalCheckTests.options()
        options.perHost = 1
        options.hostDeadline = 0.2
        // The pause between two requests to the host is past the deadline, so whatever the machine's
        // load, the first request is the only one sent (the first link too may end unverified).
        options.hostDelay = 0.5
        // A loaded machine may answer slowly: the requests that are sent must not time out instead.
        options.timeout = 10
        let urls = (1...6).map { server.url("/ok?\($0)") }
        let findings = try await ExternalChecker(options: options).check(ExternalCheckTests.references(urls))
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.kind == .unverifiedExternal && $0.message.contains("used up its 0.2 s for all its links") })
        #expect(server.log.count == 1, "\(server.log)")
        #expect(findings.count >= 5)
    }

    @Test func privateAddressesAreANoticeAndNotRequested() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        var options = ExternalCheckTests.options()
        options.allowPrivateAddresses = false
        let urls = [server.url("/ok"), "http://localhost:\(server.port)/ok", "http://[::1]:9/x", "http://192.168.1.1/admin", "http://10.0.0.8/"]
        let findings = try await ExternalChecker(options: options).check(ExternalCheckTests.references(urls))
        #expect(findings.count == 5)
        #expect(findings.allSatisfy { $0.severity == .notice && $0.kind == .privateExternal })
        #expect(server.log.isEmpty)
    }

    @Test func addressClasses() {
        #expect(PrivateAddress.isPrivate(host: "127.0.0.1"))
        #expect(PrivateAddress.isPrivate(host: "172.20.3.4"))
        #expect(PrivateAddress.isPrivate(host: "169.254.169.254"))
        #expect(PrivateAddress.isPrivate(host: "[fd00::1]"))
        #expect(PrivateAddress.isPrivate(host: "::ffff:10.1.2.3"))
        #expect(!PrivateAddress.isPrivate(host: "8.8.8.8"))
        #expect(!PrivateAddress.isPrivate(host: "172.32.0.1"))
        #expect(!PrivateAddress.isPrivate(host: "2001:db8::1"))
    }
}

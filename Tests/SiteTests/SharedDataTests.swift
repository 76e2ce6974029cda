import Foundation
import Testing

/// Tests that read `../shared` skip themselves when it is absent (a user's clone). In CI it must be
/// there: a missing folder there would turn the conformance and corpus tests into silent skips.
@Suite struct SharedDataTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CI"] == "true", "runs only with CI=true"))
    func sharedTestDataIsPresentInCI() {
        let shared = SiteFixtures.shared
        #expect(
            FileManager.default.fileExists(atPath: shared.appendingPathComponent("conformance").path),
            "CI=true but \(shared.path) has no conformance/: the suites that need it would only skip")
        #expect(FileManager.default.fileExists(atPath: shared.appendingPathComponent("seeds").path))
    }
}

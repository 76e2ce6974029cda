import Testing

@testable import Site

@Suite struct BuildProgressTests {
    @Test func phasesAreTimedUntilTheNextAndRunsOfOnePhaseAddUp() {
        final class Clock: @unchecked Sendable { var now: UInt64 = 0 }
        let clock = Clock()
        let progress = BuildProgress(clock: { clock.now })
        progress.begin("Reading content")
        clock.now = 1_000_000_000
        progress.begin("Rendering pages", total: 3)
        progress.advance(by: 2)
        #expect(progress.current == BuildProgress.State(phase: "Rendering pages", done: 2, total: 3))
        clock.now = 3_500_000_000
        progress.begin("Reading content")  // a second language
        clock.now = 4_000_000_000
        progress.finish()
        clock.now = 9_000_000_000
        #expect(
            progress.timings == [
                BuildProgress.PhaseTime(phase: "Reading content", seconds: 1.5),
                BuildProgress.PhaseTime(phase: "Rendering pages", seconds: 2.5),
            ])
    }
}

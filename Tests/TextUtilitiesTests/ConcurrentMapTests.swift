import Testing
import TextUtilities

@Suite struct ConcurrentMapTests {
    @Test func keepsTheOrderOfItsInput() {
        let input = Array(0..<10_000)
        #expect(input.concurrentMap { $0 * $0 } == input.map { $0 * $0 })
    }

    @Test func emptyAndSingleInputs() {
        #expect([Int]().concurrentMap { $0 + 1 } == [])
        #expect([41].concurrentMap { $0 + 1 } == [42])
    }
}

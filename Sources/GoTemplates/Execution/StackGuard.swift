/// Keeps deep template recursion from overflowing the thread's stack: execution fails with a
/// limit error once it has used `budget` bytes of stack below the point where it started.
struct StackGuard {
    let budget: Int
    private let start: Int

    init(budget: Int) {
        self.budget = budget
        start = Self.currentAddress()
    }

    @inline(never)
    static func currentAddress() -> Int {
        var marker = 0
        return withUnsafeMutablePointer(to: &marker) { Int(bitPattern: $0) }
    }

    /// Whether the stack still has room for another level of nesting.
    func hasRoom() -> Bool {
        budget == 0 || start - Self.currentAddress() < budget
    }
}

import Dispatch

extension Array where Element: Sendable {
    /// Maps the elements on every core, keeping their order.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let slots = ResultSlots<T>(count: count)
        self.withUnsafeBufferPointer { input in
            let elements = UnsafeSendable(input)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.store(transform(elements.value[index]), at: index)
            }
        }
        return slots.values()
    }
}

/// Result storage written by disjoint indices from several threads.
private final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ value: T, at index: Int) { slots[index] = value }

    func values() -> [T] { (0..<count).compactMap { slots[$0] } }
}

/// A read-only buffer shared with the threads of one `concurrentPerform`.
private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

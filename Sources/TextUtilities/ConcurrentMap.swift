import Dispatch

extension Array where Element: Sendable {
    /// Maps every element on all cores, keeping the order.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { output in
            let slots = DisjointSlots(buffer: output)
            self.withUnsafeBufferPointer { input in
                let source = DisjointSlots(buffer: UnsafeMutableBufferPointer(mutating: input))
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    slots.buffer[index] = transform(source.buffer[index])
                }
            }
        }
        return results.map { $0! }
    }
}

/// A buffer that several threads read or write at disjoint indices.
private struct DisjointSlots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
}

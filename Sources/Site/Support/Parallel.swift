import Dispatch

extension Array where Element: Sendable {
    /// Maps every element on all cores, keeping the order.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            let output = SendableBuffer(buffer)
            self.withUnsafeBufferPointer { input in
                let source = SendableBuffer(UnsafeMutableBufferPointer(mutating: input))
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    output.buffer[index] = transform(source.buffer[index])
                }
            }
        }
        return results.map { $0! }
    }
}

/// A buffer whose elements are written by disjoint indices from several threads.
private struct SendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}

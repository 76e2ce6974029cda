/// Where the renderer's bytes go: ``OutputBytes`` and `[UInt8]`.
protocol ByteSink {
    mutating func append(_ byte: UInt8)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
}

extension ByteSink {
    @inline(__always)
    mutating func append(_ string: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: string.utf8Start, count: string.utf8CodeUnitCount))
    }
}

extension Array: ByteSink where Element == UInt8 {}

/// The renderer's output buffer: a bare pointer, count and capacity, so an append is a capacity
/// test and a copy (an `Array` append also tests uniqueness and goes through a generic call, about
/// 70 instructions for a tag). It is a plain value over memory it does not free: its owner calls
/// ``deallocate()`` once, and a copy must not outlive that.
struct OutputBytes: ByteSink {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    var isEmpty: Bool { count == 0 }
    var last: UInt8? { count > 0 ? base[count - 1] : nil }

    /// Makes room for `minimumCapacity` bytes in all.
    mutating func reserveCapacity(_ minimumCapacity: Int) {
        guard minimumCapacity > capacity else { return }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: minimumCapacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = minimumCapacity
    }

    @inline(never)
    private mutating func grow(toHold extra: Int) {
        reserveCapacity(max(capacity * 2, count + extra))
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: 1) }
        base[count] = byte
        count &+= 1
    }

    @inline(__always)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        guard n > 0, let source = bytes.baseAddress else { return }
        if capacity &- count < n { grow(toHold: n) }
        (base + count).update(from: source, count: n)
        count &+= n
    }

    /// Appends the bytes of any sequence (a `String`'s UTF-8, an array or a slice).
    mutating func append(contentsOf bytes: some Sequence<UInt8>) {
        if bytes.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) != nil { return }
        for byte in bytes { append(byte) }
    }

    /// Forgets the bytes and keeps the memory.
    mutating func removeAll() { count = 0 }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// A copy of the bytes.
    var array: [UInt8] { [UInt8](UnsafeBufferPointer(start: base, count: count)) }

    /// Frees the memory; the value must not be used afterwards.
    func deallocate() { base.deallocate() }
}

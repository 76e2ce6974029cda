/// The nodes of a document while it is parsed.
typealias NodeArena = Arena<Node>

/// A growing array of plain values held by the parser: a bare pointer, count and capacity, so
/// reading or writing an element costs no reference counting and no uniqueness check (an `Array`
/// held by the parser object retained and released its buffer on every access). Its owner frees it.
struct Arena<Element> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private(set) var capacity: Int

    init(capacity: Int = 16) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    subscript(index: Int) -> Element {
        unsafeAddress {
            assert(index >= 0 && index < count, "arena index out of range")
            return UnsafePointer(base + index)
        }
        unsafeMutableAddress {
            assert(index >= 0 && index < count, "arena index out of range")
            return base + index
        }
    }

    var indices: Range<Int> { 0..<count }

    mutating func append(_ element: Element) {
        if count == capacity { reserveCapacity(capacity * 2) }
        (base + count).initialize(to: element)
        count += 1
    }

    /// The last element, if any.
    var last: Element? { count > 0 ? base[count - 1] : nil }

    /// Removes the last element (there must be one).
    mutating func removeLast() {
        precondition(count > 0, "removeLast of an empty arena")
        count -= 1
    }

    /// Forgets every element and keeps the memory (the elements are plain values).
    mutating func removeAll() { count = 0 }

    mutating func reserveCapacity(_ minimum: Int) {
        guard minimum > capacity else { return }
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: minimum)
        grown.moveInitialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = minimum
    }

    /// Frees the memory (the elements are plain values: nothing to deinitialize).
    func deallocate() { base.deallocate() }
}

/// A finished document's nodes, owned and freed by this object.
final class NodeBuffer: @unchecked Sendable {
    let base: UnsafeMutablePointer<Node>
    let count: Int

    /// Takes over the arena's memory.
    init(_ arena: NodeArena) {
        base = arena.base
        count = arena.count
    }

    deinit { base.deallocate() }

    subscript(index: Int) -> Node {
        precondition(index >= 0 && index < count, "node index out of range")
        return base[index]
    }

    var buffer: UnsafeBufferPointer<Node> { UnsafeBufferPointer(start: base, count: count) }
}

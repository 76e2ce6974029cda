/// The index's terms by their UTF-8 bytes: an open-addressing hash table over one byte arena, so
/// that merging the terms of thousands of cached pages makes no string per occurrence (a `String`
/// is made once per distinct term).
struct TermTable {
    /// Every term's bytes, one after the other; term `i` is `arena[starts[i]..<starts[i + 1]]`.
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    /// Term number + 1 in each slot, 0 when empty; the count is a power of two.
    private var slots = [Int32](repeating: 0, count: 1024)
    /// The terms as strings, by number.
    private(set) var terms: [String] = []

    var count: Int { terms.count }

    /// The number of the term spelled `bytes`, adding it when new.
    mutating func number(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if 2 * (count + 1) > slots.count { grow() }
        let mask = slots.count - 1
        var slot = Self.hash(bytes) & mask
        while slots[slot] != 0 {
            let id = Int(slots[slot]) - 1
            if spells(id, bytes) { return id }
            slot = (slot + 1) & mask
        }
        let id = count
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        terms.append(String(decoding: bytes, as: UTF8.self))
        slots[slot] = Int32(id + 1)
        return id
    }

    private func spells(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let (start, end) = (starts[id], starts[id + 1])
        guard end - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            for i in 0..<bytes.count where arena[start + i] != bytes[i] { return false }
            return true
        }
    }

    private mutating func grow() {
        var larger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        arena.withUnsafeBufferPointer { arena in
            for id in 0..<count {
                var slot = Self.hash(UnsafeBufferPointer(rebasing: arena[starts[id]..<starts[id + 1]])) & mask
                while larger[slot] != 0 { slot = (slot + 1) & mask }
                larger[slot] = Int32(id + 1)
            }
        }
        slots = larger
    }

    /// FNV-1a over the bytes, with the high bits folded in.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}

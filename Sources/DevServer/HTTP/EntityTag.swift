import Foundation

/// Entity tags for `ETag` and `If-None-Match`.
enum EntityTag {
    /// A strong tag from the bytes of a body (64-bit FNV-1a).
    static func of(_ body: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        body.withUnsafeBytes { bytes in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x100_0000_01b3
            }
        }
        return quoted(hash)
    }

    /// A tag from a file's size and modification time, for files served from disk.
    static func of(size: Int, modified: Date) -> String {
        let nanoseconds = UInt64(max(0, modified.timeIntervalSince1970 * 1_000_000_000))
        return "\"\(String(size, radix: 16))-\(String(nanoseconds, radix: 16))\""
    }

    /// Whether an `If-None-Match` value matches `tag` (weak comparison, as RFC 9110 asks for GET).
    static func matches(_ header: String, _ tag: String) -> Bool {
        let bare = tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
        return header.split(separator: ",").contains { candidate in
            var value = candidate.trimmingCharacters(in: .whitespaces)
            if value == "*" { return true }
            if value.hasPrefix("W/") { value.removeFirst(2) }
            return value == bare
        }
    }

    private static func quoted(_ hash: UInt64) -> String {
        let hex = String(hash, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - hex.count) + hex + "\""
    }
}

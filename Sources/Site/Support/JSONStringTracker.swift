/// Follows JSON text byte by byte and tells which bytes belong to a string literal, its quotes and
/// escapes included, so that a scanner can look at the structure outside strings only.
struct JSONStringTracker {
    private var inString = false
    private var escaped = false

    /// Takes the next byte; true when it is part of a string literal.
    mutating func isInString(_ byte: UInt8) -> Bool {
        if inString {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
            }
            return true
        }
        inString = byte == UInt8(ascii: "\"")
        return inString
    }
}

import Foundation

/// Adds markup to an HTML document just before its closing `</body>`.
enum HTMLInjection {
    /// `html` with `snippet` inserted before the last `</body>` (any case), or appended when there is none.
    static func inject(_ snippet: String, into html: Data) -> Data {
        let marker = Array("</body".utf8)
        var result = html
        guard html.count >= marker.count else {
            result.append(contentsOf: snippet.utf8)
            return result
        }
        return html.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Data in
            var start = bytes.count - marker.count
            while start >= 0 {
                var matches = true
                for offset in 0..<marker.count where lowercased(bytes[start + offset]) != marker[offset] {
                    matches = false
                    break
                }
                if matches {
                    var injected = Data(bytes[..<start])
                    injected.append(contentsOf: snippet.utf8)
                    injected.append(contentsOf: bytes[start...])
                    return injected
                }
                start -= 1
            }
            result.append(contentsOf: snippet.utf8)
            return result
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}

/// Arithmetic on `/`-separated paths in plain Swift. Foundation's `NSString` path methods trap on
/// some short strings on Linux (a content file named `a.md` crashed the build), so the site builder
/// and the link checker use these instead. `/` and `.` are found as bytes of the UTF-8 text (as Go,
/// whose strings are bytes, finds them), without breaking the text into characters.
public enum PathText {
    /// The path without its last component: `a/b` for `a/b/c`, `""` for `c`. Trailing slashes are ignored.
    public static func folder(of path: String) -> String {
        let utf8 = path.utf8
        let end = endWithoutTrailingSlashes(path)
        guard let slash = utf8[..<end].lastIndex(of: slashByte) else { return "" }
        if slash == utf8.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component: `c` for `a/b/c` and for `a/b/c/`.
    public static func lastComponent(_ path: String) -> String {
        String(path[lastComponentRange(path)])
    }

    /// The extension of the last component without its dot (`md` for `a/b.md`); `""` when it has
    /// none or the component only starts with a dot (`.gitignore`).
    public static func fileExtension(_ path: String) -> String {
        let name = lastComponentRange(path)
        guard let dot = extensionDot(path, in: name) else { return "" }
        return String(path[path.utf8.index(after: dot)..<name.upperBound])
    }

    /// The path without the extension of its last component: `a/b` for `a/b.md`.
    public static func removingExtension(_ path: String) -> String {
        let name = lastComponentRange(path)
        guard let dot = extensionDot(path, in: name), path.utf8.index(after: dot) < name.upperBound else {
            return String(path[..<name.upperBound])
        }
        return String(path[..<dot])
    }

    /// The path's non-empty components (`a`, `b` for `/a//b/`), as splitting at `/` gives them, found as bytes.
    public static func components(_ path: String) -> [Substring] {
        path.utf8.split(separator: slashByte).map { Substring($0) }
    }

    /// The first non-empty component (`a` for `/a/b`); `""` when there is none.
    public static func firstComponent(_ path: String) -> String {
        let utf8 = path.utf8
        guard let start = utf8.firstIndex(where: { $0 != slashByte }) else { return "" }
        let end = utf8[start...].firstIndex(of: slashByte) ?? utf8.endIndex
        return String(path[start..<end])
    }

    /// The path's components joined by single slashes, without a slash at either end: `posts/a`
    /// for `/posts//a/` (what splitting on `/` and joining the non-empty parts gives).
    public static func trimmedSlashes(_ path: String) -> String {
        var previous = slashByte
        let clean = path.utf8.allSatisfy { byte in
            defer { previous = byte }
            return byte != slashByte || previous != slashByte
        }
        if clean, previous != slashByte { return path }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count)
        previous = slashByte
        for byte in path.utf8 where byte != slashByte || previous != slashByte {
            bytes.append(byte)
            previous = byte
        }
        if bytes.last == slashByte { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let slashByte = UInt8(ascii: "/")

    /// Where the path ends once trailing slashes are dropped (a lone `/` stays).
    private static func endWithoutTrailingSlashes(_ path: String) -> String.Index {
        let utf8 = path.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex {
            let last = utf8.index(before: end)
            guard last > utf8.startIndex, utf8[last] == slashByte else { break }
            end = last
        }
        return end
    }

    /// The last component's range, trailing slashes left out.
    private static func lastComponentRange(_ path: String) -> Range<String.Index> {
        let utf8 = path.utf8
        let end = endWithoutTrailingSlashes(path)
        guard let slash = utf8[..<end].lastIndex(of: slashByte) else { return utf8.startIndex..<end }
        return utf8.index(after: slash)..<end
    }

    /// The dot that starts the extension of the component in `name`: its last dot, unless that is its first byte.
    private static func extensionDot(_ path: String, in name: Range<String.Index>) -> String.Index? {
        guard let dot = path.utf8[name].lastIndex(of: UInt8(ascii: ".")), dot != name.lowerBound else { return nil }
        return dot
    }
}

import Synchronization

/// Text held as the UTF-8 bytes it was stored as (a range of the build cache's file, mapped, not
/// copied) until something reads it: a cached build reads the HTML and plain text of the few pages
/// it renders again, and checking the UTF-8 of every page's text was most of reading the cache.
final class DeferredText: Sendable {
    private let storage: ByteStorage
    private let range: Range<Int>
    private let decoded = Mutex<String?>(nil)

    /// The text of `range` of `storage` (written from a `String`, so valid UTF-8).
    init(_ storage: ByteStorage, range: Range<Int>) {
        self.storage = storage
        self.range = range
    }

    /// The text, decoded the first time.
    var text: String {
        if let text = decoded.withLock({ $0 }) { return text }
        let text = String(decoding: UnsafeBufferPointer(rebasing: storage.bytes[range]), as: UTF8.self)
        decoded.withLock { $0 = text }
        return text
    }

    /// Hands the UTF-8 bytes to `body` without decoding them.
    func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(UnsafeBufferPointer(rebasing: storage.bytes[range]))
    }
}

/// A text property that may be a ``DeferredText``.
enum TextStorage: Sendable {
    case text(String)
    case deferred(DeferredText)

    var text: String {
        switch self {
        case .text(let text): text
        case .deferred(let deferred): deferred.text
        }
    }
}

import Foundation
import Synchronization
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes a build keeps for its cache but reads only when it saves the cache, set aside in a
/// temporary file in the cache's folder (on the site's disk, not in a temporary folder that may be
/// memory), removed from the folder as soon as it is opened, so that nothing is left behind
/// however the build ends. On the 100,000-page benchmark site the pages' encoded search terms are
/// 1.2 GB, which a build would otherwise hold beside everything it renders.
final class SpillFile: Sendable {
    private let descriptor: Int32
    private let size = Mutex(0)

    /// A new, empty spill file in `folder`; nil when none can be made.
    init?(folder: String) {
        var template = Array((folder + "/.spill.XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Appends `bytes`; what ``bytes(_:)`` reads them back with, or nil when they cannot be written.
    func put(_ bytes: [UInt8]) -> SpilledBytes? {
        let offset = size.withLock { size in
            defer { size += bytes.count }
            return size
        }
        let written = bytes.withUnsafeBytes { FileBytes.write($0, to: descriptor, at: offset) }
        return written ? SpilledBytes(file: self, range: offset..<offset + bytes.count) : nil
    }

    /// The bytes of `range`, or nil when they cannot be read.
    fileprivate func read(_ range: Range<Int>) -> [UInt8]? {
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, count in
            var done = 0
            while done < range.count {
                let got = pread(descriptor, buffer.baseAddress! + done, range.count - done, off_t(range.lowerBound + done))
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { break }
                done += got
            }
            failed = done != range.count
            count = done
        }
        return failed ? nil : bytes
    }
}

/// Bytes set aside in a ``SpillFile``.
struct SpilledBytes: Sendable {
    let file: SpillFile
    let range: Range<Int>

    /// The bytes, read back; nil when they cannot be.
    var bytes: [UInt8]? { file.read(range) }
}

/// Bytes kept for the build cache: in memory, or set aside in a ``SpillFile``.
enum KeptBytes: Sendable {
    case memory([UInt8])
    case spilled(SpilledBytes)

    /// The bytes; nil when spilled bytes cannot be read back.
    var bytes: [UInt8]? {
        switch self {
        case .memory(let bytes): bytes
        case .spilled(let spilled): spilled.bytes
        }
    }
}

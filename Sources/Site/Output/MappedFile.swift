import Foundation
import Synchronization
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file by mapping it instead of copying it, for files whose bytes are seldom looked at:
/// a cached build takes thousands of unchanged HTML files from the previous output, of which
/// nothing but their hash is used (the writer and the link check go by hashes), so their bytes
/// are never copied nor paged in; the build cache hashes the running binary, which is mostly in
/// memory already.
///
/// The mapping lives as long as the `Data`. The output updater replaces a file by renaming a new
/// one over it, which leaves a mapping of the old file as it was; a file that another program
/// rewrites in place during the build (not by renaming) would show its new bytes through the
/// mapping, and one it cuts shorter would fault where the bytes are read (only when the link check
/// has no scan of it, or the updater finds it changed and writes it again).
enum MappedFile {
    /// The most files mapped at once: the kernel allows a process about 65,000 mappings (its
    /// default `vm.max_map_count`), which memory allocation and threads share; past the budget,
    /// files are read.
    static let budget = 24_000
    private static let mappedCount = Atomic<Int>(0)

    /// The bytes of the file at `path`, or nil when it cannot be read or `accept` refuses the
    /// status of the open file (so that a caller checks the file it maps without a `stat` of its own).
    static func contents(atPath path: String, if accept: (stat) -> Bool = { _ in true }) -> Data? {
        // Non-blocking: a FIFO put at the path must not stop the build (regular files ignore the flag).
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, accept(info) else { return nil }
        let count = Int(info.st_size)
        guard count > 0, mappedCount.add(1, ordering: .relaxed).newValue <= budget else {
            if count > 0 { mappedCount.subtract(1, ordering: .relaxed) }
            return FileManager.default.contents(atPath: path)
        }
        guard let address = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            mappedCount.subtract(1, ordering: .relaxed)
            return FileManager.default.contents(atPath: path)
        }
        return Data(
            bytesNoCopy: address, count: count,
            deallocator: .custom { pointer, count in
                munmap(pointer, count)
                mappedCount.subtract(1, ordering: .relaxed)
            })
    }
}

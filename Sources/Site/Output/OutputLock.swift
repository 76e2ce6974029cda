import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on a file beside the output folder (`.public.lock`), so that two builds into
/// the same folder take turns instead of mixing their files. The lock is the kernel's (`flock`):
/// it ends with the process, however the process ends.
struct OutputLock {
    private let descriptor: Int32
    /// Seconds spent waiting for another build to finish.
    let waited: Double

    init(path: String) throws {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputWriter.Failure(operation: "cannot create the lock file", path: path, code: errno) }
        let start = Date()
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let code = errno
                close(descriptor)
                throw OutputWriter.Failure(operation: "cannot lock", path: path, code: code)
            }
        }
        waited = Date().timeIntervalSince(start)
    }

    func release() {
        close(descriptor)
    }
}

#if os(Linux)
    /// Linux's `renameat2` with `RENAME_EXCHANGE`, looked up at run time (the C library declares it
    /// only for GNU sources, which Swift's Glibc module does not import).
    enum RenameExchange {
        typealias Function = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        static let flag: UInt32 = 2
        static let function: Function? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2").map { unsafeBitCast($0, to: Function.self) }
    }
#endif

#if canImport(Glibc)
    import Glibc
#endif

/// Asks Linux to back a large allocation with 2 MB pages where it can (`MADV_HUGEPAGE`): filling
/// it then takes one page fault per 2 MB instead of one per 4 KB. Elsewhere, and for allocations
/// under 8 MB, it does nothing.
public func adviseHugePages(_ start: UnsafeMutableRawPointer, byteCount: Int) {
    #if canImport(Glibc)
        let huge = 1 << 21
        guard byteCount >= 4 * huge else { return }
        let address = Int(bitPattern: start)
        let first = (address + huge - 1) & ~(huge - 1)
        let end = (address + byteCount) & ~(huge - 1)
        guard end > first, let aligned = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(aligned, end - first, MADV_HUGEPAGE)
    #endif
}

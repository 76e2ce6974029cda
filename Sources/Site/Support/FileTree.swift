import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The regular files under a folder, read with `opendir`/`readdir`: FileManager's enumerator
/// made URLs and asked for resource values file by file (a second of a 10,000-page build).
enum FileTree {
    /// Regular files under `root`, relative to it and sorted. As with FileManager's enumerator
    /// and `.skipsHiddenFiles`: names starting with `.` are skipped, folders included, and
    /// symbolic links are neither listed nor followed. `include` filters files by name.
    static func regularFiles(under root: URL, include: (String) -> Bool = { _ in true }) -> [String] {
        var files: [String] = []
        collect(folder: root.path, relative: "", include: include, into: &files)
        return files.sorted()
    }

    private static func collect(folder: String, relative: String, include: (String) -> Bool, into files: inout [String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        var folders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard !name.hasPrefix(".") else { continue }
            switch kind(Int32(entry.pointee.d_type), path: folder + "/" + name) {
            case .folder: folders.append(name)
            case .file where include(name): files.append(relative + name)
            default: continue
            }
        }
        for name in folders {
            collect(folder: folder + "/" + name, relative: relative + name + "/", include: include, into: &files)
        }
    }

    private enum Kind { case file, folder, other }

    /// What a directory entry is, asking the file system only when `readdir` does not say.
    private static func kind(_ type: Int32, path: String) -> Kind {
        switch type {
        case Int32(DT_REG): return .file
        case Int32(DT_DIR): return .folder
        case Int32(DT_UNKNOWN):
            var info = stat()
            guard lstat(path, &info) == 0 else { return .other }
            switch info.st_mode & S_IFMT {
            case S_IFREG: return .file
            case S_IFDIR: return .folder
            default: return .other
            }
        default: return .other
        }
    }
}

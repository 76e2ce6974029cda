import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The folder a build writes to, checked before anything is built. The rule (docs/output.md):
/// - it may not be the site folder, contain it, or lie inside one of the site's sources
///   (`content/`, `static/`, `layouts/`, …, `.git`, a config file), symlinks resolved;
/// - it must be a folder or not exist yet; a symlink to a folder is written through;
/// - a folder that holds files collective did not write (it leaves ``marker`` in its own) is
///   replaced only when the user says so (`--force`);
/// - ``kept`` entries that deploy tools keep in an output folder survive every build.
public struct OutputFolder: Sendable {
    /// The file that marks a folder as collective's output.
    public static let marker = ".collective-output"
    /// What a build never removes from its output folder.
    public static let kept: [String] = [".git", "CNAME", ".nojekyll", ".well-known"]

    /// The folder as the user named it.
    public let given: URL
    /// Its real path, symlinks resolved: where the output is swapped in.
    public let path: String

    /// Checks `destination` for a build of the site at `site`; `sources` are the site's source
    /// paths relative to its root besides the standard ones (each language's `contentDir`).
    /// With `replaceForeign`, a folder collective did not write may be replaced.
    public init(checking destination: URL, site: URL, sources: [String] = [], replaceForeign: Bool) throws(Diagnostic) {
        given = destination
        path = Self.realPath(destination.path)
        let shown = destination.path
        let siteRoot = Self.realPath(site.path)
        if path == siteRoot || siteRoot.hasPrefix(path + "/") || path == "/" {
            throw Diagnostic(
                .error,
                "the output folder \(shown) is the site folder or contains it; choose a folder such as \(site.appendingPathComponent("public").path)")
        }
        let protected = Self.standardSources + sources + SiteConfig.fileNames
        for source in protected {
            let real = Self.realPath(site.appendingPathComponent(source).path)
            if path == real || path.hasPrefix(real + "/") || real.hasPrefix(path + "/") {
                throw Diagnostic(
                    .error,
                    "the output folder \(shown) would overwrite the site's \(source); choose a folder outside the site's sources, such as \(site.appendingPathComponent("public").path)"
                )
            }
        }
        try checkContents(shown: shown, replaceForeign: replaceForeign)
    }

    /// Folders of a site that are never output (its config files, ``SiteConfig/fileNames``, neither).
    static let standardSources = [
        "content", "static", "layouts", "archetypes", "data", "assets", "i18n", "themes", "config", ".git", BuildCache.folderName,
    ]

    /// Refuses a file, and a folder holding files another tool or the user put there.
    private func checkContents(shown: String, replaceForeign: Bool) throws(Diagnostic) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw Diagnostic(.error, "the output folder \(shown) is a file; remove it or choose a folder")
        }
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
        if entries.contains(Self.marker) || replaceForeign { return }
        let foreign = entries.filter { !Self.kept.contains($0) }
        guard !foreign.isEmpty else { return }
        let named = foreign.prefix(3).joined(separator: ", ") + (foreign.count > 3 ? " and \(foreign.count - 3) more" : "")
        throw Diagnostic(
            .error,
            "the output folder \(shown) holds files collective did not write (\(named)); "
                + "choose an empty or new folder, or pass --force to replace its contents (\(Self.kept.joined(separator: ", ")) are kept)")
    }

    /// `path` with symlinks resolved; the part that does not exist yet is appended as given.
    static func realPath(_ path: String) -> String {
        var existing = path
        var missing: [String] = []
        while !existing.isEmpty, existing != "/" {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                return missing.reversed().reduce(base) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 }
            }
            missing.append(PathText.lastComponent(existing))
            existing = PathText.folder(of: existing)
        }
        return "/" + missing.reversed().joined(separator: "/")
    }
}

import Foundation

extension Scaffold {
    /// Writes `host`'s configuration for the site at `siteRoot`: a CI file at the root of the
    /// enclosing git repository (the site folder when there is none), a host file in the site folder.
    /// Refuses to replace an existing file unless `force`. Returns the file written.
    @discardableResult
    public static func writeDeployConfiguration(for host: DeployHost, siteRoot: URL, force: Bool = false) throws(Diagnostic) -> URL {
        let site = siteRoot.standardizedFileURL
        guard SiteConfig.configFile(in: site) != nil || FileManager.default.fileExists(atPath: site.appendingPathComponent("content").path) else {
            throw Diagnostic(
                .error,
                "\(site.path) is not a site folder (no config file and no content/); make one with `collective init FOLDER --deploy \(host.rawValue)`"
            )
        }
        let repository = host.belongsAtRepositoryRoot ? (repositoryRoot(containing: site) ?? site) : site
        let sitePath = relativePath(of: site, in: repository)
        let target = repository.appendingPathComponent(host.fileName)
        if FileManager.default.fileExists(atPath: target.path), !force {
            throw Diagnostic(.error, "\(target.path) already exists and was not changed; pass --force to replace it")
        }
        let branch = repositoryRoot(containing: site).flatMap(currentBranch(ofRepository:)) ?? "main"
        let text = host.configuration(for: DeploySite(path: sitePath, name: projectName(site.lastPathComponent), branch: branch))
        try TextFile.write(text, to: target)
        return target
    }

    /// The nearest folder at or above `folder` that holds `.git` (a folder, or a file in a worktree).
    static func repositoryRoot(containing folder: URL) -> URL? {
        var current = folder
        while true {
            if FileManager.default.fileExists(atPath: current.appendingPathComponent(".git").path) { return current }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    /// The branch checked out in the repository at `root` (from `.git/HEAD`); nil when it cannot be read.
    static func currentBranch(ofRepository root: URL) -> String? {
        guard let head = try? String(contentsOf: root.appendingPathComponent(".git/HEAD"), encoding: .utf8) else { return nil }
        let prefix = "ref: refs/heads/"
        let line = head.trimmingCharacters(in: .whitespacesAndNewlines)
        guard line.hasPrefix(prefix) else { return nil }
        let branch = String(line.dropFirst(prefix.count))
        return branch.isEmpty || branch.contains(where: { $0.isWhitespace || "\"'$`\\".contains($0) }) ? nil : branch
    }

    /// `folder`'s path below `root` (`blog/site`), or `.` when they are the same.
    static func relativePath(of folder: URL, in root: URL) -> String {
        let inner = folder.pathComponents
        let outer = root.pathComponents
        guard inner.count > outer.count, Array(inner.prefix(outer.count)) == outer else { return "." }
        return inner.dropFirst(outer.count).joined(separator: "/")
    }

    /// A host project name from a folder name: lower-case letters, digits and dashes (`My Blog` → `my-blog`).
    static func projectName(_ folderName: String) -> String {
        var name = ""
        for character in folderName.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                name.append(character)
            } else if !name.isEmpty, name.last != "-" {
                name.append("-")
            }
        }
        while name.hasSuffix("-") { name.removeLast() }
        return name.isEmpty ? "site" : String(name.prefix(58))
    }
}

import Foundation

/// A file in `content/` that is not a page: an image or data file of a bundle or section.
public struct Resource: Sendable, Equatable {
    /// Path relative to `content/` (`posts/my-post/images/a.png`).
    public var contentPath: String
    /// The bundle or section folder it belongs to, relative to `content/` (`posts/my-post`).
    public var owner: String
}

/// What `content/` holds, read and parsed.
struct ContentTree: Sendable {
    var pages: [Page] = []
    /// Every section path (`posts`, `posts/inner`), with or without an `_index.md`.
    var sections: Set<String> = []
    var resources: [Resource] = []
    var diagnostics: [Diagnostic] = []
    /// Files skipped because they are written in another configured language.
    var otherLanguageFiles: [String] = []
}

/// Walks `content/` and reads every page, in parallel.
struct ContentScanner {
    let contentRoot: URL
    let config: SiteConfig

    static let markdownExtensions: Set<String> = ["md", "markdown"]

    func scan() -> ContentTree {
        var tree = ContentTree()
        let files = listFiles()
        // Leaf bundles: folders holding an index.md; everything under them belongs to them.
        tree.otherLanguageFiles = files.filter { file in
            let name = split(file).name
            return Self.markdownExtensions.contains((name as NSString).pathExtension.lowercased()) && languageStem(name) == nil
        }
        var leafBundles = Set<String>()
        var branchFolders = Set<String>()
        for file in files {
            let (folder, name) = split(file)
            guard let stem = languageStem(name) else { continue }
            if stem == "index" { leafBundles.insert(folder) }
            if stem == "_index" { branchFolders.insert(folder) }
        }
        func leafBundle(containing file: String) -> String? {
            var folder = split(file).folder
            while !folder.isEmpty {
                if leafBundles.contains(folder) { return folder }
                folder = split(folder).folder
            }
            return nil
        }
        // Sections: top-level folders, and deeper folders with an _index.md.
        for file in files {
            let parts = file.split(separator: "/")
            guard parts.count > 1 else { continue }
            let top = String(parts[0])
            if !leafBundles.contains(top) { tree.sections.insert(top) }
        }
        for folder in branchFolders where !folder.isEmpty && !leafBundles.contains(folder) { tree.sections.insert(folder) }
        func section(of folder: String) -> String {
            var candidate = folder
            while !candidate.isEmpty {
                if tree.sections.contains(candidate) { return candidate }
                candidate = split(candidate).folder
            }
            return ""
        }

        struct Job: Sendable { var path: String; var kind: Page.Kind; var section: String; var bundle: String? }
        var jobs: [Job] = []
        for file in files {
            let (folder, name) = split(file)
            let isMarkdown = Self.markdownExtensions.contains((name as NSString).pathExtension.lowercased())
            if let bundle = leafBundle(containing: file) {
                let isIndex = folder == bundle && isMarkdown && languageStem(name) == "index"
                if isIndex {
                    jobs.append(Job(path: file, kind: .page, section: section(of: split(bundle).folder), bundle: bundle))
                } else if !isMarkdown {
                    tree.resources.append(Resource(contentPath: file, owner: bundle))
                }
                continue
            }
            guard isMarkdown else {
                tree.resources.append(Resource(contentPath: file, owner: folder))
                continue
            }
            guard let stem = languageStem(name) else { continue }
            if stem == "_index" {
                let kind: Page.Kind = folder.isEmpty ? .home : .section
                jobs.append(Job(path: file, kind: kind, section: folder, bundle: folder))
            } else {
                jobs.append(Job(path: file, kind: .page, section: section(of: folder), bundle: nil))
            }
        }

        let reader = PageReader(config: config)
        let root = contentRoot
        let results = jobs.parallelMap { job -> (Page?, [Diagnostic]) in
            let url = root.appendingPathComponent(job.path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                return (nil, [Diagnostic(.error, "cannot read the file", file: "content/" + job.path)])
            }
            let text = String(decoding: data, as: UTF8.self)
            return reader.read(source: text, contentPath: job.path, kind: job.kind, section: job.section,
                               bundleFolder: job.bundle)
        }
        for (page, diagnostics) in results {
            if let page { tree.pages.append(page) }
            tree.diagnostics += diagnostics
        }
        return tree
    }

    /// The file's name without extension and default-language suffix; nil when the file is written
    /// in another configured language (`about.fr.md`).
    private func languageStem(_ name: String) -> String? {
        var parts = name.split(separator: ".").map(String.init)
        if parts.count > 1 { parts.removeLast() }
        if parts.count > 1, let language = parts.last {
            if config.otherLanguages.contains(language) { return nil }
            if language == config.defaultLanguage { parts.removeLast() }
        }
        return parts.joined(separator: ".")
    }

    private func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    /// Every file under `content/`, relative and sorted; hidden files and editor backups are skipped.
    private func listFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: contentRoot, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
        let rootPath = contentRoot.standardizedFileURL.path
        var files: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let name = url.lastPathComponent
            if name.hasSuffix("~") || name.hasPrefix("#") || name.hasSuffix(".swp") { continue }
            var path = url.standardizedFileURL.path
            if path.hasPrefix(rootPath) { path = String(path.dropFirst(rootPath.count)) }
            while path.hasPrefix("/") { path.removeFirst() }
            files.append(path)
        }
        return files.sorted()
    }
}

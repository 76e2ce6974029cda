import Foundation
import Notebooks
import TextUtilities

/// A file in `content/` that is not a page: an image or data file of a bundle or section.
public struct Resource: Sendable, Equatable {
    /// Path relative to `content/` (`posts/my-post/images/a.png`).
    public var contentPath: String
    /// The bundle or section folder it belongs to, relative to `content/` (`posts/my-post`).
    public var owner: String
    /// Where another language publishes this same file, as a path from the site's root
    /// (`/posts/my-post/a.png`); nil when this language publishes it (see ``SharedBundleFiles``).
    public var publishedAt: String? = nil
}

/// What `content/` holds for one language, read and parsed.
struct ContentTree: Sendable {
    var pages: [Page] = []
    /// Every section path (`posts`, `posts/inner`), with or without an `_index.md`.
    var sections: Set<String> = []
    var resources: [Resource] = []
    var diagnostics: [Diagnostic] = []
}

/// Walks a language's content folder and reads its pages, in parallel.
///
/// A file belongs to the language of its suffix (`post.fr.md`); a file without one to the
/// language whose `contentDir` holds it, the default language first. Files that are not pages
/// (bundle resources) belong to every language unless a suffix names one.
struct ContentScanner {
    let contentRoot: URL
    /// The configuration of the language being read.
    let config: SiteConfig
    /// Front matter parsed by earlier builds (the build cache's); nil to parse every page.
    var memo: FrontMatterMemo? = nil
    /// Content files (relative to the site root) whose rendering the build takes from the build
    /// cache: when the memo knows their bytes, they are not read (their body is not needed).
    var rendered: Set<String> = []

    /// Extensions of the files that are pages: Markdown, and Jupyter notebooks (`NotebookSource`).
    static let markdownExtensions: Set<String> = ["md", "markdown", NotebookSource.fileExtension]

    func scan() -> ContentTree {
        var tree = ContentTree()
        let unmarkedLanguage =
            (config.languages.first { $0.code == config.defaultLanguage && $0.contentDir == config.language.contentDir }
            ?? config.languages.first { $0.contentDir == config.language.contentDir })?.code
        let ownsUnmarked = unmarkedLanguage == config.language.code
        let all = listFiles().map(facts(of:))
        let files = all.filter { file in
            file.language.map { $0 == config.language.code } ?? (ownsUnmarked || !file.isPage)
        }
        // Leaf bundles: folders holding an index.md; everything under them belongs to them.
        var leafBundles = Set<String>()
        var branchFolders = Set<String>()
        for file in files where file.isPage {
            if file.stem == "index" { leafBundles.insert(file.folder) }
            if file.stem == "_index" { branchFolders.insert(file.folder) }
        }
        func leafBundle(containing file: FileFacts) -> String? {
            var folder = file.folder
            while !folder.isEmpty {
                if leafBundles.contains(folder) { return folder }
                folder = split(folder).folder
            }
            return nil
        }
        let otherBundles = otherLanguagesLeafBundles(all, excluding: leafBundles)
        func inOtherLanguagesBundle(_ file: FileFacts) -> Bool {
            guard !otherBundles.isEmpty else { return false }
            var folder = file.folder
            while !folder.isEmpty {
                if otherBundles.contains(folder) { return true }
                folder = split(folder).folder
            }
            return false
        }
        // Sections: top-level folders, and deeper folders with an _index.md.
        for file in files where !inOtherLanguagesBundle(file) {
            guard let slash = file.path.utf8.firstIndex(of: UInt8(ascii: "/")) else { continue }
            let top = String(file.path[..<slash])
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

        struct Job: Sendable {
            var path: String
            var kind: Page.Kind
            var section: String
            var bundle: String?
        }
        var jobs: [Job] = []
        for facts in files where !inOtherLanguagesBundle(facts) {
            let (file, folder, isMarkdown, stem) = (facts.path, facts.folder, facts.isPage, facts.stem)
            if let bundle = leafBundle(containing: facts) {
                let isIndex = folder == bundle && isMarkdown && stem == "index"
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
            if stem == "_index" {
                let kind: Page.Kind = folder.isEmpty ? .home : .section
                jobs.append(Job(path: file, kind: kind, section: folder, bundle: folder))
            } else {
                jobs.append(Job(path: file, kind: .page, section: section(of: folder), bundle: nil))
            }
        }

        let reader = PageReader(config: config, memo: memo)
        let root = contentRoot
        let results = jobs.concurrentMap { job -> (Page?, [Diagnostic]) in
            let file = config.language.contentDir + "/" + job.path
            if PathText.fileExtension(job.path).lowercased() == NotebookSource.fileExtension {
                return readNotebook(
                    root.appendingPathComponent(job.path), file: file, job: (job.path, job.kind, job.section, job.bundle), reader: reader)
            }
            if rendered.contains(file), let summary = memo?.summary(ofFile: file) {
                var (page, diagnostics) = reader.read(
                    split: summary.frontMatter, contentPath: job.path, kind: job.kind,
                    section: job.section, bundleFolder: job.bundle)
                if summary.isBlank { diagnostics.append(Self.blankWarning(file)) }
                return (page, diagnostics)
            }
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(job.path).path) else {
                return (nil, [Diagnostic(.error, "cannot read the file", file: file)])
            }
            // Over the bytes in place: Data's iterator went byte by byte through a call each (1% of a build).
            let text: String? = data.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                guard bytes.isEmpty || memchr(raw.baseAddress!, 0, raw.count) == nil else { return nil }
                return String(validating: bytes, as: UTF8.self)
            }
            guard let text else {
                return (
                    nil,
                    [Diagnostic(.warning, "the file is not UTF-8 text (a binary file named .md?); it was skipped: rename or convert it", file: file)]
                )
            }
            guard let split = reader.split(text) else {
                return reader.read(source: text, contentPath: job.path, kind: job.kind, section: job.section, bundleFolder: job.bundle)
            }
            var (page, diagnostics) = reader.read(
                split: split, contentPath: job.path, kind: job.kind, section: job.section,
                bundleFolder: job.bundle)
            let isBlank = text.allSatisfy(\.isWhitespace)
            if isBlank { diagnostics.append(Self.blankWarning(file)) }
            memo?.remember(FrontMatterMemo.FileSummary(frontMatter: split, isBlank: isBlank), ofFile: file)
            return (page, diagnostics)
        }
        for (page, diagnostics) in results {
            if let page { tree.pages.append(page) }
            tree.diagnostics += diagnostics
        }
        return tree
    }

    private static func blankWarning(_ file: String) -> Diagnostic {
        Diagnostic(.warning, "the file is empty; it was built as a page without title or text", file: file)
    }

    /// A notebook as a page; a notebook that cannot be read is an error naming the file and, for
    /// bad JSON, the line and column, and the other pages still build.
    private func readNotebook(
        _ url: URL, file: String, job: (path: String, kind: Page.Kind, section: String, bundle: String?),
        reader: PageReader
    ) -> (Page?, [Diagnostic]) {
        let notebook: Notebook
        do {
            notebook = try NotebookSource.read(url)
        } catch {
            return (
                nil,
                [
                    Diagnostic(
                        .error, "cannot read the notebook: \(error.message); fix the file or open and save it in Jupyter",
                        file: file, line: error.line, column: error.column)
                ]
            )
        }
        let (text, metadata) = NotebookSource.pageText(of: notebook)
        return reader.read(
            source: text, contentPath: job.path, kind: job.kind, section: job.section, bundleFolder: job.bundle,
            defaults: metadata)
    }

    /// The file's name without its extension and language suffix, and the language the suffix
    /// names (nil without one; only configured languages count: `v1.2.md` has none).
    private func languageStem(_ name: String) -> (stem: String, language: String?) {
        Self.languageStem(name) { suffix in config.languages.contains { $0.code == suffix } }
    }

    /// A content file's name without its extension and without a language suffix that
    /// `isLanguage` accepts (`index` and `fr` for `index.fr.md`). Empty parts between dots are
    /// left out (`a..b.md` gives `a.b`).
    static func languageStem(_ name: String, isLanguage: (Substring) -> Bool) -> (stem: String, language: String?) {
        let dot = UInt8(ascii: ".")
        var previous = dot
        // Found as bytes when no dot starts or ends the name or follows another (the common case).
        let plain = name.utf8.allSatisfy { byte in
            defer { previous = byte }
            return byte != dot || previous != dot
        }
        guard plain, previous != dot, let extensionDot = name.utf8.lastIndex(of: dot) else {
            if !name.isEmpty, !name.utf8.contains(dot) { return (name, nil) }
            return splitLanguageStem(name, isLanguage: isLanguage)
        }
        if let languageDot = name.utf8[..<extensionDot].lastIndex(of: dot) {
            let suffix = name[name.utf8.index(after: languageDot)..<extensionDot]
            if isLanguage(suffix) { return (String(name[..<languageDot]), String(suffix)) }
        }
        return (String(name[..<extensionDot]), nil)
    }

    /// ``languageStem(_:isLanguage:)`` by splitting the name at its dots (names with empty parts between them).
    static func splitLanguageStem(_ name: String, isLanguage: (Substring) -> Bool) -> (stem: String, language: String?) {
        var parts = name.split(separator: ".").map(String.init)
        if parts.count > 1 { parts.removeLast() }
        if parts.count > 1, let suffix = parts.last, isLanguage(Substring(suffix)) {
            parts.removeLast()
            return (parts.joined(separator: "."), suffix)
        }
        return (parts.joined(separator: "."), nil)
    }

    private func isMarkdown(_ file: String) -> Bool {
        Self.markdownExtensions.contains(PathText.fileExtension(file).lowercased())
    }

    /// Leaf bundles that only other languages have (`post/index.fr.md` alone, read for English):
    /// their resources are not this language's.
    private func otherLanguagesLeafBundles(_ files: [FileFacts], excluding own: Set<String>) -> Set<String> {
        guard config.isMultilingual else { return [] }
        var bundles = Set<String>()
        for file in files where file.isPage && file.stem == "index" && !own.contains(file.folder) { bundles.insert(file.folder) }
        return bundles
    }

    /// What a content file's path says, worked out once per file.
    private struct FileFacts {
        /// Relative to the content folder.
        var path: String
        /// The folder holding it (`""` at the top).
        var folder: String
        /// The name without extension and language suffix (``languageStem(_:)``).
        var stem: String
        /// The language its suffix names.
        var language: String?
        /// Markdown or a notebook.
        var isPage: Bool
    }

    private func facts(of path: String) -> FileFacts {
        let (folder, name) = split(path)
        let (stem, language) = languageStem(name)
        return FileFacts(path: path, folder: folder, stem: stem, language: language, isPage: isMarkdown(path))
    }

    private func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", path) }
        return (String(path[..<slash]), String(path[path.utf8.index(after: slash)...]))
    }

    /// Every file under the content folder, relative and sorted; hidden files, editor backups and
    /// other languages' content folders inside this one are skipped.
    private func listFiles() -> [String] {
        let nested = config.languages.map(\.contentDir).filter { $0.hasPrefix(config.language.contentDir + "/") }
            .map { String($0.dropFirst(config.language.contentDir.count + 1)) + "/" }
        let files = FileTree.regularFiles(under: contentRoot) { name in
            !(name.hasSuffix("~") || name.hasPrefix("#") || name.hasSuffix(".swp"))
        }
        return nested.isEmpty ? files : files.filter { path in !nested.contains { path.hasPrefix($0) } }
    }
}

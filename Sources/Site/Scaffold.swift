import Foundation

/// Creates new sites and new content files (`collective init`, `collective new`).
public enum Scaffold {
    /// Writes a working new site into `folder`: config, one post, an about page, an archetype.
    /// Refuses a folder that already has content.
    public static func createSite(at folder: URL, title: String? = nil) throws(Diagnostic) {
        let fileManager = FileManager.default
        let content = folder.appendingPathComponent("content")
        if fileManager.fileExists(atPath: content.path)
            || SiteConfig.fileNames.contains(where: {
                fileManager.fileExists(atPath: folder.appendingPathComponent($0).path)
            })
        {
            throw Diagnostic(.error, "\(folder.path) already holds a site; choose an empty or new folder")
        }
        let name = title ?? folder.lastPathComponent.replacingOccurrences(of: "-", with: " ").capitalized
        let today = Date().formatted(.iso8601.year().month().day())
        let files: [String: String] = [
            "collective.toml": """
            baseURL = "https://example.org/"
            title = "\(name)"
            languageCode = "en"

            [params]
            description = "Notes on machine learning for scientists."
            author = "Your Name"
            ShowReadingTime = true
            ShowToc = true
            defaultTheme = "auto"

            [[menus.main]]
            name = "Archives"
            url = "/archives/"
            weight = 1

            [[menus.main]]
            name = "Search"
            url = "/search/"
            weight = 2

            [[menus.main]]
            name = "Tags"
            url = "/tags/"
            weight = 3

            [[menus.main]]
            name = "About"
            url = "/about/"
            weight = 4

            """,
            "content/posts/hello-world.md": """
            ---
            title: "Hello, world"
            date: \(today)
            tags: ["welcome"]
            description: "The first post of \(name)."
            ---

            Welcome to your new site. Write posts in `content/posts/` as Markdown files.

            Inline math such as $E = mc^2$ and display math work out of the box:

            $$
            \\mathcal{L}(\\theta) = -\\sum_i y_i \\log \\hat{y}_i
            $$

            ```python
            print("Hello from The Tensor Collective")
            ```

            """,
            "content/about.md": """
            ---
            title: "About"
            ShowToc: false
            ---

            Tell your readers who you are.

            """,
            "content/archives.md": "---\ntitle: \"Archives\"\nlayout: \"archives\"\n---\n",
            "content/search.md": "---\ntitle: \"Search\"\nlayout: \"search\"\n---\n",
            "archetypes/default.md": "---\ntitle: \"{{ title }}\"\ndate: {{ date }}\ndraft: true\ntags: []\n---\n\n",
            "static/.keep": "",
            "layouts/.keep": "",
        ]
        for (path, text) in files {
            try TextFile.write(text, to: folder.appendingPathComponent(path))
        }
    }

    /// Creates `content/<path>` from the section's archetype (`archetypes/<section>.md`, else
    /// `archetypes/default.md`, else a built-in one). Refuses to overwrite. Returns the new file.
    public static func createContent(_ path: String, siteRoot: URL, now: Date = Date()) throws(Diagnostic) -> URL {
        var relative = path
        if relative.hasPrefix("content/") { relative.removeFirst("content/".count) }
        if !relative.hasSuffix(".md") { relative += relative.hasSuffix("/") ? "index.md" : ".md" }
        guard !relative.split(separator: "/").contains("..") else {
            throw Diagnostic(.error, "\(path) leaves the content folder; give a path such as posts/my-post.md")
        }
        if SiteConfig.configFile(in: siteRoot) == nil, !FileManager.default.fileExists(atPath: siteRoot.appendingPathComponent("content").path) {
            throw Diagnostic(
                .error,
                "\(siteRoot.standardizedFileURL.path) is not a site folder (no config file and no content/); run `collective new` in a site, give one with -s, or make one with `collective init`"
            )
        }
        let target = siteRoot.appendingPathComponent("content").appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: target.path) {
            throw Diagnostic(.error, "content/\(relative) already exists; it was not changed", file: "content/\(relative)")
        }
        let section = relative.split(separator: "/").count > 1 ? String(relative.split(separator: "/")[0]) : ""
        let archetypes = siteRoot.appendingPathComponent("archetypes")
        let template =
            [section + ".md", "default.md"].lazy.compactMap {
                try? String(contentsOf: archetypes.appendingPathComponent($0), encoding: .utf8)
            }.first ?? "---\ntitle: \"{{ title }}\"\ndate: {{ date }}\ndraft: true\n---\n\n"
        var name = PathText.removingExtension(relative)
        if PathText.lastComponent(name) == "index" { name = PathText.folder(of: name) }
        let base = PathText.lastComponent(name)
        let title = base.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ").capitalized
        let text = fillArchetype(template, title: title, name: base, date: now.formatted(.iso8601))
        try TextFile.write(text, to: target)
        return target
    }

    /// Replaces the placeholders archetypes use: ours (`{{ title }}`) and Hugo's common ones.
    static func fillArchetype(_ template: String, title: String, name: String, date: String) -> String {
        var text = template
        let patterns: [(String, String)] = [
            (#"\{\{\s*replace\s+\.(File\.ContentBaseName|Name|TranslationBaseName)\s+"-"\s+" "\s*\|\s*title\s*\}\}"#, title),
            (#"\{\{\s*\.Date\s*\}\}"#, date),
            (#"\{\{\s*date\s*\}\}"#, date),
            (#"\{\{\s*title\s*\}\}"#, title),
            (#"\{\{\s*\.(Name|File\.ContentBaseName|TranslationBaseName)\s*\}\}"#, name),
        ]
        for (pattern, value) in patterns {
            text = text.replacingOccurrences(of: pattern, with: value, options: .regularExpression)
        }
        return text
    }
}

/// One copy of a bundle file that several languages see, as Hugo 0.168 publishes it.
///
/// A file of a bundle without a language in its name (`posts/b/p.png` beside `index.md` and
/// `index.fr.md`) belongs to the language that owns the unmarked files of its content folder (the
/// default language first). Hugo writes it once, beside that language's page, and every
/// translation's `![](p.png)` and `.Resources` point to that copy (`/posts/b/p.png` on the French
/// page too). A file named for a language (`p.fr.png`) is published by that language only, and
/// lent to the bundle's other translations (`![](p.png)` on the English page finds it when the
/// English bundle has no `p.png`).
///
/// Hugo's `duplicateResourceFiles = true` asks for a copy beside every translation instead (then a
/// relative `<img src="p.png">` in a translation's raw HTML finds its file too).
///
/// When the owning language has no translation of the bundle, Hugo 0.168 publishes the file for
/// no one and the other translations' images break; collective publishes it then with the first
/// language (by weight) that has the bundle, so readers still see the image.
enum SharedBundleFiles {
    /// Whether the site asks for a copy of each shared file beside every translation (`duplicateResourceFiles`).
    static func duplicates(_ config: SiteConfig) -> Bool {
        config.raw.valueIgnoringCase("duplicateResourceFiles")?.bool ?? false
    }

    /// Marks, in every language but the one that publishes it, each resource shared with another
    /// language (``Resource/publishedAt``).
    static func assign(_ contents: inout [LanguageContent]) {
        // Who sees each file: (content folder, path) → languages in weight order with the resource's index.
        var seenBy: [String: [(language: Int, index: Int)]] = [:]
        for (language, content) in contents.enumerated() {
            for (index, resource) in content.resources.enumerated() where publishes(resource, content.content) {
                seenBy[content.config.language.contentDir + "\u{0}" + resource.contentPath, default: []].append((language, index))
            }
        }
        for holders in seenBy.values where holders.count > 1 {
            let config = contents[holders[0].language].config
            let contentDir = config.language.contentDir
            let owner =
                (config.languages.first { $0.code == config.defaultLanguage && $0.contentDir == contentDir }
                ?? config.languages.first { $0.contentDir == contentDir })?.code
            let publisher = holders.first { contents[$0.language].config.language.code == owner } ?? holders[0]
            let path = sitePath(of: contents[publisher.language].resources[publisher.index], in: contents[publisher.language])
            for holder in holders where holder.language != publisher.language {
                contents[holder.language].resources[holder.index].publishedAt = path
            }
        }
        lendLanguageFiles(&contents)
    }

    /// Adds each file named for one language to the other languages that have its bundle (in the
    /// same content folder), published where its language publishes it.
    private static func lendLanguageFiles(_ contents: inout [LanguageContent]) {
        var lent: [[Resource]] = Array(repeating: [], count: contents.count)
        for (from, language) in contents.enumerated() {
            let code = language.config.language.code
            for resource in language.resources where resource.publishedAt == nil && publishes(resource, language.content) {
                guard isNamed(resource, for: code) else { continue }
                for to in contents.indices where to != from && contents[to].config.language.contentDir == language.config.language.contentDir {
                    guard let index = contents[to].content.pageByContentPath[resource.owner],
                        contents[to].content.pages[index].bundleFolder == resource.owner,
                        !contents[to].content.leftOutBundles.contains(resource.owner)
                    else { continue }
                    var copy = resource
                    copy.publishedAt = sitePath(of: resource, in: language)
                    lent[to].append(copy)
                }
            }
        }
        for (to, resources) in lent.enumerated() where !resources.isEmpty {
            contents[to].resources = (contents[to].resources + resources).sorted { $0.contentPath < $1.contentPath }
        }
        // A language's own file (named for it, or published by it) hides a file of the same name
        // that another language publishes: `p.fr.png` hides `p.png` on the French page, `p.png` the
        // lent `p.fr.png` on the English one.
        for language in contents.indices {
            let config = contents[language].config
            let codes = Set(config.languages.map { $0.code.lowercased() })
            func isOwn(_ resource: Resource) -> Bool { resource.publishedAt == nil || isNamed(resource, for: config.language.code) }
            let own = Set(contents[language].resources.filter(isOwn).map { ContentRenderer.hugoResourceKey($0.contentPath, languages: codes) })
            contents[language].resources.removeAll { resource in
                !isOwn(resource) && own.contains(ContentRenderer.hugoResourceKey(resource.contentPath, languages: codes))
            }
        }
    }

    /// Whether the file's name carries the language code before its extension (`p.fr.png`).
    private static func isNamed(_ resource: Resource, for code: String) -> Bool {
        let parts = PathText.lastComponent(resource.contentPath).split(separator: ".")
        return parts.count >= 3 && parts[parts.count - 2].lowercased() == code.lowercased()
    }

    /// Whether the language publishes the resource at all: its bundle or section was not left out.
    private static func publishes(_ resource: Resource, _ content: SiteContent) -> Bool {
        !content.leftOutBundles.contains(resource.owner)
    }

    /// The resource's path from the site's root as `language` publishes it: beside its bundle's page,
    /// else at its place in `content/`, under the language's folder (`/fr/posts/b/p.png`).
    private static func sitePath(of resource: Resource, in language: LanguageContent) -> String {
        let content = language.content
        let folder = "/" + language.config.languageFolder
        if let index = content.pageByContentPath[resource.owner], let bundle = content.pages[index].bundleFolder,
            resource.contentPath.hasPrefix(bundle.isEmpty ? "" : bundle + "/")
        {
            let inside = bundle.isEmpty ? resource.contentPath : String(resource.contentPath.dropFirst(bundle.count + 1))
            return folder + String(content.pages[index].path.drop { $0 == "/" }) + inside
        }
        return folder + resource.contentPath
    }
}

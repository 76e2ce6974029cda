import Foundation
import GoTemplates

/// Hugo's `.Page` as shortcodes see it.
struct PageObject: GoObject {
    let page: Page
    let host: HugoHost
    /// The page's `.Scratch`/`.Store`, shared by the shortcodes of one render.
    let scratch: ScratchObject
    /// The render this page object belongs to (nil for pages reached through `GetPage`).
    weak var scope: ShortcodeScope?

    var goTypeName: String { "*hugolib.pageState" }
    var printed: String { "Page(\(page.sourceFile ?? page.path))" }

    func isEqual(to other: any GoObject) -> Bool {
        (other as? PageObject)?.page.path == page.path
    }

    func member(_ name: String, arguments: [GoValue]) throws -> GoValue? {
        let config = host.config
        switch name {
        case "Title", "LinkTitle": return .string(page.title)
        case "Params": return Value.table(page.params).goValue(lowercaseKeys: true)
        case "Param":
            let key = arguments.first?.text ?? ""
            if let value = page.param(key) ?? config.param(key) { return value.goValue(lowercaseKeys: true) }
            return .null
        case "Permalink": return .string(host.permalink(page))
        case "RelPermalink": return .string(host.relPermalink(page))
        case "Date": return .object(TimeObject(date: page.date ?? Date(timeIntervalSince1970: -62_135_596_800)))
        case "Lastmod": return .object(TimeObject(date: page.lastmod ?? page.date ?? Date(timeIntervalSince1970: -62_135_596_800)))
        case "PublishDate": return .object(TimeObject(date: page.publishDate ?? page.date ?? Date(timeIntervalSince1970: -62_135_596_800)))
        case "Section": return .string(String(page.section.split(separator: "/").first ?? ""))
        case "Type": return .string(page.param("type")?.string ?? String(page.section.split(separator: "/").first ?? "page"))
        case "Kind": return .string(page.kind.rawValue)
        case "Description": return .string(page.description ?? "")
        case "Draft": return .bool(page.isDraft)
        case "Weight": return .int(page.weight)
        case "Slug": return .string(page.slug ?? "")
        case "IsPage": return .bool(page.kind == .page)
        case "IsHome": return .bool(page.kind == .home)
        case "IsSection": return .bool(page.kind == .section)
        case "IsNode": return .bool(page.kind != .page)
        case "Lang": return .string(config.language.code)
        case "Language": return SiteObject.language(config)
        case "Site": return .object(SiteObject(host: host))
        case "Scratch", "Store": return .object(scratch)
        case "Resources": return .object(resources)
        case "File":
            let path = page.sourceFile.map { config.contentPath(ofSource: $0) } ?? ""
            let base = PathText.lastComponent(path)
            let logical = base
            let stem = logical.split(separator: ".").first.map(String.init) ?? logical
            let dir = PathText.folder(of: path)
            return .map([
                "Path": .string(path), "Filename": .string(host.contentRoot.appendingPathComponent(path).path),
                "LogicalName": .string(logical), "BaseFileName": .string(stem),
                "ContentBaseName": .string(
                    page.bundleFolder.map { PathText.lastComponent($0) } ?? stem),
                "Dir": .string(dir == "." ? "" : dir + "/"), "Ext": .string((logical as NSString).pathExtension),
                "Lang": .string(config.language.code),
            ])
        case "GetPage":
            return host.page(at: arguments.first?.text ?? "").map { .object(PageObject(page: $0, host: host, scratch: ScratchObject())) } ?? .null
        case "Parent":
            // The section that holds the page (the home page at the top); a section's is the one above it.
            guard page.kind != .home else { return .null }
            var section = page.section
            if page.kind == .section { section = PathText.folder(of: section) }
            let parent = host.content.sectionPage[section].map { host.content.pages[$0] } ?? host.content.pages[host.content.homePage]
            return .object(PageObject(page: parent, host: host, scratch: ScratchObject()))
        case "RenderString":
            // `.RenderString (dict "display" "block") $text` keeps a single paragraph's <p>.
            let markdown = arguments.last?.text ?? ""
            var block = false
            if arguments.count == 2, case .map(let options) = arguments[0] { block = options["display"]?.text == "block" }
            return .safe(scope?.markdownify(markdown, block: block) ?? HugoFunctions.markdownify(markdown, config: config), .html)
        case "Keywords": return page.param("keywords")?.goValue() ?? .array([])
        case "Aliases": return .array(page.aliases.map { .string($0) })
        case "TableOfContents" where scope != nil:
            // The page's own headings: filled in once its Markdown is rendered.
            return .safe(HugoTableOfContents.token, .html)
        case "Summary", "Content", "Plain", "TableOfContents":
            throw GoFunctionError(".Page.\(name) is not available inside a shortcode of the same page")
        case "WordCount", "ReadingTime": return .int(0)
        default:
            return nil
        }
    }

    var resources: ResourcesObject {
        guard let bundle = page.bundleFolder else { return ResourcesObject(items: []) }
        let paths = host.resourcesByOwner[bundle] ?? []
        return ResourcesObject(
            items: paths.map { path in
                let inside = bundle.isEmpty ? path : String(path.dropFirst(bundle.count + 1))
                let file = host.contentRoot.appendingPathComponent(path)
                if let shared = host.sharedResources[path] {
                    return ResourceObject(
                        file: file, name: inside, relPermalink: host.config.rootRelativeURL(shared),
                        permalink: host.config.rootAbsoluteURL(shared))
                }
                return ResourceObject(
                    file: file, name: inside, relPermalink: host.config.relativeURL(page.path + inside),
                    permalink: host.config.absoluteURL(page.path + inside))
            })
    }
}

/// Hugo's `.Site` / `site`.
struct SiteObject: GoObject {
    let host: HugoHost

    var goTypeName: String { "*hugolib.Site" }

    func member(_ name: String, arguments: [GoValue]) throws -> GoValue? {
        let config = host.config
        switch name {
        case "Title": return .string(config.title)
        case "Params": return Value.table(config.params).goValue(lowercaseKeys: true)
        case "Param": return config.param(arguments.first?.text ?? "")?.goValue(lowercaseKeys: true) ?? .null
        case "BaseURL": return .string(config.baseURL)
        case "Home": return .object(PageObject(page: host.content.pages[host.content.homePage], host: host, scratch: ScratchObject()))
        case "Language": return Self.language(config)
        case "LanguageCode": return .string(config.languageCode)
        case "Copyright": return .string(config.copyright ?? "")
        case "Data": return host.data
        case "IsMultiLingual": return .bool(config.isMultilingual)
        case "GetPage":
            return host.page(at: arguments.last?.text ?? "").map { .object(PageObject(page: $0, host: host, scratch: ScratchObject())) } ?? .null
        case "Pages", "RegularPages":
            let indices = name == "Pages" ? host.content.pages.pageIDs : host.content.regularPages
            return .object(PagesObject(pages: indices.map { host.content.pages[$0] }, host: host))
        case "Config": return Self.privacyAndServices(config)
        case "MainSections": return .array(host.content.mainSections(config: config).map { .string($0) })
        case "Hugo": return HugoFunctions.hugoInfo
        default: return nil
        }
    }

    /// Hugo's `.Site.Config`: `Privacy` and `Services` with Hugo's defaults under the site's
    /// `[privacy]` and `[services]` (keys lowercased; templates may write them in any case).
    static func privacyAndServices(_ config: SiteConfig) -> GoValue {
        let privacyDefaults: [String: Value] = [
            "disqus": .table(["disable": .bool(false)]),
            "googleanalytics": .table(["disable": .bool(false), "respectdonottrack": .bool(false)]),
            "instagram": .table(["disable": .bool(false), "simple": .bool(false)]),
            "vimeo": .table(["disable": .bool(false), "enablednt": .bool(false), "simple": .bool(false)]),
            "x": .table(["disable": .bool(false), "enablednt": .bool(false), "simple": .bool(false)]),
            "youtube": .table(["disable": .bool(false), "privacyenhanced": .bool(false)]),
        ]
        let serviceDefaults: [String: Value] = [
            "disqus": .table(["shortname": .string("")]), "googleanalytics": .table(["id": .string("")]),
            "instagram": .table(["disableinlinecss": .bool(false)]), "rss": .table(["limit": .int(-1)]),
            "x": .table(["disableinlinecss": .bool(false)]),
        ]
        func merged(_ key: String, _ defaults: [String: Value]) -> GoValue {
            var site: [String: Value] = [:]
            if case .table(let table)? = config.raw.valueIgnoringCase(key) { site = table }
            return Value.table(Value.merging(defaults, under: site)).goValue(lowercaseKeys: true)
        }
        return .map(["privacy": merged("privacy", privacyDefaults), "services": merged("services", serviceDefaults)])
    }

    static func language(_ config: SiteConfig) -> GoValue {
        .map([
            "Lang": .string(config.language.code), "LanguageCode": .string(config.languageCode),
            "LanguageName": .string(config.language.name ?? config.language.code),
            "LanguageDirection": .string(config.isRightToLeft ? "rtl" : "ltr"),
        ])
    }
}

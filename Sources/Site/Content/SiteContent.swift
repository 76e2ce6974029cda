import Foundation

/// Which pages a build includes besides the published ones.
public struct BuildOptions: Sendable, Codable {
    public var drafts = false
    public var future = false
    public var expired = false
    /// Overrides the config's `baseURL`.
    public var baseURL: String?
    /// "Now", for deciding what is future or expired.
    public var now = Date()
    /// Whether executable cells run (nil: as the config's `execute` says; frozen outputs by default).
    public var execute: ExecuteMode?

    public init(drafts: Bool = false, future: Bool = false, expired: Bool = false, baseURL: String? = nil) {
        self.drafts = drafts
        self.future = future
        self.expired = expired
        self.baseURL = baseURL
    }
}

/// How many pages a build left out, and why.
public struct LeftOutPages: Sendable, Equatable {
    public var drafts = 0
    public var future = 0
    public var expired = 0

    static func + (a: Self, b: Self) -> Self {
        LeftOutPages(drafts: a.drafts + b.drafts, future: a.future + b.future, expired: a.expired + b.expired)
    }
}

/// The site's pages with their URLs and relations: sections, taxonomies, neighbours.
struct SiteContent: Sendable {
    /// Every page, content and generated lists alike, in the order of their ``PageID``s.
    var pages: [Page]
    /// Regular pages (kind `.page`) in Hugo's default order: weight, then newest first.
    var regularPages: [PageID]
    /// Section path → its section page.
    var sectionPage: [String: PageID]
    /// Section path → regular pages directly in it or in its sub-sections, ordered.
    var sectionPages: [String: [PageID]]
    /// Section path → its direct sub-sections.
    var subsections: [String: [String]]
    /// Taxonomy plural → term name → pages, ordered.
    var taxonomyTerms: [String: [(term: String, pages: [PageID])]]
    /// Path → page.
    var pageByPath: [String: PageID]
    /// Content path (`posts/a.md`, `posts/bundle`) → page, for resolving links to files.
    var pageByContentPath: [String: PageID]
    /// The home page.
    var homePage: PageID
    /// Page → the newer and older page of its section (computed once: lists are long).
    var sectionNeighbours: [PageID: (newer: PageID?, older: PageID?)] = [:]
    /// Taxonomy plural → urlized term → position in ``taxonomyTerms``.
    var termPosition: [String: [String: Int]] = [:]
    /// Pages of `content/` that the build options left out.
    var leftOut = LeftOutPages()
    /// The bundle folders of pages left out (drafts, future, expired): their files are not published either.
    var leftOutBundles: Set<String> = []
    /// The first instant after the build's "now" at which a publish or expiry date would keep or
    /// leave out a page differently; nil when no date can (the build cache is valid until then).
    var changesAt: Date?

    /// Filters, gives URLs to and relates the pages read from `content/`.
    static func assemble(_ tree: ContentTree, config: SiteConfig, options: BuildOptions)
        -> (SiteContent, [Diagnostic])
    {
        var diagnostics: [Diagnostic] = []
        let permalinks = Permalinks(config: config)
        let drafts = options.drafts || config.buildDrafts
        let future = options.future || config.buildFuture
        let expired = options.expired || config.buildExpired
        var leftOut = LeftOutPages()
        var leftOutBundles: Set<String> = []
        var changesAt: Date?
        for page in tree.pages where !page.isDraft || drafts {
            if !future, page.kind == .page, let date = page.publishDate ?? page.date, date > options.now { changesAt = min(changesAt ?? date, date) }
            if !expired, let expiry = page.expiryDate, expiry >= options.now { changesAt = min(changesAt ?? expiry, expiry) }
        }
        var pages = tree.pages.filter { page in
            let kept: Bool
            if page.isDraft && !drafts {
                leftOut.drafts += 1
                kept = false
            } else if !future, let date = page.publishDate ?? page.date, date > options.now, page.kind == .page {
                leftOut.future += 1
                kept = false
            } else if !expired, let expiry = page.expiryDate, expiry < options.now {
                leftOut.expired += 1
                kept = false
            } else {
                kept = true
            }
            if !kept, let bundle = page.bundleFolder, !bundle.isEmpty { leftOutBundles.insert(bundle) }
            return kept
        }
        // Sections and the home page exist even without an _index.md.
        var haveSection = Set(pages.filter { $0.kind == .section }.map(\.section))
        for section in tree.sections.sorted() where !haveSection.contains(section) {
            pages.append(
                generated(
                    .section, title: PageReader.humanize(section + "/_index.md", kind: .section),
                    section: section))
            haveSection.insert(section)
        }
        if !pages.contains(where: { $0.kind == .home }) {
            pages.append(generated(.home, title: config.title, section: ""))
        }
        // Taxonomy and term pages.
        for taxonomy in config.taxonomies {
            var names: [String: String] = [:]  // urlized → first spelling
            for page in pages where page.kind == .page {
                for term in page.terms[taxonomy.plural] ?? [] {
                    let key = Permalinks.urlize(term)
                    if names[key] == nil { names[key] = term }
                }
            }
            var list = generated(.taxonomy, title: taxonomy.plural.capitalized, section: taxonomy.plural)
            list.taxonomy = taxonomy.plural
            pages.append(list)
            for (_, name) in names.sorted(by: { $0.key < $1.key }) {
                var termPage = generated(.term, title: name, section: taxonomy.plural)
                termPage.taxonomy = taxonomy.plural
                termPage.term = name
                pages.append(termPage)
            }
        }
        var keep = [Bool](repeating: true, count: pages.count)
        for index in pages.indices {
            if let path = permalinks.path(for: pages[index]) {
                pages[index].path = path
            } else {
                let page = pages[index]
                let field = ["url", "slug"].first { page.params.valueIgnoringCase($0) != nil } ?? "permalinks"
                diagnostics.append(
                    Diagnostic(
                        .error,
                        "the page's \(field) has a `..` segment, which could write outside the site or over another page; the page was skipped: write a path without `..`",
                        file: page.sourceFile, line: page.fieldLines[field]))
                keep[index] = false
            }
        }
        // Content _index.md for a taxonomy or term (content/tags/_index.md) replaces the generated one.
        var pageByPath: [String: Int] = [:]
        for index in pages.indices where keep[index] {
            let path = pages[index].path
            if let other = pageByPath[path] {
                let (a, b) = (pages[other], pages[index])
                if a.kind == .section, b.kind == .taxonomy || b.kind == .term {
                    pages[other].kind = b.kind
                    pages[other].taxonomy = b.taxonomy
                    pages[other].term = b.term
                    keep[index] = false
                    continue
                }
                diagnostics.append(
                    Diagnostic(
                        .error,
                        "\(a.sourceFile ?? a.kind.rawValue) and \(b.sourceFile ?? b.kind.rawValue) both have the URL \(path); change the slug or url of one of them",
                        file: b.sourceFile ?? a.sourceFile))
                keep[index] = false
                continue
            }
            pageByPath[path] = index
        }
        pages = zip(pages, keep).filter(\.1).map(\.0)
        var content = build(pages, config: config)
        content.leftOut = leftOut
        content.leftOutBundles = leftOutBundles
        content.changesAt = changesAt
        return (content, diagnostics)
    }

    private static func generated(_ kind: Page.Kind, title: String, section: String) -> Page {
        Page(
            kind: kind, sourceFile: nil, bundleFolder: nil, section: section, params: [:], title: title,
            description: nil, date: nil, lastmod: nil, publishDate: nil, expiryDate: nil, isDraft: false,
            slug: nil, url: nil, aliases: [], weight: 0, layout: nil, terms: [:], cover: nil, body: "", bodyLine: 1)
    }

    /// Hugo's default page order: weighted pages first by weight, then newest first, then by title.
    static func precedes(_ a: Page, _ b: Page) -> Bool {
        let wa = a.weight == 0 ? Int.max : a.weight
        let wb = b.weight == 0 ? Int.max : b.weight
        if wa != wb { return wa < wb }
        if a.sortDate != b.sortDate { return a.sortDate > b.sortDate }
        if a.title != b.title { return a.title < b.title }
        return a.path < b.path
    }

    private static func build(_ pages: [Page], config: SiteConfig) -> SiteContent {
        var pageByPath: [String: PageID] = [:]
        var pageByContentPath: [String: PageID] = [:]
        var sectionPage: [String: PageID] = [:]
        var homePage = PageID(0)
        for (index, page) in zip(pages.pageIDs, pages) {
            pageByPath[page.path] = index
            if let file = page.sourceFile {
                let contentPath = config.contentPath(ofSource: file)
                pageByContentPath[contentPath] = index
                if let bundle = page.bundleFolder { pageByContentPath[bundle] = index }
            }
            switch page.kind {
            case .section: sectionPage[page.section] = index
            case .home: homePage = index
            default: break
            }
        }
        // Links name files without the language suffix (`other.md` from `page.fr.md`): this language's file answers.
        let suffix = "." + config.language.code + "."
        for (index, page) in zip(pages.pageIDs, pages) {
            guard let file = page.sourceFile, file.contains(bytes: suffix) else { continue }
            let plain = config.contentPath(ofSource: file).replacingOccurrences(of: suffix, with: ".")
            if pageByContentPath[plain] == nil { pageByContentPath[plain] = index }
        }
        let order: (PageID, PageID) -> Bool = { precedes(pages[$0], pages[$1]) }
        let regular = pages.pageIDs.filter { pages[$0].kind == .page }.sorted(by: order)
        var sectionPages: [String: [PageID]] = [:]
        for index in regular {
            var section = pages[index].section
            while true {
                sectionPages[section, default: []].append(index)
                guard let slash = section.lastIndex(of: "/") else { break }
                section = String(section[..<slash])
            }
        }
        var subsections: [String: [String]] = [:]
        for section in sectionPage.keys where !section.isEmpty {
            let parent = section.lastIndex(of: "/").map { String(section[..<$0]) } ?? ""
            subsections[parent, default: []].append(section)
        }
        for key in subsections.keys { subsections[key]?.sort() }
        var taxonomyTerms: [String: [(String, [PageID])]] = [:]
        var termPages: [String: [String: [PageID]]] = [:]
        var termNames: [String: [String: String]] = [:]
        for index in regular {
            for (plural, terms) in pages[index].terms {
                for term in terms {
                    let key = Permalinks.urlize(term)
                    termPages[plural, default: [:]][key, default: []].append(index)
                    if termNames[plural]?[key] == nil { termNames[plural, default: [:]][key] = term }
                }
            }
        }
        for (plural, terms) in termPages {
            taxonomyTerms[plural] = terms.map { (termNames[plural]?[$0.key] ?? $0.key, $0.value) }
                .sorted { $0.0.lowercased() < $1.0.lowercased() }
        }
        var bySection: [String: [PageID]] = [:]
        for index in regular { bySection[pages[index].section, default: []].append(index) }
        var sectionNeighbours: [PageID: (newer: PageID?, older: PageID?)] = [:]
        for (_, members) in bySection {
            let ordered = members.sorted { pages[$0].sortDate > pages[$1].sortDate }
            for (position, index) in ordered.enumerated() {
                sectionNeighbours[index] = (
                    position > 0 ? ordered[position - 1] : nil,
                    position + 1 < ordered.count ? ordered[position + 1] : nil
                )
            }
        }
        var termPosition: [String: [String: Int]] = [:]
        for (plural, terms) in taxonomyTerms {
            for (position, term) in terms.enumerated() { termPosition[plural, default: [:]][Permalinks.urlize(term.0)] = position }
        }
        return SiteContent(
            pages: pages, regularPages: regular, sectionPage: sectionPage, sectionPages: sectionPages,
            subsections: subsections, taxonomyTerms: taxonomyTerms, pageByPath: pageByPath,
            pageByContentPath: pageByContentPath, homePage: homePage,
            sectionNeighbours: sectionNeighbours, termPosition: termPosition)
    }

    /// The main sections: config `mainSections`, else the top-level section with most pages.
    func mainSections(config: SiteConfig) -> [String] {
        if !config.mainSections.isEmpty { return config.mainSections }
        guard
            let biggest = sectionPages.filter({ !$0.key.isEmpty && !$0.key.contains("/") })
                .max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) })
        else { return [] }
        return [biggest.key]
    }

    /// Pages of the main sections, for the home list.
    func mainPages(config: SiteConfig) -> [PageID] {
        let sections = mainSections(config: config)
        return regularPages.filter { index in
            let top = PathText.firstComponent(pages[index].section)
            return sections.contains(top)
        }
    }

    /// The previous and next page in the same section, by date (newer, older).
    func neighbours(of index: PageID) -> (newer: PageID?, older: PageID?) {
        sectionNeighbours[index] ?? (nil, nil)
    }

    /// The pages of a term, found by its urlized key.
    func pages(taxonomy plural: String, term: String) -> [PageID] {
        guard let position = termPosition[plural]?[Permalinks.urlize(term)] else { return [] }
        return taxonomyTerms[plural]?[position].pages ?? []
    }
}

extension SiteContent {
    /// The pages a list page shows (and its feeds hold): the main sections' for the home, a
    /// section's, a term's; nil for pages that are not lists of pages.
    func entries(ofList index: PageID, config: SiteConfig) -> [PageID]? {
        let page = pages[index]
        switch page.kind {
        case .home: return mainPagesOrAll(config: config)
        case .section: return sectionPages[page.section] ?? []
        case .term:
            guard let taxonomy = page.taxonomy, let term = page.term else { return [] }
            return pages(taxonomy: taxonomy, term: term)
        case .page, .taxonomy: return nil
        }
    }

    /// The main sections' pages, or every regular page when there are none.
    func mainPagesOrAll(config: SiteConfig) -> [PageID] {
        let main = mainPages(config: config)
        return main.isEmpty ? regularPages : main
    }
}

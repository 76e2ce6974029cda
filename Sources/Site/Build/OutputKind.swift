/// The kinds of file a build writes, for its summary table.
public enum OutputKind: String, CaseIterable, Sendable {
    case pages = "Pages"
    case home = "Home page"
    case sections = "Section pages"
    case taxonomies = "Taxonomy pages"
    case terms = "Term pages"
    case pagers = "Paginator pages"
    case feeds = "Feeds"
    case search = "Search index files"
    case aliases = "Aliases"
    case assets = "Theme assets"
    case staticFiles = "Static files"
    case resources = "Page resources"
    case other = "Other files"

    /// The kind of the HTML file of a page of `kind`, on pager page `pagerNumber` of its list.
    static func html(_ kind: Page.Kind, pagerNumber: Int?) -> OutputKind {
        if let pagerNumber, pagerNumber > 1 { return .pagers }
        switch kind {
        case .page: return .pages
        case .home: return .home
        case .section: return .sections
        case .taxonomy: return .taxonomies
        case .term: return .terms
        }
    }
}

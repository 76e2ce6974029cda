import Foundation

/// A page's cover image, as PaperMod's `cover` front matter describes it.
public struct Cover: Sendable, Equatable {
    public var image: String
    public var alt: String?
    public var caption: String?
    /// Image path is relative to the page bundle.
    public var relative: Bool
    // PaperMod's cover.hidden, hiddenInList and hiddenInSingle are read as parameters (the page's,
    // else the site's): ContextBuilder.coverHidden.
}

/// One page of the site: a content file, or a list the builder makes (home, section, taxonomy, term).
public struct Page: Sendable, Equatable {
    /// Hugo's page kinds.
    public enum Kind: String, Sendable {
        case home, section, page, taxonomy, term
    }

    public var kind: Kind
    /// The source file relative to the site root (`content/posts/a.md`); nil for generated lists.
    public var sourceFile: String?
    /// The folder of a leaf or branch bundle relative to `content/` (`posts/my-post`), whose other files are its resources.
    public var bundleFolder: String?
    /// The section path relative to `content/` (`posts`, `posts/inner`); empty at the top level.
    public var section: String
    /// Front matter, as written.
    public var params: [String: Value]
    public var title: String
    public var description: String?
    public var date: Date?
    public var lastmod: Date?
    public var publishDate: Date?
    public var expiryDate: Date?
    public var isDraft: Bool
    public var slug: String?
    public var url: String?
    public var aliases: [String]
    public var weight: Int
    /// The layout asked for in front matter (`layout: archives`).
    public var layout: String?
    /// Taxonomy plural → terms, e.g. `tags` → [`rust`, `performance`].
    public var terms: [String: [String]]
    public var cover: Cover?
    /// The Markdown after the front matter.
    public var body: String
    /// The file line on which ``body`` starts.
    public var bodyLine: Int
    /// File lines of front matter keys (lower-cased), for warnings about a field.
    public var fieldLines: [String: Int] = [:]
    /// The site-root-relative URL path, e.g. `/posts/a/` (without the base path).
    public var path: String = "/"
    /// For term pages: the taxonomy plural and the term's display name.
    public var taxonomy: String?
    public var term: String?

    /// A front matter parameter, looked up ignoring case (Hugo's `.Params`).
    public func param(_ name: String) -> Value? { params.valueIgnoringCase(name) }

    /// Authors from `author` or `authors` (a string or a list).
    public var authors: [String] { terms["authors"] ?? [] }

    /// The date lists sort by and feeds show.
    public var sortDate: Date { date ?? publishDate ?? lastmod ?? Date(timeIntervalSince1970: 0) }

    /// The folder of the output file (`posts/a`), derived from ``path``.
    public var outputFolder: String {
        PathText.trimmedSlashes(path)
    }
}

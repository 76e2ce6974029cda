import Citations
import Foundation
import Templating
import TextUtilities

/// A page's JSON-LD (schema.org) for search engines and citation managers.
extension ContextBuilder {
    /// An absolute URL for a URL that is already relative to the site (it carries the base path).
    func absoluteURL(fromSiteRelative url: String) -> String {
        guard !url.contains("://") else { return url }
        let base = config.siteBasePath
        return config.rootAbsoluteURL(url.hasPrefix(base) ? String(url.dropFirst(base.count)) : url)
    }

    func jsonLD(_ page: Page, body: RenderedContent) -> String {
        var object: [String: JSONValue] = ["@context": .string("https://schema.org")]
        if page.kind == .page {
            object["@type"] = .string("BlogPosting")
            object["headline"] = .string(page.title)
            object["mainEntityOfPage"] = .string(config.absoluteURL(page.path))
            if let date = page.date { object["datePublished"] = .string(isoDate(date)) }
            if let date = page.lastmod ?? page.date { object["dateModified"] = .string(isoDate(date)) }
            if !page.authors.isEmpty {
                // Affiliations and ORCID iDs of authors given as maps (`author: [{name, affiliation, orcid}]`).
                let details = Dictionary(
                    ArticleAuthor.list(page.param("authors") ?? page.param("author")).map { ($0.name, $0) },
                    uniquingKeysWith: { first, _ in first })
                object["author"] = .array(
                    page.authors.map { name in
                        var person: [String: JSONValue] = ["@type": .string("Person"), "name": .string(name)]
                        if let author = details[name] {
                            if !author.affiliations.isEmpty {
                                person["affiliation"] = .array(
                                    author.affiliations.map { .object(["@type": .string("Organization"), "name": .string($0)]) })
                            }
                            if let url = author.orcidURL { person["sameAs"] = .string(url) }
                        }
                        return .object(person)
                    })
            }
            if let description = page.description { object["description"] = .string(description) }
            if body.wordCount > 0 { object["wordCount"] = .int(body.wordCount) }
            if !body.citedWorks.isEmpty { object["citation"] = .array(body.citedWorks.map(\.jsonLD)) }
            let keywords = (page.terms["tags"] ?? []) + (page.param("keywords")?.stringList ?? [])
            if !keywords.isEmpty { object["keywords"] = .array(keywords.map(JSONValue.string)) }
        } else {
            object["@type"] = .string(page.kind == .home ? "WebSite" : "CollectionPage")
            object["name"] = .string(page.kind == .home ? config.title : page.title)
            object["url"] = .string(config.absoluteURL(page.path))
        }
        return JSONValue.object(object).serialized(inScript: true)
    }
}

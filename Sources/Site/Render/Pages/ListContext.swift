import Citations
import Foundation
import Templating
import TextUtilities

/// Pages as list entries, the lists that show them (one pager's worth, with page numbers), and
/// the archive.
extension ContextBuilder {
    /// A page as a list entry or link target.
    func entry(_ index: PageID) -> Context { entries.entry(index) { makeEntry(index) } }

    func makeEntry(_ index: PageID) -> Context {
        let page = content.pages[index]
        let body = rendered[index]
        let settings = PageSettings(page: page, config: config)
        var e: Context = [:]
        e["title"] = .string(page.title)
        e["url"] = .string(config.relativeURL(page.path))
        e.set("description", page.description)
        e.set("summaryHTML", body.summaryHTML)
        e.set("summaryText", body.summaryText)
        if body.isTruncated {
            e["truncated"] = true
            // "…" only where the text stops mid-sentence: never after a sentence's end or a "…" already there.
            if let last = body.summaryText.last, !".!?。！？…:;".contains(last) { e["ellipsis"] = true }
        }
        if let date = page.date {
            e["dateHuman"] = .string(shownDate(date))
            e["dateISO"] = .string(isoDate(date))
        }
        if page.kind == .page, body.readingMinutes > 0, settings.showReadingTime {
            e["readingMinutes"] = .int(body.readingMinutes)
        }
        if settings.hideSummary { e["hideSummary"] = true }
        if settings.hideMeta { e["hideMeta"] = true }
        if settings.hideAuthor { e["hideAuthor"] = true }
        e.set(
            "authors",
            page.authors.map { name -> Context in
                // `authorURL` too: a template testing `url` would find the page's own URL for an author without one.
                let url = TemplateValue.string(config.relativeURL("/authors/" + Permalinks.urlize(name) + "/"))
                return ["name": .string(name), "url": url, "authorURL": url]
            })
        if page.authors.isEmpty, page.kind == .page {
            // PaperMod shows the site's `author` on pages that name none (no author page to link).
            e.set("authors", config.settings.authorNames.map { ["name": .string($0)] })
        }
        if page.isDraft { e["draft"] = true }
        if let cover = page.cover, !settings.coverHiddenInList, let context = coverContext(cover, index: index) {
            e["cover"] = .map(context)
        }
        var taxonomies: [Context] = []
        for taxonomy in config.taxonomies where taxonomy.plural != "authors" {
            let terms = page.terms[taxonomy.plural] ?? []
            guard !terms.isEmpty else { continue }
            let items = TemplateValue.list(
                terms.map { term -> TemplateValue in
                    ["name": .string(term), "url": .string(config.relativeURL("/\(Permalinks.urlize(taxonomy.plural))/\(Permalinks.urlize(term))/"))]
                })
            e[taxonomy.plural] = items
            taxonomies.append(["name": .string(strings[taxonomy.plural] ?? taxonomy.plural.capitalized), "terms": items])
        }
        e.set("taxonomies", taxonomies)
        return e
    }

    func listContext(_ pager: Pager) -> Context {
        var list: Context = [:]
        list.set(
            "pages",
            pager.items.enumerated().map { position, index -> Context in
                var item = entry(index)
                if position == 0, pager.number == 1, pager.featureFirst {
                    item["featured"] = true
                    item["entryHTML"] = nil  // rendered in place: it looks different
                }
                return item
            })
        if pager.count > 1 {
            list["pagination"] = ["pages": .list(pageNumbers(pager).map(TemplateValue.map))]
            if pager.number > 1 { list["prevURL"] = .string(config.relativeURL(pager.url(pager.number - 1))) }
            if pager.number < pager.count { list["nextURL"] = .string(config.relativeURL(pager.url(pager.number + 1))) }
        }
        return list
    }

    /// Page number links: the first, the last and two either side of the current one, with gaps
    /// between, so a list of thousands of pages still links a handful.
    func pageNumbers(_ pager: Pager) -> [Context] {
        let shown = Set([1, pager.count] + Array(max(1, pager.number - 2)...min(pager.count, pager.number + 2)))
        var items: [Context] = []
        var previous = 0
        for number in shown.sorted() {
            if number > previous + 1 { items.append(["gap": true]) }
            var item: Context = ["number": .int(number), "url": .string(config.relativeURL(pager.url(number)))]
            if number == pager.number { item["current"] = true }
            items.append(item)
            previous = number
        }
        return items
    }

    func archiveContext() -> [Context] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // PaperMod's ShowAllPagesInArchive: every regular page, not only the main sections'.
        let pages = (config.settings.showAllPagesInArchive ? content.regularPages : content.mainPagesOrAll(config: config)).filter {
            content.pages[$0].date != nil
        }
        .sorted { content.pages[$0].sortDate > content.pages[$1].sortDate }
        var years: [Context] = []
        var currentYear = -1
        var months: [Context] = []
        var currentMonth = -1
        var monthPages: [Context] = []
        func closeMonth() {
            guard currentMonth >= 0, !monthPages.isEmpty else { return }
            let date = calendar.date(from: DateComponents(year: currentYear, month: currentMonth, day: 1)) ?? Date()
            months.append(["name": .string(monthName(date)), "count": .int(monthPages.count), "pages": .list(monthPages.map(TemplateValue.map))])
            monthPages = []
        }
        func closeYear() {
            closeMonth()
            guard currentYear >= 0, !months.isEmpty else { return }
            let count = months.reduce(0) { total, month in
                guard case .int(let count)? = month["count"] else { return total }
                return total + count
            }
            years.append(["year": .int(currentYear), "count": .int(count), "months": .list(months.map(TemplateValue.map))])
            months = []
        }
        for index in pages {
            let parts = calendar.dateComponents([.year, .month], from: content.pages[index].sortDate)
            if parts.year != currentYear {
                closeYear()
                currentYear = parts.year ?? 0
                currentMonth = -1
            }
            if parts.month != currentMonth {
                closeMonth()
                currentMonth = parts.month ?? 0
            }
            monthPages.append(entry(index))
        }
        closeYear()
        return years
    }
}

/// The section and tag filters: names with page counts for `index.js`, and the page ids of
/// each filter for `f/N.js` (sections first, then tags).
struct FilterLists {
    let sectionsJSON: String
    let tagsJSON: String
    let pageIDs: [[Int]]

    init(pages: [PageFragment], rank: [Int]) {
        var sections: [String: [Int]] = [:]
        var tags: [String: [Int]] = [:]
        for (p, page) in pages.enumerated() {
            if !page.section.isEmpty { sections[page.section, default: []].append(rank[p]) }
            for tag in Set(page.tags) where !tag.isEmpty { tags[tag, default: []].append(rank[p]) }
        }
        let sectionNames = sections.keys.sorted()
        let tagNames = tags.keys.sorted { a, b in
            let (x, y) = (tags[a]?.count ?? 0, tags[b]?.count ?? 0)
            return x != y ? x > y : a < b
        }.prefix(IndexLayout.maximumTagFilters).sorted()
        func json(_ names: [String], _ lists: [String: [Int]]) -> String {
            JSONText.array(names.map { "[" + JSONText.string($0) + ",\(lists[$0]?.count ?? 0)]" })
        }
        sectionsJSON = json(sectionNames, sections)
        tagsJSON = json(tagNames, tags)
        pageIDs = (sectionNames.map { sections[$0] ?? [] } + tagNames.map { tags[$0] ?? [] }).map { $0.sorted() }
    }
}

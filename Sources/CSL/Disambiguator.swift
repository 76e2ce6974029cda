/// Makes cites that would read alike distinct, in CSL's order: global given-name rules, more names, given names,
/// the `disambiguate` condition, then year suffixes.
struct Disambiguator {
    let processor: CSLProcessor

    var options: [String: String] { processor.style.citation.attributes }

    func text(_ id: String, _ state: CiteState) -> String {
        var first = state
        first.position = .first
        first.locator = nil
        first.label = nil
        return processor.render(id, state: first).outputs.plain
    }

    /// Sets of ids whose cites read alike.
    func ambiguousGroups(_ ids: [String], _ states: [String: CiteState]) -> [[String]] {
        var byText: [String: [String]] = [:]
        var order: [String] = []
        for id in ids {
            let key = text(id, states[id]!)
            if byText[key] == nil { order.append(key) }
            byText[key, default: []].append(id)
        }
        return order.compactMap { byText[$0]!.count > 1 ? byText[$0] : nil }
    }

    func names(of id: String) -> [CSLName] {
        guard let item = processor.items[id] else { return [] }
        return ["author", "editor", "translator", "composer", "director", "collection-editor", "container-author"]
            .flatMap { item.names[$0] ?? [] }
    }

    func run(order: [String], states: inout [String: CiteState]) {
        let addNames = options["disambiguate-add-names"] == "true"
        let addGiven = options["disambiguate-add-givenname"] == "true"
        let rule = options["givenname-disambiguation-rule"] ?? "by-cite"
        let addYear = options["disambiguate-add-year-suffix"] == "true"

        if addGiven && rule != "by-cite" { expandGlobally(order: order, rule: rule, states: &states) }
        var groups = ambiguousGroups(order, states)
        if groups.isEmpty { return }

        if addNames {
            for group in groups { addNamesToGroup(group, states: &states, withGivenNames: addGiven && rule == "by-cite") }
            groups = ambiguousGroups(order, states)
        }
        if addGiven && rule == "by-cite" {
            for group in groups { expandGivenNames(group, states: &states) }
            groups = ambiguousGroups(order, states)
        }
        for group in groups {
            for id in group { states[id]?.disambiguate = true }
        }
        if addYear {
            groups = ambiguousGroups(order, states)
            // Cites that still read alike with the condition set get year suffixes in bibliography order.
            for group in groups {
                let ordered = order.filter { group.contains($0) }
                for (index, id) in ordered.enumerated() { states[id]?.yearSuffix = Self.suffix(index) }
            }
        }
    }

    /// How many other cites of `group` read like each cite (with `fullNames`, as they would read with every
    /// given name written out).
    func clashes(_ group: [String], _ states: [String: CiteState], fullNames: Bool = false) -> [String: Int] {
        let texts = group.map { id in
            var state = states[id]!
            if fullNames { for name in names(of: id) { state.nameExpansion[name] = 2 } }
            return text(id, state)
        }
        var result: [String: Int] = [:]
        for (index, id) in group.enumerated() {
            result[id] = texts.indices.filter { $0 != index && texts[$0] == texts[index] }.count
        }
        return result
    }

    /// Shows more names before "et al." in each cite, as many as tell it apart from the most others (and no more).
    /// With `withGivenNames` (add-givenname by cite as well), a name counts as telling cites apart when its given
    /// name would; the given-name step then writes out only what is needed.
    func addNamesToGroup(_ group: [String], states: inout [String: CiteState], withGivenNames: Bool) {
        let maximum = group.map { names(of: $0).count }.max() ?? 0
        let base = clashes(group, states, fullNames: withGivenNames)
        var best = base
        var chosen: [String: Int] = [:]
        var trial = states
        var count = 1
        while count < maximum, best.values.contains(where: { $0 > 0 }) {
            count += 1
            for id in group { trial[id]?.etAlUseFirst = count }
            let now = clashes(group, trial, fullNames: withGivenNames)
            for id in group where now[id]! < best[id]! {
                best[id] = now[id]!
                chosen[id] = count
            }
        }
        for (id, value) in chosen { states[id]?.etAlUseFirst = value }
    }

    /// Expands given names (initials, then full names) name by name across the cites that still read alike,
    /// keeping an expansion only where it tells cites apart.
    func expandGivenNames(_ group: [String], states: inout [String: CiteState]) {
        let longest = group.map { names(of: $0).count }.max() ?? 0
        for position in 0..<longest {
            let open = stillAmbiguous(group, states)
            guard open.count > 1 else { return }
            let people = open.compactMap { id -> (String, CSLName)? in
                let list = names(of: id)
                return position < list.count ? (id, list[position]) : nil
            }
            // Only a name that differs between the cites can tell them apart.
            guard Set(people.map(\.1)).count > 1 else { continue }
            for level in 1...2 {
                var trial = states
                for (id, name) in people { trial[id]?.nameExpansion[name] = level }
                let before = clashes(group, states)
                let after = clashes(group, trial)
                let helped = people.contains { after[$0.0]! < before[$0.0]! }
                if helped {
                    // Keep the expansion for the cites it helped.
                    for (id, name) in people where after[id]! < before[id]! { states[id]?.nameExpansion[name] = level }
                    if after.values.allSatisfy({ $0 == 0 }) { return }
                }
            }
        }
    }

    func stillAmbiguous(_ group: [String], _ states: [String: CiteState]) -> [String] {
        let texts = group.map { text($0, states[$0]!) }
        return group.indices.filter { index in texts.indices.contains { $0 != index && texts[$0] == texts[index] } }.map { group[$0] }
    }

    /// `a` … `z`, `aa`, `ab` …
    static func suffix(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        if index < 26 { return String(letters[index]) }
        return String(letters[index / 26 - 1]) + String(letters[index % 26])
    }

    /// all-names, all-names-with-initials, primary-name, primary-name-with-initials: expand every name (or every
    /// first name) that shares its family name with a different person anywhere in the document.
    func expandGlobally(order: [String], rule: String, states: inout [String: CiteState]) {
        let primaryOnly = rule.hasPrefix("primary-name")
        let initialsOnly = rule.hasSuffix("with-initials")
        var byFamily: [String: Set<CSLName>] = [:]
        for id in order {
            let list = primaryOnly ? Array(names(of: id).prefix(1)) : names(of: id)
            for name in list where name.literal == nil {
                byFamily[(name.nonDroppingParticle.map { $0 + " " } ?? "") + (name.family ?? ""), default: []].insert(name)
            }
        }
        var expansion: [CSLName: Int] = [:]
        for (_, people) in byFamily where people.count > 1 {
            for name in people {
                let initials = Evaluator.initials(name.given ?? "", with: ".", hyphen: true, initialize: true)
                let clash = people.contains {
                    $0 != name && Evaluator.initials($0.given ?? "", with: ".", hyphen: true, initialize: true) == initials
                }
                // With initials only, initials that do not tell the people apart are not added.
                if clash && initialsOnly { continue }
                expansion[name] = clash ? 2 : 1
            }
        }
        for id in order {
            let list = primaryOnly ? Array(names(of: id).prefix(1)) : names(of: id)
            for name in list { if let level = expansion[name] { states[id]?.nameExpansion[name] = level } }
        }
    }
}

import Foundation

/// The terms, date formats and options of a CSL locale (the built-in en-US, with a style's own `<locale>` over it).
public struct CSLLocale: Sendable {
    struct TermKey: Hashable {
        var name: String
        var form: String
    }

    struct Term: Sendable {
        var single: String
        var multiple: String?
        var gender: String?
        var match: String?
    }

    /// A date-part of a localized date format.
    struct DatePart: Sendable {
        var name: String
        var attributes: [String: String]
    }

    var terms: [TermKey: Term] = [:]
    /// Gender of nouns that ordinals agree with (`month-01` → `feminine`), for locales that have them.
    var genders: [String: String] = [:]
    /// Date formats: `text` and `numeric`.
    var dateFormats: [String: [DatePart]] = [:]
    /// The delimiter between a date format's parts (`<date form="text" delimiter=" ">`).
    var dateDelimiters: [String: String] = [:]
    public var punctuationInQuote = false
    var limitDayOrdinalsToDay1 = false

    /// US English, from the CSL project's locale data (see LocaleEnUS.swift).
    public static let enUS: CSLLocale = {
        var locale = CSLLocale()
        for (name, form, single, multiple, gender, match) in enUSTerms {
            locale.terms[TermKey(name: name, form: form)] = Term(single: single, multiple: multiple, gender: gender, match: match)
        }
        for (form, name, partForm, prefix, suffix) in enUSDateParts {
            var attributes: [String: String] = [:]
            if !partForm.isEmpty { attributes["form"] = partForm }
            if !prefix.isEmpty { attributes["prefix"] = prefix }
            if !suffix.isEmpty { attributes["suffix"] = suffix }
            locale.dateFormats[form, default: []].append(DatePart(name: name, attributes: attributes))
        }
        locale.punctuationInQuote = enUSPunctuationInQuote
        return locale
    }()

    /// This locale with a `<locale>` element's terms, dates and options over it.
    func overlaid(with element: XMLElement) -> CSLLocale {
        var result = self
        for child in element.children {
            switch child.name {
            case "style-options":
                if let value = child.attributes["punctuation-in-quote"] { result.punctuationInQuote = value == "true" }
                if let value = child.attributes["limit-day-ordinals-to-day-1"] { result.limitDayOrdinalsToDay1 = value == "true" }
            case "date":
                guard let form = child.attributes["form"] else { continue }
                result.dateDelimiters[form] = child.attributes["delimiter"]
                result.dateFormats[form] = child.children(named: "date-part").map {
                    DatePart(name: $0.attributes["name"] ?? "", attributes: $0.attributes)
                }
            case "terms":
                var replacedOrdinals = false
                for term in child.children(named: "term") {
                    guard let name = term.attributes["name"] else { continue }
                    if name.hasPrefix("ordinal"), !replacedOrdinals {
                        // A style's ordinals replace the locale's whole ordinal set.
                        replacedOrdinals = true
                        for key in result.terms.keys where key.name.hasPrefix("ordinal") { result.terms[key] = nil }
                    }
                    let form = term.attributes["form"] ?? "long"
                    let single = term.child(named: "single")?.text ?? term.text
                    let multiple = term.child(named: "multiple")?.text
                    if let gender = term.attributes["gender"], term.attributes["gender-form"] == nil { result.genders[name] = gender }
                    let key = TermKey(name: term.attributes["gender-form"].map { name + "#" + $0 } ?? name, form: form)
                    result.terms[key] = Term(
                        single: single, multiple: multiple ?? (term.child(named: "single") == nil ? nil : single),
                        gender: term.attributes["gender"], match: term.attributes["match"])
                }
            default: break
            }
        }
        return result
    }

    /// The text of a term, falling back from `verb-short` to `verb` to `long`, and `symbol` to `short` to `long`.
    func term(_ name: String, form: String = "long", plural: Bool = false) -> String? {
        var forms = [form]
        switch form {
        case "verb-short": forms += ["verb", "long"]
        case "symbol": forms += ["short", "long"]
        case "short", "verb": forms += ["long"]
        default: break
        }
        for candidate in forms {
            if let term = terms[TermKey(name: name, form: candidate)] {
                return plural ? (term.multiple ?? term.single) : term.single
            }
        }
        return nil
    }

    func hasTerm(_ name: String) -> Bool { terms[TermKey(name: name, form: "long")] != nil }

    /// The ordinal suffix for `number` (`st`, `nd`, …), agreeing with the gender of `noun` when the locale has one.
    func ordinalSuffix(_ number: Int, noun: String? = nil) -> String {
        let gender = noun.flatMap { genders[$0] }
        func lookup(_ name: String) -> Term? {
            if let gender, let term = terms[TermKey(name: name + "#" + gender, form: "long")] { return term }
            return terms[TermKey(name: name, form: "long")]
        }
        let lastTwo = number % 100
        if let term = lookup(String(format: "ordinal-%02d", lastTwo)), lastTwo >= 10 { return term.single }
        if let term = lookup(String(format: "ordinal-%02d", number % 10)) {
            if term.match == "whole-number", number != number % 10 {
                // Only for the number itself.
            } else if !(term.match == "last-two-digits" && lastTwo != number % 10) {
                return term.single
            }
        }
        return lookup("ordinal")?.single ?? ""
    }

    /// `first`, `second` … `tenth` (numbers above ten as ordinals).
    func longOrdinal(_ number: Int, noun: String? = nil) -> String {
        if (1...10).contains(number) {
            let name = String(format: "long-ordinal-%02d", number)
            if let gender = noun.flatMap({ genders[$0] }), let term = terms[TermKey(name: name + "#" + gender, form: "long")] {
                return term.single
            }
            if let term = term(name) { return term }
        }
        return "\(number)" + ordinalSuffix(number, noun: noun)
    }
}

extension CSLLocale {
    /// CSL's locator terms.
    static let locatorTerms = [
        "act", "appendix", "article-locator", "book", "canon", "chapter", "column", "elocation", "equation",
        "figure", "folio", "issue", "line", "note", "opus", "page", "paragraph", "part", "rule", "scene",
        "section", "sub verbo", "supplement", "table", "timestamp", "title-locator", "verse", "volume",
    ]

    /// A locator as citeproc-js reads one: white space around it dropped, and a label it starts with
    /// (`vol. 1, fol. 186`: one of this locale's short locator terms) taken as its label when the cite
    /// names none but the default `page`.
    func normalizedLocator(_ locator: String?, label: String?) -> (locator: String?, label: String?) {
        guard let trimmed = locator?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return (locator, label) }
        guard label == nil || label == "page" else { return (trimmed, label) }
        for name in Self.locatorTerms {
            guard let term = terms[TermKey(name: name, form: "short")] else { continue }
            for written in [term.single, term.multiple].compactMap({ $0 }) where written.hasSuffix(".") {
                guard trimmed.hasPrefix(written + " ") else { continue }
                let rest = trimmed.dropFirst(written.count).trimmingCharacters(in: .whitespaces)
                if !rest.isEmpty { return (rest, name == "sub verbo" ? "sub-verbo" : name) }
            }
        }
        return (trimmed, label)
    }
}

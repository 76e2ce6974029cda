/// Formatting and affixes an element of a style may carry.
struct Formatting: Sendable {
    var fontStyle: String?
    var fontVariant: String?
    var fontWeight: String?
    var textDecoration: String?
    var verticalAlign: String?
    var prefix = ""
    var suffix = ""
    var display: String?
    var quotes = false
    var textCase: String?
    var stripPeriods = false

    init(_ attributes: [String: String]) {
        fontStyle = attributes["font-style"]
        fontVariant = attributes["font-variant"]
        fontWeight = attributes["font-weight"]
        textDecoration = attributes["text-decoration"]
        verticalAlign = attributes["vertical-align"]
        prefix = attributes["prefix"] ?? ""
        suffix = attributes["suffix"] ?? ""
        display = attributes["display"]
        quotes = attributes["quotes"] == "true"
        textCase = attributes["text-case"]
        stripPeriods = attributes["strip-periods"] == "true"
    }

    init() {}

    var hasStyle: Bool {
        fontStyle != nil || fontVariant != nil || fontWeight != nil || textDecoration != nil || verticalAlign != nil
    }
}

/// A condition of `<if>`/`<else-if>`: tests and how they combine.
struct Condition: Sendable {
    enum Test: Sendable {
        case type(String)
        case variable(String)
        case isNumeric(String)
        case isUncertainDate(String)
        case locator(String)
        case position(String)
        case disambiguate(Bool)
    }

    var tests: [Test]
    /// `all` (default), `any` or `none`.
    var match: String

    init(_ attributes: [String: String]) {
        var tests: [Test] = []
        func words(_ key: String) -> [String] { attributes[key].map { $0.split(separator: " ").map(String.init) } ?? [] }
        tests += words("type").map(Test.type)
        tests += words("variable").map(Test.variable)
        tests += words("is-numeric").map(Test.isNumeric)
        tests += words("is-uncertain-date").map(Test.isUncertainDate)
        tests += words("locator").map(Test.locator)
        tests += words("position").map(Test.position)
        if let value = attributes["disambiguate"] { tests.append(.disambiguate(value == "true")) }
        self.tests = tests
        match = attributes["match"] ?? "all"
    }
}

/// The parts of `<names>`.
struct NamesElement: Sendable {
    var variables: [String]
    /// The `<name>` element's attributes (merged over inherited name options when rendering), and its name-parts.
    var name: [String: String]?
    var familyPart: Formatting?
    var givenPart: Formatting?
    var etAl: (term: String, formatting: Formatting)?
    var label: (attributes: [String: String], formatting: Formatting, afterName: Bool)?
    var substitute: [Node]?
    var attributes: [String: String]
    var formatting: Formatting
}

/// An element of a style's layout or macro.
indirect enum Node: Sendable {
    case text(variable: String?, form: String, macro: String?, term: String?, plural: Bool, value: String?, Formatting)
    case number(variable: String, form: String, Formatting)
    case label(variable: String, form: String, plural: String, Formatting)
    case names(NamesElement)
    case date(
        variable: String, form: String?, parts: [(name: String, attributes: [String: String])], datePartsLimit: String,
        delimiter: String?, Formatting)
    case group([Node], delimiter: String, Formatting)
    case choose([(Condition?, [Node])])
}

/// A sort key of `<sort>`.
struct SortKey: Sendable {
    var variable: String?
    var macro: String?
    var ascending: Bool
    var namesMin: Int?
    var namesUseFirst: Int?
    var namesUseLast: Bool?
}

/// `<citation>` or `<bibliography>`: options, sort keys and layout.
struct RenderingContext: Sendable {
    var attributes: [String: String]
    var sort: [SortKey]
    var layout: [Node]
    var layoutFormatting: Formatting
    var delimiter: String
}

/// A parsed CSL 1.0.2 style.
public struct CSLStyle: Sendable {
    /// `in-text` or `note`.
    public var styleClass: String
    public var title: String?
    var attributes: [String: String]
    var macros: [String: [Node]]
    var citation: RenderingContext
    var bibliography: RenderingContext?
    var locale: CSLLocale

    /// True when the style has a `<bibliography>` element.
    public var hasBibliography: Bool { bibliography != nil }

    /// Parses a style's XML; errors name the line and what is wrong.
    public init(xml: String) throws {
        let root = try XMLReader.parse(xml)
        guard root.name == "style" else {
            throw XMLError(line: root.line, column: 1, message: "the root element is <\(root.name)>, not a CSL <style>")
        }
        attributes = root.attributes
        styleClass = root.attributes["class"] ?? "in-text"
        title = root.child(named: "info")?.child(named: "title")?.text
        var locale = CSLLocale.enUS
        let language = root.attributes["default-locale"] ?? "en-US"
        for element in root.children(named: "locale") {
            let lang = element.attributes["lang"] ?? ""
            if lang.isEmpty || language.hasPrefix(lang) || lang.hasPrefix("en") && language.hasPrefix("en") {
                locale = locale.overlaid(with: element)
            }
        }
        self.locale = locale
        var macros: [String: [Node]] = [:]
        for macro in root.children(named: "macro") {
            if let name = macro.attributes["name"] { macros[name] = macro.children.compactMap(Self.node) }
        }
        self.macros = macros
        guard let citation = root.child(named: "citation") else {
            throw XMLError(line: root.line, column: 1, message: "the style has no <citation> element")
        }
        self.citation = try Self.context(citation)
        bibliography = try root.child(named: "bibliography").map(Self.context)
    }

    static func context(_ element: XMLElement) throws -> RenderingContext {
        guard let layout = element.child(named: "layout") else {
            throw XMLError(line: element.line, column: 1, message: "<\(element.name)> has no <layout>")
        }
        let sort =
            element.child(named: "sort")?.children(named: "key").map { key in
                SortKey(
                    variable: key.attributes["variable"], macro: key.attributes["macro"],
                    ascending: key.attributes["sort"] != "descending",
                    namesMin: key.attributes["names-min"].flatMap { Int($0) },
                    namesUseFirst: key.attributes["names-use-first"].flatMap { Int($0) },
                    namesUseLast: key.attributes["names-use-last"].map { $0 == "true" })
            } ?? []
        return RenderingContext(
            attributes: element.attributes, sort: sort, layout: layout.children.compactMap(node),
            layoutFormatting: Formatting(layout.attributes), delimiter: layout.attributes["delimiter"] ?? "")
    }

    static func node(_ element: XMLElement) -> Node? {
        let a = element.attributes
        let formatting = Formatting(a)
        switch element.name {
        case "text":
            return .text(
                variable: a["variable"], form: a["form"] ?? "long", macro: a["macro"], term: a["term"],
                plural: a["plural"] == "true", value: a["value"], formatting)
        case "number":
            return .number(variable: a["variable"] ?? "", form: a["form"] ?? "numeric", formatting)
        case "label":
            return .label(variable: a["variable"] ?? "", form: a["form"] ?? "long", plural: a["plural"] ?? "contextual", formatting)
        case "date":
            let parts = element.children(named: "date-part").map { (name: $0.attributes["name"] ?? "", attributes: $0.attributes) }
            return .date(
                variable: a["variable"] ?? "", form: a["form"], parts: parts,
                datePartsLimit: a["date-parts"] ?? "year-month-day", delimiter: a["delimiter"], formatting)
        case "group":
            return .group(element.children.compactMap(node), delimiter: a["delimiter"] ?? "", formatting)
        case "choose":
            var branches: [(Condition?, [Node])] = []
            for branch in element.children {
                let nodes = branch.children.compactMap(node)
                switch branch.name {
                case "if", "else-if": branches.append((Condition(branch.attributes), nodes))
                case "else": branches.append((nil, nodes))
                default: break
                }
            }
            return .choose(branches)
        case "names":
            var names = NamesElement(
                variables: (a["variable"] ?? "").split(separator: " ").map(String.init), attributes: a,
                formatting: formatting)
            var seenName = false
            for child in element.children {
                switch child.name {
                case "name":
                    seenName = true
                    names.name = child.attributes
                    for part in child.children(named: "name-part") {
                        if part.attributes["name"] == "family" { names.familyPart = Formatting(part.attributes) }
                        if part.attributes["name"] == "given" { names.givenPart = Formatting(part.attributes) }
                    }
                case "et-al":
                    names.etAl = (child.attributes["term"] ?? "et-al", Formatting(child.attributes))
                case "label":
                    names.label = (child.attributes, Formatting(child.attributes), seenName)
                case "substitute":
                    names.substitute = child.children.compactMap(node)
                default: break
                }
            }
            return .names(names)
        default:
            return nil
        }
    }
}

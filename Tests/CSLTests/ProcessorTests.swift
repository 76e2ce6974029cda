import Testing
@testable import CSL

/// The processor on small styles written for these tests, with expected output checked by hand.
@Suite struct ProcessorTests {
    /// An author–date style: short names with "et al." from three authors, year suffixes, a sorted bibliography.
    static let authorDate = """
        <?xml version="1.0" encoding="utf-8"?>
        <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
          <info><title>Test author-date</title><id>test</id></info>
          <macro name="author">
            <names variable="author">
              <name name-as-sort-order="first" and="text" delimiter=", " initialize-with=". "/>
              <substitute><text variable="title"/></substitute>
            </names>
          </macro>
          <macro name="author-short">
            <names variable="author"><name form="short" and="symbol" delimiter=", "/></names>
          </macro>
          <citation et-al-min="3" et-al-use-first="1" disambiguate-add-year-suffix="true" disambiguate-add-givenname="true"
                    collapse="year">
            <sort><key macro="author-short"/><key variable="issued"/></sort>
            <layout prefix="(" suffix=")" delimiter="; ">
              <group delimiter=", ">
                <text macro="author-short"/>
                <date variable="issued"><date-part name="year"/></date>
                <group delimiter=" "><label variable="locator" form="short"/><text variable="locator"/></group>
              </group>
            </layout>
          </citation>
          <bibliography>
            <sort><key macro="author"/><key variable="issued"/></sort>
            <layout suffix=".">
              <group delimiter=". ">
                <text macro="author"/>
                <date variable="issued" prefix="(" suffix=")"><date-part name="year"/></date>
                <text variable="title" font-style="italic"/>
                <text variable="page"/>
              </group>
            </layout>
          </bibliography>
        </style>
        """

    static let numeric = """
        <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
          <citation collapse="citation-number">
            <sort><key variable="citation-number"/></sort>
            <layout prefix="[" suffix="]" delimiter=","><text variable="citation-number"/></layout>
          </citation>
          <bibliography>
            <layout><text variable="citation-number" prefix="[" suffix="] "/><text variable="title" quotes="true"/></layout>
          </bibliography>
        </style>
        """

    static func item(_ id: String, _ authors: [(String, String)], _ year: Int, title: String, page: String? = nil) -> CSLItem {
        var item = CSLItem(id: id, type: "book")
        item.names["author"] = authors.map { CSLName(family: $0.0, given: $0.1) }
        item.dates["issued"] = CSLDate(parts: [[year]])
        item.text["title"] = title
        if let page { item.text["page"] = page }
        return item
    }

    @Test func namesEtAlYearSuffixesAndSorting() throws {
        let style = try CSLStyle(xml: Self.authorDate)
        let items = [
            Self.item("b", [("Smith", "John"), ("Jones", "Amy"), ("Brown", "Zoe")], 2020, title: "Second", page: "10-12"),
            Self.item("a", [("Smith", "John"), ("Lee", "Kim"), ("Park", "Ann")], 2020, title: "First"),
            Self.item("c", [("Adams", "Ruth")], 1999, title: "Early"),
        ]
        let processor = CSLProcessor(style: style, items: items)
        let (citations, bibliography) = processor.process([
            CSLCitation(cites: [CSLCite(id: "b", locator: "3", label: "page"), CSLCite(id: "c")]),
            CSLCitation(cites: [CSLCite(id: "a")]),
        ])
        // Both Smith et al. 2020 works read alike: year suffixes in bibliography order (Lee's before Jones's? No:
        // the bibliography sorts by the full author list, so "Smith, J., Jones" precedes "Smith, J., Lee").
        #expect(citations.map(\.plain) == ["(Adams, 1999; Smith et al., 2020a, p. 3)", "(Smith et al., 2020b)"])
        #expect(bibliography.map(\.id) == ["c", "b", "a"])
        #expect(bibliography[1].text.plain == "Smith, J., A. Jones, and Z. Brown. (2020a). Second. 10–12.")
        #expect(bibliography[1].text.html == "Smith, J., A. Jones, and Z. Brown. (2020a). <i>Second</i>. 10–12.")
    }

    @Test func citationNumbersCollapseAndFollowFirstCitation() throws {
        let style = try CSLStyle(xml: Self.numeric)
        let items = ["w", "x", "y", "z"].map { Self.item($0, [("A", "B")], 2000, title: "Title " + $0) }
        let processor = CSLProcessor(style: style, items: items)
        let (citations, bibliography) = processor.process([
            CSLCitation(cites: [CSLCite(id: "z")]),
            CSLCitation(cites: [CSLCite(id: "y"), CSLCite(id: "w"), CSLCite(id: "x"), CSLCite(id: "z")]),
        ])
        #expect(citations.map(\.plain) == ["[1]", "[1–4]"])
        #expect(bibliography.map(\.text.plain) == ["[1] “Title z”", "[2] “Title y”", "[3] “Title w”", "[4] “Title x”"])
    }

    @Test func substituteAndGivenNameDisambiguation() throws {
        let style = try CSLStyle(xml: Self.authorDate)
        var anonymous = CSLItem(id: "anon", type: "report")
        anonymous.text["title"] = "Untitled Memo"
        anonymous.dates["issued"] = CSLDate(parts: [[2001]])
        let items = [Self.item("p", [("Doe", "Jane")], 2010, title: "P"), Self.item("q", [("Doe", "Robert")], 2010, title: "Q"), anonymous]
        let (citations, bibliography) = CSLProcessor(style: style, items: items).process([
            CSLCitation(cites: [CSLCite(id: "p"), CSLCite(id: "q")]), CSLCitation(cites: [CSLCite(id: "anon")]),
        ])
        // Two different Does of the same year: given names tell the cites apart (add-givenname; full names, as the short form does not initialise), so they do not collapse.
        #expect(citations[0].plain == "(Jane Doe, 2010; Robert Doe, 2010)")
        #expect(citations[1].plain == "(2001)")
        #expect(bibliography.first?.text.plain == "Doe, J. (2010). P.")
        #expect(bibliography.last?.text.plain == "Untitled Memo. (2001).")
    }

    @Test func brokenXMLNamesItsPlace() {
        #expect(throws: XMLError(line: 3, column: 1, message: "</citation> closes <layout> (line 2)")) {
            try CSLStyle(xml: "<style>\n<citation><layout>\n</citation></style>")
        }
        #expect(throws: XMLError.self) { try CSLStyle(xml: "<locale/>") }
    }

    @Test func initialsAsCiteprocNormalisesThem() {
        #expect(Evaluator.initials("John Ronald", with: ". ", hyphen: true, initialize: true) == "J. R.")
        #expect(Evaluator.initials("Jean-Paul", with: ".", hyphen: true, initialize: true) == "J.-P.")
        #expect(Evaluator.initials("Ph. M.E.", with: "", hyphen: true, initialize: true) == "PhME")
        #expect(Evaluator.initials("John M.E.", with: ". ", hyphen: true, initialize: false) == "John M. E.")
        // A lower-case word among the given names stays whole; after a hyphen it is dropped.
        #expect(Evaluator.initials("John Bertrand de Cusance", with: ". ", hyphen: true, initialize: true) == "J. B. de C.")
        #expect(Evaluator.initials("Guo-ping", with: "", hyphen: true, initialize: true) == "G")
        #expect(Evaluator.initials("TSerendorjiin", with: ".", hyphen: true, initialize: true) == "Ts.")
    }

    /// A one-layout citation style around `name` (the <name> element and its name-parts), for name tests.
    static func nameStyle(_ name: String, demote: String = "display-and-sort") -> String {
        """
        <style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" demote-non-dropping-particle="\(demote)">
          <info><title>names</title><id>names</id></info>
          <citation><layout><names variable="author">\(name)</names></layout></citation>
        </style>
        """
    }

    @Test func namePartAffixesGoAroundTheirBlock() throws {
        var item = CSLItem(id: "lf", type: "book")
        item.names["author"] = [CSLName(family: "Fontaine", given: "Jean", droppingParticle: "de", nonDroppingParticle: "La", suffix: "III")]
        let parts = #"<name-part name="family" prefix="(" suffix=")"/><name-part name="given" prefix="[" suffix="]"/>"#
        func cite(_ name: String, demote: String = "display-and-sort") throws -> String {
            let style = try CSLStyle(xml: Self.nameStyle(name, demote: demote))
            return CSLProcessor(style: style, items: [item]).process([CSLCitation(cites: [CSLCite(id: "lf")])]).citations[0].plain
        }
        #expect(try cite("<name>\(parts)</name>") == "[Jean] (de La Fontaine III)")
        #expect(
            try cite(#"<name name-as-sort-order="all" sort-separator=" ">"# + parts + "</name>", demote: "never")
                == "(La Fontaine) [Jean de] III")
        #expect(
            try cite(#"<name name-as-sort-order="all" sort-separator=" ">"# + parts + "</name>")
                == "(Fontaine) [Jean de La] III")
        // The <name> element's own affixes wrap the list.
        #expect(try cite(#"<name prefix="{" suffix="}"/>"#) == "{Jean de La Fontaine III}")
    }

    @Test func aDateInASortMacroSortsByThePartsItShows() throws {
        let style = try CSLStyle(
            xml: """
                <style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
                  <info><title>dates</title><id>dates</id></info>
                  <macro name="year"><date variable="issued"><date-part name="year"/></date></macro>
                  <citation><layout><text variable="title"/></layout></citation>
                  <bibliography><sort><key macro="year"/><key variable="title"/></sort><layout><text variable="title"/></layout></bibliography>
                </style>
                """)
        var late = CSLItem(id: "late", type: "book")
        var early = CSLItem(id: "early", type: "book")
        late.text["title"] = "A, in November"
        late.dates["issued"] = CSLDate(parts: [[2000, 11, 2]])
        early.text["title"] = "B, in January"
        early.dates["issued"] = CSLDate(parts: [[2000, 1, 5]])
        // Both sort as 2000; the title decides, though B's full date is earlier.
        let bibliography = CSLProcessor(style: style, items: [early, late]).process([], uncited: ["early", "late"]).bibliography
        #expect(bibliography.map(\.id) == ["late", "early"])
    }

    @Test func pageRangeFormats() {
        #expect(Numbers.pageRange("321-28", format: "expanded") == "321–328")
        #expect(Numbers.pageRange("321-328", format: "minimal") == "321–8")
        #expect(Numbers.pageRange("321-328", format: "minimal-two") == "321–28")
        #expect(Numbers.pageRange("101-108", format: "chicago") == "101–8")
        #expect(Numbers.pageRange("1496-1504", format: "chicago") == "1496–1504")
    }
}

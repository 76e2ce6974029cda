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
    }

    @Test func pageRangeFormats() {
        #expect(Numbers.pageRange("321-28", format: "expanded") == "321–328")
        #expect(Numbers.pageRange("321-328", format: "minimal") == "321–8")
        #expect(Numbers.pageRange("321-328", format: "minimal-two") == "321–28")
        #expect(Numbers.pageRange("101-108", format: "chicago") == "101–8")
        #expect(Numbers.pageRange("1496-1504", format: "chicago") == "1496–1504")
    }
}

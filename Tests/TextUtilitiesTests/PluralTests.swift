import Testing
import TextUtilities

@Suite struct PluralTests {
    @Test func countsNouns() {
        #expect(Plural.count(0, "page") == "0 pages")
        #expect(Plural.count(1, "page") == "1 page")
        #expect(Plural.count(2, "list page") == "2 list pages")
        #expect(Plural.count(3, "child", plural: "children") == "3 children")
    }
}

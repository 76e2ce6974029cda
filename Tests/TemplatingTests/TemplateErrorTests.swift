import Testing
@testable import Templating

@Suite struct TemplateErrorTests {
    private func error(_ source: String) -> TemplateError? {
        do {
            _ = try Template(source)
            return nil
        } catch {
            return error
        }
    }

    @Test func unclosedSectionNamesItsTagAndLine() {
        #expect(error("a\n  {{#items}}\nb") == TemplateError(line: 2, column: 3, reason: "{{#items}} is never closed: add {{/items}}"))
    }

    @Test func mismatchedCloseNamesBothSections() {
        #expect(error("{{#a}}{{^b}}\n{{/a}}") == TemplateError(line: 2, column: 1, reason: "{{/a}} closes {{^b}} of line 1: close that one first"))
        #expect(error("x{{/a}}") == TemplateError(line: 1, column: 2, reason: "{{/a}} closes nothing: remove it or open {{#a}} before"))
    }

    @Test func unclosedAndEmptyTags() {
        #expect(error("ok\nü {{name") == TemplateError(line: 2, column: 3, reason: "tag is not closed: add }}"))
        #expect(error("{{{raw}}") == TemplateError(line: 1, column: 1, reason: "tag is not closed: add }}}"))
        #expect(error("{{ }}") == TemplateError(line: 1, column: 1, reason: "empty tag: write a name between the braces"))
    }

    @Test func badDelimiterChange() {
        #expect(error("{{=<%=}}")?.reason.hasPrefix("a delimiter change is written") == true)
    }

    @Test func nestingDeeperThanTheLimitIsAnErrorNotACrash() {
        let deep = String(repeating: "{{#a}}", count: 5_000) + String(repeating: "{{/a}}", count: 5_000)
        #expect(error(deep)?.reason == "sections nest more than \(TemplateParser.maximumNesting) deep")
        let fine = String(repeating: "{{#a}}", count: 50) + "x" + String(repeating: "{{/a}}", count: 50)
        #expect(error(fine) == nil)
    }
}

import Testing

@testable import Markdown

/// Heading ids as Hugo 0.168 makes them: letters and decimal digits kept, other numbers and
/// combining marks left out. Expected ids from Hugo 0.168 on the same headings.
struct HeadingSlugTests {
    @Test func otherNumbersAndMarksGo() {
        #expect(Parser.slug("P² and ½ and ٣ and Ⅻ x") == "p-and--and-٣-and--x")
        #expect(Parser.slug("हिन्दी é e\u{301} Ⅻ") == "हनद-é-e-")
        #expect(Parser.slug("The extended P² quantile estimator") == "the-extended-p-quantile-estimator")
    }
}

import Testing
@testable import Math

@Test func placeholderRendersSimpleFormula() {
    let result = MathRenderer().render("x^2", display: false)
    #expect(result.error == nil)
    #expect(result.html.contains("<msup><mi>x</mi><mn>2</mn></msup>"))
}

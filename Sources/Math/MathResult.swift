/// The outcome of rendering one formula.
public struct MathResult: Sendable {
    /// The MathML (or, after an error, the escaped TeX source in an error style), ready for HTML.
    public var html: String
    /// The error, when the TeX could not be rendered.
    public var error: MathError?
    /// How many automatic equation numbers the formula used (`equation`, `align`, `gather`, …).
    public var equationsNumbered: Int

    /// Creates a result.
    public init(html: String, error: MathError? = nil, equationsNumbered: Int = 0) {
        self.html = html
        self.error = error
        self.equationsNumbered = equationsNumbered
    }
}

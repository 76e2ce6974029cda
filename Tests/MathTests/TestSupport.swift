import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
@testable import Math

/// The MathML between `<semantics>` and `<annotation>`, or nil after an error.
func body(_ tex: String, display: Bool = false, macros: [String: String] = [:]) -> String? {
    let result = MathRenderer(macros: macros).render(tex, display: display)
    guard result.error == nil,
        let start = result.html.range(of: "<semantics>"),
        let end = result.html.range(of: "<annotation")
    else { return nil }
    return String(result.html[start.upperBound..<end.lowerBound])
}

/// The error for `tex`, or nil when it renders.
func error(_ tex: String, macros: [String: String] = [:]) -> MathError? {
    MathRenderer(macros: macros).render(tex, display: false).error
}

/// Whether `markup` parses as XML.
func isWellFormedXML(_ markup: String) -> Bool {
    XMLParser(data: Data(markup.utf8)).parse()
}

/// The folder of this file, for test data read at test time.
func testDirectory(_ file: String = #filePath) -> URL {
    URL(fileURLWithPath: file).deletingLastPathComponent()
}

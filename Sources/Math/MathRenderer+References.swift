import TextUtilities

extension MathRenderer {
    /// `html` (a page, or formulas rendered earlier) with the `\ref`/`\eqref` left unresolved by
    /// ``render(_:display:firstEquationNumber:knownLabels:)`` linked to `labels` now known (a
    /// label defined further down the page). Returns the new HTML and the keys still unknown.
    public static func resolvingReferences(in html: String, labels: [EquationLabel]) -> (html: String, unresolved: [String]) {
        let markers = ["<mtext data-eqref=\"", "<mtext data-ref=\""]
        guard markers.contains(where: { html.contains($0) }) else { return (html, []) }
        var byKey: [String: EquationLabel] = [:]
        for label in labels {
            var escaped = ""
            HTMLEscaper.text.append(label.key, to: &escaped)
            byKey[escaped] = label
        }
        var output = ""
        var unresolved: [String] = []
        var rest = html[...]
        while let start = markers.compactMap({ rest.firstRange(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            let parenthesized = rest[start].hasPrefix("<mtext data-eqref")
            guard let keyEnd = rest[start.upperBound...].firstIndex(of: "\""),
                let close = rest[keyEnd...].firstRange(of: "</mtext>")
            else { break }
            let key = String(rest[start.upperBound..<keyEnd])
            output += rest[..<start.lowerBound]
            if let label = byKey[key] {
                MathMLWriter.appendReference(label, parenthesized: parenthesized, to: &output)
            } else {
                output += rest[start.lowerBound..<close.upperBound]
                unresolved.append(CharacterReferences.decodeAll(key))
            }
            rest = rest[close.upperBound...]
        }
        output += rest
        return (output, unresolved)
    }
}

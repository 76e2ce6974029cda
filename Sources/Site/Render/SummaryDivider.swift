/// Hugo's summary divider written inside a paragraph (`It failed. <!--more--> Then…`): Hugo cuts the
/// page's text there, so the paragraph ends before the divider and the rest starts a new one.
enum SummaryDivider {
    static let marker = "<!--more-->"

    /// `html` with its first divider, when it stands inside a paragraph, between two paragraphs.
    static func splittingParagraph(_ html: String) -> String {
        guard let divider = html.range(of: marker),
            let open = html[..<divider.lowerBound].range(of: "<p>", options: .backwards),
            !html[open.upperBound..<divider.lowerBound].contains("</p>"),
            let close = html[divider.upperBound...].range(of: "</p>"),
            !html[divider.upperBound..<close.lowerBound].contains("<p>")
        else { return html }
        let before = html[open.upperBound..<divider.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        let after = html[divider.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        var parts: [String] = []
        if !before.isEmpty { parts.append("<p>" + before + "</p>") }
        parts.append(marker)
        if !after.isEmpty { parts.append("<p>" + after + "</p>") }
        return html[..<open.lowerBound] + parts.joined(separator: "\n") + html[close.upperBound...]
    }
}

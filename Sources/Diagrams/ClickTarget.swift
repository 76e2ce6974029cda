/// The web address (and tooltip) of a `click`/`link` line of a flowchart or class diagram:
/// `click A href "url" "tooltip"`, `link A "url"`. Callbacks, which run JavaScript, and addresses
/// that are not web addresses (`javascript:`, `data:`) are left out with a warning.
struct ClickTarget {
    var url: String
    var tooltip: String?

    /// Reads the words after the node's id; `noun` names what is drawn without the link.
    static func parse(_ target: String, keyword: String, noun: String, statement: Statement)
        -> Result<ClickTarget, DiagramDiagnostic>
    {
        var arguments = SourceText.words(target)
        if keyword == "click", arguments.first == "href" { arguments.removeFirst() }
        guard keyword != "callback", let first = arguments.first, first.hasPrefix("\"") else {
            return .failure(
                DiagramDiagnostic(
                    line: statement.line, column: statement.column,
                    message: "click callbacks run JavaScript, which these diagrams do not use; the \(noun) is drawn without it",
                    severity: .warning))
        }
        let url = SourceText.unquoted(first)
        let lowered = url.lowercased()
        guard !lowered.hasPrefix("javascript:"), !lowered.hasPrefix("data:"), !lowered.hasPrefix("vbscript:") else {
            return .failure(
                DiagramDiagnostic(
                    line: statement.line, column: statement.column,
                    message: "link `\(url)` is not a web address; it is left out", severity: .warning))
        }
        let tooltip = arguments.count > 1 && arguments[1].hasPrefix("\"") ? SourceText.unquoted(arguments[1]) : nil
        return .success(ClickTarget(url: url, tooltip: tooltip))
    }
}

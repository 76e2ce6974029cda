import Foundation
import TextUtilities

/// The one place diagnostics become text: a terminal line, a JSON report, the dev server's overlay.
public enum DiagnosticRenderer {
    /// `file:line:col: severity: message; hint (while building page:line:col)`.
    public static func text(_ diagnostic: Diagnostic) -> String {
        var text = diagnostic.location.map { $0 + ": " } ?? ""
        text += diagnostic.severity.rawValue + ": " + diagnostic.message
        if let hint = diagnostic.hint { text += "; " + hint }
        return text + pageNote(diagnostic)
    }

    /// ` (while building page:line:col)` when the diagnostic names a page other than its file, else empty.
    public static func pageNote(_ diagnostic: Diagnostic) -> String {
        diagnostic.pageLocation.map { " (while building \($0))" } ?? ""
    }

    /// The diagnostics as a JSON array with sorted keys; absent parts are left out.
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(diagnostics)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The box the dev server shows over every page while the last build failed: each error as
    /// its text line, and a button that hides the box. Empty when there are no errors.
    public static func overlay(_ errors: [Diagnostic]) -> String {
        guard !errors.isEmpty else { return "" }
        let items = errors.map { "<li style=\"margin:0 0 .8em\">\(HTMLEscaper.text.escape(text($0)))</li>" }.joined()
        return """
            <div id="collective-error-overlay" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;\
            box-sizing:border-box;padding:2rem;background:rgba(24,4,4,.94);color:#fde8e8;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace">\
            <p style="margin:0 0 1rem;font-size:16px;color:#ff9c9c"><strong>The build failed with \(Plural.count(errors.count, "error")).</strong> \
            The last good version of the site is served; this box goes away when the build works again.</p>\
            <ul style="margin:0;padding-left:1.2em;white-space:pre-wrap">\(items)</ul>\
            <button type="button" onclick="this.parentNode.remove()" style="margin-top:1rem;font:inherit">Hide</button></div>
            """
    }
}

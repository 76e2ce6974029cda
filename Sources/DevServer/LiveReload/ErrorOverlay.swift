import Site

/// The box shown over every page while the last build failed: each error with its file:line.
enum ErrorOverlay {
    /// The overlay's HTML for these errors (empty when there are none).
    static func html(for errors: [Diagnostic]) -> String {
        guard !errors.isEmpty else { return "" }
        let items = errors.map { "<li style=\"margin:0 0 .8em\">\(escape($0.description))</li>" }.joined()
        let noun = errors.count == 1 ? "error" : "errors"
        return """
        <div id="collective-error-overlay" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;\
        box-sizing:border-box;padding:2rem;background:rgba(24,4,4,.94);color:#fde8e8;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace">\
        <p style="margin:0 0 1rem;font-size:16px;color:#ff9c9c"><strong>The build failed with \(errors.count) \(noun).</strong> \
        The last good version of the site is served; this box goes away when the build works again.</p>\
        <ul style="margin:0;padding-left:1.2em;white-space:pre-wrap">\(items)</ul>\
        <button type="button" onclick="this.parentNode.remove()" style="margin-top:1rem;font:inherit">Hide</button></div>
        """
    }

    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}

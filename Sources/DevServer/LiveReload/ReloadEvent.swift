/// What the browser is told after a rebuild.
enum ReloadEvent: Equatable, Sendable {
    /// Reload the page, or open `page` (a URL path such as `/posts/a/`) when it is not the one in view.
    case reload(page: String?)
    /// Only stylesheets changed: swap these (URL paths) without reloading.
    case css([String])

    /// The event in Server-Sent Events form.
    var message: String {
        switch self {
        case .reload(let page): "event: reload\ndata: \(page ?? "")\n\n"
        case .css(let paths): "event: css\ndata: \(paths.joined(separator: " "))\n\n"
        }
    }

    /// The event for a rebuild, or nil when the browser has nothing to update.
    ///
    /// - Parameters:
    ///   - changedOutputs: keys of the output files whose bytes changed.
    ///   - changedSources: the source files (relative to the site root) that triggered the rebuild.
    ///   - errorsChanged: whether the set of build errors (and so the overlay) changed.
    ///   - pageKeys: the output key of the page each content file became, when the build knows it;
    ///     other files are guessed by the default URL rules.
    static func after(
        changedOutputs: [String], changedSources: [String], errorsChanged: Bool,
        pageKeys: [String: String] = [:]
    ) -> ReloadEvent? {
        if changedOutputs.isEmpty { return errorsChanged ? .reload(page: nil) : nil }
        if !errorsChanged, changedOutputs.allSatisfy({ $0.hasSuffix(".css") }) {
            return .css(changedOutputs.map { "/" + $0 })
        }
        let changed = Set(changedOutputs)
        let page = changedSources.lazy.compactMap { pageKeys[$0] ?? pageKey(forContentFile: $0) }.first { changed.contains($0) }
        return .reload(page: page.map { "/" + $0.dropLast("index.html".count) })
    }

    /// The output key a content file gets under the default URL rules (`content/posts/My Post.md` →
    /// `posts/my-post/index.html`); nil for files that are not pages. Pages with a `url`, `slug`
    /// or permalink pattern land elsewhere, and then nothing is navigated to.
    static func pageKey(forContentFile path: String) -> String? {
        guard path.hasPrefix("content/") else { return nil }
        var segments = path.dropFirst("content/".count).split(separator: "/").map(String.init)
        guard let name = segments.popLast(), let dot = name.lastIndex(of: "."),
            ["md", "markdown", "html", "htm"].contains(name[name.index(after: dot)...].lowercased())
        else { return nil }
        let stem = String(name[..<dot])
        if stem != "index", stem != "_index" { segments.append(stem) }
        let folder = segments.map(urlize).joined(separator: "/")
        return folder.isEmpty ? "index.html" : folder + "/index.html"
    }

    /// Lower case; spaces and hyphen runs become one `-`; other punctuation goes (Hugo's `urlize`).
    private static func urlize(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "." {
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else if scalar == "-" || scalar == " " || scalar == "\t" {
                pendingHyphen = true
            }
        }
        return result
    }
}

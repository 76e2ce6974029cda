import Markdown

/// Hugo's `markup.goldmark` settings that change how content renders, with Hugo's defaults.
extension SiteConfig {
    private func markup(_ path: String) -> Value? {
        Value.table(raw).value(atPath: "markup.goldmark." + path)
    }

    /// goldmark's typographer: on unless `markup.goldmark.extensions.typographer` is `false` or its
    /// `disable` is `true`.
    public var typographer: Bool {
        if let flag = markup("extensions.typographer")?.bool { return flag }
        return !(markup("extensions.typographer.disable")?.bool ?? false)
    }

    /// goldmark's definition lists: on unless `markup.goldmark.extensions.definitionList` is `false`.
    public var definitionLists: Bool {
        markup("extensions.definitionList")?.bool ?? true
    }

    /// goldmark's linkify: on unless `markup.goldmark.extensions.linkify` is `false`.
    public var linkify: Bool {
        markup("extensions.linkify")?.bool ?? true
    }

    /// `markup.goldmark.extensions.linkifyProtocol`: the scheme `www.` links get (Hugo's default `https`).
    public var linkifyHTTPS: Bool {
        (markup("extensions.linkifyProtocol")?.string ?? "https").lowercased() != "http"
    }

    /// goldmark's block attributes (`{.class}` on the line below a block): off unless
    /// `markup.goldmark.parser.attribute.block` is `true`, as in Hugo.
    public var blockAttributes: Bool {
        markup("parser.attribute.block")?.bool ?? false
    }

    /// goldmark's heading attributes (`## Title {id="t"}`): on unless `markup.goldmark.parser.attribute.title`
    /// is `false`, as in Hugo.
    public var headingAttributes: Bool {
        markup("parser.attribute.title")?.bool ?? true
    }

    /// `markup.highlight.guessSyntax`: a code fence without a language is given one guessed from
    /// its text, as Chroma guesses (off by default, as in Hugo).
    public var guessSyntax: Bool {
        Value.table(raw).value(atPath: "markup.highlight.guessSyntax")?.bool ?? false
    }

    /// `enableInlineShortcodes`: `{{< name.inline >}}…{{< /name.inline >}}` runs its content as a Go
    /// template (off by default, as in Hugo, where a disabled inline shortcode renders nothing).
    public var enableInlineShortcodes: Bool {
        raw.valueIgnoringCase("enableInlineShortcodes")?.bool ?? false
    }

    /// `enableEmoji`: `:rocket:` becomes 🚀 (off by default, as in Hugo).
    public var enableEmoji: Bool {
        raw.valueIgnoringCase("enableEmoji")?.bool ?? false
    }
}

extension SiteConfig {
    /// The HTML of a footnote back-link: `markup.goldmark.extensions.footnote.backlinkHTML`, else
    /// goldmark's `&#x21a9;&#xfe0e;` (↩︎, the arrow in text presentation).
    public var footnoteBacklinkHTML: String {
        Value.table(raw).value(atPath: "markup.goldmark.extensions.footnote.backlinkHTML")?.string
            ?? "&#x21a9;&#xfe0e;"
    }
}

extension SiteConfig {
    /// `privacy.youtube.privacyEnhanced`: YouTube embeds from www.youtube-nocookie.com.
    public var youtubePrivacyEnhanced: Bool {
        Value.table(raw).value(atPath: "privacy.youtube.privacyEnhanced")?.bool ?? false
    }

    /// `privacy.youtube.disable`: the `youtube` shortcode renders nothing.
    public var youtubeDisabled: Bool {
        Value.table(raw).value(atPath: "privacy.youtube.disable")?.bool ?? false
    }

    /// `privacy.vimeo.enableDNT`: the Vimeo player is asked not to track viewers.
    public var vimeoDoNotTrack: Bool {
        Value.table(raw).value(atPath: "privacy.vimeo.enableDNT")?.bool ?? false
    }
}

extension SiteConfig {
    /// `markup.goldmark.extensions.passthrough.enable`: math delimiters kept verbatim by goldmark
    /// (such math adds nothing to a heading's id).
    public var goldmarkPassthrough: Bool {
        Value.table(raw).value(atPath: "markup.goldmark.extensions.passthrough.enable")?.bool ?? false
    }
}

extension SiteConfig {
    /// The math delimiters goldmark's passthrough keeps verbatim (`markup.goldmark.extensions.passthrough.delimiters`,
    /// Hugo's defaults `\[…\]`, `$$…$$` and `\(…\)` when none are given); empty without passthrough. Every other
    /// delimiter sees Markdown first and is found afterwards in the text, as the reader's browser renderer finds it.
    /// A pair that is none of the four (makdoudn's TOML literal `'\\['`) keeps nothing verbatim.
    public var verbatimMathDelimiters: MathDelimiters {
        guard goldmarkPassthrough else { return [] }
        let root = Value.table(raw)
        let lists = ["block", "inline"].compactMap {
            root.value(atPath: "markup.goldmark.extensions.passthrough.delimiters." + $0)?.array
        }
        if lists.isEmpty { return [.brackets, .doubleDollar, .parentheses] }
        var result: MathDelimiters = []
        for pair in lists.joined() {
            switch pair.stringList.first {
            case "$": result.insert(.dollar)
            case "$$": result.insert(.doubleDollar)
            case "\\(": result.insert(.parentheses)
            case "\\[": result.insert(.brackets)
            default: break
            }
        }
        return result
    }
}

/// The theme's own light and dark colours for highlighted code, as CSS.
enum Stylesheet {
    /// One rule: the short classes it styles and its declarations in each scheme.
    private struct Rule {
        let classes: String
        let light: String
        let dark: String
    }

    /// Colours per token class; dark values apply under `[data-theme="dark"]` and, unless the
    /// page asks for light, when the reader's system prefers a dark scheme.
    private static let rules: [Rule] = [
        Rule(classes: "", light: "color:#1f2328;background-color:#f6f8fa", dark: "color:#e6edf3;background-color:#161b22"),
        Rule(classes: "hl", light: "background-color:#fff1b8", dark: "background-color:#3b3519"),
        Rule(classes: "ln lnt", light: "color:#8c959f", dark: "color:#6e7681"),
        Rule(classes: "k kd kn kr kp", light: "color:#8434c4", dark: "color:#c792ea"),
        Rule(classes: "kc", light: "color:#0f6e9e", dark: "color:#89ddff"),
        Rule(classes: "kt", light: "color:#a34a00", dark: "color:#ffcb6b"),
        Rule(classes: "nf fm", light: "color:#2450c0", dark: "color:#82aaff"),
        Rule(classes: "nc ne nn", light: "color:#a34a00;font-weight:600", dark: "color:#ffcb6b;font-weight:600"),
        Rule(classes: "nb bp", light: "color:#0d7480", dark: "color:#7fdbca"),
        Rule(classes: "nd nl", light: "color:#8a5d00", dark: "color:#f78c6c"),
        Rule(classes: "nt", light: "color:#1f7a34", dark: "color:#f07178"),
        Rule(classes: "na py", light: "color:#8a5d00", dark: "color:#ffcb6b"),
        Rule(classes: "nv vg vi vm no ni", light: "color:#b3261e", dark: "color:#f07178"),
        Rule(classes: "s sa sb sc dl sd s2 sh s1 sx ss l ld", light: "color:#1f7a34", dark: "color:#c3e88d"),
        Rule(classes: "se si", light: "color:#b8430b", dark: "color:#f78c6c"),
        Rule(classes: "sr", light: "color:#0b6e7a", dark: "color:#89ddff"),
        Rule(classes: "m mb mf mh mi mo il", light: "color:#a34a00", dark: "color:#f78c6c"),
        Rule(classes: "o", light: "color:#56606b", dark: "color:#89ddff"),
        Rule(classes: "ow", light: "color:#8434c4;font-weight:600", dark: "color:#c792ea;font-weight:600"),
        Rule(classes: "p", light: "color:#4b5360", dark: "color:#a6accd"),
        Rule(classes: "c c1 cm ch cs", light: "color:#6a737d;font-style:italic", dark: "color:#7f8c98;font-style:italic"),
        Rule(classes: "cp cpf", light: "color:#8a5d00", dark: "color:#f78c6c"),
        Rule(classes: "gd", light: "color:#b3261e;background-color:#ffebe9", dark: "color:#ffa198;background-color:#490202"),
        Rule(classes: "gi", light: "color:#1a7f37;background-color:#dafbe1", dark: "color:#7ee787;background-color:#04260f"),
        Rule(classes: "gh", light: "color:#0550ae;font-weight:600", dark: "color:#79c0ff;font-weight:600"),
        Rule(classes: "gu", light: "color:#8250df;font-weight:600", dark: "color:#d2a8ff;font-weight:600"),
        Rule(classes: "gp", light: "color:#6a737d;font-weight:600", dark: "color:#8b949e;font-weight:600"),
        Rule(classes: "go", light: "color:#57606a", dark: "color:#9da7b3"),
        Rule(classes: "gr gt err", light: "color:#cf222e", dark: "color:#ff7b72"),
    ]

    /// Layout that holds in both schemes: long lines scroll, line numbers are not selectable.
    private static let layout = """
        .highlight{position:relative}
        .highlight-title{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em;padding:.3em .8em;border-bottom:1px solid rgba(127,127,127,.25)}
        .chroma{overflow-x:auto;tab-size:4}
        pre.chroma{white-space:pre;overflow-wrap:normal;word-break:normal}
        .chroma .lntable{border-spacing:0;padding:0;margin:0;border:0;width:auto;display:block;overflow:auto}
        .chroma .lntd{vertical-align:top;padding:0;margin:0;border:0}
        .chroma .line{display:flex}
        .chroma .hl{display:block}
        .chroma .ln,.chroma .lnt{white-space:pre;user-select:none;-webkit-user-select:none;margin-right:.4em;padding:0 .4em}
        .chroma .lnlinks{outline:none;text-decoration:none;color:inherit}
        .chroma .ge{font-style:italic}
        .chroma .gs{font-weight:600}

        """

    static let css: String = {
        var css = layout
        for rule in rules { css += declarations(rule.classes, rule.light, scope: "") }
        for rule in rules { css += declarations(rule.classes, rule.dark, scope: "[data-theme=\"dark\"] ") }
        css += "@media (prefers-color-scheme:dark){\n"
        for rule in rules { css += declarations(rule.classes, rule.dark, scope: ":root:not([data-theme=\"light\"]) ") }
        css += "}\n"
        return css
    }()

    private static func declarations(_ classes: String, _ body: String, scope: String) -> String {
        let selectors =
            classes.isEmpty
            ? [scope + ".chroma"]
            : classes.split(separator: " ").map { "\(scope).chroma .\($0)" }
        return selectors.joined(separator: ",") + "{" + body + "}\n"
    }
}

extension Highlighter {
    /// CSS for the light and dark code styles, keyed on Pygments/Chroma short class names. Dark
    /// colours apply under `[data-theme="dark"]` and, via `prefers-color-scheme`, on
    /// `:root:not([data-theme="light"])`.
    public static var stylesheet: String { Stylesheet.css }
}

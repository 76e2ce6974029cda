/// Inline SVG icons for social links and share links, drawn for this theme on a 24×24 grid in
/// `currentColor`, so they follow the text colour in light and dark schemes.
enum SocialIcons {
    /// The icon for a service name; case, spaces, hyphens and underscores are ignored
    /// (`Google Scholar`, `google-scholar` and `googlescholar` agree). Unknown names get a link icon.
    static func svg(named name: String) -> String {
        let key = String(name.lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" && $0 != "." })
        let body = shapes[aliases[key] ?? key] ?? genericLink
        return "<svg viewBox=\"0 0 24 24\" width=\"24\" height=\"24\" fill=\"currentColor\" aria-hidden=\"true\" focusable=\"false\">\(body)</svg>"
    }

    /// Other names people use in their config for the same services.
    private static let aliases: [String: String] = [
        "twitter": "x", "mail": "email", "envelope": "email", "scholar": "googlescholar", "hf": "huggingface",
        "feed": "rss", "ycombinator": "hackernews", "hn": "hackernews",
    ]

    private static let stroke = "fill=\"none\" stroke=\"currentColor\" stroke-linecap=\"round\" stroke-linejoin=\"round\""

    private static let genericLink =
        "<path \(stroke) stroke-width=\"2\" d=\"M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1\"/>"

    private static let shapes: [String: String] = [
        // A cat's head and shoulders cut out of a disc.
        "github":
            "<path fill-rule=\"evenodd\" d=\"M12 1.5a10.5 10.5 0 1 0 0 21a10.5 10.5 0 1 0 0-21zM9.3 21.8v-2.3c-1.9.4-3-.4-3.6-1.6-.3-.6-.7-1-1.2-1.3.8-.2 1.4.3 1.8.9.6.9 1.5 1.2 3 .8.1-.6.4-1.1.9-1.4C7.6 16.2 6 14.6 6 11.7c0-1.1.4-2.1 1.1-2.8-.2-.7-.2-2 .2-3 1 0 2 .6 2.7 1.2a9 9 0 0 1 4 0c.7-.6 1.7-1.2 2.7-1.2.4 1 .4 2.3.2 3 .7.7 1.1 1.7 1.1 2.8 0 2.9-1.6 4.5-4.2 4.8.6.5.9 1.2.9 2.1v3.2z\"/>",
        // The tanuki: two ears and a pointed chin.
        "gitlab": "<path d=\"M12 21.6 2.1 14.2l2.5-10.9 3.3 6.6h8.2l3.3-6.6 2.5 10.9z\"/>",
        // A wide stroke drawn in outline, crossed by a broken thin one.
        "x":
            "<path fill-rule=\"evenodd\" d=\"M2.8 3h6.4l12 18h-6.4zm2.8 1.5h2.8l10 15h-2.8z\"/><path \(stroke) stroke-width=\"1.9\" d=\"M20.2 3.2 13.6 10.8M10.6 14.3 3.8 20.8\"/>",
        // A speech bubble with an m cut out of it.
        "mastodon":
            "<path fill-rule=\"evenodd\" d=\"M12 2.5c4.5 0 8.5.8 8.5 5.5v4.3c0 3.1-2.1 4.3-4.9 4.7-2.3.3-4.9.2-6.8-.2.1 1.8 1.4 2.8 3.6 2.8 1.2 0 2.5-.2 3.4-.5v1.7c-1.2.6-2.7.8-4.1.8-4.3 0-6.1-2.5-6.4-5.6-1.5-.9-1.8-2.3-1.8-4V8c0-4.7 4-5.5 8.5-5.5zM7 13.9V9.3c0-1.7 1-2.7 2.5-2.7 1.4 0 2.1.7 2.5 1.7.4-1 1.1-1.7 2.5-1.7 1.5 0 2.5 1 2.5 2.7v4.6h-1.9V9.6c0-.9-.4-1.3-1.1-1.3s-1.1.5-1.1 1.4V12h-1.8V9.7c0-.9-.4-1.4-1.1-1.4s-1.1.4-1.1 1.3v4.3z\"/>",
        // A butterfly: two large upper wings and two small lower ones.
        "bluesky":
            "<path d=\"M12 10.8C10.6 8 7.1 3.7 4.6 3.2 3.4 3 2.6 3.6 2.6 5.2c0 .8.4 5.1.7 6.1.9 2.6 3.5 3.1 5.9 2.8-3.6.7-4.8 2.7-2.8 4.7 2.2 2.2 4.2.5 5.6-2.3 1.4 2.8 3.4 4.5 5.6 2.3 2-2 .8-4-2.8-4.7 2.4.3 5-.2 5.9-2.8.3-1 .7-5.3.7-6.1 0-1.6-.8-2.2-2-2-2.5.5-6 4.8-7.4 7.6z\"/>",
        // "in" cut out of a rounded square.
        "linkedin":
            "<path fill-rule=\"evenodd\" d=\"M4.5 2.5h15a2 2 0 0 1 2 2v15a2 2 0 0 1-2 2h-15a2 2 0 0 1-2-2v-15a2 2 0 0 1 2-2zM5.7 7.2a1.6 1.6 0 1 0 3.2 0 1.6 1.6 0 1 0-3.2 0zm.2 2.6v8.7h2.8V9.8zm4.7 0v8.7h2.8v-4.8c0-1.2.5-1.9 1.5-1.9.9 0 1.3.7 1.3 1.9v4.8H19v-5.3c0-2.2-.8-3.6-2.9-3.6-1.3 0-2.3.6-2.8 1.4V9.8z\"/>",
        // A mortarboard over a head.
        "googlescholar": "<path d=\"M12 2.2 1.5 10.4h21z\"/><circle cx=\"12\" cy=\"15.6\" r=\"5.6\"/>",
        // "iD" cut out of a disc.
        "orcid":
            "<path fill-rule=\"evenodd\" d=\"M12 1.5a10.5 10.5 0 1 0 0 21a10.5 10.5 0 1 0 0-21zM7.1 7.3a1.1 1.1 0 1 0 2.2 0 1.1 1.1 0 1 0-2.2 0zm.2 2.2v7.7h1.8V9.5zm3.4 0v7.7h3.6c2.6 0 4.4-1.7 4.4-3.85S16.9 9.5 14.3 9.5zm1.8 1.6h1.7c1.5 0 2.6.9 2.6 2.25s-1.1 2.25-2.6 2.25h-1.7z\"/>",
        // A paper with the curled chi of arXiv on it.
        "arxiv":
            "<path \(stroke) stroke-width=\"1.8\" d=\"M6 2.5h8.5l4.5 4.5v14.5H6z\"/><path \(stroke) stroke-width=\"2.2\" d=\"M8.6 9.2c1 0 1.6.5 2.1 1.2l5 8\"/><path \(stroke) stroke-width=\"1.5\" d=\"M16 9.3l-3.2 4M11.4 15.1l-2.8 3.5\"/>",
        // A smiling face with two hands.
        "huggingface":
            "<path fill-rule=\"evenodd\" d=\"M12 2.2a8.6 8.6 0 1 0 0 17.2 8.6 8.6 0 1 0 0-17.2zM7.8 9.4a1.3 1.3 0 1 0 2.6 0 1.3 1.3 0 1 0-2.6 0zm5.8 0a1.3 1.3 0 1 0 2.6 0 1.3 1.3 0 1 0-2.6 0zM8 12.6c.7 2.8 7.3 2.8 8 0z\"/><path d=\"M2.2 17.3c0-1.4 1.4-2.3 2.6-1.7l3.4 1.9c1 .6 1 2 .1 2.6l-1.1.8c-1.4.9-3.3.5-4.2-.9-.5-.8-.8-1.7-.8-2.7zm19.6 0c0-1.4-1.4-2.3-2.6-1.7l-3.4 1.9c-1 .6-1 2-.1 2.6l1.1.8c1.4.9 3.3.5 4.2-.9.5-.8.8-1.7.8-2.7z\"/>",
        // A bold k.
        "kaggle": "<path d=\"M5.5 2h3.1v20H5.5zm3.1 13.3v-3.6L15.1 5h3.9zm2.6-2.2 2.2-2.2 6.5 11.1h-3.9z\"/>",
        "email":
            "<rect x=\"2.5\" y=\"5\" width=\"19\" height=\"14\" rx=\"2\" \(stroke) stroke-width=\"2\"/><path \(stroke) stroke-width=\"2\" d=\"m3.5 6.5 8.5 6.5 8.5-6.5\"/>",
        "rss":
            "<circle cx=\"5.5\" cy=\"18.5\" r=\"2.3\"/><path \(stroke) stroke-width=\"2.8\" d=\"M3.4 10.3a10.3 10.3 0 0 1 10.3 10.3M3.4 3.6a17 17 0 0 1 17 17\"/>",
        // A Y cut out of a square.
        "hackernews": "<path fill-rule=\"evenodd\" d=\"M3 3h18v18H3zm4.6 3.8 3.4 6.4v4.3h2v-4.3l3.4-6.4h-2.2L12 11.3 9.8 6.8z\"/>",
        "youtube":
            "<path fill-rule=\"evenodd\" d=\"M6.5 4.5h11a4.5 4.5 0 0 1 4.5 4.5v6a4.5 4.5 0 0 1-4.5 4.5h-11A4.5 4.5 0 0 1 2 15V9a4.5 4.5 0 0 1 4.5-4.5zM10 8.6v6.8l5.8-3.4z\"/>",
        // A game controller's face with two eyes.
        "discord":
            "<path fill-rule=\"evenodd\" d=\"M8.6 4.5 9.3 6a15 15 0 0 1 5.4 0l.7-1.5c1.7.3 3.2.9 4.5 1.7 2 3 2.8 6.5 2.5 10.6-1.5 1.2-3.1 2-4.8 2.5l-1.1-1.8c.7-.3 1.3-.6 1.9-1-3.1 1.5-7.5 1.5-10.6 0 .6.4 1.2.7 1.9 1l-1.1 1.8c-1.7-.5-3.3-1.3-4.8-2.5-.3-4.1.5-7.6 2.5-10.6 1.3-.8 2.8-1.4 4.5-1.7zM7.6 12.4a1.6 1.7 0 1 0 3.2 0 1.6 1.7 0 1 0-3.2 0zm5.6 0a1.6 1.7 0 1 0 3.2 0 1.6 1.7 0 1 0-3.2 0z\"/>",
        // A cup of coffee.
        "kofi":
            "<path \(stroke) stroke-width=\"2\" d=\"M4 8h13v5.5a5 5 0 0 1-5 5H9a5 5 0 0 1-5-5zM17 9.5h1.3a2.6 2.6 0 0 1 0 5.2H17\"/><path d=\"M10.5 15.2 8 12.8a1.4 1.4 0 0 1 2-2l.5.5.5-.5a1.4 1.4 0 0 1 2 2z\"/>",
    ]
}

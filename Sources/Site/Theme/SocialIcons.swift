/// Inline SVG icons for social links, drawn for this theme (24×24, `currentColor`).
enum SocialIcons {
    /// The icon for a service name (case-insensitive); a generic link icon for unknown names.
    static func svg(named name: String) -> String {
        let body = paths[name.lowercased()] ?? genericLink
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" width=\"24\" height=\"24\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\" aria-hidden=\"true\" focusable=\"false\">\(body)</svg>"
    }

    private static let genericLink = "<path d=\"M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1\"/><path d=\"M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1\"/>"

    private static let paths: [String: String] = [
        "email": "<rect x=\"3\" y=\"5\" width=\"18\" height=\"14\" rx=\"2\"/><path d=\"m3 7 9 6 9-6\"/>",
        "rss": "<path d=\"M5 11a8 8 0 0 1 8 8M5 5a14 14 0 0 1 14 14\"/><circle cx=\"6\" cy=\"18\" r=\"1.5\"/>",
        "github": "<path d=\"M9 19c-4 1.5-4-2-6-2.5m12 5v-3.5a3 3 0 0 0-1-2.5c3 0 6-1.5 6-6.5a5 5 0 0 0-1.4-3.5 4.6 4.6 0 0 0-.1-3.5s-1.1-.3-3.5 1.3a12 12 0 0 0-6 0C6.6 2.7 5.5 3 5.5 3a4.6 4.6 0 0 0-.1 3.5A5 5 0 0 0 4 10c0 5 3 6.5 6 6.5a3 3 0 0 0-1 2.5V22\"/>",
        "gitlab": "<path d=\"m12 21-9-7 2.5-10 2.5 7h8l2.5-7 2.5 10z\"/>",
        "x": "<path d=\"M4 4l16 16M20 4 4 20\"/>",
        "twitter": "<path d=\"M4 4l16 16M20 4 4 20\"/>",
        "mastodon": "<path d=\"M20 8c0-3-2.5-4.5-5-5a18 18 0 0 0-6 0C6.5 3.5 4 5 4 8v5c0 4 2.5 6 6 6.5 2 .3 4-.2 5.5-.8v-2c-1.5.5-3.5.8-5 .5C8.5 17 8 16 8 15c3 .5 6 .5 9 0 2-.5 3-2 3-4z\"/><path d=\"M9 12V9.5a1.5 1.5 0 0 1 3 0V11m0-1.5a1.5 1.5 0 0 1 3 0V12\"/>",
        "bluesky": "<path d=\"M12 11C10 7 6.5 4 4 4c-1 0-1.5 1-1.5 2.5S3 11 5 12c-2 .5-2.5 2-1.5 3.5S7 19 9 17c1.5-1.5 2.5-4 3-6 .5 2 1.5 4.5 3 6 2 2 4.5.5 5.5-1.5s.5-3-1.5-3.5c2-1 2.5-4 2.5-5.5S21 4 20 4c-2.5 0-6 3-8 7z\"/>",
        "linkedin": "<rect x=\"3\" y=\"3\" width=\"18\" height=\"18\" rx=\"2\"/><path d=\"M8 10v7M8 7v.01M12 17v-4a2 2 0 0 1 4 0v4M12 10v7\"/>",
        "googlescholar": "<path d=\"m12 3 10 7-10 7L2 10z\"/><circle cx=\"12\" cy=\"15\" r=\"4\"/>",
        "orcid": "<circle cx=\"12\" cy=\"12\" r=\"9\"/><path d=\"M9 10v7M9 7v.01M12.5 17V8h2a4.5 4.5 0 0 1 0 9z\"/>",
        "arxiv": "<path d=\"M6 4l12 16M18 4 9 14M6 20l3-6\"/>",
        "huggingface": "<circle cx=\"12\" cy=\"11\" r=\"8\"/><path d=\"M8.5 13a4 4 0 0 0 7 0\"/><path d=\"M9 9v.01M15 9v.01\"/><path d=\"M5 16l-2 4M19 16l2 4\"/>",
        "kaggle": "<path d=\"M7 3v18M7 14l9-9M10 11l7 10\"/>",
        "discord": "<path d=\"M8 7a13 13 0 0 1 8 0M7 17c3 1.5 7 1.5 10 0M7 6 5 7c-2 4-2.5 8-2 11 1.5 1.5 3.5 2 4 2l1-2m8-12 2 1c2 4 2.5 8 2 11-1.5 1.5-3.5 2-4 2l-1-2\"/><circle cx=\"9\" cy=\"12.5\" r=\"1.3\"/><circle cx=\"15\" cy=\"12.5\" r=\"1.3\"/>",
        "kofi": "<path d=\"M4 7h13v6a5 5 0 0 1-5 5H9a5 5 0 0 1-5-5z\"/><path d=\"M17 9h1.5a2.5 2.5 0 0 1 0 5H17\"/>",
        "youtube": "<rect x=\"2.5\" y=\"5\" width=\"19\" height=\"14\" rx=\"4\"/><path d=\"m10 9 5 3-5 3z\"/>",
    ]
}

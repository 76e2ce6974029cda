import Foundation
import Testing
@testable import Site

/// Definition lists, linkify, bare `relref` and odd fence languages, as Hugo 0.168 renders them
/// (each expected string taken from Hugo on the same text; docs/fidelity.md classes 8, 11, 17).
@Suite struct HugoMarkupExtrasTests {
    @Test func definitionListsOnByDefault() throws {
        let body = try HugoFidelity.body("`href`\n: URL for external links.\n")
        #expect(body == "<dl>\n<dt><code>href</code></dt>\n<dd>URL for external links.</dd>\n</dl>")
    }

    @Test func definitionListsOffInConfig() throws {
        let body = try HugoFidelity.body(
            "Term\n: definition\n",
            config: "[markup.goldmark.extensions]\ndefinitionList = false\n")
        #expect(body == "<p>Term\n: definition</p>")
    }

    @Test func linkifyAsGoldmark() throws {
        let body = try HugoFidelity.body(
            """
            open to all: https://t.co/RAc4U0UnwL— Jennifer

            原文链接：https://blog.csdn.net/abc

            see www.example.com/foo and www.example.com.

            x(https://a.com/b) *https://a.com/c* _www.b.com_ ~https://c.com~

            x:https://a.com

            ä https://a.com/ü/x?q=é#frag.

            foo@bar.com and mailto:foo@bar.com

            https://a.com/path) and (https://a.com/path)
            """)
        #expect(
            body == """
                <p>open to all: <a href="https://t.co/RAc4U0UnwL">https://t.co/RAc4U0UnwL</a>— Jennifer</p>
                <p>原文链接：https://blog.csdn.net/abc</p>
                <p>see <a href="https://www.example.com/foo">www.example.com/foo</a> and <a href="https://www.example.com">www.example.com</a>.</p>
                <p>x(<a href="https://a.com/b">https://a.com/b</a>) <em><a href="https://a.com/c">https://a.com/c</a></em> <em><a href="https://www.b.com">www.b.com</a></em> <del><a href="https://c.com">https://c.com</a></del></p>
                <p>x:https://a.com</p>
                <p>ä <a href="https://a.com/">https://a.com/</a>ü/x?q=é#frag.</p>
                <p><a href="mailto:foo@bar.com">foo@bar.com</a> and mailto:foo@bar.com</p>
                <p><a href="https://a.com/path">https://a.com/path</a>) and (<a href="https://a.com/path">https://a.com/path</a>)</p>
                """)
    }

    @Test func linkifyStartsRightAfterATypographerSubstitution() throws {
        let body = try HugoFidelity.body(
            """
            "https://a.com/x" y

            x"https://a.com/x" y

            "www.a.com" y

            a --https://a.com/x y

            a "b"https://a.com y
            """)
        #expect(
            body == """
                <p>\u{201C}<a href="https://a.com/x%22">https://a.com/x&quot;</a> y</p>
                <p>x&quot;https://a.com/x\u{201D} y</p>
                <p>\u{201C}<a href="https://www.a.com">www.a.com</a>\u{201D} y</p>
                <p>a \u{2013}<a href="https://a.com/x">https://a.com/x</a> y</p>
                <p>a \u{201C}b&quot;https://a.com y</p>
                """)
    }

    @Test func aFigureCaptionIsTheSiteMarkdown() throws {
        let body = try HugoFidelity.body("{{< figure src=\"/a.jpg\" caption=\"image from www.amazon.co.uk, \\\"quoted\\\"\" >}}\n")
        #expect(
            body.contains(
                "<figcaption><p>image from <a href=\"https://www.amazon.co.uk\">www.amazon.co.uk</a>, \u{201C}quoted\u{201D}</p></figcaption>"),
            "\(body)")
    }

    @Test func bundleFilesAreFoundAsHugoFindsThem() throws {
        // Hugo finds `Land Cover.JPG` as `land-cover.jpg`, and on a Spanish page `map.es.png` as `map.png`.
        let config = "defaultContentLanguage = \"en\"\n[languages.en]\n[languages.es]\n"
        let files = ["content/p/Land Cover.JPG": "JPG", "content/p/map.es.png": "PNG"]
        let english = try HugoFidelity.body("![a](land-cover.jpg)\n", config: config, files: files, path: "content/p/index.md")
        #expect(english.contains("src=\"/p/Land Cover.JPG\""), "\(english)")
        let spanish = try HugoFidelity.body("![b](map.png)\n", config: config, files: files, path: "content/p/index.es.md", url: "/es/p/")
        #expect(spanish.contains("src=\"/es/p/map.es.png\""), "\(spanish)")
    }

    @Test func linkifyTrimsPunctuationThenUnbalancedParenthesis() throws {
        let body = try HugoFidelity.body("(https://a.com/x), y\n\nhttps://a.com/(x)), y\n\nhttps://a.com/x). z\n\nhttps://a.com/x);\n")
        #expect(
            body == """
                <p>(<a href="https://a.com/x">https://a.com/x</a>), y</p>
                <p><a href="https://a.com/(x)">https://a.com/(x)</a>), y</p>
                <p><a href="https://a.com/x">https://a.com/x</a>). z</p>
                <p><a href="https://a.com/x);">https://a.com/x);</a></p>
                """)
    }

    @Test func linkifyProtocolAndOff() throws {
        let http = try HugoFidelity.body(
            "see www.example.com\n",
            config: "[markup.goldmark.extensions]\nlinkifyProtocol = \"http\"\n")
        #expect(http == "<p>see <a href=\"http://www.example.com\">www.example.com</a></p>")
        let off = try HugoFidelity.body("see www.example.com\n", config: "[markup.goldmark.extensions]\nlinkify = false\n")
        #expect(off == "<p>see www.example.com</p>")
    }

    @Test func bareRelrefPrintsTheURL() throws {
        let body = try HugoFidelity.body(
            "Bare: {{< relref \"/docs/target\" >}} and {{< ref \"docs/target.md\" >}}\n\nLink: [t]({{< relref \"/docs/target\" >}})\n",
            files: ["content/docs/target.md": "---\ntitle: target\n---\nhi\n"])
        #expect(body == "<p>Bare: /docs/target/ and https://example.org/docs/target/</p>\n<p>Link: <a href=\"/docs/target/\">t</a></p>")
    }

    @Test func fenceLanguageWithOtherCharactersIsKept() throws {
        let body = try HugoFidelity.body("```bash!\necho hi\n```\n")
        #expect(body.contains("<code class=\"language-bash!\" data-lang=\"bash!\">"))
        #expect(!body.contains("class=\"nb\""))
    }

    @Test func guessSyntaxNamesAFenceWithoutALanguage() throws {
        // The indented block at the end is never guessed: Hugo does not highlight indented code.
        let fences =
            "```\n64 bytes from 1.2.3.4\n```\n\n```\n#!/usr/bin/env bash\necho hi\n```\n\n```\n<?xml version=\"1.0\"?>\n```\n\n    indented\n"
        let guessed = try HugoFidelity.body(fences, config: "[markup.highlight]\nguessSyntax = true\n")
        let languages = guessed.components(separatedBy: "data-lang=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(languages == ["fallback", "bash", "fallback"])
        #expect(!(try HugoFidelity.body(fences)).contains("data-lang="), "off by default")
        // A site's code block hook that highlights with transform.HighlightCodeBlock gets the guess too.
        let hooked = try HugoFidelity.body(
            "```\nplain\n```\n", config: "[markup.highlight]\nguessSyntax = true\n",
            files: ["layouts/_markup/render-codeblock.html": "{{ (transform.HighlightCodeBlock .).Wrapped }}"])
        #expect(hooked.contains("data-lang=\"fallback\""), "\(hooked)")
    }
}

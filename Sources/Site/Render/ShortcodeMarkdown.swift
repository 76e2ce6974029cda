import Foundation
import Highlight
import Markdown
import TextUtilities

extension ContentRenderer {
    /// Markdown that a site shortcode renders with `markdownify` or `.RenderString`, as Hugo renders
    /// it: the page's Markdown settings, the site's render hooks (images, links, headings, code
    /// blocks, quotes), math, and images and links resolved against the page.
    func shortcodeMarkdownHTML(_ markdown: String, page: Page, siteRun: SiteShortcodeRun, sink: DiagnosticSink) -> String {
        let options = pageMarkdownOptions
        var hooks = RenderHooks()
        var images = 0
        var codeBlocks = 0
        var quotes = 0
        hooks.math = { span in
            let output = self.math.render(span.tex, display: span.isDisplay)
            for error in output.errors { sink.warn("math: \(error.description)", fileLine: page.bodyLine) }
            return output.html
        }
        hooks.image = { image in
            defer { images += 1 }
            if let html = siteRun.renderImage(image, ordinal: images, sink: sink) { return html }
            let source = self.findResource(image.destination, for: page) ?? image.destination
            let title = image.title.map { " title=\"\(HTMLText.escape($0))\"" } ?? ""
            return "<img src=\"\(HTMLText.escape(source))\" alt=\"\(HTMLText.escape(image.alt))\"\(title)>"
        }
        hooks.link = { link in
            let target = LinkDestination(parsing: link.destination)
            let resolved = self.resolveLink(target, for: page, position: link.position, sink: sink).url(for: target)
            var hookLink = link
            if let resolved, target.referencePath != nil { hookLink.destination = resolved }
            return siteRun.renderLink(hookLink, sink: sink)
        }
        hooks.heading = { heading in siteRun.renderHeading(heading, sink: sink) }
        hooks.codeBlock = { block in
            defer { codeBlocks += 1 }
            if let html = siteRun.renderCodeBlock(block, ordinal: codeBlocks, sink: sink) { return html }
            return Highlighter.html(
                code: block.code, language: block.language,
                options: HighlightOptions(fenceAttributes: block.attributes)) + "\n"
        }
        if siteRun.hasBlockQuoteHook {
            hooks.blockQuote = { quote in
                defer { quotes += 1 }
                return siteRun.renderBlockQuote(quote, ordinal: quotes, sink: sink)
            }
        }
        return HTMLRenderer(options: options, hooks: hooks).render(Document.parse(markdown, options: options))
    }
}

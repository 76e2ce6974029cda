import Foundation
import Testing
@testable import Site

/// Citations, reference lists, fenced divs and cross-references in a built site.
@Suite struct CitationSiteTests {
    static let bib = """
        @article{lecun2015, title={Deep learning}, author={LeCun, Yann and Bengio, Yoshua and Hinton, Geoffrey},
          journal={Nature}, volume={521}, number={7553}, pages={436--444}, year={2015}, doi={10.1038/nature14539}}
        @misc{kingma2014, title={Adam: A Method for Stochastic Optimization}, author={Kingma, Diederik P. and Ba, Jimmy},
          year={2014}, eprint={1412.6980}, archivePrefix={arXiv}}
        @article{broken, title = {Oops} year = 2020}
        """

    private func build(config: String = "bibliography: refs.bib\n", page: String, files: [String: String] = [:]) throws
        -> (html: String, warnings: [String])
    {
        var all = [
            "config.yml": "baseURL: https://example.org/\ntitle: T\n" + config, "refs.bib": Self.bib,
            "content/posts/p/index.md": page,
        ]
        for (path, text) in files { all[path] = text }
        let site = try SiteFixtures.makeSite(all)
        let (report, output) = try SiteFixtures.build(site)
        let html = try String(contentsOf: output.appendingPathComponent("posts/p/index.html"), encoding: .utf8)
        return (html, report.warnings.map(\.description))
    }

    @Test func citationsLinkToAReferenceListWithBackLinks() throws {
        let (html, warnings) = try build(
            page: """
                ---
                title: P
                ---
                Deep nets [@lecun2015, p. 437] learn; @kingma2014 optimise. See also [@lecun2015; @kingma2014].

                Code `[@lecun2015]` stays.
                """)
        #expect(
            html.contains(
                ##"<span class="citation-group" id="cite-1">(<a href="#ref-lecun2015" class="citation" data-cites="lecun2015">LeCun et al., 2015, p.\##u{00A0}437</a>)</span>"##
            ))
        #expect(
            html.contains(
                ##"<span class="citation-group" id="cite-2"><a href="#ref-kingma2014" class="citation" data-cites="kingma2014">Kingma and Ba (2014)</a></span>"##
            ))
        #expect(html.contains("<code>[@lecun2015]</code>"))
        #expect(html.contains(##"<section id="refs" class="references author-year" role="doc-bibliography" aria-labelledby="refs-title">"##))
        #expect(html.contains(##"<li id="ref-lecun2015">LeCun, Y., Bengio, Y., &amp; Hinton, G. (2015). Deep learning. <i>Nature</i>"##))
        #expect(html.contains(##"<a href="https://doi.org/10.1038/nature14539">https://doi.org/10.1038/nature14539</a>"##))
        #expect(
            html.contains(##"<a href="#cite-1" aria-label="Back to citation 1">↩1</a> <a href="#cite-3" aria-label="Back to citation 2">↩2</a>"##))
        #expect(html.contains(##"<a href="https://arxiv.org/abs/1412.6980">"##))
        // The list is not part of the page's text (search, summary, word count): the summary ends before it.
        #expect(html.contains("Code [@lecun2015] stays.\">"))
        // The broken entry of the site's file is reported with its place.
        #expect(warnings.contains { $0.hasPrefix("refs.bib:5:33: warning: expected `,`") })
    }

    @Test func theListSpeaksTheSitesLanguage() throws {
        let (html, _) = try build(config: "bibliography: refs.bib\nlanguageCode: fr\n", page: "---\ntitle: P\n---\nVoir [@lecun2015].\n")
        #expect(html.contains(##"<h2 id="refs-title">Références</h2>"##))
        #expect(html.contains(##"<a href="#cite-1" aria-label="Retour à la citation 1">↩</a>"##))
    }

    @Test func unknownKeysWarnWithTheirPlaceAndShow() throws {
        let (html, warnings) = try build(page: "---\ntitle: P\n---\nFirst line.\nAs [@nobody2020] said.\n")
        #expect(html.contains(##"<strong class="citation unresolved" title="no bibliography entry has this key">?@nobody2020</strong>"##))
        #expect(
            warnings.contains(
                "content/posts/p/index.md:5:5: warning: citation key @nobody2020 is in no bibliography of this page or site; check the key or add its entry"
            ))
    }

    @Test func numericStyleAndPageBibliographyAndRefsDiv() throws {
        let (html, warnings) = try build(
            config: "",
            page: """
                ---
                title: P
                bibliography: own.bib
                citation-style: numeric
                ---
                Shown [@vaswani2017; @he2016] first.

                ::: {#refs}
                :::

                After the list.
                """,
            files: [
                "content/posts/p/own.bib": """
                @inproceedings{vaswani2017, title={Attention Is All You Need}, author={Vaswani, Ashish and others}, booktitle={NeurIPS}, year={2017}}
                @inproceedings{he2016, title={Deep Residual Learning}, author={He, Kaiming}, booktitle={CVPR}, year={2016}}
                """
            ])
        #expect(warnings.isEmpty)
        #expect(
            html.contains(
                ##"(<a href="#ref-vaswani2017" class="citation" data-cites="vaswani2017">[1]</a>, <a href="#ref-he2016" class="citation" data-cites="he2016">[2]</a>"##
                    .dropFirst()))
        #expect(
            html.contains(
                ##"<li id="ref-vaswani2017"><span class="reference-number">[1]</span> A. Vaswani et al., “Attention Is All You Need,” in <i>NeurIPS</i>, 2017."##
            ))
        let list = try #require(html.range(of: "<section id=\"refs\""))
        let after = try #require(html.range(of: "<p>After the list.</p>"))
        #expect(list.lowerBound < after.lowerBound)
    }

    @Test func withoutABibliographyBracketsStayText() throws {
        let (html, warnings) = try build(config: "", page: "---\ntitle: P\n---\nEmail [@someone] or @someone.\n")
        #expect(html.contains("<p>Email [@someone] or @someone.</p>"))
        #expect(warnings.isEmpty)
    }

    @Test func theoremsProofsCalloutsAndSectionReferences() throws {
        let (html, warnings) = try build(
            config: "",
            page: """
                ---
                title: P
                ---
                ## Setting {#sec-setting}

                ::: {#thm-convex name="Convexity"}
                A convex function has one minimum.
                :::

                ::: {#lem-aux}
                A lemma.
                :::

                ::: {#thm-second}
                Another.
                :::

                ::: {.proof}
                Obvious.
                :::

                ::: {.callout-note}
                Remember [@thm-convex] and [@lem-aux; @thm-second] from [@sec-setting]; not [@thm-missing].
                :::

                ```
                ::: {#thm-in-code}
                ```
                """)
        #expect(html.contains(##"<div id="thm-convex" class="theorem">"##))
        #expect(
            html.contains(##"<p><span class="theorem-title"><strong>Theorem 1 (Convexity).</strong></span> A convex function has one minimum.</p>"##))
        #expect(html.contains(##"<strong>Lemma 1.</strong>"##))
        #expect(html.contains(##"<strong>Theorem 2.</strong>"##))
        #expect(html.contains(##"<div class="proof">"##))
        #expect(html.contains(##"<span class="proof-end" aria-hidden="true">∎</span>"##))
        #expect(html.contains(##"<div class="callout callout-note" role="note">"##))
        #expect(html.contains(##"<p class="callout-title">Note</p>"##))
        #expect(
            html.contains(
                ##"Remember <a href="#thm-convex" class="cross-ref">Theorem 1</a> and <a href="#lem-aux" class="cross-ref">Lemma 1</a> and <a href="#thm-second" class="cross-ref">Theorem 2</a> from <a href="#sec-setting" class="cross-ref">Setting</a>"##
            ))
        #expect(html.contains(##"<strong class="cross-ref unresolved">?@thm-missing</strong>"##))
        #expect(warnings.contains { $0.contains("index.md:23:") && $0.contains("[@thm-missing] matches no section") })
        #expect(html.contains("::: {#thm-in-code}"))
        #expect(!html.contains("CollectiveFencedDiv"))
    }

    @Test func figureReferencesKeepWorkingBesideCitations() throws {
        let (html, warnings) = try build(
            page: """
                ---
                title: P
                ---
                ![Loss](loss.png "Training loss"){#fig-loss}

                See [@fig-loss] and [@lecun2015].
                """, files: ["content/posts/p/loss.png": "png"])
        #expect(html.contains(##"See <a href="#fig-loss" class="cross-ref">Figure 1</a> and <span class="citation-group" id="cite-1">"##))
        #expect(!warnings.contains { $0.contains("index.md") })
    }
}

/// A site or page naming a CSL style file.
@Suite struct CSLStyleSiteTests {
    static let style = """
        <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
          <citation collapse="citation-number">
            <sort><key variable="citation-number"/></sort>
            <layout prefix="[" suffix="]" delimiter=", "><text variable="citation-number"/></layout>
          </citation>
          <bibliography>
            <layout suffix=".">
              <text variable="citation-number" prefix="[" suffix="] "/>
              <names variable="author" suffix=", "><name initialize-with=". " and="text"/></names>
              <text variable="title" quotes="true" suffix=", "/>
              <text variable="container-title" font-style="italic" suffix=", "/>
              <date variable="issued"><date-part name="year"/></date>
              <text variable="DOI" prefix=", doi: "/>
            </layout>
          </bibliography>
        </style>
        """

    static let bib = """
        @article{lecun2015, title={Deep learning}, author={LeCun, Yann and Bengio, Yoshua and Hinton, Geoffrey},
          journal={Nature}, year={2015}, doi={10.1038/nature14539}}
        @misc{kingma2014, title={Adam}, author={Kingma, Diederik P. and Ba, Jimmy}, year={2014}}
        """

    private func build(config: String, page: String, files: [String: String]) throws -> (html: String, warnings: [String]) {
        var all = [
            "config.yml": "baseURL: https://example.org/\ntitle: T\nbibliography: refs.bib\n" + config, "refs.bib": Self.bib,
            "content/posts/p/index.md": page,
        ]
        for (path, text) in files { all[path] = text }
        let (report, output) = try SiteFixtures.build(try SiteFixtures.makeSite(all))
        return (
            try String(contentsOf: output.appendingPathComponent("posts/p/index.html"), encoding: .utf8),
            report.warnings.map(\.description)
        )
    }

    @Test func aSiteNamesACSLFile() throws {
        let (html, warnings) = try build(
            config: "csl: styles/mini.csl\n", page: "---\ntitle: P\n---\nAs [@kingma2014; @lecun2015] show.\n",
            files: ["styles/mini.csl": Self.style])
        #expect(warnings.isEmpty)
        #expect(
            html.contains(
                ##"<span class="citation-group" id="cite-1">[<a href="#ref-kingma2014" class="citation" data-cites="kingma2014">1</a>, <a href="#ref-lecun2015" class="citation" data-cites="lecun2015">2</a>]</span>"##
            ))
        #expect(html.contains(##"<section id="refs" class="references csl" role="doc-bibliography""##))
        #expect(
            html.contains(
                ##"<li id="ref-lecun2015">[2] Y. LeCun, Y. Bengio, and G. Hinton, “Deep learning,” <i>Nature</i>, 2015, doi: <a href="https://doi.org/10.1038/nature14539">10.1038/nature14539</a>."##
            ))
    }

    @Test func aPageNamesItsOwnCSLFileAndBrokenFilesAreLocated() throws {
        let (html, warnings) = try build(
            config: "csl: broken.csl\n", page: "---\ntitle: P\ncsl: mini.csl\n---\nSee [@lecun2015].\n",
            files: ["content/posts/p/mini.csl": Self.style, "broken.csl": "<style>\n  <citation>\n</style>\n"])
        #expect(html.contains(##"data-cites="lecun2015">1</a>]"##))
        #expect(
            warnings.contains("broken.csl:3:1: warning: </style> closes <citation> (line 2); the style is not used (fix the file or name another)"))
    }
}

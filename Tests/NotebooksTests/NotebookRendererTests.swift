import Testing
@testable import Notebooks

/// Code cells and each kind of output as HTML, with hooks that record what the host was asked.
@Suite struct NotebookRendererTests {
    final class Host {
        var images: [NotebookImage] = []
        var renderer: NotebookRenderer {
            NotebookRenderer(
                hooks: .init(
                    highlight: { code, language in "<pre data-lang=\"\(language ?? "-")\">\(code)</pre>" },
                    markdown: { "<md>\($0)</md>" },
                    latex: { "<tex>\($0)</tex>" },
                    image: { [unowned self] image in
                        images.append(image)
                        return "img\(images.count).\(image.fileExtension)"
                    }
                ), language: "python")
        }
    }

    func cell(_ json: String) throws -> NotebookCell {
        try NotebookReader.read(Array(NotebookSamples.notebook([json]).utf8)).cells[0]
    }

    @Test func streamsJoinAndCarriageReturnsRedraw() throws {
        let host = Host()
        let html = host.renderer.html(
            codeCell: try cell(
                NotebookSamples.code(
                    "\"run()\"",
                    outputs: [
                        NotebookSamples.stream("stdout", "\"a <b>\\n\""), NotebookSamples.stream("stdout", "\"10%\\r50%\\r100%\\n\""),
                        NotebookSamples.stream("stderr", "\"careful\\n\""),
                    ])), number: 1)
        #expect(
            html == """
                <div class="notebook-cell">
                <div class="notebook-input">
                <pre data-lang="python">run()</pre></div>
                <div class="notebook-outputs">
                <pre class="notebook-stream notebook-stdout">a &lt;b&gt;
                100%
                </pre>
                <pre class="notebook-stream notebook-stderr">careful
                </pre>
                </div>
                </div>

                """)
    }

    @Test func errorsTurnANSIColoursIntoClasses() throws {
        let traceback = "[\"\\u001b[0;31mZeroDivisionError\\u001b[0m: division by zero\", \"\\u001b[1;32m----> 1\\u001b[0m 1/0\"]"
        let html = Host().renderer.html(
            outputs: try cell(
                NotebookSamples.code(
                    "\"1/0\"",
                    outputs: [
                        "{\"output_type\": \"error\", \"ename\": \"ZeroDivisionError\", \"evalue\": \"division by zero\", \"traceback\": \(traceback)}"
                    ])
            ).outputs, cell: 1)
        #expect(
            html
                == "<pre class=\"notebook-error\" role=\"group\" aria-label=\"Error: ZeroDivisionError\"><span class=\"ansi-red-fg\">ZeroDivisionError</span>: division by zero\n<span class=\"ansi-green-fg ansi-bold\">----&gt; 1</span> 1/0</pre>\n"
        )
    }

    @Test func ansiColourForms() {
        #expect(
            ANSIText.html("\u{1B}[38;5;196mred\u{1B}[39m plain \u{1B}[48;2;0;0;255mblue\u{1B}[0m")
                == "<span class=\"ansi-red-fg\">red</span> plain <span class=\"ansi-blue-bg\">blue</span>")
        #expect(ANSIText.html("\u{1B}]0;title\u{07}x\u{1B}[2Ky\u{07}") == "xy")
        #expect(ANSIText.html("\u{1B}[1m") == "")
    }

    @Test func htmlOutputIsSanitised() throws {
        let pandas =
            "<div><style scoped>.x{color:red}</style><table border=\\\"1\\\" class=\\\"dataframe\\\" onclick=\\\"evil()\\\"><thead><tr><th colspan=\\\"2\\\">a &amp; b</th></tr></thead><tr><td>1<script>alert(1)</script></td><td><img src=x onerror=y>2</table><iframe src=\\\"http://x\\\"></iframe>"
        let html = Host().renderer.html(
            outputs: try cell(
                NotebookSamples.code(
                    "\"df\"",
                    outputs: [
                        NotebookSamples.result("\"text/html\": \"\(pandas)\", \"text/plain\": \"a b\"")
                    ])
            ).outputs, cell: 1)
        #expect(
            html
                == "<div class=\"notebook-html\"><div><table class=\"notebook-table\"><thead><tr><th colspan=\"2\">a &amp; b</th></tr></thead><tr><td>1</td><td>2</td></tr></table></div></div>\n"
        )
    }

    @Test func sanitiserDropsUnsafeContentAndEscapesText() {
        #expect(
            HTMLSanitizer.sanitize("<p onmouseover=x>a</p><!-- c --><a href=\"javascript:x\">link</a> 1 < 2 & 3 &amp; 4")
                == "<p>a</p>link 1 &lt; 2 &amp; 3 &amp; 4")
        #expect(HTMLSanitizer.sanitize("<div><span>open") == "<div><span>open</span></div>")
        #expect(HTMLSanitizer.sanitize("<script>never</script></p>x") == "x")
    }

    @Test func imagesGoToTheHostNotDataURIs() throws {
        let host = Host()
        let html = host.renderer.html(
            outputs: try cell(
                NotebookSamples.code(
                    "\"plot()\"",
                    outputs: [
                        NotebookSamples.display(
                            "\"image/png\": \"\(NotebookSamples.pixel)\\n\", \"text/plain\": \"<Figure size 640x480 with 1 Axes>\""),
                        NotebookSamples.display(
                            "\"image/svg+xml\": [\"<svg xmlns='http://www.w3.org/2000/svg'>\", \"</svg>\"], \"text/plain\": \"chart of loss\""),
                        NotebookSamples.display("\"image/jpeg\": \"AAAA\""),
                    ])
            ).outputs, cell: 4)
        #expect(
            html == """
                <figure class="notebook-figure"><img src="img1.png" alt="Figure" loading="lazy" decoding="async"></figure>
                <figure class="notebook-figure"><img src="img2.svg" alt="chart of loss" loading="lazy" decoding="async"></figure>
                <figure class="notebook-figure"><img src="img3.jpg" alt="Figure" loading="lazy" decoding="async"></figure>

                """)
        #expect(!html.contains("data:"))
        #expect(host.images.map(\.mime) == ["image/png", "image/svg+xml", "image/jpeg"])
        #expect(host.images.map { "\($0.cell).\($0.output)" } == ["4.1", "4.2", "4.3"])
        #expect(host.images[1].payload == "<svg xmlns='http://www.w3.org/2000/svg'></svg>")
    }

    @Test func latexMarkdownJSONAndPlainResults() throws {
        let html = Host().renderer.html(
            outputs: try cell(
                NotebookSamples.code(
                    "\"show()\"",
                    outputs: [
                        NotebookSamples.display("\"text/latex\": \"$$x^2$$\", \"text/plain\": \"x**2\""),
                        NotebookSamples.display("\"text/markdown\": \"**bold**\", \"text/plain\": \"bold\""),
                        NotebookSamples.display("\"application/json\": {\"a\": [1, 2.5, \"q\\\"\"], \"b\": null}"),
                        NotebookSamples.result("\"text/plain\": \"array([1, 2])\""),
                        NotebookSamples.result("\"text/plain\": \"<Figure size 640x480 with 1 Axes>\""),
                    ])
            ).outputs, cell: 1)
        #expect(
            html == """
                <div class="notebook-latex"><tex>$$x^2$$</tex></div>
                <div class="notebook-markdown">
                <md>**bold**</md></div>
                <div class="notebook-json">
                <pre data-lang="json">{
                  "a": [
                    1,
                    2.5,
                    "q\\""
                  ],
                  "b": null
                }</pre></div>
                <pre class="notebook-result">array([1, 2])</pre>

                """)
    }

    @Test func widgetsAndJavaScriptBecomeNotices() throws {
        let html = Host().renderer.html(
            outputs: try cell(
                NotebookSamples.code(
                    "\"w\"",
                    outputs: [
                        NotebookSamples.display(
                            "\"application/vnd.jupyter.widget-view+json\": {\"model_id\": \"abc\"}, \"text/plain\": \"IntSlider(value=0)\""),
                        NotebookSamples.display("\"application/javascript\": \"alert(1)\""),
                        NotebookSamples.display("\"text/html\": \"<script>require(['x'])</script>\", \"application/javascript\": \"x()\""),
                    ])
            ).outputs, cell: 1)
        #expect(
            html == """
                <p class="notebook-notice">An interactive widget was here; it needs a running Jupyter kernel and is not shown in this page.</p>
                <p class="notebook-notice">A JavaScript output was here; it runs only inside Jupyter and is not shown in this page.</p>
                <p class="notebook-notice">A JavaScript output was here; it runs only inside Jupyter and is not shown in this page.</p>

                """)
    }

    @Test func tagsRemoveAndHideParts() throws {
        let renderer = Host().renderer
        let outputs = [NotebookSamples.stream("stdout", "\"out\\n\"")]
        #expect(renderer.html(codeCell: try cell(NotebookSamples.code("\"a\"", outputs: outputs, tags: ["remove-cell"])), number: 1) == "")
        let noInput = renderer.html(codeCell: try cell(NotebookSamples.code("\"a\"", outputs: outputs, tags: ["remove-input"])), number: 1)
        #expect(!noInput.contains("notebook-input") && noInput.contains(">out\n</pre>"))
        let noOutput = renderer.html(codeCell: try cell(NotebookSamples.code("\"a\"", outputs: outputs, tags: ["remove-output"])), number: 1)
        #expect(noOutput.contains("notebook-input") && !noOutput.contains("notebook-outputs"))
        let hidden = renderer.html(codeCell: try cell(NotebookSamples.code("\"a\"", outputs: outputs, tags: ["hide-input"])), number: 1)
        #expect(hidden.contains("<details class=\"notebook-input\"><summary>Show code</summary>\n<pre data-lang=\"python\">a</pre></details>"))
        #expect(hidden.contains(">out\n</pre>"))
    }
}

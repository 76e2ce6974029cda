import Foundation
import Testing
@testable import Site

/// Jupyter notebooks as pages (issue 23): front matter from metadata or a first YAML cell,
/// Markdown cells through the site's Markdown, outputs rendered, images written beside the page,
/// and a broken notebook reported with its file, line and column while the rest builds.
@Suite struct NotebookPageTests {
    static let config = "title = \"N\"\nbaseURL = \"https://example.org/\"\n"
    static let pixel = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="

    func build(_ files: [String: String]) throws -> (BuildReport, URL) {
        try SiteFixtures.build(try SiteFixtures.makeSite(["hugo.toml": Self.config].merging(files) { _, new in new }))
    }

    func page(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path + "/index.html"), encoding: .utf8)
    }

    static func notebook(metadata: String = "\"title\": \"From metadata\"", cells: String) -> String {
        """
        {"cells": [\(cells)],
         "metadata": {\(metadata), "kernelspec": {"language": "python", "name": "python3"}},
         "nbformat": 4, "nbformat_minor": 5}
        """
    }

    @Test func notebookIsAPageWithOutputsAndImageFiles() throws {
        let cells = """
            {"cell_type": "markdown", "metadata": {}, "source": ["## Setup\\n", "Energy is $E = mc^2$."]},
            {"cell_type": "code", "metadata": {}, "execution_count": 1, "source": ["import math\\n", "print(math.pi)"],
             "outputs": [{"output_type": "stream", "name": "stdout", "text": ["3.141592653589793\\n"]}]},
            {"cell_type": "code", "metadata": {"tags": ["remove-input"]}, "execution_count": 2, "source": "plot()",
             "outputs": [{"output_type": "display_data", "metadata": {},
                          "data": {"image/png": "\(Self.pixel)", "text/plain": "<Figure size 640x480 with 1 Axes>"}}]}
            """
        let (report, output) = try build(["content/posts/analysis.ipynb": Self.notebook(cells: cells)])
        #expect(report.lines.isEmpty, "\(report.lines)")
        let html = try page(output, "posts/analysis")
        #expect(html.contains("<title>From metadata"))
        #expect(html.contains("<h2 id=\"setup\">Setup"))
        #expect(html.contains("<math"))
        #expect(html.contains("<div class=\"notebook-input\">\n<div class=\"highlight\">"))
        #expect(html.contains("<span class=\"kn\">import</span>"))
        #expect(html.contains("<pre class=\"notebook-stream notebook-stdout\">3.141592653589793\n</pre>"))
        #expect(
            html.contains("<img src=\"/posts/analysis/notebook-cell3-2.png\"") || html.contains("<img src=\"/posts/analysis/notebook-cell3-1.png\""))
        #expect(!html.contains("plot()"))
        #expect(!html.contains("data:image"))
        let image = try Data(contentsOf: output.appendingPathComponent("posts/analysis/notebook-cell3-1.png"))
        #expect(image == Data(base64Encoded: Self.pixel))
    }

    /// Images pasted into Markdown cells (nbformat's `attachments`, `![…](attachment:name)`) are
    /// written beside the page like outputs; an unknown name is a warning at its line.
    @Test func markdownCellAttachmentsBecomeFiles() throws {
        let cells = """
            {"cell_type": "markdown", "metadata": {}, "source": ["A diagram: ![the setup](attachment:image%20one.png)"],
             "attachments": {"image one.png": {"image/png": "\(Self.pixel)"}}},
            {"cell_type": "markdown", "metadata": {}, "source": ["Same name elsewhere: ![missing](attachment:image%20one.png)"]},
            {"cell_type": "markdown", "metadata": {}, "source": ["![other](attachment:gone.png)"],
             "attachments": {"there.png": {"image/png": "\(Self.pixel)"}}}
            """
        let (report, output) = try build(["content/posts/pasted.ipynb": Self.notebook(cells: cells)])
        let html = try page(output, "posts/pasted")
        #expect(html.contains("<img src=\"/posts/pasted/notebook-cell1-1.png\" alt=\"the setup\""))
        let file = try Data(contentsOf: output.appendingPathComponent("posts/pasted/notebook-cell1-1.png"))
        #expect(file == Data(base64Encoded: Self.pixel))
        // The second cell has no attachments: its destination is left as written (and the link check sees it).
        #expect(html.contains("src=\"attachment:image%20one.png\""))
        #expect(report.warnings.map(\.message).contains("notebook cell 3 has no attached image gone.png"))
    }

    @Test func bundleNotebookTakesFrontMatterFromItsFirstCell() throws {
        let cells = """
            {"cell_type": "raw", "metadata": {}, "source": ["---\\n", "title: From the cell\\n", "tags: [ml]\\n", "date: 2024-05-01\\n", "---\\n"]},
            {"cell_type": "markdown", "metadata": {"tags": ["remove-cell"]}, "source": "Hidden note."},
            {"cell_type": "markdown", "metadata": {}, "source": "Shown text."}
            """
        let (report, output) = try build([
            "content/posts/bundle/index.ipynb": Self.notebook(cells: cells),
            "content/posts/bundle/data.csv": "a,b\n1,2\n",
        ])
        #expect(report.lines.isEmpty, "\(report.lines)")
        let html = try page(output, "posts/bundle")
        #expect(html.contains("<title>From the cell"))
        #expect(html.contains("Shown text."))
        #expect(!html.contains("Hidden note."))
        #expect(!html.contains("title: From the cell"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("tags/ml/index.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("posts/bundle/data.csv").path))
    }

    @Test func brokenNotebookIsAnErrorWithItsPositionAndTheRestBuilds() throws {
        let (report, _) = try SiteFixtures.build(
            try SiteFixtures.makeSite([
                "hugo.toml": Self.config,
                "content/posts/broken.ipynb": "{\n \"cells\": [\n  {\"cell_type\": \"code\",\n   \"source\": \"x\"\n  }\n ,\n}",
                "content/posts/old.ipynb": "{\"nbformat\": 3, \"worksheets\": []}",
                "content/posts/fine.md": "---\ntitle: Fine\n---\nText.\n",
            ]), write: false)
        #expect(
            report.lines == [
                "content/posts/broken.ipynb:7:1: error: cannot read the notebook: expected a JSON value; fix the file or open and save it in Jupyter",
                "content/posts/old.ipynb: error: cannot read the notebook: nbformat 3 is not supported: open and save the notebook in Jupyter to convert it to nbformat 4; fix the file or open and save it in Jupyter",
            ])
        #expect(report.files["posts/fine/index.html"] != nil)
        #expect(report.files["posts/broken/index.html"] == nil)
    }

    @Test func firstHeadingIsTheTitleWithoutMetadata() throws {
        let cells = "{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"# Attention, step by step\\n\", \"Body text.\"]}"
        let (report, output) = try build([
            "content/posts/attention.ipynb": Self.notebook(metadata: "\"language_info\": {\"name\": \"python\"}", cells: cells)
        ])
        #expect(report.lines.isEmpty, "\(report.lines)")
        let html = try page(output, "posts/attention")
        #expect(html.contains("<title>Attention, step by step"))
        #expect(html.contains("Body text."))
        #expect(!html.contains("<h1 id=\"attention-step-by-step\""))
    }

    @Test func linksToNotebooksBecomePageURLs() throws {
        let (report, output) = try build([
            "content/posts/analysis.ipynb": Self.notebook(cells: "{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"Hi.\"}"),
            "content/posts/intro.md": "---\ntitle: Intro\n---\nSee [the analysis](analysis.ipynb).\n",
        ])
        #expect(report.lines.isEmpty, "\(report.lines)")
        #expect(try page(output, "posts/intro").contains("<a href=\"/posts/analysis/\">the analysis</a>"))
    }
}

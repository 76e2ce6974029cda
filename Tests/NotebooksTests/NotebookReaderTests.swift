import Testing
@testable import Notebooks

/// nbformat 4 reading: cells, sources as strings or line lists, outputs, tags, and errors that say where.
@Suite struct NotebookReaderTests {
    func read(_ text: String) throws -> Notebook { try NotebookReader.read(Array(text.utf8)) }

    @Test func readsCellsOutputsAndTags() throws {
        let notebook = try read(
            NotebookSamples.notebook([
                NotebookSamples.markdown("[\"# Title\\n\", \"Text with $x$.\"]"),
                NotebookSamples.code("\"print(1)\"", outputs: [NotebookSamples.stream("stdout", "[\"1\\n\"]")], tags: ["remove-input", "other"]),
                NotebookSamples.code("\"x\"", outputs: [NotebookSamples.result("\"text/plain\": \"3\", \"text/html\": [\"<b>3</b>\"]")]),
            ]))
        #expect(notebook.language == "python")
        #expect(notebook.format.major == 4 && notebook.format.minor == 5)
        #expect(notebook.cells.map(\.kind) == [.markdown, .code, .code])
        #expect(notebook.cells[0].source == "# Title\nText with $x$.")
        #expect(notebook.cells[1].tags == [.removeInput])
        #expect(notebook.cells[1].outputs == [.stream(name: "stdout", text: "1\n")])
        guard case .data(let bundle, let count) = notebook.cells[2].outputs.first else {
            Issue.record("no data output")
            return
        }
        #expect(count == 1)
        #expect(bundle.entries.map(\.mime) == ["text/plain", "text/html"])
        #expect(bundle.text("text/html") == "<b>3</b>")
    }

    @Test func unicodeEscapesAndSurrogatePairs() throws {
        let notebook = try read(NotebookSamples.notebook([NotebookSamples.markdown("\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\"\"")]))
        #expect(notebook.cells[0].source == "café 😀 \"q\"")
    }

    @Test func invalidJSONNamesLineAndColumn() {
        let text = "{\n \"cells\": [\n  {\"cell_type\": \"code\" \"source\": \"\"}\n ]\n}"
        #expect(throws: NotebookError("expected `,` or `}` in an object", line: 3, column: 24)) { try read(text) }
    }

    @Test func truncatedFileSaysItEndsEarly() {
        do {
            _ = try read("{\"cells\": [{\"cell_type\": \"markdown\", \"source\": \"abc")
            Issue.record("no error")
        } catch let error as NotebookError {
            #expect(error.message == "a string is not closed with `\"`")
            #expect(error.line == 1 && error.column == 48)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func otherFormatsAndShapesAreRefused() {
        #expect(throws: NotebookError("nbformat 3 is not supported: open and save the notebook in Jupyter to convert it to nbformat 4")) {
            try read("{\"nbformat\": 3, \"worksheets\": []}")
        }
        #expect(throws: NotebookError("the notebook has no `cells` list")) { try read("{\"nbformat\": 4}") }
        #expect(throws: NotebookError("a notebook is a JSON object; this file holds another kind of value", line: 1, column: 1)) {
            try read("[1, 2]")
        }
        #expect(throws: NotebookError("cell 1 has no known `cell_type` (markdown, code or raw)")) {
            try read("{\"nbformat\": 4, \"cells\": [{\"source\": \"\"}]}")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 10_000)
        #expect(throws: NotebookError.self) { try read(text) }
    }
}

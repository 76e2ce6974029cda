/// Reads nbformat 4.x notebooks.
public enum NotebookReader {
    /// Parses a notebook file's bytes. Throws for invalid JSON (with its line and column), for
    /// another nbformat major version, and for a file without a `cells` list.
    public static func read(_ bytes: [UInt8]) throws(NotebookError) -> Notebook {
        let root = try JSONParser.parse(bytes)
        guard case .object = root else {
            throw NotebookError("a notebook is a JSON object; this file holds another kind of value", line: 1, column: 1)
        }
        let major = root["nbformat"].flatMap(Self.int) ?? 0
        guard major == 4 else {
            throw NotebookError("nbformat \(major) is not supported: open and save the notebook in Jupyter to convert it to nbformat 4")
        }
        guard case .array(let cellValues)? = root["cells"] else { throw NotebookError("the notebook has no `cells` list") }
        let metadata = root["metadata"] ?? .object([])
        let language = metadata["kernelspec"]?["language"]?.string ?? metadata["language_info"]?["name"]?.string
        var cells: [NotebookCell] = []
        for (position, value) in cellValues.enumerated() {
            cells.append(try cell(value, number: position + 1))
        }
        return Notebook(
            language: language?.lowercased(), metadata: metadata, cells: cells,
            format: (major, root["nbformat_minor"].flatMap(Self.int) ?? 0))
    }

    private static func int(_ value: NotebookJSON) -> Int? {
        if case .number(let number) = value, let whole = Int(exactly: number) { return whole }
        return nil
    }

    private static func cell(_ value: NotebookJSON, number: Int) throws(NotebookError) -> NotebookCell {
        guard let type = value["cell_type"]?.string, let kind = NotebookCell.Kind(rawValue: type) else {
            throw NotebookError("cell \(number) has no known `cell_type` (markdown, code or raw)")
        }
        var tags = Set<CellTag>()
        if case .array(let names)? = value["metadata"]?["tags"] {
            for name in names { if let tag = name.string.flatMap(CellTag.init(rawValue:)) { tags.insert(tag) } }
        }
        var outputs: [CellOutput] = []
        if case .array(let items)? = value["outputs"] {
            for item in items { if let output = output(item) { outputs.append(output) } }
        }
        var attachments: [String: MIMEBundle] = [:]
        if case .object(let members)? = value["attachments"] {
            for (name, bundle) in members { attachments[name] = mimeBundle(bundle) }
        }
        return NotebookCell(
            kind: kind, source: value["source"]?.joinedText ?? "", tags: tags, outputs: outputs,
            attachments: attachments)
    }

    private static func output(_ value: NotebookJSON) -> CellOutput? {
        switch value["output_type"]?.string {
        case "stream":
            return .stream(name: value["name"]?.string ?? "stdout", text: value["text"]?.joinedText ?? "")
        case "error":
            var lines: [String] = []
            if case .array(let items)? = value["traceback"] { lines = items.compactMap(\.string) }
            return .error(name: value["ename"]?.string ?? "Error", value: value["evalue"]?.string ?? "", traceback: lines)
        case "display_data", "execute_result":
            return .data(mimeBundle(value["data"] ?? .object([])), executionCount: value["execution_count"].flatMap(int))
        default:
            return nil
        }
    }

    private static func mimeBundle(_ value: NotebookJSON) -> MIMEBundle {
        guard case .object(let members) = value else { return MIMEBundle([]) }
        return MIMEBundle(members.map { (mime: $0.key, value: $0.value) })
    }
}

/// One parsed Mustache template.
public struct Template: Sendable {
    let source: String
    let nodes: [TemplateNode]

    /// Parses `source`; the error gives the line and column of the tag at fault.
    public init(_ source: String) throws(TemplateError) {
        var parser = TemplateParser(source)
        nodes = try parser.parse()
        self.source = source
    }

    /// The same template with every line indented by `indent`, as a standalone partial tag asks.
    func indented(by indent: String) -> Template? {
        var text = ""
        text.reserveCapacity(source.utf8.count * 2)
        var atLineStart = true
        for character in source {
            if atLineStart { text += indent }
            text.append(character)
            atLineStart = character == "\n" || character == "\r\n"
        }
        return try? Template(text)
    }

    /// Partials and parents this template names, with the indentation they are included at.
    var inclusions: [(name: String, indent: String)] {
        var found: [(String, String)] = []
        func walk(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .partial(let name, let indent): found.append((name, indent))
                case .parent(let name, let indent, let blocks):
                    found.append((name, indent))
                    blocks.values.forEach(walk)
                case .section(_, let children, _), .block(_, let children): walk(children)
                case .text, .variable: break
                }
            }
        }
        walk(nodes)
        return found
    }
}

import TextUtilities

/// Renders nodes into UTF-8 bytes against a stack of contexts.
struct TemplateRenderer {
    let library: TemplateLibrary
    private(set) var output: [UInt8] = []
    private var stack: [TemplateValue]
    /// Blocks that the templates being rendered as parents must show instead of their own.
    private var blocks: [String: [TemplateNode]] = [:]
    private var depth = 0
    private var inclusions = 0

    /// Sections and inclusions nest at most this deep while rendering (a partial may include itself).
    static let maximumDepth = 200
    /// Partials and parents included at most this often in one render: a partial that includes
    /// itself twice would otherwise take time exponential in the depth.
    static let maximumInclusions = 100_000

    init(library: TemplateLibrary, context: TemplateValue) {
        self.library = library
        stack = [context]
        output.reserveCapacity(32 * 1024)
    }

    mutating func render(_ nodes: [TemplateNode]) {
        guard depth < Self.maximumDepth else { return }
        depth += 1
        defer { depth -= 1 }
        for node in nodes {
            switch node {
            case .text(let bytes):
                output.append(contentsOf: bytes)
            case .variable(let path, let escaped):
                if let value = lookUp(path) { write(value, escaped: escaped) }
            case .section(let path, let children, let inverted):
                section(lookUp(path), children, inverted: inverted)
            case .partial(let name, let indent):
                guard inclusions < Self.maximumInclusions, let template = library.template(name, indent: indent) else { continue }
                inclusions += 1
                render(template.nodes)
            case .parent(let name, let indent, let overrides):
                guard inclusions < Self.maximumInclusions, let template = library.template(name, indent: indent) else { continue }
                inclusions += 1
                let saved = blocks
                // A block set further out (by the child of a child) wins over one set nearer.
                blocks = overrides.merging(saved) { _, outer in outer }
                render(template.nodes)
                blocks = saved
            case .block(let name, let defaults):
                render(blocks[name] ?? defaults)
            }
        }
    }

    private mutating func section(_ value: TemplateValue?, _ children: [TemplateNode], inverted: Bool) {
        let shown = value?.isTruthy ?? false
        if inverted {
            if !shown { render(children) }
            return
        }
        guard shown, let value else { return }
        if case .list(let items) = value {
            for item in items {
                stack.append(item)
                render(children)
                stack.removeLast()
            }
        } else {
            stack.append(value)
            render(children)
            stack.removeLast()
        }
    }

    /// The value of a dotted name: its first part is looked up from the innermost context out,
    /// the other parts only inside what the first found.
    private func lookUp(_ path: TemplatePath) -> TemplateValue? {
        guard let first = path.parts.first else { return stack.last }
        var found: TemplateValue?
        var index = stack.count - 1
        while index >= 0 {
            if case .map(let map) = stack[index], let value = map[first] {
                found = value
                break
            }
            index -= 1
        }
        for part in path.parts.dropFirst() {
            guard case .map(let map)? = found else { return nil }
            found = map[part]
        }
        return found
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .string(let text): append(text, escaped: escaped)
        case .int(let number): append(String(number), escaped: false)
        case .double(let number): append(String(number), escaped: false)
        case .bool(let flag): append(flag ? "true" : "false", escaped: false)
        case .list(let items):
            // A list written as a value reads as its items separated by commas.
            for (position, item) in items.enumerated() {
                if position > 0 { output.append(contentsOf: ", ".utf8) }
                write(item, escaped: escaped)
            }
        case .map: break
        }
    }

    private mutating func append(_ text: String, escaped: Bool) {
        guard escaped else {
            output.append(contentsOf: text.utf8)
            return
        }
        var text = text
        text.withUTF8 { bytes in HTMLEscaper.attribute.append(bytes, to: &output) }
    }
}

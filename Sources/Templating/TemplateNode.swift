/// A dotted name as written in a tag, split once when the template is parsed; no parts is `.`.
struct TemplatePath: Sendable {
    let parts: [String]

    init(_ text: String) {
        parts = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }
}

/// One piece of a parsed template.
indirect enum TemplateNode: Sendable {
    /// Literal text, kept as UTF-8 bytes to be copied as they are.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as it is).
    case variable(TemplatePath, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplatePath, [TemplateNode], inverted: Bool)
    /// `{{> name}}`; a standalone tag indents every line of the partial by `indent`.
    case partial(String, indent: String)
    /// `{{< name}}…{{/name}}`: the template `name`, with the blocks defined inside replacing its own.
    case parent(String, indent: String, blocks: [String: [TemplateNode]])
    /// `{{$ name}}default{{/name}}`: replaceable by a template that names this one as its parent.
    case block(String, [TemplateNode])
}

/// A set of named templates that include each other (`{{> partial}}`, `{{< parent}}`), ready to render.
public struct TemplateLibrary: Sendable {
    private let templates: [String: Template]
    /// Partials included by a standalone indented tag, indented once here: "name\u{0}indent" → template.
    private let indentedTemplates: [String: Template]

    /// Indented variants made at most: a partial that includes itself ever deeper stops here.
    private static let maximumVariants = 1_000

    /// Names the templates; they may include each other by these names.
    public init(_ templates: [String: Template]) {
        self.templates = templates
        var variants: [String: Template] = [:]
        var pending = Array(templates.values)
        while let template = pending.popLast(), variants.count < Self.maximumVariants {
            for (name, indent) in template.inclusions where !indent.isEmpty {
                let key = Self.variantKey(name, indent)
                guard variants[key] == nil, let base = templates[name], let variant = base.indented(by: indent) else { continue }
                variants[key] = variant
                pending.append(variant)
            }
        }
        indentedTemplates = variants
    }

    /// Whether a template of this name exists.
    public func has(_ name: String) -> Bool { templates[name] != nil }

    /// Partials and parents that templates name but the library lacks, as (template, missing name) pairs.
    public var missingInclusions: [(template: String, missing: String)] {
        templates.sorted { $0.key < $1.key }.flatMap { name, template in
            template.inclusions.map(\.name).filter { templates[$0] == nil }.map { (name, $0) }
        }
    }

    /// Renders template `name` in `context` as UTF-8, or nil when there is no such template.
    public func render(_ name: String, context: TemplateValue) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var renderer = TemplateRenderer(library: self, context: context)
        renderer.render(template.nodes)
        return renderer.output
    }

    func template(_ name: String, indent: String) -> Template? {
        indent.isEmpty ? templates[name] : indentedTemplates[Self.variantKey(name, indent)] ?? templates[name]
    }

    private static func variantKey(_ name: String, _ indent: String) -> String { name + "\u{0}" + indent }
}

import GoTemplates

/// An OpenAPI 3 document as Hugo's `openapi3.Unmarshal` hands it to templates: Go-style field
/// names (`.Info.Description`, `.Paths.Map`, `$pathItem.Operations`), `$ref`s resolved into
/// `.Ref` (the reference) and `.Value` (the object it names), and a zero value for an absent field.
///
/// The document's JSON is kept as it is; each object knows its kind, which says how its fields
/// are wrapped (``OpenAPIObject/Field``).
struct OpenAPIObject: GoObject {
    /// What an object of the document is, as far as templates can tell.
    enum Kind: Sendable {
        case document, components, paths, pathItem, operation, responses, response, requestBody, parameter, header
        case mediaType, example, schema, securityScheme, generic
    }

    /// How a field's JSON value is shown: the Go type of that field in Hugo's document.
    enum Field {
        case object(Kind)
        case ref(Kind)
        case refMap(Kind)
        case refList(Kind)
        case objectMap(Kind)
        case objectList(Kind)
        case text, flag, list, any
        /// A field of a plain object (`Info`, `License`, `Server`): an object is shown with Go field names.
        case nested
    }

    /// The whole document, for resolving `$ref`s.
    let root: GoValue
    let json: [String: GoValue]
    let kind: Kind

    var goTypeName: String { "*openapi3.\(kind)" }

    func member(_ name: String, arguments: [GoValue]) throws -> GoValue? {
        switch (kind, name) {
        case (.paths, "Map"), (.responses, "Map"):
            let valueKind: Kind = kind == .paths ? .pathItem : .response
            return .map(json.mapValues { kind == .paths ? wrap($0, as: .object(valueKind)) : wrap($0, as: .ref(valueKind)) })
        case (.pathItem, "Operations"):
            var operations: [String: GoValue] = [:]
            for method in ["get", "put", "post", "delete", "options", "head", "patch", "trace"] {
                if let operation = json[method] { operations[method.uppercased()] = wrap(operation, as: .object(.operation)) }
            }
            return .map(operations)
        case (.schema, "Type"):
            guard let type = json["type"] else { return .null }
            let names: [GoValue] = if case .array(let items) = type { items } else { [type] }
            return .object(OpenAPITypes(names: names))
        default:
            let field = Self.fields[kind]?[name] ?? (kind == .generic ? .nested : .any)
            let value = json[name] ?? json.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
            return wrap(value ?? .null, as: field)
        }
    }

    /// The JSON value of a field shown as its Go type; an absent field gives that type's zero value.
    private func wrap(_ value: GoValue, as field: Field) -> GoValue {
        switch field {
        case .object(let kind):
            guard case .map(let map) = resolved(value) else { return .null }
            return .object(OpenAPIObject(root: root, json: map, kind: kind))
        case .ref(let kind):
            guard case .map = value else { return .null }
            return .object(OpenAPIReference(reference: reference(in: value), value: wrap(resolved(value), as: .object(kind))))
        case .refMap(let kind), .objectMap(let kind):
            guard case .map(let map) = value else { return .map([:]) }
            if case .refMap = field { return .map(map.mapValues { wrap($0, as: .ref(kind)) }) }
            return .map(map.mapValues { wrap($0, as: .object(kind)) })
        case .refList(let kind), .objectList(let kind):
            guard case .array(let items) = value else { return .array([]) }
            if case .refList = field { return .array(items.map { wrap($0, as: .ref(kind)) }) }
            return .array(items.map { wrap($0, as: .object(kind)) })
        case .text: return value.isNull ? "" : value
        case .flag: return value.isNull ? false : value
        case .list: return value.isNull ? .array([]) : value
        case .any: return value
        case .nested:
            if case .map(let map) = value { return .object(OpenAPIObject(root: root, json: map, kind: .generic)) }
            if case .array(let items) = value { return .array(items.map { wrap($0, as: .nested) }) }
            return value
        }
    }

    private func reference(in value: GoValue) -> String {
        if case .map(let map) = value, case .string(let target)? = map["$ref"] { return target }
        return ""
    }

    /// The object a `$ref` names (following references to references), or the value itself.
    private func resolved(_ value: GoValue) -> GoValue {
        var current = value
        for _ in 0..<32 {
            let target = reference(in: current)
            guard target.hasPrefix("#") else { return current }
            var node = root
            for part in target.dropFirst().split(separator: "/") {
                let key = part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                guard case .map(let map) = node, let next = map[key] else { return .null }
                node = next
            }
            current = node
        }
        return current
    }

    /// The fields whose Go type is not plain data, by kind.
    private static let fields: [Kind: [String: Field]] = {
        let described: [String: Field] = ["Description": .text, "Summary": .text, "Name": .text, "In": .text, "Title": .text]
        func with(_ extra: [String: Field]) -> [String: Field] { described.merging(extra) { _, new in new } }
        let parameterLike = with([
            "Schema": .ref(.schema), "Examples": .refMap(.example), "Content": .objectMap(.mediaType),
            "Required": .flag, "Deprecated": .flag,
        ])
        return [
            .document: [
                "Info": .object(.generic), "Servers": .objectList(.generic), "Paths": .object(.paths),
                "Components": .object(.components), "Security": .list, "Tags": .objectList(.generic),
                "ExternalDocs": .object(.generic),
            ],
            .components: [
                "Schemas": .refMap(.schema), "Parameters": .refMap(.parameter), "Headers": .refMap(.header),
                "RequestBodies": .refMap(.requestBody), "Responses": .refMap(.response),
                "SecuritySchemes": .refMap(.securityScheme), "Examples": .refMap(.example),
            ],
            .pathItem: with(["Parameters": .refList(.parameter)]),
            .operation: with([
                "Tags": .list, "Parameters": .refList(.parameter), "RequestBody": .ref(.requestBody),
                "Responses": .object(.responses), "Security": .list, "Deprecated": .flag,
                "OperationID": .text, "ExternalDocs": .object(.generic),
            ]),
            .response: with(["Content": .objectMap(.mediaType), "Headers": .refMap(.header)]),
            .requestBody: with(["Content": .objectMap(.mediaType), "Required": .flag]),
            .parameter: parameterLike,
            .header: parameterLike,
            .mediaType: ["Schema": .ref(.schema), "Examples": .refMap(.example)],
            .example: described,
            .schema: with([
                "Items": .ref(.schema), "Properties": .refMap(.schema), "AllOf": .refList(.schema),
                "OneOf": .refList(.schema), "AnyOf": .refList(.schema), "Not": .ref(.schema),
                "Required": .list, "Enum": .list, "Format": .text, "Deprecated": .flag,
            ]),
            .securityScheme: with(["Type": .text, "Scheme": .text, "BearerFormat": .text, "OpenIdConnectUrl": .text]),
            .generic: with(["Variables": .objectMap(.generic), "Enum": .list]),
        ]
    }()
}

/// A `$ref`-able member of an OpenAPI document (`SchemaRef`, `ParameterRef`…): `.Ref` is the
/// reference as written (empty for an inline object), `.Value` the object.
struct OpenAPIReference: GoObject {
    let reference: String
    let value: GoValue

    var goTypeName: String { "*openapi3.Ref" }

    func member(_ name: String, arguments: [GoValue]) throws -> GoValue? {
        switch name {
        case "Ref": .string(reference)
        case "Value": value
        default: nil
        }
    }
}

/// A schema's `type` (one name, or a list in OpenAPI 3.1), read through `.Slice`.
struct OpenAPITypes: GoObject {
    let names: [GoValue]

    var goTypeName: String { "*openapi3.Types" }

    func member(_ name: String, arguments: [GoValue]) throws -> GoValue? {
        name == "Slice" ? .array(names) : nil
    }
}

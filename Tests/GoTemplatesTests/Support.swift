import GoTemplates

/// Renders `source` as text/template (no escaping) with `data`.
func text(_ source: String, _ data: GoValue = .null, functions: FunctionRegistry = .standard) throws -> String {
    try TemplateSet(name: "t", source: source, mode: .text, functions: functions).execute("t", data: data)
}

/// Renders `source` as html/template (contextual escaping) with `data`.
func html(_ source: String, _ data: GoValue = .null, functions: FunctionRegistry = .standard) throws -> String {
    try TemplateSet(name: "t", source: source, mode: .html, functions: functions).execute("t", data: data)
}

/// Renders with Go's built-in functions only.
func builtin(_ source: String, _ data: GoValue = .null) throws -> String {
    try text(source, data, functions: .builtins)
}

/// The error a text template raises, parsing or executing.
func failure(
    _ source: String, _ data: GoValue = .null, mode: TemplateSet.Mode = .text, name: String = "t", functions: FunctionRegistry = .standard
) -> GoTemplateError? {
    do {
        _ = try TemplateSet(name: name, source: source, mode: mode, functions: functions).execute(name, data: data)
        return nil
    } catch {
        return error
    }
}

/// A host object for tests: fields from a map, a few methods.
struct Person: GoObject {
    let name: String
    let age: Int
    var goTypeName: String { "*tests.Person" }

    func member(_ name: String, arguments: [GoValue]) throws -> GoValue? {
        switch name {
        case "Name": return .string(self.name)
        case "Age": return .int(age)
        case "Greet":
            guard let other = arguments.first?.stringValue else { throw GoFunctionError("Greet wants a name") }
            return .string("Hello \(other), I am \(self.name)")
        case "Add":
            guard arguments.count == 2, case .int(let a) = arguments[0], case .int(let b) = arguments[1] else {
                throw GoFunctionError("Add wants two ints")
            }
            return .int(a + b)
        case "Friend": return .object(Person(name: "Bob", age: 40))
        case "Tags": return ["a", "b"]
        default: return nil
        }
    }
}

/// A function templates call by name (`{{ upper .Title }}`) or through `call`.
public struct GoFunction: Sendable {
    /// The name errors report (`error calling NAME: …`).
    public let name: String
    let body: @Sendable ([GoValue], GoCallContext) throws -> GoValue
    let special: Special?

    enum Special: Sendable { case and, or }

    /// A function of its arguments and the call context (the running template set and the host's
    /// per-render `userInfo`). Throw `GoFunctionError` (or any error) to fail the execution.
    public init(_ name: String, _ body: @escaping @Sendable ([GoValue], GoCallContext) throws -> GoValue) {
        self.name = name
        self.body = body
        special = nil
    }

    /// A function of its arguments only.
    public init(_ name: String, _ body: @escaping @Sendable ([GoValue]) throws -> GoValue) {
        self.name = name
        self.body = { arguments, _ in try body(arguments) }
        special = nil
    }

    init(special: Special, name: String) {
        self.name = name
        self.body = { _, _ in .null }
        self.special = special
    }

    /// Calls the function outside of a template (tests, host helpers).
    public func callAsFunction(_ arguments: [GoValue], context: GoCallContext) throws -> GoValue {
        try body(arguments, context)
    }
}

/// A message a function throws to fail the execution; the engine adds where and which function.
public struct GoFunctionError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What a function sees of the execution calling it.
public struct GoCallContext {
    let executor: Executor?
    /// Byte offset of the call in the running template's source.
    var offset = 0

    /// Where the running template calls the function: its file (the name it was parsed under),
    /// 1-based line and column; nil outside a running template.
    public var position: (file: String, line: Int, column: Int)? { executor?.position(at: offset) }

    /// The template set being executed.
    public var templates: TemplateSet? { executor?.set }
    /// The value the host passed to `execute(…, userInfo:)` for this render.
    public var userInfo: (any Sendable)? { executor?.userInfo }

    /// Executes template `name` of the running set with `data` (as a `partial` function would),
    /// within the same depth and output limits, and returns its output.
    public func execute(_ name: String, data: GoValue) throws -> String {
        guard let executor else { throw GoFunctionError("no template is executing") }
        return try executor.executeNested(name, data: data)
    }

    /// Calls a function value (as `call` does).
    public func call(_ function: GoFunction, _ arguments: [GoValue]) throws -> GoValue {
        try function.body(arguments, self)
    }

    /// A context with no running template, for calling functions directly.
    public static var detached: GoCallContext { GoCallContext(executor: nil) }
}

/// A set of named functions: Go's built-ins, the generic helpers, and the host's own.
/// Later registrations replace earlier ones of the same name.
public struct FunctionRegistry: Sendable {
    var functions: [String: GoFunction] = [:]

    /// An empty registry (not even Go's built-ins).
    public init() {}

    /// Adds or replaces a function.
    public mutating func register(_ function: GoFunction) { functions[function.name] = function }

    /// Adds or replaces a function of its arguments.
    public mutating func register(_ name: String, _ body: @escaping @Sendable ([GoValue]) throws -> GoValue) {
        functions[name] = GoFunction(name, body)
    }

    /// Adds or replaces a function of its arguments and the call context.
    public mutating func register(_ name: String, _ body: @escaping @Sendable ([GoValue], GoCallContext) throws -> GoValue) {
        functions[name] = GoFunction(name, body)
    }

    /// Registers every function of `other`, replacing those of the same name.
    public mutating func merge(_ other: FunctionRegistry) {
        functions.merge(other.functions) { _, new in new }
    }

    /// The function of that name, if any.
    public subscript(name: String) -> GoFunction? { functions[name] }

    /// The names of all registered functions.
    public var names: [String] { functions.keys.sorted() }

    /// Go's text/template built-ins only: and, or, not, len, index, slice, printf, print, println,
    /// eq, ne, lt, le, gt, ge, html, js, urlquery, call.
    public static var builtins: FunctionRegistry { Builtins.registry }

    /// The built-ins plus the generic Hugo-style helpers (strings, collections, math, encoding,
    /// safe types). Hugo's `slice` (make a list) replaces Go's `slice` (take a sub-slice) here.
    public static var standard: FunctionRegistry {
        var registry = Builtins.registry
        registry.merge(Helpers.registry)
        return registry
    }
}

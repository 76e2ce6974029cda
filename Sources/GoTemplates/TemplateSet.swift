/// Limits that stop a template from running away: deep `template` recursion, huge output, long
/// loops. Reaching one fails the execution with a `.limit` error.
public struct TemplateLimits: Sendable, Equatable {
    /// Nested `template` calls (and `GoCallContext.execute`) at most.
    public var maxDepth: Int
    /// Bytes of output at most, per execution.
    public var maxOutputBytes: Int
    /// `range` iterations at most, over a whole execution.
    public var maxIterations: Int
    /// Bytes of the calling thread's stack an execution may use for nesting (templates calling
    /// templates, blocks in blocks) before it fails instead of overflowing the stack. The
    /// default suits threads of 512 KiB and more (release builds nest a few hundred levels in it).
    public var maxStackBytes: Int

    public init(maxDepth: Int = 1_000, maxOutputBytes: Int = 64 << 20, maxIterations: Int = 10_000_000, maxStackBytes: Int = 384 << 10) {
        self.maxDepth = maxDepth
        self.maxOutputBytes = maxOutputBytes
        self.maxIterations = maxIterations
        self.maxStackBytes = maxStackBytes
    }
}

/// A set of named templates that call each other (`{{template "name" .}}`), parsed once and
/// ready to execute any number of times from any thread.
///
/// ```swift
/// var functions = FunctionRegistry.standard
/// functions.register("shout") { args in .string((args.first?.stringValue ?? "").uppercased()) }
/// let set = try TemplateSet(mode: .html, functions: functions)
///     .adding([("shortcodes/note.html", #"<p class="note">{{ .Get "text" | shout }}</p>"#)])
/// let html = try set.execute("shortcodes/note.html", data: .object(myShortcode))
/// ```
public struct TemplateSet: Sendable {
    /// `.html` escapes every action for its HTML context (html/template); `.text` prints values
    /// as they are (text/template).
    public enum Mode: Sendable { case text, html }

    public let mode: Mode
    public let limits: TemplateLimits
    /// When true, `.Name` on a map that has no key `Name` reads the key `name`: Hugo stores the
    /// keys of `.Params` and `.Site.Params` in lower case and lets templates write them in any case.
    public let lowercaseFieldFallback: Bool
    /// The functions templates of this set may call; fixed when the set is made, since names are
    /// resolved at parse time.
    public let functions: FunctionRegistry
    /// Parsed, unescaped templates by name.
    private let sources: [String: ParsedTemplate]
    /// What executes: in html mode the escaped templates and their context variants.
    private let compiled: [String: Result<ParsedTemplate, GoTemplateError>]
    private let directErrors: [String: GoTemplateError]

    /// An empty set.
    public init(
        mode: Mode = .html, functions: FunctionRegistry = .standard, limits: TemplateLimits = TemplateLimits(),
        lowercaseFieldFallback: Bool = false
    ) {
        self.init(mode: mode, functions: functions, limits: limits, lowercaseFieldFallback: lowercaseFieldFallback, sources: [:])
    }

    /// A set of one template parsed from `source` under `name`, with the templates it defines.
    public init(
        name: String, source: String, mode: Mode = .html, functions: FunctionRegistry = .standard,
        limits: TemplateLimits = TemplateLimits()
    ) throws(GoTemplateError) {
        self = try TemplateSet(mode: mode, functions: functions, limits: limits).adding([(name, source)])
    }

    private init(
        mode: Mode, functions: FunctionRegistry, limits: TemplateLimits, lowercaseFieldFallback: Bool,
        sources: [String: ParsedTemplate]
    ) {
        self.mode = mode
        self.lowercaseFieldFallback = lowercaseFieldFallback
        self.functions = functions
        self.limits = limits
        self.sources = sources
        switch mode {
        case .text:
            compiled = sources.mapValues { .success($0) }
            directErrors = [:]
        case .html:
            var analyzer = EscapeAnalyzer(sources: sources)
            analyzer.run()
            compiled = analyzer.compiled
            directErrors = analyzer.directErrors
        }
    }

    /// This set with more templates, each parsed from its source under its name (a file path).
    /// A template's `{{define}}`s join the set; a name defined again replaces the earlier
    /// definition unless the new body is only white space. Throws the first parse error.
    public func adding(_ templates: [(name: String, source: String)]) throws(GoTemplateError) -> TemplateSet {
        var sources = self.sources
        for (name, source) in templates {
            for parsed in try Parser.parse(name: name, source: source, functions: functions) {
                if parsed.isBlank, sources[parsed.name] != nil, parsed.name != name { continue }
                sources[parsed.name] = parsed
            }
        }
        return TemplateSet(mode: mode, functions: functions, limits: limits, lowercaseFieldFallback: lowercaseFieldFallback, sources: sources)
    }

    /// This set with every template of `templates` that parses; the parse errors of the others
    /// are appended to `errors` (one broken file does not take the rest down).
    public func adding(_ templates: [(name: String, source: String)], errors: inout [GoTemplateError]) -> TemplateSet {
        var sources = self.sources
        for (name, source) in templates {
            do {
                for parsed in try Parser.parse(name: name, source: source, functions: functions) {
                    if parsed.isBlank, sources[parsed.name] != nil, parsed.name != name { continue }
                    sources[parsed.name] = parsed
                }
            } catch {
                errors.append(error)
            }
        }
        return TemplateSet(mode: mode, functions: functions, limits: limits, lowercaseFieldFallback: lowercaseFieldFallback, sources: sources)
    }

    /// Parses `source` without adding it anywhere: nil when it parses, else the error.
    public static func check(name: String, source: String, functions: FunctionRegistry = .standard) -> GoTemplateError? {
        do {
            _ = try Parser.parse(name: name, source: source, functions: functions)
            return nil
        } catch {
            return error
        }
    }

    /// This set with one more template.
    public func adding(name: String, source: String) throws(GoTemplateError) -> TemplateSet {
        try adding([(name, source)])
    }

    /// Whether a template of this name (a file or a `define`) exists.
    public func has(_ name: String) -> Bool { sources[name] != nil }

    /// The names of all templates, sorted.
    public var names: [String] { sources.keys.sorted() }

    /// Runs template `name` with `data` as dot and `$`, returning its output. `userInfo` reaches
    /// host functions through `GoCallContext.userInfo` (e.g. the page being rendered).
    public func execute(_ name: String, data: GoValue = .null, userInfo: (any Sendable)? = nil) throws(GoTemplateError) -> String {
        guard let entry = entry(name) else {
            throw GoTemplateError(kind: .execution, file: name, template: name, line: 0, column: 0, node: "", message: "no such template \"\(name)\"")
        }
        let template = try entry.get()
        return try Executor(set: self, template: template, userInfo: userInfo).run(data: data)
    }

    /// A template as run on its own (not called from another template's context).
    func entry(_ name: String) -> Result<ParsedTemplate, GoTemplateError>? {
        if let error = directErrors[name] { return .failure(error) }
        return compiled[name]
    }

    /// A compiled template or escaped variant, by the name a call node targets.
    func runnable(_ target: String) -> Result<ParsedTemplate, GoTemplateError>? { compiled[target] }
}

/// html/template's analysis, done once when a set is built: follows the HTML context through each
/// template, drops comments from the text, and gives every action the escapers of its context.
/// A template called from a non-text context gets a variant escaped for that context.
struct EscapeAnalyzer {
    private let sources: [String: ParsedTemplate]
    private(set) var compiled: [String: Result<ParsedTemplate, GoTemplateError>] = [:]
    /// Templates that do not end in text when run on their own.
    private(set) var directErrors: [String: GoTemplateError] = [:]
    private var endContexts: [String: HTMLContext] = [:]
    private var inProgress: Set<String> = []
    /// Templates being analysed inside each other; capped so no chain of calls exhausts the stack.
    static let maxCallChain = 64
    private let stack = StackGuard(budget: 384 << 10)

    init(sources: [String: ParsedTemplate]) { self.sources = sources }

    mutating func run() {
        for name in sources.keys.sorted() {
            do {
                let (_, end) = try variant(name, HTMLContext())
                if end.state != .text, let source = sources[name] {
                    directErrors[name] = GoTemplateError(
                        kind: .escape, file: source.source.name, template: name, line: 0, column: 0, node: "",
                        message: "template \"\(name)\" ends in a non-text context: \(end)")
                }
            } catch {
                compiled[name] = .failure(error)
            }
        }
    }

    private static func variantName(_ name: String, _ context: HTMLContext) -> String {
        context == HTMLContext() ? name : name + "$htmltemplate_" + context.key
    }

    private mutating func variant(_ name: String, _ context: HTMLContext) throws(GoTemplateError) -> (String, HTMLContext) {
        let target = Self.variantName(name, context)
        if let end = endContexts[target] { return (target, end) }
        if case .failure(let error)? = compiled[target] { throw error }
        guard let source = sources[name] else { return (name, context) }
        // A template that calls itself: assume it ends where it started.
        if inProgress.contains(target) { return (target, context) }
        guard inProgress.count < Self.maxCallChain else {
            throw GoTemplateError(
                kind: .escape, file: source.source.name, template: name, line: 0, column: 0, node: "",
                message: "template calls nest deeper than \(Self.maxCallChain) levels")
        }
        inProgress.insert(target)
        defer { inProgress.remove(target) }
        do {
            let (nodes, end) = try escape(source.nodes, context, in: source)
            var escaped = source
            escaped.nodes = nodes
            compiled[target] = .success(escaped)
            endContexts[target] = end
            return (target, end)
        } catch {
            compiled[target] = .failure(error)
            throw error
        }
    }

    private func failure(_ message: String, at offset: Int, in template: ParsedTemplate) -> GoTemplateError {
        let (line, column) = template.source.lineAndColumn(offset)
        return GoTemplateError(
            kind: .escape, file: template.source.name, template: template.name, line: line, column: column, node: "", message: message)
    }

    /// An `{{if}}`/`{{with}}` and its `else if`/`else with` chain, escaped link by link in a loop
    /// (a chain of hundreds needs no stack); every branch must end in the same context.
    private mutating func escapeChain(_ first: Branch, _ context: HTMLContext, in template: ParsedTemplate)
        throws(GoTemplateError) -> (Branch, HTMLContext)
    {
        var links: [Branch] = []
        var link = first
        var finalElse: [Node]?
        while true {
            links.append(link)
            guard let elseList = link.elseList else { break }
            if elseList.count == 1, case .branch(let next) = elseList[0] {
                link = next
                continue
            }
            finalElse = elseList
            break
        }
        var escapedElse: [Node]?
        var after = context
        if let finalElse { (escapedElse, after) = try escape(finalElse, context, in: template) }
        var node: Branch?
        for var link in links.reversed() {
            let (list, afterList) = try escape(link.list, context, in: template)
            let name = link.kind == .ifBranch ? "{{if}}" : "{{with}}"
            guard let joined = Self.join(afterList, after) else {
                throw failure("\(name) branches end in different contexts: \(afterList), \(after)", at: link.start, in: template)
            }
            link.list = list
            link.elseList = node.map { [.branch($0)] } ?? escapedElse
            node = link
            after = joined
        }
        return (node!, after)
    }

    private mutating func escape(_ nodes: [Node], _ start: HTMLContext, in template: ParsedTemplate) throws(GoTemplateError) -> ([Node], HTMLContext)
    {
        guard stack.hasRoom() else { throw failure("templates nest too deeply to analyse", at: 0, in: template) }
        var context = start
        var result: [Node] = []
        result.reserveCapacity(nodes.count)
        for node in nodes {
            switch node {
            case .text(let text):
                let (kept, after) = ContextScanner.scan(text, from: context)
                if !kept.isEmpty { result.append(.text(kept)) }
                context = after
            case .action(var pipeline, _):
                guard pipeline.declarations.isEmpty else {
                    result.append(node)
                    continue
                }
                let (escapers, after) = try Self.escapers(for: context, pipeline: pipeline, in: template) { message, offset in
                    failure(message, at: offset, in: template)
                }
                Self.dropPredefinedEscaper(&pipeline, escapers: escapers)
                result.append(.action(pipeline, escapers: escapers))
                context = after
            case .branch(let branch):
                let (escaped, joined) = try escapeChain(branch, context, in: template)
                result.append(.branch(escaped))
                context = joined
            case .range(var branch):
                var (list, afterBody) = try escape(branch.list, context, in: template)
                guard let entry = Self.join(context, afterBody) else {
                    throw failure("on range loop re-entry: \(context), \(afterBody)", at: branch.start, in: template)
                }
                if entry != context {
                    (list, afterBody) = try escape(branch.list, entry, in: template)
                    guard Self.join(entry, afterBody) == entry else {
                        throw failure("on range loop re-entry: \(entry), \(afterBody)", at: branch.start, in: template)
                    }
                }
                branch.list = list
                var afterElse = context
                if let elseList = branch.elseList {
                    let escaped = try escape(elseList, context, in: template)
                    branch.elseList = escaped.0
                    afterElse = escaped.1
                }
                guard let joined = Self.join(entry, afterElse) else {
                    throw failure("{{range}} branches end in different contexts: \(entry), \(afterElse)", at: branch.start, in: template)
                }
                result.append(.range(branch))
                context = joined
            case .template(var call):
                let (target, after) = try variant(call.name, context)
                call.target = target
                result.append(.template(call))
                context = after
            case .breakLoop, .continueLoop:
                result.append(node)
            }
        }
        return (result, context)
    }

    /// Where two paths (the branches of an `if`) meet: their common context, or nil.
    static func join(_ a: HTMLContext, _ b: HTMLContext) -> HTMLContext? {
        if a == b { return a }
        var left = a
        var right = b
        if left.urlPart != right.urlPart {
            left.urlPart = .unknown
            right.urlPart = .unknown
        }
        if left.jsContext != right.jsContext {
            left.jsContext = .unknown
            right.jsContext = .unknown
        }
        if left == right { return left }
        let tagStates: Set<HTMLContext.State> = [.tag, .attributeName, .afterName]
        if tagStates.contains(left.state), tagStates.contains(right.state), left.element == right.element, left.delimiter == right.delimiter {
            left.state = .tag
            left.attribute = .plain
            return left
        }
        return nil
    }

    /// The escapers for an action in `context`, and the context after it.
    static func escapers(
        for start: HTMLContext, pipeline: Pipeline, in template: ParsedTemplate, failure: (String, Int) -> GoTemplateError
    ) throws(GoTemplateError) -> ([Escaper], HTMLContext) {
        var context = start
        switch context.state {
        case .tag, .afterName:
            context.state = .attributeName
            context.attribute = .plain
        case .beforeValue:
            context = context.enteringValue()
            context.delimiter = .spaceOrTagEnd
        default: break
        }
        var escapers: [Escaper] = []
        switch context.state {
        case .text: escapers = [.html]
        case .rcdata: escapers = [.rcdata]
        case .attributeName: escapers = [.attributeName]
        case .attributeValue, .tag, .afterName, .beforeValue: break
        case .url, .cssDoubleQuoted, .cssSingleQuoted, .cssDoubleQuotedURL, .cssSingleQuotedURL, .cssURL:
            switch context.urlPart {
            case .none, .preQuery:
                if context.urlPart == .none { escapers.append(.urlFilter) }
                escapers.append(context.state == .cssDoubleQuoted || context.state == .cssSingleQuoted ? .cssString : .urlNormalizer)
            case .queryOrFragment:
                escapers.append(.urlEscaper)
            case .unknown:
                throw failure("ambiguous URL context: cannot tell whether the action is in the query of the URL", pipeline.start)
            }
            if context.urlPart == .none { context.urlPart = .preQuery }
        case .srcset: escapers = [.srcset]
        case .js:
            escapers = [.jsValue]
            context.jsContext = .divideOperator
        case .jsDoubleQuoted, .jsSingleQuoted: escapers = [.jsString]
        case .jsTemplate: escapers = [.jsTemplate]
        case .jsRegexp: escapers = [.jsRegexp]
        case .css: escapers = [.cssValue]
        case .htmlComment, .jsLineComment, .jsBlockComment, .cssLineComment, .cssBlockComment: escapers = [.comment]
        }
        switch context.delimiter {
        case .none: break
        case .spaceOrTagEnd: escapers.append(.unquotedAttribute)
        case .doubleQuote, .singleQuote: escapers.append(.attribute)
        }
        return (escapers, context)
    }

    /// `{{.X | html}}` in text: the context's escaper does `html`'s work, so `html` goes (as in Go).
    static func dropPredefinedEscaper(_ pipeline: inout Pipeline, escapers: [Escaper]) {
        guard pipeline.commands.count > 1, let last = pipeline.commands.last, last.operands.count == 1,
            case .function(let function, let fields) = last.operands[0].kind, fields.isEmpty
        else { return }
        let equivalent: Set<Escaper>
        switch function.name {
        case "html": equivalent = [.html, .attribute, .rcdata]
        case "urlquery": equivalent = [.urlEscaper, .urlNormalizer]
        default: return
        }
        guard escapers.contains(where: equivalent.contains) else { return }
        pipeline.commands.removeLast()
    }
}

/// Parses a template's tokens into nodes: the file's own template plus those it `define`s.
struct Parser {
    private let tokens: [Token]
    private var index = 0
    private let source: SourceText
    private let functions: FunctionRegistry
    private var rangeDepth = 0
    /// Control structures and parentheses open at once; capped so no input can exhaust the stack.
    private var nesting = 0
    static let maxNesting = 64
    private var defines: [ParsedTemplate] = []
    /// Variables in scope, innermost last; `$` is always there.
    private var variables: [String] = ["$"]

    struct Failure: Error {
        let message: String
        let offset: Int
    }

    private init(tokens: [Token], source: SourceText, functions: FunctionRegistry) {
        self.tokens = tokens
        self.source = source
        self.functions = functions
    }

    /// The file's template (named `name`) followed by every template it defines.
    static func parse(name: String, source: String, functions: FunctionRegistry) throws(GoTemplateError) -> [ParsedTemplate] {
        let text = SourceText(name: name, bytes: Array(source.utf8))
        func failure(_ message: String, _ offset: Int) -> GoTemplateError {
            let (line, column) = text.lineAndColumn(offset)
            return GoTemplateError(kind: .parse, file: name, template: name, line: line, column: column, node: "", message: message)
        }
        let tokens: [Token]
        do {
            tokens = try Lexer.tokenize(text.bytes)
        } catch {
            throw failure(error.message, error.offset)
        }
        var parser = Parser(tokens: tokens, source: text, functions: functions)
        let all: [ParsedTemplate]
        do {
            let nodes = try parser.parseList(topLevel: true).nodes
            all = [ParsedTemplate(name: name, source: text, nodes: nodes)] + parser.defines
        } catch {
            throw failure(error.message, error.offset)
        }
        // As in Go, one source may not give a name two non-blank bodies; a blank one gives way.
        var bodies: [String: Int] = [:]
        for template in all where !template.isBlank {
            bodies[template.name, default: 0] += 1
            if bodies[template.name, default: 0] > 1 {
                throw failure("template: multiple definition of template \"\(template.name)\"", 0)
            }
        }
        var kept: [ParsedTemplate] = []
        for template in all where !(template.isBlank && bodies[template.name] != nil) && !kept.contains(where: { $0.name == template.name }) {
            kept.append(template)
        }
        return kept
    }

    // MARK: tokens

    private var current: Token { tokens[min(index, tokens.count - 1)] }
    private func peek(_ offset: Int = 1) -> Token { tokens[min(index + offset, tokens.count - 1)] }

    private mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private mutating func expect(_ kind: Token.Kind, _ context: String) throws(Failure) -> Token {
        let token = advance()
        guard token.kind == kind else { throw unexpected(token, context) }
        return token
    }

    private func unexpected(_ token: Token, _ context: String) -> Failure {
        let what: String
        switch token.kind {
        case .eof: what = "EOF"
        case .rightDelim: what = "\"\(token.text)\""
        case .string: what = "quoted string"
        default: what = "<\(token.text)>"
        }
        return Failure(message: "unexpected \(what) in \(context)", offset: token.start)
    }

    // MARK: lists and actions

    enum ListEnd { case eof, end, elseClause }

    /// Parses nodes until `{{end}}`, `{{else}}` or the end of input (only allowed at top level).
    private mutating func parseList(topLevel: Bool = false) throws(Failure) -> (nodes: [Node], end: ListEnd, endOffset: Int) {
        var nodes: [Node] = []
        while true {
            let token = current
            switch token.kind {
            case .eof:
                guard topLevel else { throw Failure(message: "unexpected EOF", offset: token.start) }
                return (nodes, .eof, token.start)
            case .text:
                _ = advance()
                nodes.append(.text(token.text))
            case .leftDelim:
                let keyword = peek()
                if keyword.kind == .keyword, keyword.text == "end" || keyword.text == "else" {
                    guard !topLevel else { throw Failure(message: "unexpected {{\(keyword.text)}}", offset: keyword.start) }
                    _ = advance()
                    _ = advance()
                    if keyword.text == "end" {
                        _ = try expect(.rightDelim, "end")
                        return (nodes, .end, token.start)
                    }
                    return (nodes, .elseClause, token.start)
                }
                if let node = try parseAction(topLevel: topLevel) { nodes.append(node) }
            default:
                throw unexpected(token, "input")
            }
        }
    }

    private mutating func parseAction(topLevel: Bool) throws(Failure) -> Node? {
        let open = advance()
        let token = current
        if token.kind == .keyword {
            _ = advance()
            switch token.text {
            case "if": return try parseBranch(.ifBranch, start: open.start)
            case "with": return try parseBranch(.withBranch, start: open.start)
            case "range": return try parseBranch(.rangeLoop, start: open.start)
            case "template": return try parseTemplateCall(start: open.start, context: "template clause")
            case "block":
                let call = try parseTemplateCall(start: open.start, context: "block clause")
                guard case .template(let invocation) = call else { return call }
                let saved = (variables, rangeDepth)
                variables = ["$"]
                rangeDepth = 0
                let body = try parseList()
                (variables, rangeDepth) = saved
                guard body.end == .end else { throw Failure(message: "unexpected {{else}} in block clause", offset: body.endOffset) }
                defines.append(ParsedTemplate(name: invocation.name, source: source, nodes: body.nodes))
                return call
            case "define":
                guard topLevel else { throw Failure(message: "unexpected <define> in input", offset: token.start) }
                let name = try parseTemplateName("define clause")
                _ = try expect(.rightDelim, "define clause")
                let saved = variables
                variables = ["$"]
                let body = try parseList()
                variables = saved
                guard body.end == .end else { throw Failure(message: "unexpected {{else}} in define clause", offset: body.endOffset) }
                defines.append(ParsedTemplate(name: name, source: source, nodes: body.nodes))
                return nil
            case "break", "continue":
                guard rangeDepth > 0 else { throw Failure(message: "{{\(token.text)}} outside {{range}}", offset: token.start) }
                _ = try expect(.rightDelim, "{{\(token.text)}}")
                return token.text == "break" ? .breakLoop(token.start) : .continueLoop(token.start)
            default:
                throw Failure(message: "unexpected <\(token.text)> in command", offset: token.start)
            }
        }
        if token.kind == .identifier, token.text == "return", let function = functions["return"],
            peek().kind != .rightDelim, peek().kind != .pipe
        {
            return try parseReturn(function, token: token)
        }
        let pipeline = try parsePipeline(context: "command", allowDeclarations: true, end: .rightDelim)
        return .action(pipeline, escapers: [])
    }

    /// Hugo's `{{ return and $a .B }}`: when the host registers a `return` function, the words after
    /// it are one command whose value is returned (as if parenthesized); `return` must be the pipeline's
    /// last command.
    private mutating func parseReturn(_ function: GoFunction, token: Token) throws(Failure) -> Node {
        _ = advance()
        let value = try parseCommand(context: "return")
        if current.kind == .pipe { throw Failure(message: "return must be the last command in a pipeline", offset: current.start) }
        _ = try expect(.rightDelim, "return")
        let operands =
            value.operands.count == 1
            ? value.operands
            : [
                Operand(
                    kind: .pipeline(Pipeline(declarations: [], isAssignment: false, commands: [value], start: value.start, end: value.end), []),
                    start: value.start, end: value.end)
            ]
        let command = Command(
            operands: [Operand(kind: .function(function, []), start: token.start, end: token.end)] + operands,
            start: token.start, end: value.end)
        return .action(Pipeline(declarations: [], isAssignment: false, commands: [command], start: token.start, end: value.end), escapers: [])
    }

    private mutating func parseTemplateName(_ context: String) throws(Failure) -> String {
        let token = advance()
        guard token.kind == .string else { throw unexpected(token, context) }
        return token.text
    }

    private mutating func parseTemplateCall(start: Int, context: String) throws(Failure) -> Node {
        let name = try parseTemplateName(context)
        var pipeline: Pipeline?
        if current.kind != .rightDelim {
            pipeline = try parsePipeline(context: context, allowDeclarations: false, end: .rightDelim)
        } else {
            _ = advance()
        }
        return .template(TemplateCall(name: name, target: name, pipeline: pipeline, start: start, end: tokens[max(index - 1, 0)].end))
    }

    private mutating func enterNesting(_ offset: Int) throws(Failure) {
        nesting += 1
        if nesting > Self.maxNesting { throw Failure(message: "nesting deeper than \(Self.maxNesting) levels", offset: offset) }
    }

    private mutating func parseBranch(_ kind: Branch.Kind, start: Int) throws(Failure) -> Node {
        try enterNesting(start)
        defer { nesting -= 1 }
        let context = kind == .ifBranch ? "if" : kind == .withBranch ? "with" : "range"
        let mark = variables.count
        defer { variables.removeSubrange(mark...) }
        // An `{{else if …}}` / `{{else with …}}` chain is read in a loop: its links share one
        // `{{end}}` and nest only in the tree, so a chain of hundreds (PaperMod's icon partial) is
        // not deep nesting.
        var links: [(pipeline: Pipeline, list: [Node], start: Int)] = []
        var linkStart = start
        var finalElse: [Node]?
        while true {
            let pipeline = try parsePipeline(context: context, allowDeclarations: true, end: .rightDelim, isRange: kind == .rangeLoop)
            if kind == .rangeLoop { rangeDepth += 1 }
            let body = try parseList()
            if kind == .rangeLoop { rangeDepth -= 1 }
            links.append((pipeline, body.nodes, linkStart))
            guard body.end == .elseClause else { break }
            if kind != .rangeLoop, current.kind == .keyword, current.text == (kind == .ifBranch ? "if" : "with") {
                linkStart = current.start
                _ = advance()
                continue
            }
            _ = try expect(.rightDelim, context)
            let alternative = try parseList()
            guard alternative.end == .end else {
                throw Failure(message: "expected end; found {{else}}", offset: alternative.endOffset)
            }
            finalElse = alternative.nodes
            break
        }
        var node: Node?
        for link in links.reversed() {
            let branch = Branch(kind: kind, pipeline: link.pipeline, list: link.list, elseList: node.map { [$0] } ?? finalElse, start: link.start)
            node = kind == .rangeLoop ? .range(branch) : .branch(branch)
        }
        return node!
    }

    // MARK: pipelines

    private mutating func parsePipeline(
        context: String, allowDeclarations: Bool, end: Token.Kind, isRange: Bool = false
    ) throws(Failure) -> Pipeline {
        let start = current.start
        var declarations: [String] = []
        var isAssignment = false
        if allowDeclarations, current.kind == .variable {
            // `$x :=`, `$x =`, or in range `$i, $v :=`.
            if peek().kind == .declare || peek().kind == .assign {
                let variable = advance()
                isAssignment = advance().kind == .assign
                declarations = [variable.text]
            } else if peek().kind == .comma, peek(2).kind == .variable, peek(3).kind == .declare || peek(3).kind == .assign {
                guard isRange else { throw Failure(message: "too many declarations in \(context)", offset: current.start) }
                let first = advance()
                _ = advance()
                let second = advance()
                isAssignment = advance().kind == .assign
                declarations = [first.text, second.text]
            }
            for name in declarations {
                if isAssignment {
                    guard variables.contains(name) else { throw Failure(message: "undefined variable \"\(name)\"", offset: start) }
                }
            }
        }
        var commands: [Command] = []
        while true {
            let token = current
            if token.kind == end {
                _ = advance()
                break
            }
            let command = try parseCommand(context: context)
            if !commands.isEmpty, let first = command.operands.first {
                switch first.kind {
                case .dot, .null, .constant, .pipeline(_, []):
                    throw Failure(message: "non executable command in pipeline stage \(commands.count + 1)", offset: first.start)
                default: break
                }
            }
            commands.append(command)
            if current.kind == .pipe {
                _ = advance()
                if current.kind == end { throw Failure(message: "missing command after |", offset: current.start) }
            } else if current.kind != end {
                throw unexpected(current, context)
            }
        }
        if commands.isEmpty { throw Failure(message: "missing value for \(context)", offset: start) }
        if !isAssignment { variables.append(contentsOf: declarations) }
        return Pipeline(
            declarations: declarations, isAssignment: isAssignment, commands: commands, start: start, end: tokens[max(index - 1, 0)].start)
    }

    private mutating func parseCommand(context: String) throws(Failure) -> Command {
        let start = current.start
        var operands: [Operand] = []
        while true {
            switch current.kind {
            case .pipe, .rightDelim, .rightParen, .eof:
                guard !operands.isEmpty else { throw unexpected(current, context) }
                if case .null = operands[0].kind, operands.count == 1 {
                    throw Failure(message: "nil is not a command", offset: operands[0].start)
                }
                return Command(operands: operands, start: start, end: operands.last?.end ?? start)
            default:
                if !operands.isEmpty, !current.spaceBefore {
                    throw Failure(message: "missing space between arguments", offset: current.start)
                }
                operands.append(try parseOperand(context: context))
            }
        }
    }

    private mutating func parseOperand(context: String) throws(Failure) -> Operand {
        let token = advance()
        let kind: OperandKind
        switch token.kind {
        case .dot: kind = .dot
        case .field:
            var names = [token.text]
            while current.kind == .field, !current.spaceBefore { names.append(advance().text) }
            kind = .field(names)
        case .variable:
            guard variables.contains(token.text) else {
                throw Failure(message: "undefined variable \"\(token.text)\"", offset: token.start)
            }
            kind = .variable(token.text, trailingFields())
        case .string: kind = .constant(.string(token.text))
        case .char: kind = .constant(.int(Int(token.text.unicodeScalars.first?.value ?? 0)))
        case .number:
            guard let value = NumberParser.parse(token.text) else {
                throw Failure(message: "bad number syntax: \(token.text)", offset: token.start)
            }
            kind = .constant(value)
        case .identifier:
            switch token.text {
            case "true": kind = .constant(.bool(true))
            case "false": kind = .constant(.bool(false))
            case "nil": kind = .null
            default: kind = try resolveFunction(token)
            }
        case .leftParen:
            try enterNesting(token.start)
            defer { nesting -= 1 }
            let pipeline = try parsePipeline(context: "parenthesized pipeline", allowDeclarations: true, end: .rightParen)
            kind = .pipeline(pipeline, trailingFields())
        default:
            throw unexpected(token, context)
        }
        if case .constant = kind, current.kind == .field, !current.spaceBefore {
            throw Failure(message: "unexpected . after term \"\(token.text)\"", offset: current.start)
        }
        return Operand(kind: kind, start: token.start, end: tokens[max(index - 1, 0)].end)
    }

    private mutating func trailingFields() -> [String] {
        var names: [String] = []
        while current.kind == .field, !current.spaceBefore { names.append(advance().text) }
        return names
    }

    /// `strings.Replace` is looked up whole; for `site.Params.x` the longest registered prefix is
    /// the function and the rest are fields of its result.
    private mutating func resolveFunction(_ token: Token) throws(Failure) -> OperandKind {
        let parts = token.text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        for count in stride(from: parts.count, through: 1, by: -1) {
            let name = parts[0..<count].joined(separator: ".")
            if let function = functions[name] {
                return .function(function, Array(parts[count...]) + trailingFields())
            }
        }
        throw Failure(message: "function \"\(parts[0] == token.text ? token.text : token.text)\" not defined", offset: token.start)
    }
}

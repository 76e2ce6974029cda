/// Runs parsed templates: one executor per `execute` call, never shared between threads.
final class Executor {
    let set: TemplateSet
    let userInfo: (any Sendable)?
    private let limits: TemplateLimits
    private var output = ""
    private var variables: [(name: String, value: GoValue)] = []
    private var depth = 0
    private var iterations = 0
    private var template: ParsedTemplate
    private var stack = StackGuard(budget: 0)

    enum Flow { case normal, breakLoop, continueLoop }

    init(set: TemplateSet, template: ParsedTemplate, userInfo: (any Sendable)?) {
        self.set = set
        self.userInfo = userInfo
        self.limits = set.limits
        self.template = template
    }

    func run(data: GoValue) throws(GoTemplateError) -> String {
        stack = StackGuard(budget: limits.maxStackBytes)
        output.reserveCapacity(1024)
        variables = [("$", data)]
        _ = try walk(template.nodes, dot: data)
        return output
    }

    /// A template run from a function (`partial`): its own output, same limits and depth.
    func executeNested(_ name: String, data: GoValue) throws -> String {
        guard let target = set.entry(name) else { throw GoFunctionError("no such template \"\(name)\"") }
        let target2 = try target.get()
        let saved = (output, variables, template)
        defer { (output, variables, template) = saved }
        if stack.budget == 0 { stack = StackGuard(budget: limits.maxStackBytes) }
        output = ""
        try enter()
        defer { depth -= 1 }
        variables = [("$", data)]
        template = target2
        _ = try walk(target2.nodes, dot: data)
        return output
    }

    // MARK: errors

    func failure(_ message: String, _ start: Int, _ end: Int, kind: GoTemplateError.Kind = .execution) -> GoTemplateError {
        let (line, column) = template.source.lineAndColumn(start)
        let node = end > start ? template.source.text(start..<end) : ""
        return GoTemplateError(
            kind: kind, file: template.source.name, template: template.name, line: line, column: column, node: node, message: message)
    }

    /// File, line and column of a byte offset in the running template.
    func position(at offset: Int) -> (file: String, line: Int, column: Int) {
        let (line, column) = template.source.lineAndColumn(offset)
        return (template.source.name, line, column)
    }

    private func enter() throws(GoTemplateError) {
        depth += 1
        if depth > limits.maxDepth {
            throw GoTemplateError(
                kind: .limit, file: template.source.name, template: template.name, line: 0, column: 0, node: "",
                message: "exceeded maximum template depth (\(limits.maxDepth))")
        }
    }

    private func append(_ text: String, at start: Int) throws(GoTemplateError) {
        output += text
        if output.utf8.count > limits.maxOutputBytes {
            throw failure("output exceeds the limit of \(limits.maxOutputBytes) bytes", start, start, kind: .limit)
        }
    }

    // MARK: nodes

    private func walk(_ nodes: [Node], dot: GoValue) throws(GoTemplateError) -> Flow {
        guard stack.hasRoom() else {
            throw GoTemplateError(
                kind: .limit, file: template.source.name, template: template.name, line: 0, column: 0, node: "",
                message: "templates nest too deeply for the stack")
        }
        for node in nodes {
            switch node {
            case .text(let text):
                try append(text, at: 0)
            case .action(let pipeline, let escapers):
                try walkAction(pipeline, escapers, dot: dot)
            case .branch(let branch):
                let flow = try walkBranch(branch, dot: dot)
                if flow != .normal { return flow }
            case .range(let branch):
                try walkRange(branch, dot: dot)
            case .template(let call):
                try callTemplate(call, dot: dot)
            case .breakLoop: return .breakLoop
            case .continueLoop: return .continueLoop
            }
        }
        return .normal
    }

    @inline(never)
    private func walkAction(_ pipeline: Pipeline, _ escapers: [Escaper], dot: GoValue) throws(GoTemplateError) {
        let value = try evalPipeline(pipeline, dot: dot)
        guard pipeline.declarations.isEmpty else { return }
        let text: String
        if escapers.isEmpty {
            text = set.mode == .html ? Escaping.stringify(value).text : printed(value)
        } else {
            text = Escaping.apply(escapers, to: value)
        }
        try append(text, at: pipeline.start)
    }

    @inline(never)
    private func walkBranch(_ branch: Branch, dot: GoValue) throws(GoTemplateError) -> Flow {
        let mark = variables.count
        defer { variables.removeSubrange(mark...) }
        var link = branch
        while true {
            let value = try evalPipeline(link.pipeline, dot: dot)
            if value.isTruthy {
                return try walkScoped(link.list, dot: link.kind == .withBranch ? value : dot)
            }
            guard let elseList = link.elseList else { return .normal }
            // An `else if` / `else with` chain goes on in this frame, so a long chain needs no stack.
            if elseList.count == 1, case .branch(let next) = elseList[0] {
                link = next
                continue
            }
            return try walkScoped(elseList, dot: dot)
        }
    }

    private func walkScoped(_ nodes: [Node], dot: GoValue) throws(GoTemplateError) -> Flow {
        let mark = variables.count
        defer { variables.removeSubrange(mark...) }
        return try walk(nodes, dot: dot)
    }

    private func printed(_ value: GoValue) -> String {
        if case .null = value { return "<no value>" }
        return value.printed
    }

    @inline(never)
    private func walkRange(_ branch: Branch, dot: GoValue) throws(GoTemplateError) {
        var pipeline = branch.pipeline
        let declarations = pipeline.declarations
        pipeline.declarations = []
        let value = try evalPipeline(pipeline, dot: dot)
        var elements: [(key: GoValue, value: GoValue)] = []
        switch value {
        case .array(let values):
            elements = values.enumerated().map { (.int($0.offset), $0.element) }
        case .map(let map):
            elements = map.keys.sorted().map { (.string($0), map[$0] ?? .null) }
        case .int(let count):
            if declarations.count > 1 {
                throw failure("can't use \(count) to iterate over more than one variable", pipeline.start, pipeline.end)
            }
            if count > limits.maxIterations {
                throw failure("range over \(count) exceeds the iteration limit", pipeline.start, pipeline.end, kind: .limit)
            }
            elements = count > 0 ? (0..<count).map { (.int($0), .int($0)) } : []
        case .null:
            break
        case .object(let object):
            guard let values = object.rangeElements else {
                throw failure("range can't iterate over \(object.goTypeName)", pipeline.start, pipeline.end)
            }
            elements = values.enumerated().map { (.int($0.offset), $0.element) }
        default:
            throw failure("range can't iterate over \(value.printed)", pipeline.start, pipeline.end)
        }
        guard !elements.isEmpty else {
            if let elseList = branch.elseList { _ = try walkScoped(elseList, dot: dot) }
            return
        }
        let mark = variables.count
        defer { variables.removeSubrange(mark...) }
        for element in elements {
            iterations += 1
            if iterations > limits.maxIterations {
                throw failure("range iterations exceed the limit of \(limits.maxIterations)", pipeline.start, pipeline.end, kind: .limit)
            }
            variables.removeSubrange(mark...)
            if pipeline.isAssignment {
                if declarations.count == 1 {
                    try assign(declarations[0], element.value, pipeline)
                } else if declarations.count == 2 {
                    try assign(declarations[0], element.key, pipeline)
                    try assign(declarations[1], element.value, pipeline)
                }
            } else if declarations.count == 1 {
                variables.append((declarations[0], element.value))
            } else if declarations.count == 2 {
                variables.append((declarations[0], element.key))
                variables.append((declarations[1], element.value))
            }
            let flow = try walk(branch.list, dot: element.value)
            if flow == .breakLoop { break }
        }
    }

    @inline(never)
    private func callTemplate(_ call: TemplateCall, dot: GoValue) throws(GoTemplateError) {
        guard let found = set.runnable(call.target) else {
            throw failure("no such template \"\(call.name)\"", call.start, call.end)
        }
        let target = try found.get()
        let data = try call.pipeline.map { pipeline throws(GoTemplateError) in try evalPipeline(pipeline, dot: dot) } ?? .null
        try enter()
        let saved = (variables, template)
        defer {
            (variables, template) = saved
            depth -= 1
        }
        variables = [("$", data)]
        template = target
        _ = try walk(target.nodes, dot: data)
    }

    // MARK: pipelines

    private func assign(_ name: String, _ value: GoValue, _ pipeline: Pipeline) throws(GoTemplateError) {
        guard let index = variables.lastIndex(where: { $0.name == name }) else {
            throw failure("undefined variable: \(name)", pipeline.start, pipeline.end)
        }
        variables[index].value = value
    }

    func evalPipeline(_ pipeline: Pipeline, dot: GoValue) throws(GoTemplateError) -> GoValue {
        var value: GoValue?
        for command in pipeline.commands {
            value = try evalCommand(command, dot: dot, final: value)
        }
        let result = value ?? .null
        for name in pipeline.declarations {
            if pipeline.isAssignment {
                try assign(name, result, pipeline)
            } else {
                variables.append((name, result))
            }
        }
        return result
    }

    private func variable(_ name: String, _ operand: Operand) throws(GoTemplateError) -> GoValue {
        guard let entry = variables.last(where: { $0.name == name }) else {
            throw failure("undefined variable: \(name)", operand.start, operand.end)
        }
        return entry.value
    }

    private func evalCommand(_ command: Command, dot: GoValue, final: GoValue?) throws(GoTemplateError) -> GoValue {
        guard let first = command.operands.first else { return .null }
        let arguments = command.operands.dropFirst()
        func notAFunction(_ value: GoValue) throws(GoTemplateError) -> GoValue {
            if !arguments.isEmpty || final != nil {
                throw failure("can't give argument to non-function \(template.source.text(first.start..<first.end))", first.start, first.end)
            }
            return value
        }
        switch first.kind {
        case .field(let names):
            return try evalFieldChain(dot, names, arguments: arguments, final: final, dot: dot, at: first)
        case .variable(let name, let names):
            let value = try variable(name, first)
            if names.isEmpty { return try notAFunction(value) }
            return try evalFieldChain(value, names, arguments: arguments, final: final, dot: dot, at: first)
        case .function(let function, let names):
            if names.isEmpty {
                let whole = Operand(kind: first.kind, start: command.start, end: command.end)
                return try call(function, arguments, final: final, dot: dot, at: whole)
            }
            let base = try call(function, [], final: nil, dot: dot, at: first)
            return try evalFieldChain(base, names, arguments: arguments, final: final, dot: dot, at: first)
        case .pipeline(let pipeline, let names):
            let mark = variables.count
            let value = try evalPipeline(pipeline, dot: dot)
            variables.removeSubrange(mark...)
            if names.isEmpty { return try notAFunction(value) }
            return try evalFieldChain(value, names, arguments: arguments, final: final, dot: dot, at: first)
        case .dot: return try notAFunction(dot)
        case .null: return try notAFunction(.null)
        case .constant(let value): return try notAFunction(value)
        }
    }

    func evalArgument(_ operand: Operand, dot: GoValue) throws(GoTemplateError) -> GoValue {
        switch operand.kind {
        case .dot: return dot
        case .null: return .null
        case .constant(let value): return value
        case .field(let names): return try evalFieldChain(dot, names, arguments: [], final: nil, dot: dot, at: operand)
        case .variable(let name, let names):
            let value = try variable(name, operand)
            return names.isEmpty ? value : try evalFieldChain(value, names, arguments: [], final: nil, dot: dot, at: operand)
        case .function(let function, let names):
            let value = try call(function, [], final: nil, dot: dot, at: operand)
            return names.isEmpty ? value : try evalFieldChain(value, names, arguments: [], final: nil, dot: dot, at: operand)
        case .pipeline(let pipeline, let names):
            let mark = variables.count
            let value = try evalPipeline(pipeline, dot: dot)
            variables.removeSubrange(mark...)
            return names.isEmpty ? value : try evalFieldChain(value, names, arguments: [], final: nil, dot: dot, at: operand)
        }
    }

    private func evalFieldChain(
        _ receiver: GoValue, _ names: [String], arguments: ArraySlice<Operand>, final: GoValue?, dot: GoValue, at operand: Operand
    ) throws(GoTemplateError) -> GoValue {
        var value = receiver
        for (index, name) in names.enumerated() {
            let isLast = index == names.count - 1
            var values: [GoValue] = []
            if isLast {
                for argument in arguments { values.append(try evalArgument(argument, dot: dot)) }
                if let final { values.append(final) }
            }
            value = try field(value, name, values, at: operand)
        }
        return value
    }

    private func field(_ receiver: GoValue, _ name: String, _ arguments: [GoValue], at operand: Operand) throws(GoTemplateError) -> GoValue {
        switch receiver {
        case .object(let object):
            do {
                if let value = try object.member(name, arguments: arguments) { return value }
            } catch let error as GoTemplateError {
                throw error
            } catch {
                throw failure("error calling \(name): \(error)", operand.start, operand.end)
            }
            throw failure("can't evaluate field \(name) in type \(object.goTypeName)", operand.start, operand.end)
        case .map(let map):
            if !arguments.isEmpty {
                throw failure("\(name) is not a method but has arguments", operand.start, operand.end)
            }
            return map[name] ?? (set.lowercaseFieldFallback ? map[name.lowercased()] : nil) ?? .null
        case .null:
            return .null
        default:
            throw failure("can't evaluate field \(name) in type \(receiver.typeName)", operand.start, operand.end)
        }
    }

    private func call(
        _ function: GoFunction, _ arguments: ArraySlice<Operand>, final: GoValue?, dot: GoValue, at operand: Operand
    ) throws(GoTemplateError) -> GoValue {
        if let special = function.special {
            // `and` and `or` stop at the first argument that decides the result.
            var last: GoValue = .null
            var count = 0
            for argument in arguments {
                last = try evalArgument(argument, dot: dot)
                count += 1
                if last.isTruthy != (special == .and) { return last }
            }
            if let final {
                last = final
                count += 1
            }
            if count == 0 { throw failure("wrong number of args for \(function.name): want at least 1 got 0", operand.start, operand.end) }
            return last
        }
        var values: [GoValue] = []
        values.reserveCapacity(arguments.count + 1)
        for argument in arguments { values.append(try evalArgument(argument, dot: dot)) }
        if let final { values.append(final) }
        do {
            return try function.body(values, GoCallContext(executor: self, offset: operand.start))
        } catch let error as GoTemplateError {
            throw error
        } catch {
            throw failure("error calling \(function.name): \(error)", operand.start, operand.end)
        }
    }
}

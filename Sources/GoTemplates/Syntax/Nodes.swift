/// The parsed form of a template: text, actions and control structures, with byte offsets into
/// the source for error messages.
indirect enum Node: Sendable {
    case text(String)
    /// `{{pipeline}}`: prints the pipeline's value unless it declares variables. `escapers` are
    /// html/template's, chosen for the context the action sits in.
    case action(Pipeline, escapers: [Escaper])
    /// `{{if}}` and `{{with}}`, with their `{{else}}` (an `else if` / `else with` is a nested branch).
    case branch(Branch)
    case range(Branch)
    /// `{{template "name" pipeline}}`; `target` is the escaped variant to run.
    case template(TemplateCall)
    case breakLoop(Int)
    case continueLoop(Int)
}

struct Branch: Sendable {
    enum Kind: Sendable { case ifBranch, withBranch, rangeLoop }
    let kind: Kind
    var pipeline: Pipeline
    var list: [Node]
    var elseList: [Node]?
    let start: Int
}

struct TemplateCall: Sendable {
    let name: String
    var target: String
    let pipeline: Pipeline?
    let start: Int
    let end: Int
}

/// `$x := a | b c`: declared or assigned variables, then commands joined by `|`.
struct Pipeline: Sendable {
    var declarations: [String]
    var isAssignment: Bool
    var commands: [Command]
    let start: Int
    var end: Int
}

/// One stage of a pipeline: a function, method or value with its arguments.
struct Command: Sendable {
    var operands: [Operand]
    let start: Int
    var end: Int
}

struct Operand: Sendable {
    let kind: OperandKind
    let start: Int
    let end: Int
}

indirect enum OperandKind: Sendable {
    case dot
    case null
    case constant(GoValue)
    /// `.A.B`
    case field([String])
    /// `$x.A.B` (`$` alone is the data the template was executed with)
    case variable(String, [String])
    /// `fn` or, for dotted names, `site.Params.x`: a function called without arguments when it
    /// has fields after it.
    case function(GoFunction, [String])
    /// `(pipeline).A.B`
    case pipeline(Pipeline, [String])
}

/// A parsed template: its nodes and the source they came from.
struct ParsedTemplate: Sendable {
    let name: String
    let source: SourceText
    var nodes: [Node]

    /// Whether the body is only whitespace (such a redefinition does not replace an existing one).
    var isBlank: Bool {
        nodes.allSatisfy { node in
            if case .text(let text) = node { return text.allSatisfy(\.isWhitespace) }
            return false
        }
    }
}

/// Reads Mermaid sequence diagram source into a ``SequenceDiagram``.
struct SequenceParser {
    private(set) var diagram = SequenceDiagram()
    private(set) var warnings: [DiagramDiagnostic] = []
    /// Open blocks; a nil kind is a `box` of participants.
    private var blocks: [(kind: BlockKind?, line: Int)] = []
    private var group: Int?
    private var number: Int?
    private var step = 1

    mutating func parse(_ source: DiagramSource) throws -> SequenceDiagram {
        let statements = Statement.split(source.lines, semicolons: false)
        guard let header = statements.first, header.keyword.0 == "sequenceDiagram" else {
            throw DiagramDiagnostic(line: 1, column: 1, message: "expected `sequenceDiagram`")
        }
        for statement in statements.dropFirst() { try parseStatement(statement) }
        if let open = blocks.last {
            throw DiagramDiagnostic(line: open.line, column: 1, message: "`\(open.kind?.rawValue ?? "box")` has no `end`")
        }
        return diagram
    }

    private mutating func parseStatement(_ statement: Statement) throws {
        let (keyword, rest) = statement.keyword
        let line = statement.line
        switch keyword {
        case "participant", "actor":
            declare(rest, actor: keyword == "actor")
        case "create":
            let (kind, name) = Statement(line: line, column: statement.column, text: Array(rest)).keyword
            guard kind == "participant" || kind == "actor" else {
                throw DiagramDiagnostic(line: line, column: statement.column + 7, message: "`create` must be followed by `participant` or `actor`")
            }
            diagram.events.append(.create(declare(name, actor: kind == "actor")))
        case "destroy":
            diagram.events.append(.destroy(participant(rest)))
        case "box":
            let (color, label) = Self.colorAndLabel(rest)
            diagram.groups.append(ParticipantGroup(label: Label.parse(label), color: color))
            group = diagram.groups.count - 1
            blocks.append((nil, line))
        case "title", "title:":
            diagram.title = rest.hasPrefix(":") ? String(rest.dropFirst()).trimmingSpaces : rest
        case "autonumber":
            if rest == "off" {
                number = nil
            } else {
                let values = rest.split(separator: " ").compactMap { Int($0) }
                number = values.first ?? 1
                step = values.count > 1 ? values[1] : 1
            }
        case "activate", "deactivate":
            let index = participant(rest)
            diagram.events.append(keyword == "activate" ? .activate(index) : .deactivate(index))
        case "loop", "alt", "opt", "par", "critical", "break", "par_over":
            let kind = BlockKind(rawValue: keyword == "par_over" ? "par" : keyword)!
            blocks.append((kind, line))
            diagram.events.append(.blockStart(kind, Label.parse(rest), color: nil))
        case "rect":
            blocks.append((.rect, line))
            diagram.events.append(.blockStart(.rect, .empty, color: Self.safeColor(rest)))
        case "else", "and", "option":
            guard let open = blocks.last, open.kind?.sectionKeyword == keyword else {
                throw DiagramDiagnostic(
                    line: line, column: statement.column,
                    message: "`\(keyword)` outside \(keyword == "else" ? "an `alt`" : keyword == "and" ? "a `par`" : "a `critical`") block")
            }
            diagram.events.append(.blockSection(Label.parse(rest)))
        case "end":
            guard let open = blocks.popLast() else {
                throw DiagramDiagnostic(line: line, column: statement.column, message: "`end` without an open block")
            }
            if open.kind == nil {
                group = nil
            } else {
                diagram.events.append(.blockEnd)
            }
        case "Note", "note":
            try parseNote(rest, statement: statement)
        case "link", "links", "properties", "details":
            warnings.append(
                DiagramDiagnostic(
                    line: line, column: statement.column,
                    message: "participant menus (`\(keyword)`) need JavaScript; left out", severity: .warning))
        default:
            try parseMessage(statement)
        }
    }

    /// `A`, `A as Alice`.
    @discardableResult
    private mutating func declare(_ text: String, actor: Bool) -> Int {
        var name = text
        var label: String?
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        if let position = words.firstIndex(of: "as"), position > 0 {
            name = words[..<position].joined(separator: " ")
            label = words[(position + 1)...].joined(separator: " ")
        }
        if let brace = name.firstIndex(of: "@") { name = String(name[..<brace]) }
        let index = participant(name)
        diagram.participants[index].isActor = actor
        if let label { diagram.participants[index].label = Label.parse(label) }
        return index
    }

    /// The participant named `name`, created on first mention.
    private mutating func participant(_ name: String) -> Int {
        let name = name.trimmingSpaces
        if let index = diagram.index[name] { return index }
        diagram.participants.append(Participant(id: name, label: Label.parse(name), isActor: false, group: group))
        diagram.index[name] = diagram.participants.count - 1
        return diagram.participants.count - 1
    }

    private mutating func parseNote(_ rest: String, statement: Statement) throws {
        guard let colon = rest.firstIndex(of: ":") else {
            throw DiagramDiagnostic(line: statement.line, column: statement.column, message: "a note needs `:` before its text")
        }
        let head = rest[..<colon].trimmingSpaces
        let text = Label.parse(String(rest[rest.index(after: colon)...]))
        let placement: NotePlacement
        var names: Substring
        if head.hasPrefix("left of ") {
            placement = .leftOf
            names = head.dropFirst(8)
        } else if head.hasPrefix("right of ") {
            placement = .rightOf
            names = head.dropFirst(9)
        } else if head.hasPrefix("over ") {
            placement = .over
            names = head.dropFirst(5)
        } else {
            throw DiagramDiagnostic(
                line: statement.line, column: statement.column + 5,
                message: "a note goes `left of`, `right of` or `over` a participant")
        }
        let participants = names.split(separator: ",").map { participant(String($0)) }
        guard !participants.isEmpty else {
            throw DiagramDiagnostic(line: statement.line, column: statement.column + 5, message: "the note names no participant")
        }
        diagram.events.append(.note(participants: participants, placement: placement, text: text))
    }

    /// `A->>+B: text`.
    private mutating func parseMessage(_ statement: Statement) throws {
        let text = statement.text
        // The arrow is the first place where one of the arrows starts.
        var found: (position: Int, symbol: String, arrow: MessageArrow)?
        var position = 0
        while position < text.count, found == nil {
            if text[position] == ":" { break }
            for (symbol, arrow) in MessageArrow.all where Self.matches(text, symbol, at: position) {
                found = (position, symbol, arrow)
                break
            }
            position += 1
        }
        guard let found, found.position > 0 else {
            throw DiagramDiagnostic(
                line: statement.line, column: statement.column,
                message:
                    "`\(String(text.prefix(30)))` is not a sequence statement; expected a message like `A->>B: text`, a note, a participant or a block"
            )
        }
        let from = String(text[..<found.position]).trimmingSpaces
        var rest = Array(text[(found.position + found.symbol.count)...])
        var activate = false
        var deactivate = false
        while let first = rest.first, first == "+" || first == "-" || first == " " {
            if first == "+" { activate = true }
            if first == "-" { deactivate = true }
            rest.removeFirst()
        }
        let to: String
        var message = ""
        if let colon = rest.firstIndex(of: ":") {
            to = String(rest[..<colon]).trimmingSpaces
            message = String(rest[(colon + 1)...])
        } else {
            to = String(rest).trimmingSpaces
        }
        guard !from.isEmpty, !to.isEmpty else {
            throw DiagramDiagnostic(
                line: statement.line, column: statement.column + found.position,
                message: "a message needs a sender and a receiver around `\(found.symbol)`")
        }
        let fromIndex = participant(from)
        let toIndex = participant(to)
        let current = number
        if let value = number { number = value + step }
        diagram.events.append(
            .message(
                from: fromIndex, to: toIndex, text: Label.parse(message), arrow: found.arrow, number: current,
                activate: activate, deactivate: deactivate, line: statement.line))
    }

    private static func matches(_ text: [Character], _ symbol: String, at position: Int) -> Bool {
        var index = position
        for character in symbol {
            guard index < text.count, text[index] == character else { return false }
            index += 1
        }
        return true
    }

    /// A `box` or `rect` line's colour (named, `#…`, `rgb(…)`, `rgba(…)`) and the label after it.
    static func colorAndLabel(_ text: String) -> (String?, String) {
        let trimmed = text.trimmingSpaces
        if trimmed.hasPrefix("rgb"), let close = trimmed.firstIndex(of: ")") {
            return (safeColor(String(trimmed[...close])), String(trimmed[trimmed.index(after: close)...]).trimmingSpaces)
        }
        let word = trimmed.prefix { $0 != " " }
        let named: Set<String> = [
            "aqua", "blue", "green", "red", "yellow", "purple", "orange", "grey", "gray", "pink", "lightblue",
            "lightgreen", "lightyellow", "lightgrey", "lightgray", "white", "black", "transparent", "teal", "olive",
        ]
        if word.hasPrefix("#") || named.contains(word.lowercased()) {
            return (safeColor(String(word)), String(trimmed.dropFirst(word.count)).trimmingSpaces)
        }
        return (nil, trimmed)
    }

    /// A colour value with only safe characters, or nil.
    static func safeColor(_ text: String) -> String? {
        let value = text.trimmingSpaces
        guard !value.isEmpty, value.count < 40, value.allSatisfy({ $0.isLetter || $0.isNumber || " #.,%()".contains($0) }) else { return nil }
        return value
    }
}

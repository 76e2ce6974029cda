/// How a class diagram's member text is shown, as Mermaid shows it: visibility marks (`+ - # ~`) kept,
/// generics `List~int~` as `List<int>`, a method's return type after ` : `, a trailing `$` (static)
/// underlined and a trailing `*` (abstract) in italics.
enum ClassMember {
    /// Whether the member is a method (its text has a parameter list).
    static func isMethod(_ text: String) -> Bool { text.contains("(") && text.contains(")") }

    /// The label of one member line.
    static func label(_ source: String) -> Label {
        var text = Label.decodeEntities(source.trimmingSpaces)
        var run = TextRun(text: "")
        if text.hasSuffix("$") {
            run.underline = true
            text.removeLast()
        } else if text.hasSuffix("*") {
            run.italic = true
            text.removeLast()
        }
        // A classifier after a method's closing parenthesis ( `()$`, `()*`) applies to the whole method.
        if isMethod(text), let close = text.lastIndex(of: ")") {
            var after = String(text[text.index(after: close)...]).trimmingSpaces
            if after.hasPrefix("$") {
                run.underline = true
                after.removeFirst()
            }
            if after.hasPrefix("*") {
                run.italic = true
                after.removeFirst()
            }
            after = after.trimmingSpaces
            let head = String(text[...close])
            text = after.isEmpty ? head : head + " : " + after
        }
        var visibility = ""
        if let first = text.first, "+-#~".contains(first) {
            visibility = String(first)
            text.removeFirst()
        }
        run.text = visibility + generics(text)
        return Label(lines: [[run]])
    }

    /// `Name~T~` as `Name<T>`, nested (`List~List~int~~`): a `~` before a letter, digit or `_` opens, any other closes.
    static func generics(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        var depth = 0
        for (index, character) in characters.enumerated() {
            guard character == "~" else {
                result.append(character)
                continue
            }
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            if next.isLetter || next.isNumber || next == "_" {
                result.append("<")
                depth += 1
            } else if depth > 0 {
                result.append(">")
                depth -= 1
            } else {
                result.append(character)
            }
        }
        return result
    }
}

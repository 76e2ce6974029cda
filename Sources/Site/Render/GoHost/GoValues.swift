import Foundation
import GoTemplates

extension Value {
    /// The value as templates see it. `lowercaseKeys` folds table keys as Hugo folds the keys of
    /// `.Params` and `.Site.Params`.
    func goValue(lowercaseKeys: Bool = false) -> GoValue {
        switch self {
        case .string(let text): .string(text)
        case .int(let number): .int(number)
        case .double(let number): .float(number)
        case .bool(let flag): .bool(flag)
        case .array(let items): .array(items.map { $0.goValue(lowercaseKeys: lowercaseKeys) })
        case .table(let table):
            .map(
                Dictionary(
                    table.map { (lowercaseKeys ? $0.key.lowercased() : $0.key, $0.value.goValue(lowercaseKeys: lowercaseKeys)) },
                    uniquingKeysWith: { first, _ in first }))
        case .null: .null
        }
    }
}

extension GoValue {
    /// Text of a value for functions that take strings (numbers and bools printed as Go prints them).
    var text: String {
        switch self {
        case .null: ""
        case .string(let text), .safe(let text, _): text
        default: printed
        }
    }
}

/// Hugo's shortcode parameter typing: quoted values are strings; unquoted `true`/`false` are
/// booleans and unquoted numbers are numbers.
enum ShortcodeArgument {
    static func typed(_ raw: String, quoted: Bool) -> GoValue {
        if quoted { return .string(raw) }
        switch raw {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: break
        }
        if let number = Int(raw) { return .int(number) }
        if raw.contains("."), let number = Double(raw) { return .float(number) }
        return .string(raw)
    }

    /// The arguments of the call that opens at `text` (starting with `{{<` or `{{%`), as Hugo
    /// types them: positional values and named values in order.
    static func parse(_ text: Substring) -> (name: String, positional: [GoValue], named: [(String, GoValue)])? {
        // Walks the call's characters only, up to its closer (`text` may run on to the page's end).
        guard text.index(text.startIndex, offsetBy: 4, limitedBy: text.endIndex) != nil else { return nil }
        let closer = text.dropFirst(2).first == "<" ? ">}}" : "%}}"
        var i = text.index(text.startIndex, offsetBy: 3)
        var words: [(String, Bool)] = []  // value, quoted; "=" as its own word
        while i < text.endIndex {
            let c = text[i]
            if text[i...].hasPrefix(closer) { break }
            if c == " " || c == "\t" || c == "\n" || c == "\r" {
                i = text.index(after: i)
                continue
            }
            if c == "=" {
                words.append(("=", false))
                i = text.index(after: i)
                continue
            }
            if c == "\"" || c == "`" {
                var value = ""
                i = text.index(after: i)
                while i < text.endIndex, text[i] != c {
                    let next = text.index(after: i)
                    if c == "\"", text[i] == "\\", next < text.endIndex, text[next] == "\"" {
                        value.append("\"")
                        i = text.index(after: next)
                        continue
                    }
                    value.append(text[i])
                    i = next
                }
                if i < text.endIndex { i = text.index(after: i) }
                words.append((value, true))
                continue
            }
            var value = ""
            while i < text.endIndex, !" \t\n\r=".contains(text[i]) {
                if text[i...].hasPrefix(closer) { break }
                value.append(text[i])
                i = text.index(after: i)
            }
            words.append((value, false))
        }
        guard let first = words.first, !first.1 else { return nil }
        var positional: [GoValue] = []
        var named: [(String, GoValue)] = []
        var k = 1
        while k < words.count {
            if k + 2 < words.count + 0, words[k + 1].0 == "=", !words[k + 1].1 {
                named.append((words[k].0, typed(words[k + 2].0, quoted: words[k + 2].1)))
                k += 3
            } else {
                positional.append(typed(words[k].0, quoted: words[k].1))
                k += 1
            }
        }
        return (first.0, positional, named)
    }
}

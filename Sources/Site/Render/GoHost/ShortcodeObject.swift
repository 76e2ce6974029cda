import Foundation
import GoTemplates

/// One shortcode call as the expander saw it: name, arguments, place, and its parent call.
final class ShortcodeFrame: Sendable {
    let name: String
    /// Arguments typed as Hugo types them (quoted → string, `true` → bool, `3` → int).
    let positional: [GoValue]
    let named: [String: GoValue]
    let isNamed: Bool
    /// File line of the opening tag, and its column (0 when unknown).
    let line: Int
    let column: Int
    let ordinal: Int
    let isMarkdown: Bool
    let parent: ShortcodeFrame?

    init(
        name: String, positional: [GoValue], named: [String: GoValue], isNamed: Bool, line: Int, column: Int,
        ordinal: Int, isMarkdown: Bool, parent: ShortcodeFrame?
    ) {
        self.name = name
        self.positional = positional
        self.named = named
        self.isNamed = isNamed
        self.line = line
        self.column = column
        self.ordinal = ordinal
        self.isMarkdown = isMarkdown
        self.parent = parent
    }
}

/// Hugo's shortcode object: `.Get`, `.Inner`, `.Params`, `.Page`, `.Parent`….
struct ShortcodeObject: GoObject {
    let frame: ShortcodeFrame
    /// nil for a shortcode without a closing tag (and for a parent, whose inner is not rendered yet).
    let inner: String?
    let page: PageObject
    let file: String

    var goTypeName: String { "*hugolib.ShortcodeWithPage" }

    func member(_ name: String, arguments: [GoValue]) throws -> GoValue? {
        switch name {
        case "Get":
            guard let key = arguments.first else { throw GoFunctionError("Get needs a position or a name") }
            switch key {
            case .int(let index): return frame.isNamed || !frame.positional.indices.contains(index) ? .string("") : frame.positional[index]
            default:
                if let index = Int(key.text), !frame.isNamed {
                    return frame.positional.indices.contains(index) ? frame.positional[index] : .string("")
                }
                return frame.named[key.text] ?? .string("")
            }
        case "Inner": return .safe(inner ?? "", .html)
        case "InnerDeindent": return .safe(Self.deindent(inner ?? ""), .html)
        case "Params": return frame.isNamed ? .map(frame.named) : .array(frame.positional)
        case "IsNamedParams": return .bool(frame.isNamed)
        case "Ordinal": return .int(frame.ordinal)
        case "Name": return .string(frame.name)
        case "Parent":
            return frame.parent.map { .object(ShortcodeObject(frame: $0, inner: nil, page: page, file: file)) } ?? .null
        case "Position": return .string("\"\(file):\(frame.line):\(max(frame.column, 1))\"")
        case "Page": return .object(page)
        case "Site": return .object(SiteObject(host: page.host))
        case "Scratch", "Store": return .object(page.scratch)
        default: return nil
        }
    }

    /// The text without the indentation common to its non-blank lines.
    static func deindent(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indents = lines.filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }.map { $0.prefix { $0 == " " || $0 == "\t" }.count }
        guard let common = indents.min(), common > 0 else { return text }
        return lines.map { $0.count >= common ? String($0.dropFirst(common)) : "" }.joined(separator: "\n")
    }
}

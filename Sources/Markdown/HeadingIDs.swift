/// Heading ids (site mode): GitHub-style slugs made unique with `-1`, `-2`, …; an explicit
/// `{#id}` at the end of a heading wins and is removed from its text.
extension Parser {
    func assignHeadingIDs() {
        var used: [String: Int] = [:]
        for id in Document.preorder(nodes, from: 0) where nodes[Int(id)].kind == .heading {
            if let explicit = headingAttributeIDs[id] ?? takeExplicitID(id) {
                used[explicit, default: 0] += 1
                nodes[Int(id)].text2 = store(explicit.utf8)
                continue
            }
            var text: [UInt8] = []
            var child = nodes[Int(id)].firstChild
            while child >= 0 {
                appendIDText(of: child, to: &text)
                child = nodes[Int(child)].next
            }
            // Hugo trims the text first: a heading that starts with an image or raw HTML gets no leading `-`.
            let first = text.firstIndex { !ASCII.isWhitespace($0) } ?? text.endIndex
            let last = text.lastIndex { !ASCII.isWhitespace($0) }.map { $0 + 1 } ?? first
            let base = Self.slug(String(decoding: text[first..<max(first, last)], as: UTF8.self))
            var candidate = base
            if let count = used[base] {
                var k = count
                repeat {
                    candidate = "\(base)-\(k)"
                    k += 1
                } while used[candidate] != nil
                used[base] = k
            }
            if candidate != base || used[base] == nil { used[candidate] = 1 }
            nodes[Int(id)].text2 = store(candidate.utf8)
        }
    }

    /// Appends what one child of a heading gives its id, as goldmark (Hugo 0.168) computes it: text,
    /// code and emoji names in full; an autolink and raw HTML nothing; a link, image, emphasis or
    /// strikethrough only its first piece of text (goldmark's text of an inline container is that of
    /// its first child, so `[the *key* idea](u)` gives `the`) — see ``appendFirstPiece(of:to:)``.
    private func appendIDText(of node: Int32, to text: inout [UInt8]) {
        let n = nodes[Int(node)]
        switch n.kind {
        case .text where n.text2.count > 0:
            text.append(contentsOf: bytes(n.text2))  // an emoji counts as its name, as in Hugo
        case .text, .code:
            text.append(contentsOf: bytes(n.text))
        case .math where options.mathInHeadingIDs:
            text.append(contentsOf: bytes(n.text))
        case .softBreak, .lineBreak:
            text.append(0x20)
        case .link where n.has(NodeFlags.autolink):
            break
        case .link, .image, .emphasis, .strong, .strikethrough:
            appendFirstPiece(of: node, to: &text)
        default:
            break
        }
    }

    /// The first piece of an inline container's text as goldmark splits it: its first child when
    /// that is a container or code; for text, the text up to a typographer's substitution or
    /// through the first `*`/`_` run (goldmark starts a new piece after each delimiter run).
    private func appendFirstPiece(of container: Int32, to text: inout [UInt8]) {
        var child = nodes[Int(container)].firstChild
        guard child >= 0 else { return }
        guard nodes[Int(child)].kind == .text, nodes[Int(child)].text2.count == 0 else {
            appendIDText(of: child, to: &text)
            return
        }
        var first = true
        while child >= 0, nodes[Int(child)].kind == .text, nodes[Int(child)].text2.count == 0 {
            let span = nodes[Int(child)].text
            let piece = Array(bytes(span))
            if options.typographer, !first, Self.typographerOutputs.contains(piece) { return }
            // An escaped first byte (`\*`) is plain text; any other `*` or `_` run ends the piece.
            let escaped = span.start > 0 && bytes(TextSpan(start: span.start - 1, count: 1)).first == UInt8(ascii: "\\")
            if let cut = Self.endOfFirstDelimiterRun(in: piece, from: escaped ? 1 : 0) {
                text.append(contentsOf: piece[..<cut])
                return
            }
            text.append(contentsOf: piece)
            if options.typographer, first, Self.typographerOutputs.contains(piece) { return }
            first = false
            child = nodes[Int(child)].next
        }
    }

    /// The end of the first run of `*` or `_` at or after `from`, if there is one.
    private static func endOfFirstDelimiterRun(in piece: [UInt8], from: Int) -> Int? {
        guard from < piece.count,
            var end = piece[from...].firstIndex(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") })
        else { return nil }
        let marker = piece[end]
        while end < piece.count, piece[end] == marker { end += 1 }
        return end
    }

    /// What the typographer puts in place of `---`, `--`, `...`, `<<`, `>>` and quotes.
    private static let typographerOutputs: Set<[UInt8]> = Set(
        [
            "\u{2014}", "\u{2013}", "\u{2026}", "\u{00AB}", "\u{00BB}",
            "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}",
        ].map { Array($0.utf8) })

    /// Removes a trailing `{#id}` from the heading's last text node and returns the id.
    private func takeExplicitID(_ heading: Int32) -> String? {
        let last = nodes[Int(heading)].lastChild
        guard last >= 0, nodes[Int(last)].kind == .text else { return nil }
        var span = nodes[Int(last)].text
        let text = bytes(span)
        guard text.last == UInt8(ascii: "}"), let open = text.lastIndex(of: UInt8(ascii: "{")),
            open + 1 < text.endIndex, text[open + 1] == UInt8(ascii: "#")
        else { return nil }
        let idBytes = text[(open + 2)..<(text.endIndex - 1)]
        guard !idBytes.isEmpty, !idBytes.contains(where: { ASCII.isWhitespace($0) }) else { return nil }
        var cut = open
        while cut > text.startIndex, ASCII.isSpaceOrTab(text[cut - 1]) { cut -= 1 }
        guard cut < open || cut == text.startIndex else { return nil }
        span.count = Int32(cut - text.startIndex)
        nodes[Int(last)].text = span
        return String(decoding: idBytes, as: UTF8.self)
    }

    /// A GitHub-style slug as Hugo makes it: lowercase, letters (Unicode category L), decimal digits,
    /// `-` and `_` kept, spaces become `-`; other numbers (`²`, `½`, `Ⅻ`) and combining marks go.
    static func slug(_ text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                result.append("-")
            } else if scalar == "-" || scalar == "_" || isLetterOrDigit(scalar) {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber: true
        default: false
        }
    }
}

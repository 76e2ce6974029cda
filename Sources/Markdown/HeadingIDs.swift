/// Heading ids (site mode): GitHub-style slugs made unique with `-1`, `-2`, …; an explicit
/// `{#id}` at the end of a heading wins and is removed from its text.
extension Parser {
    func assignHeadingIDs() {
        var used: [String: Int] = [:]
        for id in Document.preorder(nodes, from: 0) where nodes[Int(id)].kind == .heading {
            if let explicit = takeExplicitID(id) {
                used[explicit, default: 0] += 1
                nodes[Int(id)].text2 = store(explicit.utf8)
                continue
            }
            var text: [UInt8] = []
            for node in Document.preorder(nodes, from: id) {
                let n = nodes[Int(node)]
                if n.kind == .text, n.text2.count > 0 {
                    text.append(contentsOf: bytes(n.text2))  // an emoji counts as its name, as in Hugo
                } else if n.kind == .text || n.kind == .code || (n.kind == .math && options.mathInHeadingIDs) {
                    text.append(contentsOf: bytes(n.text))
                }
                if n.kind == .softBreak || n.kind == .lineBreak { text.append(0x20) }
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

    /// Removes a trailing `{#id}` from the heading's last text node and returns the id.
    private func takeExplicitID(_ heading: Int32) -> String? {
        let last = nodes[Int(heading)].lastChild
        guard last >= 0, nodes[Int(last)].kind == .text else { return nil }
        var span = nodes[Int(last)].text
        let text = bytes(span)
        guard text.last == UInt8(ascii: "}"), let open = text.lastIndex(of: UInt8(ascii: "{")),
              open + 1 < text.endIndex, text[open + 1] == UInt8(ascii: "#") else { return nil }
        let idBytes = text[(open + 2)..<(text.endIndex - 1)]
        guard !idBytes.isEmpty, !idBytes.contains(where: { ASCII.isWhitespace($0) }) else { return nil }
        var cut = open
        while cut > text.startIndex, ASCII.isSpaceOrTab(text[cut - 1]) { cut -= 1 }
        guard cut < open || cut == text.startIndex else { return nil }
        span.count = Int32(cut - text.startIndex)
        nodes[Int(last)].text = span
        return String(decoding: idBytes, as: UTF8.self)
    }

    /// A GitHub-style slug: lowercase, letters, digits, `-` and `_` kept, spaces become `-`.
    static func slug(_ text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                result.append("-")
            } else if scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic
                        || scalar.properties.numericType != nil {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// GFM footnotes: definitions are registered before the inline pass and numbered by first reference.
extension Parser {
    func registerFootnoteDefinitions() {
        for i in footnoteDefinitionNodes {
            let label = Array(bytes(nodes[Int(i)].text))
            let key = label.withUnsafeBufferPointer { normalizeLabel($0, 0, $0.count) }
            if footnoteDefinitions[key] == nil { footnoteDefinitions[key] = i }
        }
    }

    /// Whether `node` is still in the tree: a reference can end up inside brackets or emphasis
    /// that were taken out after it was made.
    func isInTree(_ node: Int32) -> Bool {
        var current = node
        while current > 0 { current = nodes[Int(current)].parent }
        return current == 0
    }

    /// Numbers referenced footnotes in order of their first reference.
    func orderFootnotes() {
        guard !footnoteDefinitions.isEmpty else { return }
        var next: Int32 = 1
        for id in footnoteReferenceNodes where isInTree(id) {
            let key = Array(bytes(nodes[Int(id)].text))
            guard let definition = footnoteDefinitions[key] else { continue }
            if nodes[Int(definition)].value == 0 {
                nodes[Int(definition)].value = next
                next += 1
            }
            nodes[Int(id)].value = nodes[Int(definition)].value
        }
    }
}

extension Document {
    /// Node indexes under `start` in document order (footnote definitions included).
    static func preorder(_ nodes: NodeArena, from start: Int32) -> [Int32] {
        var result: [Int32] = []
        forEachInPreorder(nodes, from: start) { result.append($0) }
        return result
    }

    /// Calls `body` with each node index under `start` in document order, without recursion.
    static func forEachInPreorder(_ nodes: NodeArena, from start: Int32, _ body: (Int32) -> Void) {
        var current = start
        while true {
            body(current)
            if nodes[Int(current)].firstChild >= 0 {
                current = nodes[Int(current)].firstChild
                continue
            }
            while current != start, nodes[Int(current)].next < 0 { current = nodes[Int(current)].parent }
            if current == start { return }
            current = nodes[Int(current)].next
        }
    }
}

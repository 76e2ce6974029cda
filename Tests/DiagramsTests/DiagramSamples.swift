import SeededRandom
@testable import Diagrams

/// Random flowcharts and token soups for the layout and fuzz tests, from a seeded generator.
enum DiagramSamples {
    static let shapes = ["[", "(", "([", "[[", "[(", "((", ">", "{", "{{", "[/", "[\\", "((("]
    static let closers = ["]", ")", "])", "]]", ")]", "))", "]", "}", "}}", "/]", "\\]", ")))"]
    static let links = ["-->", "---", "-.->", "==>", "<-->", "--o", "--x", "--->", "-.-", "===", "~~~"]
    static let words = ["alpha", "beta", "a longer label with words", "x", "Décision?", "日本語", "compute the gradient", "ok", "no"]

    /// A random flowchart: nodes with shapes and labels, links with and without labels, nested subgraphs.
    static func flowchart(
        _ random: inout SeededGenerator, acyclic: Bool = false, subgraphs: Bool = true,
        direction: String? = nil
    ) -> String {
        let count = Int.random(in: 2...18, using: &random)
        let directions = ["TB", "TD", "BT", "LR", "RL"]
        var lines = ["flowchart " + (direction ?? directions.randomElement(using: &random)!)]
        for index in 0..<count {
            let shape = Int.random(in: 0..<shapes.count, using: &random)
            let label = words.randomElement(using: &random)!
            lines.append("n\(index)\(shapes[shape])\"\(label)\"\(closers[shape])")
        }
        let edgeCount = Int.random(in: 1...(count * 2), using: &random)
        for _ in 0..<edgeCount {
            var a = Int.random(in: 0..<count, using: &random)
            var b = Int.random(in: 0..<count, using: &random)
            if acyclic {
                if a == b { continue }
                if a > b { swap(&a, &b) }
            }
            let link = links.randomElement(using: &random)!
            let label = Bool.random(using: &random) ? "|\(words.randomElement(using: &random)!)|" : ""
            lines.append("n\(a) \(link)\(label) n\(b)")
        }
        if subgraphs {
            var open = 0
            for index in 0..<Int.random(in: 0...3, using: &random) {
                lines.append("subgraph s\(index) [Group \(index)]")
                if Bool.random(using: &random) { lines.append("direction " + directions.randomElement(using: &random)!) }
                open += 1
                for _ in 0..<Int.random(in: 1...4, using: &random) { lines.append("n\(Int.random(in: 0..<count, using: &random))") }
                if Bool.random(using: &random) {
                    lines.append("end")
                    open -= 1
                }
            }
            lines += Array(repeating: "end", count: open)
            if Bool.random(using: &random) { lines.append("n0 --> s0") }
        }
        return lines.joined(separator: "\n")
    }

    static let vocabulary = [
        "flowchart", "graph", "TD", "LR", "BT", "A", "B", "C", "-->", "---", "-.->", "==>", "--", "-.", "==", "[", "]", "(", ")",
        "{", "}", "|", "\"", "subgraph", "end", "&", ":::", "classDef", "class", "style", "linkStyle", ";", "\n", "\n", "\n", "%%",
        "@{", "shape:", "label:", ",", "sequenceDiagram", "participant", "actor", "as", "->>", "-->>", "-x", "-)", "Note",
        "over", "left of", "right of", ":", "loop", "alt", "else", "opt", "par", "and", "critical", "break", "rect",
        "activate", "deactivate", "autonumber", "+", "-", "x", "o", "<", ">", "#quot;", "#", "`", "**", "<br>", " ", " ", " ",
        "click", "https://x.org", "direction", "accTitle:", "accDescr {", "---", "title:", "é", "\u{0}", "\t", "\\", "/",
        "box", "create", "destroy", "0", "1,2",
    ]

    /// Random text from diagram words and symbols, with a diagram header most of the time.
    static func soup(_ random: inout SeededGenerator) -> String {
        var text = ""
        switch Int.random(in: 0..<4, using: &random) {
        case 0: text = "flowchart TD\n"
        case 1: text = "sequenceDiagram\n"
        case 2: text = "graph LR;"
        default: break
        }
        for _ in 0..<Int.random(in: 0...60, using: &random) {
            text += vocabulary.randomElement(using: &random)! + (Bool.random(using: &random) ? " " : "")
        }
        return text
    }
}

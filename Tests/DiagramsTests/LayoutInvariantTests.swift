import SeededRandom
import Testing
@testable import Diagrams

/// The layout's promises, checked on seeded random flowcharts: no two nodes overlap, no link passes
/// through a node, labels stay clear of nodes, subgraphs hold their nodes and nothing else, and
/// links of an acyclic chart run in the chart's direction.
@Suite(.timeLimit(.minutes(2))) struct LayoutInvariantTests {
    func layout(_ source: String) throws -> (Flowchart, FlowchartGeometry) {
        var parser = FlowchartParser()
        let chart = try parser.parse(DiagramSource(source))
        var layout = FlowchartLayout(chart: chart)
        return (chart, layout.layout())
    }

    static func overlaps(_ a: Box, _ b: Box, margin: Double = 0.5) -> Bool {
        a.minX < b.maxX - margin && b.minX < a.maxX - margin && a.minY < b.maxY - margin && b.minY < a.maxY - margin
    }

    /// Whether the segment from `p` to `q` enters the box shrunk by `inset` (Liang–Barsky clipping).
    static func segment(_ p: Point, _ q: Point, enters box: Box, inset: Double = 1.5) -> Bool {
        let minX = box.minX + inset
        let maxX = box.maxX - inset
        let minY = box.minY + inset
        let maxY = box.maxY - inset
        guard minX < maxX, minY < maxY else { return false }
        var t0 = 0.0
        var t1 = 1.0
        let dx = q.x - p.x
        let dy = q.y - p.y
        for (pk, qk) in [(-dx, p.x - minX), (dx, maxX - p.x), (-dy, p.y - minY), (dy, maxY - p.y)] {
            if pk == 0 {
                if qk < 0 { return false }
            } else {
                let r = qk / pk
                if pk < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
            }
        }
        return t0 < t1
    }

    /// Whether the segment from `p` to `q` enters the diamond drawn in `box`, shrunk by `inset`.
    static func segment(_ p: Point, _ q: Point, entersDiamond box: Box, inset: Double = 1.5) -> Bool {
        let halfWidth = box.width / 2 - inset
        let halfHeight = box.height / 2 - inset
        guard halfWidth > 0, halfHeight > 0, segment(p, q, enters: box, inset: inset) else { return false }
        let length = ((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)).squareRoot()
        let steps = max(1, Int(length * 2))
        return (0...steps).contains { step in
            let t = Double(step) / Double(steps)
            let x = p.x + (q.x - p.x) * t
            let y = p.y + (q.y - p.y) * t
            return abs(x - box.x) / halfWidth + abs(y - box.y) / halfHeight < 1
        }
    }

    /// The problems found in a laid-out chart, in words.
    static func problems(_ chart: Flowchart, _ geometry: FlowchartGeometry) -> [String] {
        var problems: [String] = []
        let nodes = geometry.nodes
        for a in nodes.indices {
            for b in nodes.indices where a < b && overlaps(nodes[a], nodes[b]) {
                problems.append("nodes \(chart.nodes[a].id) and \(chart.nodes[b].id) overlap")
            }
        }
        for placed in geometry.edges {
            let points = placed.path.sampled(stepsPerCurve: 24)
            for index in 1..<max(1, points.count) {
                for (node, box) in nodes.enumerated()
                where chart.nodes[node].shape == .diamond
                    ? segment(points[index - 1], points[index], entersDiamond: box)
                    : segment(points[index - 1], points[index], enters: box)
                {
                    let edge = chart.edges[placed.edge]
                    problems.append("link \(edge.from)→\(edge.to) passes through node \(chart.nodes[node].id)")
                }
            }
            if let center = placed.label {
                let size = geometry.edgeLabels[placed.edge].size(FlowchartLayout.edgeFontSize)
                let box = Box(x: center.x, y: center.y, width: size.width, height: size.height)
                for (node, nodeBox) in nodes.enumerated() where overlaps(box, nodeBox, margin: 1) {
                    problems.append("label of link \(placed.edge) overlaps node \(chart.nodes[node].id)")
                }
            }
        }
        // Subgraphs hold their nodes and no others.
        func inside(_ node: Int, _ cluster: Int) -> Bool {
            var current = chart.nodes[node].parent
            while let index = current {
                if index == cluster { return true }
                current = chart.subgraphs[index].parent
            }
            return false
        }
        for (cluster, box) in geometry.clusters.enumerated() {
            for node in nodes.indices {
                let nodeBox = nodes[node]
                if inside(node, cluster) {
                    if nodeBox.minX < box.minX - 0.5 || nodeBox.maxX > box.maxX + 0.5 || nodeBox.minY < box.minY - 0.5
                        || nodeBox.maxY > box.maxY + 0.5
                    {
                        problems.append("node \(chart.nodes[node].id) sticks out of subgraph \(chart.subgraphs[cluster].id)")
                    }
                } else if overlaps(nodeBox, box) {
                    problems.append("node \(chart.nodes[node].id) overlaps subgraph \(chart.subgraphs[cluster].id)")
                }
            }
        }
        return problems
    }

    @Test func randomChartsKeepTheInvariants() throws {
        var random = SeededGenerator(seed: 0xD1A6)
        for round in 0..<300 {
            let source = DiagramSamples.flowchart(&random)
            let (chart, geometry) = try layout(source)
            let problems = Self.problems(chart, geometry)
            #expect(problems.isEmpty, "round \(round):\n\(source)\n\(problems.prefix(5).joined(separator: "\n"))")
            if !problems.isEmpty { break }
        }
    }

    @Test func theCheckerSeesOverlapsAndLinksThroughNodes() throws {
        // The checks above must be able to fail: move nodes onto each other and across a link.
        let (chart, geometry) = try layout("flowchart TD\nA --> B --> C\nD")
        var broken = geometry
        broken.nodes[chart.nodeIndex["D"]!] = broken.nodes[chart.nodeIndex["A"]!]
        broken.nodes[chart.nodeIndex["C"]!].y = (geometry.nodes[0].y + geometry.nodes[1].y) / 2
        let problems = Self.problems(chart, broken)
        #expect(problems.contains("nodes A and D overlap"))
        #expect(problems.contains("link A→B passes through node C"))
        #expect(Self.problems(chart, geometry).isEmpty)
    }

    @Test func acyclicLinksRunInTheChartsDirection() throws {
        var random = SeededGenerator(seed: 0xAC1C)
        for round in 0..<150 {
            let direction = ["TB", "BT", "LR", "RL"][round % 4]
            let source = DiagramSamples.flowchart(&random, acyclic: true, subgraphs: false, direction: direction)
            let (chart, geometry) = try layout(source)
            for edge in chart.edges {
                let a = geometry.nodes[chart.nodeIndex[edge.from]!]
                let b = geometry.nodes[chart.nodeIndex[edge.to]!]
                let forward: Bool =
                    switch direction {
                    case "TB": a.y < b.y
                    case "BT": a.y > b.y
                    case "LR": a.x < b.x
                    default: a.x > b.x
                    }
                #expect(forward, "round \(round): \(edge.from)→\(edge.to) runs backwards\n\(source)")
            }
        }
    }

    @Test func longerLinksSpanMoreLayers() throws {
        let (chart, geometry) = try layout("flowchart TD\nA --> B\nA ----> C")
        let a = geometry.nodes[chart.nodeIndex["A"]!]
        let b = geometry.nodes[chart.nodeIndex["B"]!]
        let c = geometry.nodes[chart.nodeIndex["C"]!]
        #expect(c.y > b.y + 40)
        #expect(a.y < b.y)
    }

    @Test func diamondLinksLeaveAlongItsSides() throws {
        for direction in ["TD", "LR"] {
            let (chart, geometry) = try layout("flowchart \(direction)\nC{Let me think} --> D & E & F\nA & B --> C")
            let diamond = geometry.nodes[chart.nodeIndex["C"]!]
            let ends = geometry.edges.map { placed -> Point in
                let points = placed.path.sampled(stepsPerCurve: 24)
                return chart.edges[placed.edge].from == "C" ? points.first! : points.last!
            }
            // Each end is on the diamond's outline, and no two share a point.
            for end in ends {
                let outline = abs(end.x - diamond.x) / (diamond.width / 2) + abs(end.y - diamond.y) / (diamond.height / 2)
                #expect(abs(outline - 1) < 0.02, "\(direction): \(end) is not on the diamond \(diamond)")
            }
            let distinct = Set(ends.map { "\(Int($0.x.rounded())),\(Int($0.y.rounded()))" })
            #expect(distinct.count == 5, "\(direction): \(ends)")
            #expect(Self.problems(chart, geometry).isEmpty)
        }
    }

    @Test func crossingsAreReduced() throws {
        // Drawn in input order, the links from the top row to the bottom row would all cross.
        let (chart, geometry) = try layout("flowchart TD\na1 --> b3\na2 --> b2\na3 --> b1\nb1\nb2\nb3")
        func x(_ id: String) -> Double { geometry.nodes[chart.nodeIndex[id]!].x }
        let top = ["a1", "a2", "a3"].sorted { x($0) < x($1) }
        let bottom = ["b3", "b2", "b1"].sorted { x($0) < x($1) }
        #expect(zip(top, bottom).allSatisfy { pair in chart.edges.contains { $0.from == pair.0 && $0.to == pair.1 } })
    }

    @Test func subgraphDirectionIsKeptOnlyWithoutCrossingLinks() throws {
        let (chart, geometry) = try layout("flowchart LR\nsubgraph s\ndirection TB\na --> b\nend\nsubgraph t\ndirection TB\nc --> d\nend\nx --> c")
        func box(_ id: String) -> Box { geometry.nodes[chart.nodeIndex[id]!] }
        // `s` keeps its own direction (top to bottom); a link enters `t`, so it follows the chart (left to right).
        #expect(box("a").y < box("b").y && abs(box("a").x - box("b").x) < 1)
        #expect(box("c").x < box("d").x)
    }
}

/// A layered (Sugiyama-style) layout of boxes and links. It works in "across" (x) and "along" (y)
/// coordinates, layers stacked along y; callers turn them for other directions.
///
/// Steps: cycles are broken by reversing the links that close them (depth first), layers are assigned
/// by longest path, links longer than one layer get a dummy point in every layer they cross, the order
/// in each layer is improved by barycenter sweeps that keep the ordering with the fewest crossings,
/// and positions across come from repeated pulls toward the neighbours, projected onto the ordering's
/// spacing constraints (an exact isotonic regression). Links run straight along the item's axis
/// inside a layer's band and curve only in the gaps between bands, so they never pass through a box.
struct LayeredLayout {
    /// Where an item must go: anywhere, or in a layer before or after all others (ports of a subgraph).
    enum Pin: Sendable { case none, first, last }

    struct Item: Sendable {
        var across: Double
        var along: Double
        var pin: Pin = .none
        /// How far link ends may spread from the centre across the item's near and far sides.
        var spread: Double = 0
        /// The most room between two spread link ends.
        var spreadStep: Double = 12
        /// For an item that narrows to a point on its near and far sides (a diamond), its half-width across
        /// (0 for others): a link end spread off the centre then starts on the slanted side, nearer the centre.
        var taper: Double = 0
        /// The across offset of the point links attach to, from the item's centre.
        var anchor: Double = 0
    }

    struct Edge: Sendable {
        var from: Int
        var to: Int
        var minLength: Int = 1
        /// The size of the label carried in the middle (across, along), or nil.
        var label: (across: Double, along: Double)?
        /// Across offsets of the ends from the items' anchors (ports of subgraphs).
        var fromOffset: Double = 0
        var toOffset: Double = 0
    }

    struct Output: Sendable {
        var centers: [Point] = []
        /// One path per edge, from its `from` item to its `to` item; empty for self links.
        var routes: [[PathStep]] = []
        var labelCenters: [Point?] = []
        var layers: [Int] = []
        /// Extent across all items, and along the layers that are not pinned.
        var minAcross = 0.0
        var maxAcross = 0.0
        var contentStart = 0.0
        var contentEnd = 0.0
    }

    var items: [Item]
    var edges: [Edge]
    var itemGap = 28.0
    var rankGap = 44.0
    /// Gaps between pinned layers and the content (a subgraph's padding and title).
    var startGap = 16.0
    var endGap = 16.0

    // MARK: Running

    func run() -> Output {
        var output = Output()
        guard !items.isEmpty else { return output }
        let layer = assignLayers()
        output.layers = layer

        // Nodes of the layered graph: the items, then dummies.
        var across = items.map(\.across)
        var along = items.map(\.along)
        var nodeLayer = layer
        var anchors = items.map(\.anchor)
        var isDummy = Array(repeating: false, count: items.count)
        // Per edge: the chain of nodes from its upper end to its lower end, and whether it was reversed.
        var chains: [[Int]] = []
        var reversed: [Bool] = []
        var labelNode: [Int?] = []
        for edge in edges {
            guard edge.from != edge.to, layer[edge.from] != layer[edge.to] else {
                chains.append([])
                reversed.append(false)
                labelNode.append(nil)
                continue
            }
            let flip = layer[edge.from] > layer[edge.to]
            let upper = flip ? edge.to : edge.from
            let lower = flip ? edge.from : edge.to
            var chain = [upper]
            let span = layer[lower] - layer[upper]
            var carried: Int?
            for step in stride(from: 1, to: span, by: 1) {
                let middle = step == span / 2
                let label = middle ? edge.label : nil
                across.append(label?.across ?? 0)
                along.append(label.map { $0.along + 6 } ?? 0)
                anchors.append(0)
                nodeLayer.append(layer[upper] + step)
                isDummy.append(true)
                if label != nil { carried = across.count - 1 }
                chain.append(across.count - 1)
            }
            chain.append(lower)
            chains.append(chain)
            reversed.append(flip)
            labelNode.append(carried)
        }
        let count = across.count
        let layerCount = (nodeLayer.max() ?? 0) + 1
        var up = Array(repeating: [Int](), count: count)
        var down = Array(repeating: [Int](), count: count)
        for chain in chains where chain.count > 1 {
            for index in 1..<chain.count {
                down[chain[index - 1]].append(chain[index])
                up[chain[index]].append(chain[index - 1])
            }
        }

        let order = orderLayers(nodeLayer: nodeLayer, layerCount: layerCount, up: up, down: down)
        var x = positionAcross(order: order, across: across, anchors: anchors, isDummy: isDummy, up: up, down: down)
        straighten(chains: chains, order: order, nodeLayer: nodeLayer, across: across, isDummy: isDummy, x: &x)

        // Along: bands of layer thickness, separated by the rank gap (pinned layers by the start and end gaps).
        var thickness = Array(repeating: 0.0, count: layerCount)
        for node in 0..<count { thickness[nodeLayer[node]] = max(thickness[nodeLayer[node]], along[node]) }
        let hasFirstPins = items.contains { $0.pin == .first }
        let hasLastPins = items.contains { $0.pin == .last }
        var center = Array(repeating: 0.0, count: layerCount)
        var position = 0.0
        for index in 0..<layerCount {
            if index > 0 {
                var gap = rankGap
                if index == 1, hasFirstPins { gap = startGap }
                if index == layerCount - 1, hasLastPins { gap = endGap }
                position += thickness[index - 1] / 2 + gap + thickness[index] / 2
            } else {
                position = thickness[0] / 2
            }
            center[index] = position
        }
        let firstContent = hasFirstPins ? min(1, layerCount - 1) : 0
        let lastContent = hasLastPins ? max(firstContent, layerCount - 2) : layerCount - 1
        output.contentStart = center[firstContent] - thickness[firstContent] / 2
        output.contentEnd = center[lastContent] + thickness[lastContent] / 2

        output.centers = (0..<items.count).map { Point(x: x[$0], y: center[nodeLayer[$0]]) }
        output.minAcross = (0..<count).map { x[$0] - across[$0] / 2 }.min() ?? 0
        output.maxAcross = (0..<count).map { x[$0] + across[$0] / 2 }.max() ?? 0

        // Spread the ends of links leaving or entering the same side of an item.
        var endOffset: [Int: Double] = [:]  // key: edge * 2 + (0 upper end, 1 lower end)
        for item in 0..<items.count where items[item].spread > 0 {
            for side in 0..<2 {
                var ends: [(edge: Int, neighbour: Double)] = []
                for (index, chain) in chains.enumerated() where chain.count > 1 {
                    if side == 0, chain.last == item { ends.append((index, x[chain[chain.count - 2]])) }
                    if side == 1, chain.first == item { ends.append((index, x[chain[1]])) }
                }
                guard ends.count > 1 else { continue }
                ends.sort { $0.neighbour < $1.neighbour }
                let step = min(items[item].spreadStep, 2 * items[item].spread / Double(ends.count - 1))
                for (rank, end) in ends.enumerated() {
                    let offset = (Double(rank) - Double(ends.count - 1) / 2) * step
                    endOffset[end.edge * 2 + (side == 0 ? 1 : 0)] = offset
                }
            }
        }

        for (index, edge) in edges.enumerated() {
            let chain = chains[index]
            guard chain.count > 1 else {
                output.routes.append([])
                output.labelCenters.append(nil)
                continue
            }
            let flip = reversed[index]
            let upperOffset = (flip ? edge.toOffset : edge.fromOffset) + (endOffset[index * 2] ?? 0)
            let lowerOffset = (flip ? edge.fromOffset : edge.toOffset) + (endOffset[index * 2 + 1] ?? 0)
            // How far in from the flat extent a spread end starts on a pointed item's slanted side.
            func inset(_ item: Int, _ offset: Double) -> Double {
                guard items[item].taper > 0 else { return 0 }
                return along[item] / 2 * min(1, abs(offset) / items[item].taper)
            }
            var steps: [PathStep] = []
            for (position, node) in chain.enumerated() {
                var nodeX = x[node] + anchors[node]
                if position == 0 { nodeX += upperOffset }
                if position == chain.count - 1 { nodeX += lowerOffset }
                let layerIndex = nodeLayer[node]
                let bandStart = center[layerIndex] - thickness[layerIndex] / 2
                let bandEnd = center[layerIndex] + thickness[layerIndex] / 2
                let top = Point(x: nodeX, y: position == 0 ? center[layerIndex] + along[node] / 2 - inset(node, upperOffset) : bandStart)
                let bottom = Point(
                    x: nodeX, y: position == chain.count - 1 ? center[layerIndex] - along[node] / 2 + inset(node, lowerOffset) : bandEnd)
                if position == 0 {
                    steps.append(.move(top))
                    if bandEnd > top.y { steps.append(.line(Point(x: nodeX, y: bandEnd))) }
                    continue
                }
                let from = steps.last!.end
                let entry = Point(x: nodeX, y: bandStart)
                let middle = (from.y + entry.y) / 2
                if abs(from.x - entry.x) < 0.01 {
                    steps.append(.line(entry))
                } else {
                    steps.append(.curve(Point(x: from.x, y: middle), Point(x: entry.x, y: middle), entry))
                }
                let end = position == chain.count - 1 ? bottom.y : bandEnd
                if end > entry.y { steps.append(.line(Point(x: nodeX, y: end))) }
            }
            output.routes.append(flip ? steps.reversedPath() : steps)
            output.labelCenters.append(
                labelNode[index].map { Point(x: x[$0], y: center[nodeLayer[$0]]) }
                    ?? (edge.label != nil ? Self.middle(of: steps) : nil))
        }
        return output
    }

    /// The point halfway along a path's sampled points.
    static func middle(of steps: [PathStep]) -> Point? {
        let points = steps.sampled()
        guard !points.isEmpty else { return nil }
        return points[points.count / 2]
    }

    // MARK: Layers

    /// Layers by longest path after breaking cycles; sources are then pulled down next to their
    /// successors, and pinned items go before or after everything.
    func assignLayers() -> [Int] {
        let count = items.count
        var outgoing = Array(repeating: [(Int, Int)](), count: count)
        for edge in edges where edge.from != edge.to && items[edge.from].pin == .none && items[edge.to].pin == .none {
            outgoing[edge.from].append((edge.to, max(1, edge.minLength)))
        }
        // Depth-first search; a link to a node on the stack closes a cycle and is reversed.
        var state = Array(repeating: 0, count: count)  // 0 new, 1 on stack, 2 done
        var dag = Array(repeating: [(Int, Int)](), count: count)
        for root in 0..<count where state[root] == 0 && items[root].pin == .none {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let top = stack.last {
                if top.next < outgoing[top.node].count {
                    stack[stack.count - 1].next += 1
                    let (target, length) = outgoing[top.node][top.next]
                    switch state[target] {
                    case 0:
                        dag[top.node].append((target, length))
                        state[target] = 1
                        stack.append((target, 0))
                    case 1:
                        dag[target].append((top.node, length))
                    default:
                        dag[top.node].append((target, length))
                    }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                }
            }
        }
        var indegree = Array(repeating: 0, count: count)
        var incoming = Array(repeating: [(Int, Int)](), count: count)
        for node in 0..<count {
            for (target, length) in dag[node] {
                indegree[target] += 1
                incoming[target].append((node, length))
            }
        }
        var topological: [Int] = []
        var queue = (0..<count).filter { indegree[$0] == 0 && items[$0].pin == .none }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            topological.append(node)
            for (target, _) in dag[node] {
                indegree[target] -= 1
                if indegree[target] == 0 { queue.append(target) }
            }
        }
        var layer = Array(repeating: 0, count: count)
        for node in topological {
            for (source, length) in incoming[node] { layer[node] = max(layer[node], layer[source] + length) }
        }
        for node in topological.reversed() where incoming[node].isEmpty && !dag[node].isEmpty {
            layer[node] = dag[node].map { layer[$0.0] - $0.1 }.min() ?? layer[node]
        }
        let free = (0..<count).filter { items[$0].pin == .none }
        let lowest = free.map { layer[$0] }.min() ?? 0
        let shift = items.contains { $0.pin == .first } ? 1 : 0
        for node in free { layer[node] += shift - lowest }
        let highest = free.map { layer[$0] }.max() ?? (shift - 1)
        for node in 0..<count {
            switch items[node].pin {
            case .first: layer[node] = 0
            case .last: layer[node] = highest + 1
            case .none: break
            }
        }
        return layer
    }

    // MARK: Order

    /// The order of nodes in each layer: barycenter sweeps down and up, keeping the best seen.
    func orderLayers(nodeLayer: [Int], layerCount: Int, up: [[Int]], down: [[Int]]) -> [[Int]] {
        var order = Array(repeating: [Int](), count: layerCount)
        for node in 0..<nodeLayer.count { order[nodeLayer[node]].append(node) }
        var position = Array(repeating: 0.0, count: nodeLayer.count)
        func index(_ layers: [[Int]]) {
            for layer in layers { for (rank, node) in layer.enumerated() { position[node] = Double(rank) } }
        }
        index(order)
        func sweep(downward: Bool) {
            let range = downward ? Array(1..<max(1, layerCount)) : Array((0..<max(0, layerCount - 1)).reversed())
            for layerIndex in range {
                let keys = order[layerIndex].map { node -> (Int, Double) in
                    let neighbours = downward ? up[node] : down[node]
                    guard !neighbours.isEmpty else { return (node, position[node]) }
                    return (node, neighbours.reduce(0.0) { $0 + position[$1] } / Double(neighbours.count))
                }
                order[layerIndex] = keys.enumerated().sorted {
                    $0.element.1 != $1.element.1 ? $0.element.1 < $1.element.1 : $0.offset < $1.offset
                }.map(\.element.0)
                for (rank, node) in order[layerIndex].enumerated() { position[node] = Double(rank) }
            }
        }
        var best = order
        var bestCrossings = crossings(order, down: down, position: position)
        let edgeCount = down.reduce(0) { $0 + $1.count }
        let rounds = edgeCount > 2_000 ? 2 : 8
        for round in 0..<rounds {
            sweep(downward: round % 2 == 0)
            let count = crossings(order, down: down, position: position)
            if count < bestCrossings {
                best = order
                bestCrossings = count
            }
            if bestCrossings == 0 { break }
        }
        return best
    }

    /// The number of link crossings between adjacent layers.
    func crossings(_ order: [[Int]], down: [[Int]], position: [Double]) -> Int {
        var total = 0
        for layer in order {
            var pairs: [(Double, Double)] = []
            for node in layer { for target in down[node] { pairs.append((position[node], position[target])) } }
            guard pairs.count > 1 else { continue }
            pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            for first in 0..<pairs.count {
                for second in (first + 1)..<pairs.count where pairs[second].0 > pairs[first].0 && pairs[second].1 < pairs[first].1 {
                    total += 1
                }
            }
        }
        return total
    }

    // MARK: Positions across

    /// Centres across: each layer pulled toward its neighbours' positions, then projected onto the
    /// spacing its order requires.
    func positionAcross(
        order: [[Int]], across: [Double], anchors: [Double], isDummy: [Bool], up: [[Int]],
        down: [[Int]]
    ) -> [Double] {
        var x = Array(repeating: 0.0, count: across.count)
        var separations: [[Double]] = []
        for layer in order {
            var cursor = 0.0
            var gaps: [Double] = []
            for (rank, node) in layer.enumerated() {
                if rank > 0 {
                    let previous = layer[rank - 1]
                    let gap = isDummy[node] || isDummy[previous] ? itemGap / 2 : itemGap
                    let separation = (across[previous] + across[node]) / 2 + gap
                    gaps.append(separation)
                    cursor += separation
                }
                x[node] = cursor
            }
            separations.append(gaps)
        }
        func pull(_ neighbours: [[Int]], layers: [Int]) {
            for layerIndex in layers {
                let layer = order[layerIndex]
                guard !layer.isEmpty else { continue }
                var desired: [Double] = []
                var weights: [Double] = []
                for node in layer {
                    let others = neighbours[node]
                    if others.isEmpty {
                        desired.append(x[node])
                        weights.append(0.2)
                    } else {
                        let targets = others.map { x[$0] + anchors[$0] - anchors[node] }.sorted()
                        let median =
                            targets.count % 2 == 1
                            ? targets[targets.count / 2]
                            : (targets[targets.count / 2 - 1] + targets[targets.count / 2]) / 2
                        desired.append(median)
                        weights.append(isDummy[node] ? 2 : 1)
                    }
                }
                let placed = Self.project(desired, separations: separations[layerIndex], weights: weights)
                for (rank, node) in layer.enumerated() { x[node] = placed[rank] }
            }
        }
        let forward = Array(0..<order.count)
        let backward = Array(forward.reversed())
        var both = up
        for node in 0..<both.count { both[node] += down[node] }
        for _ in 0..<4 {
            pull(up, layers: forward)
            pull(down, layers: backward)
        }
        pull(both, layers: forward)
        let minimum = (0..<x.count).map { x[$0] - across[$0] / 2 }.min() ?? 0
        return x.map { $0 - minimum }
    }

    /// Puts the dummies of each long link on one vertical line where the neighbours leave room:
    /// in line with an end of the link if possible, else at their median.
    func straighten(chains: [[Int]], order: [[Int]], nodeLayer: [Int], across: [Double], isDummy: [Bool], x: inout [Double]) {
        var rank = Array(repeating: 0, count: x.count)
        for layer in order { for (index, node) in layer.enumerated() { rank[node] = index } }
        func fits(_ node: Int, at value: Double) -> Bool {
            let layer = order[nodeLayer[node]]
            let index = rank[node]
            if index > 0 {
                let left = layer[index - 1]
                let gap = isDummy[left] ? itemGap / 2 : itemGap
                if x[left] + across[left] / 2 + gap > value - across[node] / 2 + 0.01 { return false }
            }
            if index + 1 < layer.count {
                let right = layer[index + 1]
                let gap = isDummy[right] ? itemGap / 2 : itemGap
                if value + across[node] / 2 + gap > x[right] - across[right] / 2 + 0.01 { return false }
            }
            return true
        }
        for chain in chains where chain.count > 2 {
            let dummies = Array(chain[1..<(chain.count - 1)])
            let sorted = dummies.map { x[$0] }.sorted()
            for candidate in [x[chain.first!], x[chain.last!], sorted[sorted.count / 2], sorted.last!, sorted.first!]
            where dummies.allSatisfy({ fits($0, at: candidate) }) {
                for dummy in dummies { x[dummy] = candidate }
                break
            }
        }
    }

    /// The positions closest (weighted least squares) to `desired` that keep consecutive positions at
    /// least `separations` apart: pool-adjacent-violators on the positions minus their cumulative spacing.
    static func project(_ desired: [Double], separations: [Double], weights: [Double]) -> [Double] {
        var offsets = [0.0]
        for separation in separations { offsets.append(offsets.last! + separation) }
        var blocks: [(sum: Double, weight: Double, count: Int)] = []
        for index in 0..<desired.count {
            let weight = max(weights[index], 1e-6)
            blocks.append(((desired[index] - offsets[index]) * weight, weight, 1))
            while blocks.count > 1 {
                let last = blocks[blocks.count - 1]
                let previous = blocks[blocks.count - 2]
                guard previous.sum / previous.weight > last.sum / last.weight else { break }
                blocks.removeLast(2)
                blocks.append((previous.sum + last.sum, previous.weight + last.weight, previous.count + last.count))
            }
        }
        var result: [Double] = []
        for block in blocks {
            let value = block.sum / block.weight
            for _ in 0..<block.count { result.append(value + offsets[result.count]) }
        }
        return result
    }
}

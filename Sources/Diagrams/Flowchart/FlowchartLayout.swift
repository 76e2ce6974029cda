/// Where everything of a flowchart goes, in SVG user units of the whole drawing.
struct FlowchartGeometry: Sendable {
    struct PlacedEdge: Sendable {
        var edge: Int
        var path: [PathStep]
        var label: Point?
    }

    var nodes: [Box] = []
    var labelSizes: [(width: Double, height: Double)] = []
    var nodeLabels: [Label] = []
    var clusters: [Box] = []
    var clusterTitles: [Label] = []
    var edges: [PlacedEdge] = []
    var edgeLabels: [Label] = []
    var width = 0.0
    var height = 0.0
}

/// Lays out a flowchart: each subgraph is laid out on its own (in its own direction when no link
/// crosses its border, as Mermaid does) and becomes one box of its parent's layout. A link that
/// crosses a border passes through a port on the subgraph's edge, so every piece of it is routed by
/// the layout it lies in and no piece crosses a node.
struct FlowchartLayout {
    static let fontSize = 14.0
    static let edgeFontSize = 13.0
    static let wrapWidth = 200.0
    static let padding = 14.0
    static let margin = 8.0

    let chart: Flowchart
    private(set) var warnings: [DiagramDiagnostic] = []

    init(chart: Flowchart) { self.chart = chart }

    private enum Ref: Hashable {
        case node(Int)
        case cluster(Int)
    }

    private struct Port {
        var edge: Int
        var pin: LayeredLayout.Pin
        /// True on the link's source side (the link leaves through the port).
        var outgoing: Bool
        var inner: Ref
    }

    private struct ScopeResult {
        var size = (width: 0.0, height: 0.0)
        var itemCenters: [Ref: Point] = [:]
        var portPoints: [Int: Point] = [:]  // by edge: local point of the port, on the box edge (side-dependent)
        var portOutgoing: [Int: [PathStep]] = [:]
        var portIncoming: [Int: [PathStep]] = [:]
        var routes: [Int: [PathStep]] = [:]
        var labels: [Int: Point] = [:]
    }

    mutating func layout() -> FlowchartGeometry {
        let clusterCount = chart.subgraphs.count
        let root = clusterCount
        func parent(_ ref: Ref) -> Int {
            switch ref {
            case .node(let index): chart.nodes[index].parent ?? root
            case .cluster(let index): chart.subgraphs[index].parent ?? root
            }
        }
        func chain(_ ref: Ref) -> [Int] {
            var result = [parent(ref)]
            while result.last! != root { result.append(chart.subgraphs[result.last!].parent ?? root) }
            return result
        }
        func item(_ ref: Ref, in scope: Int) -> Ref {
            var current = ref
            while parent(current) != scope { current = .cluster(parent(current)) }
            return current
        }
        func ref(_ id: String) -> Ref? {
            if let node = chart.nodeIndex[id] { return .node(node) }
            if let cluster = chart.subgraphIndex[id] { return .cluster(cluster) }
            return nil
        }

        // Each edge's ends and the scope that holds it.
        var ends: [(from: Ref, to: Ref, scope: Int)?] = []
        for edge in chart.edges {
            guard let from = ref(edge.from), let to = ref(edge.to) else {
                ends.append(nil)
                continue
            }
            let fromChain = chain(from)
            let toChain = Set(chain(to))
            let scope = fromChain.first { toChain.contains($0) } ?? root
            if case .cluster(let c) = to, chain(from).contains(c) {
                ends.append(nil)
                invalid(edge)
                continue
            }
            if case .cluster(let c) = from, chain(to).contains(c) {
                ends.append(nil)
                invalid(edge)
                continue
            }
            if from == to, case .cluster = from {
                ends.append(nil)
                invalid(edge)
                continue
            }
            ends.append((from, to, scope))
        }

        // Scopes from the top down, children and direction.
        var order = [root]
        var head = 0
        var childClusters = Array(repeating: [Int](), count: clusterCount + 1)
        var childNodes = Array(repeating: [Int](), count: clusterCount + 1)
        for (index, node) in chart.nodes.enumerated() { childNodes[node.parent ?? root].append(index) }
        for (index, subgraph) in chart.subgraphs.enumerated() { childClusters[subgraph.parent ?? root].append(index) }
        while head < order.count {
            order += childClusters[order[head]]
            head += 1
        }
        var ports = Array(repeating: [Port](), count: clusterCount + 1)
        var direction = Array(repeating: chart.direction, count: clusterCount + 1)

        // Phase 1, top down: layers of each scope decide which side of each subgraph its links cross.
        var graphs: [Int: (items: [Ref?], layout: LayeredLayout, edgeOf: [Int?])] = [:]
        for scope in order {
            if scope != root {
                let own = chart.subgraphs[scope]
                let inherited = direction[own.parent ?? root]
                direction[scope] = ports[scope].isEmpty ? (own.direction ?? inherited) : inherited
            }
            var refs: [Ref?] = childNodes[scope].map { .node($0) } + childClusters[scope].map { .cluster($0) }
            var index: [Ref: Int] = [:]
            for (position, ref) in refs.enumerated() { index[ref!] = position }
            var layout = LayeredLayout(items: refs.map { _ in LayeredLayout.Item(across: 0, along: 0) }, edges: [])
            var edgeOf: [Int?] = []
            for port in ports[scope] {
                refs.append(nil)
                layout.items.append(LayeredLayout.Item(across: 0, along: 0, pin: port.pin))
                let portItem = layout.items.count - 1
                let inner = index[item(port.inner, in: scope)]!
                layout.edges.append(port.outgoing ? LayeredLayout.Edge(from: inner, to: portItem) : LayeredLayout.Edge(from: portItem, to: inner))
                edgeOf.append(nil)
            }
            for (edgeIndex, end) in ends.enumerated() {
                guard let end, end.scope == scope else { continue }
                let edge = chart.edges[edgeIndex]
                let a = index[item(end.from, in: scope)]!
                let b = index[item(end.to, in: scope)]!
                layout.edges.append(LayeredLayout.Edge(from: a, to: b, minLength: max(edge.length, edge.label.isEmpty ? 1 : 2)))
                edgeOf.append(edgeIndex)
            }
            let layers = layout.assignLayers()
            for (position, edgeIndex) in edgeOf.enumerated() {
                guard let edgeIndex, let end = ends[edgeIndex] else { continue }
                let layoutEdge = layout.edges[position]
                guard layoutEdge.from != layoutEdge.to else { continue }
                let forward = layers[layoutEdge.from] < layers[layoutEdge.to]
                // Source side: every subgraph between the source and this scope gets an outgoing port.
                var current = end.from
                while parent(current) != scope {
                    let cluster = parent(current)
                    ports[cluster].append(Port(edge: edgeIndex, pin: forward ? .last : .first, outgoing: true, inner: end.from))
                    current = .cluster(cluster)
                }
                current = end.to
                while parent(current) != scope {
                    let cluster = parent(current)
                    ports[cluster].append(Port(edge: edgeIndex, pin: forward ? .first : .last, outgoing: false, inner: end.to))
                    current = .cluster(cluster)
                }
            }
            graphs[scope] = (refs, layout, edgeOf)
        }
        // Subgraphs whose ports were found after their own direction was set: ports force the parent's direction.
        for scope in order where scope != root && !ports[scope].isEmpty {
            direction[scope] = direction[chart.subgraphs[scope].parent ?? root]
        }

        // Phase 2, bottom up: sizes and positions inside each scope.
        var geometry = FlowchartGeometry()
        geometry.nodeLabels = chart.nodes.map { $0.label.wrapped(to: Self.wrapWidth, size: Self.fontSize) }
        geometry.labelSizes = geometry.nodeLabels.map { $0.size(Self.fontSize) }
        geometry.edgeLabels = chart.edges.map { $0.label.wrapped(to: Self.wrapWidth, size: Self.edgeFontSize) }
        geometry.clusterTitles = chart.subgraphs.map { $0.title.wrapped(to: Self.wrapWidth * 1.5, size: Self.fontSize) }
        let nodeSizes: [(width: Double, height: Double)] = chart.nodes.enumerated().map { index, node in
            if let compartments = node.compartments { return ClassBox.size(header: geometry.labelSizes[index], compartments: compartments) }
            let label: (width: Double, height: Double) = node.shape.showsLabel ? geometry.labelSizes[index] : (0, 0)
            return node.shape.size(labelWidth: label.width, labelHeight: label.height)
        }
        var results = Array(repeating: ScopeResult(), count: clusterCount + 1)
        var selfLoops: [Int: [Int]] = [:]  // node → edges
        for (edgeIndex, end) in ends.enumerated() {
            if let end, end.from == end.to, case .node(let node) = end.from { selfLoops[node, default: []].append(edgeIndex) }
        }
        for scope in order.reversed() {
            guard let graph = graphs[scope] else { continue }
            let flow = direction[scope]
            let horizontal = flow.isHorizontal
            var layout = graph.layout
            let titleHeight: Double =
                scope == root || geometry.clusterTitles[scope].isEmpty
                ? 0
                : geometry.clusterTitles[scope].size(Self.fontSize).height + 6
            let pad = scope == root ? Self.margin : Self.padding
            var portIndex = 0
            for (position, ref) in graph.items.enumerated() {
                var size = (width: 0.0, height: 0.0)
                switch ref {
                case .node(let node)?:
                    size = nodeSizes[node]
                case .cluster(let cluster)?:
                    size = results[cluster].size
                case nil:
                    portIndex += 1
                }
                layout.items[position].across = horizontal ? size.height : size.width
                layout.items[position].along = horizontal ? size.width : size.height
                if case .node(let node)? = ref {
                    if chart.nodes[node].shape.hasFlatSides {
                        // Class boxes spread their links wider, so inheritance triangles stand apart.
                        let isClass = chart.nodes[node].compartments != nil
                        layout.items[position].spread = layout.items[position].across * (isClass ? 0.42 : 0.3)
                        if isClass { layout.items[position].spreadStep = 36 }
                    } else if chart.nodes[node].shape == .diamond {
                        // A diamond's links leave along its slanted sides, not all from its corner.
                        layout.items[position].spread = layout.items[position].across * 0.3
                        layout.items[position].spreadStep = layout.items[position].across * 0.25
                        layout.items[position].taper = layout.items[position].across / 2
                    }
                    if let loops = selfLoops[node] {
                        let labels = loops.map { geometry.edgeLabels[$0].size(Self.edgeFontSize) }
                        let reserve = 34 + (labels.map { horizontal ? $0.height : $0.width }.max() ?? 0)
                        layout.items[position].across += reserve
                        layout.items[position].anchor = -reserve / 2
                    }
                }
            }
            var portCount = 0
            for (position, edgeIndex) in graph.edgeOf.enumerated() {
                if edgeIndex == nil {
                    // A port's link attaches to the inner subgraph's own port for the same link.
                    let port = ports[scope][portCount]
                    portCount += 1
                    if case .cluster(let c) = item(port.inner, in: scope), let point = results[c].portPoints[port.edge] {
                        let offset = horizontal ? point.y - results[c].size.height / 2 : point.x - results[c].size.width / 2
                        if port.outgoing { layout.edges[position].fromOffset = offset } else { layout.edges[position].toOffset = offset }
                    }
                }
                if let edgeIndex {
                    let label = geometry.edgeLabels[edgeIndex]
                    if !label.isEmpty {
                        let size = label.size(Self.edgeFontSize)
                        layout.edges[position].label = horizontal ? (size.height + 8, size.width + 8) : (size.width + 8, size.height + 4)
                    }
                    guard let end = ends[edgeIndex] else { continue }
                    // Links into a subgraph attach at its port for that link.
                    let from = item(end.from, in: scope)
                    let to = item(end.to, in: scope)
                    if case .cluster(let c) = from, from != end.from, let point = results[c].portPoints[edgeIndex] {
                        layout.edges[position].fromOffset = horizontal ? point.y - results[c].size.height / 2 : point.x - results[c].size.width / 2
                    }
                    if case .cluster(let c) = to, to != end.to, let point = results[c].portPoints[edgeIndex] {
                        layout.edges[position].toOffset = horizontal ? point.y - results[c].size.height / 2 : point.x - results[c].size.width / 2
                    }
                }
            }
            let titleAlong = horizontal ? 0 : titleHeight
            layout.startGap = pad + (flow == .topToBottom ? titleAlong : 0)
            layout.endGap = pad + (flow == .bottomToTop ? titleAlong : 0)
            if !ports[scope].isEmpty, horizontal {
                layout.startGap = max(layout.startGap, 24)
                layout.endGap = max(layout.endGap, 24)
            }
            let output = layout.run()
            var alongMin = output.contentStart - layout.startGap
            var alongMax = output.contentEnd + layout.endGap
            var acrossMin = output.minAcross - pad - (horizontal ? titleHeight : 0)
            var acrossMax = output.maxAcross + pad
            if output.centers.isEmpty {
                acrossMin = 0
                acrossMax = 2 * pad
                alongMin = 0
                alongMax = 2 * pad + titleHeight
            }
            // Room for the title.
            if scope != root {
                let needed = geometry.clusterTitles[scope].size(Self.fontSize).width + 2 * pad
                if horizontal, alongMax - alongMin < needed {
                    let extra = (needed - (alongMax - alongMin)) / 2
                    alongMin -= extra
                    alongMax += extra
                } else if !horizontal, acrossMax - acrossMin < needed {
                    let extra = (needed - (acrossMax - acrossMin)) / 2
                    acrossMin -= extra
                    acrossMax += extra
                }
            }
            func place(_ point: Point) -> Point {
                let along = flow.isReversed ? alongMax - point.y : point.y - alongMin
                let across = point.x - acrossMin
                return horizontal ? Point(x: along, y: across) : Point(x: across, y: along)
            }
            var result = ScopeResult()
            result.size = horizontal ? (alongMax - alongMin, acrossMax - acrossMin) : (acrossMax - acrossMin, alongMax - alongMin)
            for (position, ref) in graph.items.enumerated() {
                guard let ref else { continue }
                var center = output.centers[position]
                center.x += layout.items[position].anchor
                result.itemCenters[ref] = place(center)
            }
            portIndex = 0
            for (position, edgeIndex) in graph.edgeOf.enumerated() {
                var route = output.routes[position]
                if let edgeIndex {
                    result.routes[edgeIndex] = route.map { $0.mapped(place) }
                    if let label = output.labelCenters[position] { result.labels[edgeIndex] = place(label) }
                    continue
                }
                // A port's link: stretch it to the box edge, which the title may have moved.
                let port = ports[scope][portIndex]
                portIndex += 1
                let edgeAlong = port.pin == .first ? alongMin : alongMax
                if port.outgoing, let last = route.last?.end, abs(last.y - edgeAlong) > 0.01 {
                    route.append(.line(Point(x: last.x, y: edgeAlong)))
                } else if !port.outgoing, case .move(let first)? = route.first, abs(first.y - edgeAlong) > 0.01 {
                    route[0] = .line(first)
                    route.insert(.move(Point(x: first.x, y: edgeAlong)), at: 0)
                }
                let placed = route.map { $0.mapped(place) }
                if port.outgoing {
                    result.portOutgoing[port.edge] = placed
                    if let end = placed.last?.end { result.portPoints[port.edge] = end }
                } else {
                    result.portIncoming[port.edge] = placed
                    if let start = placed.first?.end { result.portPoints[port.edge] = start }
                }
            }
            results[scope] = result
        }

        // Phase 3, top down: absolute positions.
        var origin = Array(repeating: Point(x: 0, y: 0), count: clusterCount + 1)
        geometry.nodes = Array(repeating: Box(x: 0, y: 0, width: 0, height: 0), count: chart.nodes.count)
        geometry.clusters = Array(repeating: Box(x: 0, y: 0, width: 0, height: 0), count: clusterCount)
        for scope in order {
            for (ref, center) in results[scope].itemCenters {
                let absolute = Point(x: origin[scope].x + center.x, y: origin[scope].y + center.y)
                switch ref {
                case .node(let node):
                    geometry.nodes[node] = Box(x: absolute.x, y: absolute.y, width: nodeSizes[node].width, height: nodeSizes[node].height)
                case .cluster(let cluster):
                    let size = results[cluster].size
                    geometry.clusters[cluster] = Box(x: absolute.x, y: absolute.y, width: size.width, height: size.height)
                    origin[cluster] = Point(x: absolute.x - size.width / 2, y: absolute.y - size.height / 2)
                }
            }
        }
        geometry.width = results[root].size.width
        geometry.height = results[root].size.height

        // Edges: the pieces inside subgraphs joined to the piece in the scope that holds the link.
        for (edgeIndex, end) in ends.enumerated() {
            guard let end else { continue }
            func shifted(_ steps: [PathStep], _ scope: Int) -> [PathStep] {
                steps.map { $0.mapped { Point(x: $0.x + origin[scope].x, y: $0.y + origin[scope].y) } }
            }
            if end.from == end.to, case .node(let node) = end.from {
                let loop = Self.selfLoop(
                    around: geometry.nodes[node], horizontal: direction[end.scope].isHorizontal,
                    label: geometry.edgeLabels[edgeIndex], index: selfLoops[node]?.firstIndex(of: edgeIndex) ?? 0)
                geometry.edges.append(.init(edge: edgeIndex, path: loop.path, label: loop.label))
                continue
            }
            var pieces: [[PathStep]] = []
            var current = end.from
            while parent(current) != end.scope {
                let cluster = parent(current)
                pieces.append(shifted(results[cluster].portOutgoing[edgeIndex] ?? [], cluster))
                current = .cluster(cluster)
            }
            pieces.append(shifted(results[end.scope].routes[edgeIndex] ?? [], end.scope))
            var inward: [[PathStep]] = []
            current = end.to
            while parent(current) != end.scope {
                let cluster = parent(current)
                inward.append(shifted(results[cluster].portIncoming[edgeIndex] ?? [], cluster))
                current = .cluster(cluster)
            }
            pieces += inward.reversed()
            var path: [PathStep] = []
            for piece in pieces where !piece.isEmpty {
                if path.isEmpty {
                    path = piece
                    continue
                }
                if case .move(let start) = piece[0], let last = path.last?.end,
                    abs(start.x - last.x) > 0.5 || abs(start.y - last.y) > 0.5
                {
                    path.append(.line(start))
                }
                path += piece.dropFirst()
            }
            let label = results[end.scope].labels[edgeIndex].map { Point(x: $0.x + origin[end.scope].x, y: $0.y + origin[end.scope].y) }
            geometry.edges.append(.init(edge: edgeIndex, path: path, label: label))
        }
        return geometry
    }

    private mutating func invalid(_ edge: FlowEdge) {
        warnings.append(
            DiagramDiagnostic(
                line: edge.sourceLine, column: 1,
                message: "the link from `\(edge.from)` to `\(edge.to)` joins a subgraph to something inside it; it is left out",
                severity: .warning))
    }

    /// A loop from a node back to itself, beside the node (right of it, or below it in LR and RL charts).
    static func selfLoop(around box: Box, horizontal: Bool, label: Label, index: Int) -> (path: [PathStep], label: Point?) {
        let reach = 26.0 + Double(index) * 8
        let labelSize = label.size(edgeFontSize)
        if horizontal {
            let start = Point(x: box.x - box.width / 4, y: box.maxY)
            let end = Point(x: box.x + box.width / 4, y: box.maxY)
            let path: [PathStep] = [.move(start), .curve(Point(x: start.x - 6, y: box.maxY + reach), Point(x: end.x + 6, y: box.maxY + reach), end)]
            return (path, label.isEmpty ? nil : Point(x: box.x, y: box.maxY + reach + labelSize.height / 2))
        }
        let start = Point(x: box.maxX, y: box.y - box.height / 4)
        let end = Point(x: box.maxX, y: box.y + box.height / 4)
        let path: [PathStep] = [.move(start), .curve(Point(x: box.maxX + reach, y: start.y - 6), Point(x: box.maxX + reach, y: end.y + 6), end)]
        return (path, label.isEmpty ? nil : Point(x: box.maxX + reach + labelSize.width / 2 + 2, y: box.y))
    }
}

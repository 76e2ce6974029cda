import Yams

/// A cap on YAML alias expansion ("billion laughs"): a 433-byte document of nested aliases
/// composes quickly (Yams shares the aliased nodes) but expands to billions of nodes when walked
/// or decoded (2.2 s and 730 MB for the chart spec of issue 15, far more for a larger one).
///
/// ``check(_:limit:)`` counts the nodes the document would have with every alias expanded,
/// remembering the size of each anchored node so the count itself stays linear, and stops as soon
/// as the count passes the limit. Run it on the composed `Node` before walking or decoding it.
public enum YAMLAliasBudget {
    /// The default limit on expanded nodes (one million).
    public static let defaultLimit = 1_000_000

    /// The limit for a document of `byteCount` bytes: ``defaultLimit``, or twice the size for a
    /// larger document, so that no document without aliases (at most about a node per byte) is refused.
    public static func limit(forByteCount byteCount: Int) -> Int { max(defaultLimit, 2 * byteCount) }

    /// Deepest nesting followed; deeper documents are refused rather than recursed into.
    public static let maximumDepth = 1_000

    /// Aliases expanding past the limit.
    public struct ExpansionError: Error, Equatable, Sendable, CustomStringConvertible {
        /// The limit that was passed.
        public var limit: Int
        /// The line of the alias (or node) being expanded when the count passed the limit.
        public var line: Int?
        /// A sentence for the author.
        public var description: String {
            "YAML aliases expand to more than \(limit) nodes; the document is refused (an \"alias bomb\"?)"
        }
    }

    /// Throws ``ExpansionError`` if `root`, with every alias expanded, has more than `limit` nodes
    /// (or is nested deeper than ``maximumDepth``). Otherwise returns the expanded node count.
    @discardableResult
    public static func check(_ root: Node, limit: Int = defaultLimit) throws(ExpansionError) -> Int {
        var counter = Counter(limit: limit)
        return try counter.count(root, depth: 0)
    }

    private struct Counter {
        let limit: Int
        var total = 0
        /// Expanded sizes of anchored nodes, by anchor and position (anchors may be redefined).
        var sizes: [String: Int] = [:]

        init(limit: Int) { self.limit = limit }

        mutating func count(_ node: Node, depth: Int) throws(ExpansionError) -> Int {
            guard depth <= YAMLAliasBudget.maximumDepth else { throw ExpansionError(limit: limit, line: node.mark?.line) }
            var key: String?
            if let anchor = node.anchor {
                let mark = node.mark.map { "\($0.line):\($0.column)" } ?? "?"
                let memoKey = anchor.rawValue + "@" + mark
                if let known = sizes[memoKey] {
                    try add(known, at: node)
                    return known
                }
                key = memoKey
            }
            let before = total
            try add(1, at: node)
            switch node {
            case .scalar, .alias:
                break
            case .sequence(let sequence):
                for child in sequence { _ = try count(child, depth: depth + 1) }
            case .mapping(let mapping):
                for (name, value) in mapping {
                    _ = try count(name, depth: depth + 1)
                    _ = try count(value, depth: depth + 1)
                }
            }
            let size = total - before
            if let key { sizes[key] = size }
            return size
        }

        mutating func add(_ nodes: Int, at node: Node) throws(ExpansionError) {
            total += nodes
            if total > limit { throw ExpansionError(limit: limit, line: node.mark?.line) }
        }
    }
}

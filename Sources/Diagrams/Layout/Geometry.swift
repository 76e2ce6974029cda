/// A point in SVG user units (or, inside a layout, across and along the layers).
struct Point: Sendable, Equatable {
    var x: Double
    var y: Double
}

/// A box given by its centre and size.
struct Box: Sendable, Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var minX: Double { x - width / 2 }
    var maxX: Double { x + width / 2 }
    var minY: Double { y - height / 2 }
    var maxY: Double { y + height / 2 }
}

/// One step of an edge's path.
enum PathStep: Sendable, Equatable {
    case move(Point)
    case line(Point)
    case curve(Point, Point, Point)

    /// Where the step ends.
    var end: Point {
        switch self {
        case .move(let point), .line(let point): point
        case .curve(_, _, let point): point
        }
    }

    /// The step with every point mapped through `transform`.
    func mapped(_ transform: (Point) -> Point) -> PathStep {
        switch self {
        case .move(let point): .move(transform(point))
        case .line(let point): .line(transform(point))
        case .curve(let a, let b, let c): .curve(transform(a), transform(b), transform(c))
        }
    }
}

extension Array where Element == PathStep {
    /// The same path drawn from its end to its start.
    func reversedPath() -> [PathStep] {
        guard let last = last else { return [] }
        var result: [PathStep] = [.move(last.end)]
        for index in stride(from: count - 1, to: 0, by: -1) {
            let start = self[index - 1].end
            switch self[index] {
            case .move: result.append(.move(start))
            case .line: result.append(.line(start))
            case .curve(let a, let b, _): result.append(.curve(b, a, start))
            }
        }
        return result
    }

    /// Points along the path, curves sampled, for measuring and checking.
    func sampled(stepsPerCurve: Int = 12) -> [Point] {
        var points: [Point] = []
        var current = Point(x: 0, y: 0)
        for step in self {
            switch step {
            case .move(let point), .line(let point):
                points.append(point)
            case .curve(let a, let b, let c):
                for index in 1...stepsPerCurve {
                    let t = Double(index) / Double(stepsPerCurve)
                    let u = 1 - t
                    let x = u * u * u * current.x + 3 * u * u * t * a.x + 3 * u * t * t * b.x + t * t * t * c.x
                    let y = u * u * u * current.y + 3 * u * u * t * a.y + 3 * u * t * t * b.y + t * t * t * c.y
                    points.append(Point(x: x, y: y))
                }
            }
            current = step.end
        }
        return points
    }
}

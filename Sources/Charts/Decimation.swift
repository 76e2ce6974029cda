/// Thins dense data to what the plot can show, so 100,000 points draw quickly and stay small.
enum Decimation {
    /// A line with more points than this many per user unit of plot width is decimated.
    static let pointsPerUnit = 2.0

    /// Indices of the points to keep from a polyline already mapped to positions: in every one-unit column,
    /// the first, lowest, highest and last points, in their original order. A NaN position ends a run (a gap);
    /// the gap is kept as index -1.
    static func minMax(positionsX: [Double], positionsY: [Double]) -> [Int] {
        var kept: [Int] = []
        kept.reserveCapacity(4096)
        var column = Int.min
        var first = -1
        var last = -1
        var lowest = -1
        var highest = -1
        func flush() {
            guard first >= 0 else { return }
            var picks = [first, lowest, highest, last]
            picks.sort()
            var previous = -1
            for pick in picks where pick != previous {
                kept.append(pick)
                previous = pick
            }
            first = -1
        }
        for index in 0..<min(positionsX.count, positionsY.count) {
            let px = positionsX[index]
            let py = positionsY[index]
            guard px.isFinite, py.isFinite else {
                flush()
                if kept.last != -1 { kept.append(-1) }
                column = Int.min
                continue
            }
            let bucket = Int(saturating: px.rounded(.down))
            if bucket != column {
                flush()
                column = bucket
                first = index
                last = index
                lowest = index
                highest = index
                continue
            }
            last = index
            if py < positionsY[lowest] { lowest = index }
            if py > positionsY[highest] { highest = index }
        }
        flush()
        return kept
    }

    /// Counts of points per square cell of `cell` user units over the frame, for density scatter plots.
    struct Grid {
        let frame: Rect
        let cell: Double
        let columns: Int
        let rows: Int
        private(set) var counts: [Int]

        init(frame: Rect, cell: Double) {
            self.frame = frame
            self.cell = cell
            // At most 1,000 cells a side, whatever the cell size, so the grid's memory is bounded.
            columns = min(1000, max(1, Int(saturating: (frame.width / cell).rounded(.up))))
            rows = min(1000, max(1, Int(saturating: (frame.height / cell).rounded(.up))))
            counts = Array(repeating: 0, count: columns * rows)
        }

        /// Adds a point at a position; points outside the frame are ignored.
        mutating func add(x: Double, y: Double) {
            guard x.isFinite, y.isFinite else { return }
            let column = Int(saturating: ((x - frame.x) / cell).rounded(.down))
            let row = Int(saturating: ((y - frame.y) / cell).rounded(.down))
            guard column >= 0, column < columns, row >= 0, row < rows else { return }
            counts[row * columns + column] += 1
        }

        var maximum: Int { counts.max() ?? 0 }
    }
}

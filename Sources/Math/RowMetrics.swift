/// How far apart a table's rows are, as LaTeX's arrays and KaTeX set them.
///
/// Every row is at least as high and as deep as a strut (0.7 and 0.3 of `\arraystretch` times
/// the 1.2em baseline skip), so one-line rows are a baseline skip apart however small their
/// letters; amsmath's multi-line environments (`aligned`, `gathered`) add `\jot` below each row;
/// `\\[len]` deepens the strut of its row. MathML Core gives each cell 0.5ex of padding above and
/// below and no strut, so the writer zeroes that padding, puts the strut in the row's first cell
/// and the `\jot` in the cells' bottom padding.
struct RowMetrics: Sendable, Equatable {
    /// The strut's height and depth, in em of the cells.
    var height: Double
    var depth: Double
    /// Space below every row, in em of the cells.
    var jot: Double = 0

    /// LaTeX's `array` and the matrices: `stretch` is `\arraystretch`; `cellScale` is the cells'
    /// size relative to the table's (`smallmatrix` draws its cells in script size while its strut
    /// keeps the outer size).
    static func array(stretch: Double = 1, cellScale: Double = 1) -> RowMetrics {
        RowMetrics(height: 0.84 * stretch / cellScale, depth: 0.36 * stretch / cellScale)
    }

    /// amsmath's `aligned`, `gathered` and their numbered forms: an array strut and `\jot` (3pt).
    static let multiline = RowMetrics(height: 0.84, depth: 0.36, jot: 0.3)

    /// `cases`: KaTeX stretches its rows by 1.2.
    static let cases = array(stretch: 1.2)

    /// `\substack` and `subarray`: half-stretched rows, in the script size of their cells.
    static let substack = array(stretch: 0.5)

    /// `smallmatrix`: half-stretched rows around cells in script size (70% of the outer size).
    static let small = array(stretch: 0.5, cellScale: 0.7)

    /// amscd's `CD`: KaTeX's baseline skip of 3ex and `\jot`.
    static let diagram = RowMetrics(height: 0.7 * 3 * 0.431, depth: 0.3 * 3 * 0.431, jot: 0.3)

    /// Lines broken by `\\` outside any environment. KaTeX breaks them as lines of HTML text, whose
    /// line boxes (line-height 1.2 in KaTeX's fonts) measure as a strut 0.91em high and 0.35em deep
    /// in Chromium: one-line rows 1.26em apart.
    static let textLines = RowMetrics(height: 0.91, depth: 0.35)

    /// The strut and bottom padding of a row followed by `\\[gap]`: a positive gap deepens the
    /// strut (LaTeX's `\@argarraycr`: the row is at least the gap deeper than a strut), a negative
    /// one takes its space from the `\jot` and then from the strut's depth.
    func adjusted(byGap gap: Double) -> RowMetrics {
        var metrics = self
        if gap > 0 {
            metrics.depth += gap
        } else if gap < 0 {
            let fromJot = min(jot, -gap)
            metrics.jot -= fromJot
            metrics.depth = max(0, depth - (-gap - fromJot))
        }
        return metrics
    }
}

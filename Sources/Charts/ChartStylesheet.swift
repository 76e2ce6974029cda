extension ChartRenderer {
    /// CSS for charts: series colours as custom properties for the light and dark schemes (switched by
    /// `[data-theme]` or the reader's preference, like the site theme), figure layout and the error placeholder.
    public static let stylesheet: String = {
        func colors(_ values: [String]) -> String {
            values.enumerated().map { "--chart-\($0.offset + 1):\($0.element);" }.joined()
        }
        let light = colors(Palette.light) + "--chart-bg:var(--bg, #fff);--chart-on-strong:#fff;"
        let dark = colors(Palette.dark) + "--chart-bg:var(--bg, #1d1e20);--chart-on-strong:#111;"
        return """
            :root{\(light)}
            :root[data-theme="dark"]{\(dark)}
            @media (prefers-color-scheme:dark){:root:not([data-theme="light"]){\(dark)}}
            figure.chart{margin:1.75rem 0;overflow-x:auto}
            figure.chart svg.chart-svg{display:block;max-width:100%;height:auto;margin:0 auto;color:var(--text, currentColor)}
            @media (max-width:30rem){figure.chart svg.chart-svg{min-width:26rem}}
            figure.chart figcaption,figure.chart-error figcaption{color:var(--muted, inherit);font-size:.92rem;margin-top:.5rem;text-align:center}
            figure.chart figcaption:empty{display:none}
            .chart-svg .chart-hover{cursor:crosshair}
            .chart-svg .chart-hover:hover{fill:currentColor;fill-opacity:.25}
            .chart-svg rect.chart-mark:hover,.chart-svg path.chart-mark:hover{fill-opacity:.75}
            figure.chart-error{margin:1.75rem 0;padding:1rem 1.25rem;border:2px dashed var(--caution, #cf222e);border-radius:var(--radius, 8px);color:var(--caution, #cf222e);background:var(--surface, transparent)}
            figure.chart-error p{margin:0;font-family:var(--mono, monospace);font-size:.9rem;white-space:pre-wrap}

            """
    }()
}

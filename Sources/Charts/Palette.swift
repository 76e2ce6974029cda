/// Colour-blind-safe series colours (after Okabe and Ito), each through a CSS custom property so the
/// theme can switch them for dark mode; the fallback keeps standalone SVGs coloured.
enum Palette {
    /// Light-scheme colours, in the order series receive them.
    static let light = ["#0072b2", "#d55e00", "#009e73", "#e69f00", "#cc79a7", "#56b4e9", "#000000", "#b59f00"]
    /// Dark-scheme colours: the same hues, lightened to keep contrast on a dark background.
    static let dark = ["#5aaee8", "#f0804a", "#2fc79c", "#f2b441", "#e39ccb", "#8fd3f7", "#e8e8e6", "#f0e442"]

    /// The CSS colour of series `index`, such as `var(--chart-1, #0072b2)`.
    static func color(_ index: Int) -> String {
        let slot = ((index % light.count) + light.count) % light.count
        return "var(--chart-\(slot + 1), \(light[slot]))"
    }

    /// A dash pattern for lines whose colour repeats an earlier series' (from the ninth series on), or nil.
    static func dash(_ index: Int) -> String? {
        switch (index / light.count) % 3 {
        case 1: return "7 4"
        case 2: return "2 3"
        default: return nil
        }
    }

    /// The colour used for text drawn on a strongly filled cell.
    static let onStrong = "var(--chart-on-strong, #ffffff)"
}

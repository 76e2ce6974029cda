/// Tables for commands that share one shape: named functions, accents and extensible arrows.
enum CommandTables {
    /// What a command is, found with one dictionary look-up.
    enum Kind {
        case symbol(MathSymbol)
        case font(MathFont)
        case function
        case limitFunction(String)
        case accent(Accent)
        case arrow(String)
        case space(Double)
        case bigDelimiter(size: Double, kind: String)
        /// `\over`, `\choose`: splits the list around it.
        case infixFraction
        /// `\limits`, `\nolimits`: changes the preceding operator.
        case limitsModifier
        /// `\color`, `\displaystyle`, `\bf`, `\large`: changes the rest of the group.
        case declaration
    }

    /// The kind of every command that is not parsed by name in ``Parser/parseCommand(_:)``.
    static let kinds: [String: Kind] = {
        var kinds: [String: Kind] = [:]
        for name in functions { kinds[name] = .function }
        for (name, text) in limitFunctions { kinds[name] = .limitFunction(text) }
        for (name, accent) in accents { kinds[name] = .accent(accent) }
        for (name, arrow) in extensibleArrows { kinds[name] = .arrow(arrow) }
        for (name, width) in spaces { kinds[name] = .space(width) }
        for (name, size) in delimiterSizes {
            kinds[name] = .bigDelimiter(size: size, kind: "")
            for suffix in ["l", "r", "m"] { kinds[name + suffix] = .bigDelimiter(size: size, kind: suffix) }
        }
        for name in ["over", "atop", "choose", "above", "brace", "brack"] { kinds[name] = .infixFraction }
        for name in ["limits", "nolimits", "displaylimits"] { kinds[name] = .limitsModifier }
        for name in [
            "color", "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle", "rm", "bf", "it", "cal",
            "sf", "tt", "frak", "scr", "boldmath",
        ] {
            kinds[name] = .declaration
        }
        for name in sizes.keys { kinds[name] = .declaration }
        for name in MathFont.commandNames {
            if let font = MathFont.named(name) { kinds[name] = .font(font) }
        }
        for (name, symbol) in Symbols.all { kinds[name] = .symbol(symbol) }
        return kinds
    }()

    /// Functions written upright with scripts at the side (`\sin x`).
    static let functions: Set<String> = [
        "arcsin", "arccos", "arctan", "arctg", "arcctg", "arcsec", "arccsc", "arccot", "arg", "ch", "cos",
        "cosec", "cosh", "cot", "cotg", "coth", "csc", "ctg", "cth", "deg", "dim", "exp", "hom", "ker",
        "lg", "ln", "log", "sec", "sech", "csch", "sh", "sin", "sinh", "tan", "tanh", "tg", "th",
    ]

    /// Functions whose scripts go above and below in display style (`\lim_{n\to\infty}`).
    static let limitFunctions: [String: String] = [
        "lim": "lim", "liminf": "lim\u{2009}inf", "limsup": "lim\u{2009}sup", "max": "max", "min": "min",
        "sup": "sup", "inf": "inf", "det": "det", "gcd": "gcd", "Pr": "Pr", "argmax": "arg\u{2009}max",
        "argmin": "arg\u{2009}min", "injlim": "inj\u{2009}lim", "projlim": "proj\u{2009}lim", "plim": "plim",
    ]

    /// An accent or decoration drawn above or below its argument.
    struct Accent {
        let mark: String
        let stretchy: Bool
        let below: Bool
        /// Drawn at a reduced size (`\vec` uses a full arrow, which is too large as an accent).
        var small = false
        /// Braces and arrows are limits, not accents: they sit at a distance.
        var isAccent = true
        /// Widened with a CSS transform to the width of its base (`\widetilde`).
        var scaled = false
    }

    static let accents: [String: Accent] = [
        "hat": Accent(mark: "^", stretchy: false, below: false),
        "widehat": Accent(mark: "\u{302}", stretchy: true, below: false),
        "check": Accent(mark: "ˇ", stretchy: false, below: false),
        "widecheck": Accent(mark: "ˇ", stretchy: true, below: false),
        "tilde": Accent(mark: "~", stretchy: false, below: false),
        "widetilde": Accent(mark: "~", stretchy: false, below: false, scaled: true),
        "acute": Accent(mark: "´", stretchy: false, below: false),
        "grave": Accent(mark: "`", stretchy: false, below: false),
        "dot": Accent(mark: "˙", stretchy: false, below: false),
        "ddot": Accent(mark: "¨", stretchy: false, below: false),
        "dddot": Accent(mark: "\u{20DB}", stretchy: false, below: false),
        "ddddot": Accent(mark: "\u{20DC}", stretchy: false, below: false),
        "breve": Accent(mark: "˘", stretchy: false, below: false),
        // U+02C9, not the macron U+00AF: Chromium draws that one too high to see over a capital.
        "bar": Accent(mark: "ˉ", stretchy: false, below: false),
        "vec": Accent(mark: "→", stretchy: false, below: false, small: true),
        "mathring": Accent(mark: "˚", stretchy: false, below: false),
        "overrightarrow": Accent(mark: "→", stretchy: true, below: false),
        "overleftarrow": Accent(mark: "←", stretchy: true, below: false),
        "overleftrightarrow": Accent(mark: "↔", stretchy: true, below: false),
        "Overrightarrow": Accent(mark: "⇒", stretchy: true, below: false),
        "underrightarrow": Accent(mark: "→", stretchy: true, below: true),
        "underleftarrow": Accent(mark: "←", stretchy: true, below: true),
        "underleftrightarrow": Accent(mark: "↔", stretchy: true, below: true),
        "utilde": Accent(mark: "~", stretchy: false, below: true, scaled: true),
        "overbrace": Accent(mark: "⏞", stretchy: true, below: false, isAccent: false),
        "underbrace": Accent(mark: "⏟", stretchy: true, below: true, isAccent: false),
        "overgroup": Accent(mark: "⏠", stretchy: true, below: false, isAccent: false),
        "undergroup": Accent(mark: "⏡", stretchy: true, below: true, isAccent: false),
        "overbracket": Accent(mark: "⎴", stretchy: true, below: false, isAccent: false),
        "underbracket": Accent(mark: "⎵", stretchy: true, below: true, isAccent: false),
        "overleftharpoon": Accent(mark: "↼", stretchy: true, below: false),
        "overrightharpoon": Accent(mark: "⇀", stretchy: true, below: false),
    ]

    /// Arrows that stretch under and over their labels (`\xrightarrow[below]{above}`).
    static let extensibleArrows: [String: String] = [
        "xrightarrow": "→", "xleftarrow": "←", "xleftrightarrow": "↔", "xRightarrow": "⇒",
        "xLeftarrow": "⇐", "xLeftrightarrow": "⇔", "xmapsto": "↦", "xhookrightarrow": "↪",
        "xhookleftarrow": "↩", "xrightleftharpoons": "⇌", "xleftrightharpoons": "⇋",
        "xtwoheadrightarrow": "↠", "xtwoheadleftarrow": "↞", "xlongequal": "=", "xtofrom": "⇄",
        "xrightharpoonup": "⇀", "xrightharpoondown": "⇁", "xleftharpoonup": "↼", "xleftharpoondown": "↽",
    ]

    /// Negated forms for `\not`.
    static let negations: [String: String] = [
        "=": "≠", "<": "≮", ">": "≯", "≤": "≰", "≥": "≱", "∈": "∉", "∋": "∌", "⊂": "⊄", "⊃": "⊅",
        "⊆": "⊈", "⊇": "⊉", "≡": "≢", "∼": "≁", "≅": "≇", "≈": "≉", "∣": "∤", "∥": "∦", "≃": "≄",
        "≺": "⊀", "≻": "⊁", "⊢": "⊬", "⊨": "⊭", "→": "↛", "←": "↚", "↔": "↮", "⇒": "⇏", "⇐": "⇍",
        "⇔": "⇎", "∃": "∄",
    ]

    /// Font sizes in em for `\tiny` … `\Huge`.
    static let sizes: [String: Double] = [
        "tiny": 0.5, "sixptsize": 0.6, "scriptsize": 0.7, "footnotesize": 0.8, "small": 0.9, "normalsize": 1,
        "large": 1.2, "Large": 1.44, "LARGE": 1.728, "huge": 2.074, "Huge": 2.488,
    ]

    /// Horizontal spaces in em.
    static let spaces: [String: Double] = [
        ",": 3.0 / 18, "thinspace": 3.0 / 18, ":": 4.0 / 18, ">": 4.0 / 18, "medspace": 4.0 / 18,
        ";": 5.0 / 18, "thickspace": 5.0 / 18, "!": -3.0 / 18, "negthinspace": -3.0 / 18,
        "negmedspace": -4.0 / 18, "negthickspace": -5.0 / 18, "quad": 1, "qquad": 2, "enspace": 0.5,
        " ": 0.3333, "space": 0.3333, "nobreakspace": 0.3333, "enskip": 0.5,
    ]

    /// Sizes of `\big` … `\Bigg` in em, as KaTeX draws them.
    static let delimiterSizes: [String: Double] = ["big": 1.2, "Big": 1.8, "bigg": 2.4, "Bigg": 3.0]
}

/// A math alphabet (`\mathbf`, `\mathbb`, …). MathML Core has no `mathvariant` for these, so letters
/// and digits are mapped to the Unicode Mathematical Alphanumeric Symbols.
enum MathFont: Sendable {
    /// `script` is `\mathcal` (chancery capitals), `roundhand` is `\mathscr`: one Unicode alphabet,
    /// told apart by the standardized variation selectors U+FE00 and U+FE01 after a capital.
    case roman, bold, italic, boldItalic, script, roundhand, boldScript, fraktur, boldFraktur
    case doubleStruck, sansSerif, sansSerifBold, sansSerifItalic, monospace

    /// Code point of the capital A in this alphabet (small a follows 26 later).
    private var latinBase: UInt32? {
        switch self {
        case .roman: return nil
        case .bold: return 0x1D400
        case .italic: return 0x1D434
        case .boldItalic: return 0x1D468
        case .script, .roundhand: return 0x1D49C
        case .boldScript: return 0x1D4D0
        case .fraktur: return 0x1D504
        case .boldFraktur: return 0x1D56C
        case .doubleStruck: return 0x1D538
        case .sansSerif: return 0x1D5A0
        case .sansSerifBold: return 0x1D5D4
        case .sansSerifItalic: return 0x1D608
        case .monospace: return 0x1D670
        }
    }

    private var digitBase: UInt32? {
        switch self {
        case .bold, .boldItalic: return 0x1D7CE
        case .doubleStruck: return 0x1D7D8
        case .sansSerif, .sansSerifItalic: return 0x1D7E2
        case .sansSerifBold: return 0x1D7EC
        case .monospace: return 0x1D7F6
        default: return nil
        }
    }

    private var greekBase: UInt32? {
        switch self {
        case .bold: return 0x1D6A8
        case .italic: return 0x1D6E2
        case .boldItalic: return 0x1D71C
        case .sansSerifBold: return 0x1D756
        default: return nil
        }
    }

    /// Letters that live in the Letterlike Symbols block instead of the math alphabets.
    private var holes: [Unicode.Scalar: Unicode.Scalar] {
        switch self {
        case .italic: return ["h": "ℎ"]
        case .script, .roundhand:
            return [
                "B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ",
                "e": "ℯ", "g": "ℊ", "o": "ℴ",
            ]
        case .fraktur: return ["C": "ℭ", "H": "ℌ", "I": "ℑ", "R": "ℜ", "Z": "ℨ"]
        case .doubleStruck:
            return ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"]
        default: return [:]
        }
    }

    /// Whether a single letter in this font is written `mathvariant="normal"` rather than mapped.
    var isUpright: Bool { self == .roman }

    /// `scalar` in this alphabet, or `scalar` itself when the alphabet has no such letter.
    func map(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if let base = latinBase {
            if let hole = holes[scalar] { return hole }
            if value >= 0x41, value <= 0x5A { return Unicode.Scalar(base + value - 0x41) ?? scalar }
            if value >= 0x61, value <= 0x7A { return Unicode.Scalar(base + 26 + value - 0x61) ?? scalar }
        }
        if let base = digitBase, value >= 0x30, value <= 0x39 {
            return Unicode.Scalar(base + value - 0x30) ?? scalar
        }
        if let base = greekBase {
            if value >= 0x391, value <= 0x3A9, value != 0x3A2 { return Unicode.Scalar(base + value - 0x391) ?? scalar }
            // As in TeX, `\mathbf` leaves small Greek letters as they are (`\boldsymbol` makes them bold).
            if value >= 0x3B1, value <= 0x3C9, self != .bold { return Unicode.Scalar(base + 26 + value - 0x3B1) ?? scalar }
        }
        return scalar
    }

    /// The variation selector that picks this alphabet's style of script capital: Unicode 14
    /// defines U+FE00 (chancery, `\mathcal`) and U+FE01 (roundhand, `\mathscr`) for them.
    private var capitalSelector: Unicode.Scalar? {
        switch self {
        case .script: return "\u{FE00}"
        case .roundhand: return "\u{FE01}"
        default: return nil
        }
    }

    /// `text` with every letter and digit mapped (script capitals followed by their selector).
    func map(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(map(scalar))
            if let selector = capitalSelector, scalar.value >= 0x41, scalar.value <= 0x5A { result.append(selector) }
        }
        return String(result)
    }

    /// Every command that selects an alphabet for its argument.
    static let commandNames = [
        "mathrm", "mathup", "mathbf", "mathbfup", "mathit", "boldsymbol", "bm", "mathbfit", "pmb", "mathcal",
        "mathscr", "mathbfcal", "mathbfscr", "mathfrak", "mathbffrak", "mathbb", "Bbb", "mathds", "mathsf",
        "mathsfup", "mathbfsf", "mathsfbf", "mathsfit", "mathtt",
    ]

    /// The alphabet selected by a command such as `mathbf`, or nil.
    static func named(_ name: String) -> MathFont? {
        switch name {
        case "mathrm", "mathup", "rm": return .roman
        case "mathbf", "bf", "mathbfup": return .bold
        case "mathit", "it": return .italic
        case "boldsymbol", "bm", "mathbfit", "pmb": return .boldItalic
        case "mathcal", "cal": return .script
        case "mathscr", "scr": return .roundhand
        case "mathbfcal", "mathbfscr": return .boldScript
        case "mathfrak", "frak": return .fraktur
        case "mathbffrak": return .boldFraktur
        case "mathbb", "Bbb", "mathds": return .doubleStruck
        case "mathsf", "sf", "mathsfup": return .sansSerif
        case "mathbfsf", "mathsfbf": return .sansSerifBold
        case "mathsfit": return .sansSerifItalic
        case "mathtt", "tt": return .monospace
        default: return nil
        }
    }
}

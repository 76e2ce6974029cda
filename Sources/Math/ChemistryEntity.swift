/// One chemical entity of a `\ce` formula being read: an amount, isotope prescripts, the atoms,
/// and the subscript and superscript (charge) after them.
struct ChemistryEntity {
    /// Stoichiometric amount (`2`, `1/2`, `n`), followed by a thin space.
    var amount: [MathNode] = []
    /// Left superscript and subscript: mass and atomic number of an isotope (`^{227}_{90}Th`).
    var preSuperscript: String?
    var preSubscript: String?
    /// The atoms, brackets and anything else making up the entity.
    var body: [MathNode] = []
    var sub: String?
    var sup: String?
    /// The superscript was written right after the atoms with `^` (not a charge sign alone):
    /// with a subscript after it, the two stack (Kröger–Vink notation) instead of staggering.
    var superscriptFirst = false

    var isEmpty: Bool {
        amount.isEmpty && preSuperscript == nil && preSubscript == nil && body.isEmpty
            && sub == nil && sup == nil
    }

    /// The body text when it is a single lowercase Latin letter (`n` in `n-Pr`).
    var bodyIsSingleLowercaseLetter: Bool {
        guard body.count == 1, case .identifier(let name, _, _) = body[0] else { return false }
        var scalars = name.unicodeScalars.makeIterator()
        guard let first = scalars.next(), scalars.next() == nil else { return false }
        return ChemistryText.isLowercase(first) || (first >= "\u{3B1}" && first <= "\u{3C9}")
    }
}

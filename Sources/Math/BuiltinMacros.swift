/// Commands KaTeX and MathJax accept that are short-hands for other TeX, defined here as macros
/// so that they need no parsing of their own. A page's or site's macro of the same name wins.
enum BuiltinMacros {
    static let table: [String: Macro] = Macros.table(from: definitions)

    private static let definitions: [String: String] = [
        "bold": "\\mathbf{#1}",
        "begingroup": "{",
        "endgroup": "}",
        "varliminf": "\\mathop{\\underline{\\mathrm{lim}}}",
        "varlimsup": "\\mathop{\\overline{\\mathrm{lim}}}",
        "varinjlim": "\\mathop{\\underrightarrow{\\mathrm{lim}}}",
        "varprojlim": "\\mathop{\\underleftarrow{\\mathrm{lim}}}",
        "set": "\\{\\,#1\\,\\}",
        "Set": "\\left\\{\\,#1\\,\\right\\}",
        "angln": "\\angl{n}",
        // amsmath puts a thick space on each side of these long arrows, besides a relation's own.
        "implies": "\\;\\Longrightarrow\\;",
        "impliedby": "\\;\\Longleftarrow\\;",
        "iff": "\\;\\Longleftrightarrow\\;",
        // A line of vertical dots is a row 1.5em high in a matrix or `cases`, as in KaTeX.
        "vdots": "{\\varvdots\\rule{0pt}{15pt}}",
    ]
}

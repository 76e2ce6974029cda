/// Commands with their own parsing routine in ``Parser``, recognised by name.
enum NamedCommand {
    case fraction, root, normalFont, text, operatorName, mathClass, stacked, leftRight, environment
    case decoration, phantom, strut, colored, space, definition, chemistry, tag, noNumber, label, reference, ignored
    case negation, substack, modulo, escapedCharacter, rule, braKet, logo
    case raise, drawnRule, vcenter, mathChoice, characterCode, verbatim, link, htmlAttribute, circled
    case unicodeCharacter, boundingBox, cancelTo, enclosure

    init?(_ name: String) {
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom", "genfrac": self = .fraction
        case "sqrt": self = .root
        case "mathnormal": self = .normalFont
        case "text", "textrm", "textnormal", "textup", "textmd", "mbox", "hbox", "textbf", "textit", "textsf",
            "texttt", "emph", "textsl", "textsc":
            self = .text
        case "operatorname", "operatornamewithlimits": self = .operatorName
        case "mathop", "mathbin", "mathrel", "mathord", "mathopen", "mathclose", "mathpunct", "mathinner":
            self = .mathClass
        case "overset", "underset", "stackrel": self = .stacked
        case "left": self = .leftRight
        case "begin": self = .environment
        case "overline", "underline", "underbar", "cancel", "bcancel", "xcancel", "sout", "boxed", "fbox", "angl", "phase",
            "overlinesegment", "underlinesegment":
            self = .decoration
        case "phantom", "hphantom", "vphantom", "smash", "rlap", "llap", "clap", "mathrlap", "mathllap", "mathclap":
            self = .phantom
        case "mathstrut", "strut": self = .strut
        case "textcolor", "colorbox", "fcolorbox": self = .colored
        case "hspace", "hskip", "kern", "mkern", "mskip", "mspace": self = .space
        case "newcommand", "renewcommand", "providecommand", "def", "gdef", "edef", "xdef", "let", "DeclareMathOperator":
            self = .definition
        case "ce", "pu": self = .chemistry
        case "tag": self = .tag
        case "notag", "nonumber": self = .noNumber
        case "label": self = .label
        case "ref", "eqref": self = .reference
        case "relax", "allowbreak", "nobreak", "ignorespaces", "global", "long", "noexpand": self = .ignored
        case "raisebox": self = .raise
        case "rule": self = .drawnRule
        case "vcenter": self = .vcenter
        case "mathchoice": self = .mathChoice
        case "char": self = .characterCode
        case "verb", "url": self = .verbatim
        case "href": self = .link
        case "htmlClass", "htmlId", "htmlStyle", "htmlData", "class", "cssId", "style": self = .htmlAttribute
        case "unicode": self = .unicodeCharacter
        case "bbox": self = .boundingBox
        case "cancelto": self = .cancelTo
        case "enclose": self = .enclosure
        case "textcircled": self = .circled
        case "not": self = .negation
        case "substack": self = .substack
        case "bmod", "pmod", "mod", "pod": self = .modulo
        case "#", "$", "%", "&", "_": self = .escapedCharacter
        case "hline", "hdashline": self = .rule
        case "bra", "ket", "braket", "Bra", "Ket", "Braket": self = .braKet
        case "TeX", "LaTeX", "KaTeX": self = .logo
        default: return nil
        }
    }
}

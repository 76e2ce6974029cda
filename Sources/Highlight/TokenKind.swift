/// The kind of a highlighted token, named after the Pygments token type it mirrors.
///
/// `cssClass` gives the short class name that Pygments and Chroma emit, so their stylesheets apply.
public enum TokenKind: UInt8, Sendable, CaseIterable {
    /// Plain text and whitespace: written without a span.
    case text
    case keyword, keywordConstant, keywordDeclaration, keywordNamespace, keywordPseudo, keywordReserved, keywordType
    case name, nameAttribute, nameBuiltin, nameBuiltinPseudo, nameClass, nameConstant, nameDecorator, nameEntity
    case nameException, nameFunction, nameFunctionMagic, nameProperty, nameLabel, nameNamespace, nameOther, nameTag
    case nameVariable, nameVariableGlobal, nameVariableInstance, nameVariableMagic
    case literal, literalDate
    case string, stringAffix, stringBacktick, stringChar, stringDelimiter, stringDoc, stringDouble, stringEscape
    case stringHeredoc, stringInterpol, stringOther, stringRegex, stringSingle, stringSymbol
    case number, numberBin, numberFloat, numberHex, numberInteger, numberOct
    case `operator`, operatorWord, punctuation
    case comment, commentHashbang, commentMultiline, commentPreproc, commentPreprocFile, commentSingle, commentSpecial
    case generic, genericDeleted, genericEmph, genericError, genericHeading, genericInserted, genericOutput
    case genericPrompt, genericStrong, genericSubheading, genericTraceback
    case error

    /// The Pygments/Chroma short class name, or `nil` for plain text.
    public var cssClass: String? {
        switch self {
        case .text: nil
        case .keyword: "k"
        case .keywordConstant: "kc"
        case .keywordDeclaration: "kd"
        case .keywordNamespace: "kn"
        case .keywordPseudo: "kp"
        case .keywordReserved: "kr"
        case .keywordType: "kt"
        case .name: "n"
        case .nameAttribute: "na"
        case .nameBuiltin: "nb"
        case .nameBuiltinPseudo: "bp"
        case .nameClass: "nc"
        case .nameConstant: "no"
        case .nameDecorator: "nd"
        case .nameEntity: "ni"
        case .nameException: "ne"
        case .nameFunction: "nf"
        case .nameFunctionMagic: "fm"
        case .nameProperty: "py"
        case .nameLabel: "nl"
        case .nameNamespace: "nn"
        case .nameOther: "nx"
        case .nameTag: "nt"
        case .nameVariable: "nv"
        case .nameVariableGlobal: "vg"
        case .nameVariableInstance: "vi"
        case .nameVariableMagic: "vm"
        case .literal: "l"
        case .literalDate: "ld"
        case .string: "s"
        case .stringAffix: "sa"
        case .stringBacktick: "sb"
        case .stringChar: "sc"
        case .stringDelimiter: "dl"
        case .stringDoc: "sd"
        case .stringDouble: "s2"
        case .stringEscape: "se"
        case .stringHeredoc: "sh"
        case .stringInterpol: "si"
        case .stringOther: "sx"
        case .stringRegex: "sr"
        case .stringSingle: "s1"
        case .stringSymbol: "ss"
        case .number: "m"
        case .numberBin: "mb"
        case .numberFloat: "mf"
        case .numberHex: "mh"
        case .numberInteger: "mi"
        case .numberOct: "mo"
        case .operator: "o"
        case .operatorWord: "ow"
        case .punctuation: "p"
        case .comment: "c"
        case .commentHashbang: "ch"
        case .commentMultiline: "cm"
        case .commentPreproc: "cp"
        case .commentPreprocFile: "cpf"
        case .commentSingle: "c1"
        case .commentSpecial: "cs"
        case .generic: "g"
        case .genericDeleted: "gd"
        case .genericEmph: "ge"
        case .genericError: "gr"
        case .genericHeading: "gh"
        case .genericInserted: "gi"
        case .genericOutput: "go"
        case .genericPrompt: "gp"
        case .genericStrong: "gs"
        case .genericSubheading: "gu"
        case .genericTraceback: "gt"
        case .error: "err"
        }
    }
}

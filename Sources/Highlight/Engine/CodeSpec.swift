/// What a curly-brace or indentation language looks like to `CodeLexer`: its words, comments,
/// string literals and the few context rules (names after `def`, `class`, `import`).
struct CodeSpec: Sendable {
    /// Keywords, types, builtins and constants with their kinds.
    var words = WordTable([])
    /// Words after which the next identifier names a function (`def`, `func`, `fn`).
    var functionIntroducers = WordTable([])
    /// Words after which the next identifier names a type (`class`, `struct`).
    var classIntroducers = WordTable([])
    /// Words after which a dotted name is a namespace (`import`, `package`).
    var namespaceIntroducers = WordTable([])
    /// Prefixes that start a comment running to the end of the line.
    var lineComments: [String] = []
    /// Block comment delimiters, and whether such comments nest.
    var blockComment: (open: String, close: String, nests: Bool)?
    /// Finds a string literal (prefix included) at an index; `afterValue` tells whether the
    /// previous token ends an operand, for quote characters that are also operators.
    var stringStart: @Sendable (_ scanner: Scanner, _ index: Int, _ afterValue: Bool) -> StringStart? = { _, _, _ in nil }
    /// A language-specific rule tried before the generic ones; returns whether it consumed input.
    var special: (@Sendable (_ scanner: inout Scanner, _ afterValue: Bool) -> Bool)?
    /// The kind of ordinary identifiers.
    var identifierKind: TokenKind = .name
    /// The kind of an identifier directly followed by `(`, if calls are marked.
    var callKind: TokenKind?
    /// The kind given to a name after `.` (builtins are not looked up there).
    var memberKind: TokenKind?
    /// Multi-character operators matched before single punctuation (Go's `:=`, Kotlin's `?:`).
    var longOperators: [String] = []
    /// Multi-character punctuation matched before operators (JavaScript's `=>`, Swift's `->`).
    var longPunctuation: [String] = []
    /// Bytes that are punctuation; other operator symbols are operators.
    var punctuation = ByteSet("()[]{},;.:")
    /// Bytes that count as operator symbols.
    var operators = ByteSet("+-*/%=<>!&|^~?")
    /// Whether `#` first on a line starts a C preprocessor directive.
    var preprocessor = false
    /// Whether `@name` is a decorator or annotation.
    var decorators = false
    /// Whether identifiers followed by `(` after a type name are function declarations (C, Java).
    var declarationCalls = false
    /// Whether builtins are also recognised after `.` (Swift's `a.count`).
    var builtinsAfterDot = false
    /// The kind of the name introduced by a namespace word (`import Foundation`).
    var namespaceKind: TokenKind = .nameNamespace
    /// The kind of a word right after a type colon (`x: Int`, `-> T`); `overrides` applies it
    /// even to known words (TypeScript marks `: string` and `: true` alike).
    var typeAfterColon: (kind: TokenKind, overrides: Bool)?
    /// Whether `name!` is a macro call (Rust).
    var bangMacros = false
    /// Whether `.` may occur inside identifiers (R's `read.csv`).
    var dottedIdentifiers = false
    /// The kind of the name after a class introducer.
    var classKind: TokenKind = .nameClass
    /// Whether a letter directly after digits belongs to the number (`10u32`, `1.5f`).
    var numberSuffixes = true
}

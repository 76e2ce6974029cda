/// Swift: nested interpolation `\(…)`, multi-line and raw strings, nested block comments.
enum Swift {
    static let spec: CodeSpec = {
        var spec = CodeSpec()
        spec.words = WordTable([
            (
                .keyword,
                """
                as async await break case catch continue default defer do else fallthrough for guard if in is
                repeat return switch throw try where while
                """
            ),
            (
                .keywordReserved,
                """
                associativity convenience dynamic didSet final get indirect infix inout lazy left mutating none
                nonmutating optional override postfix precedence prefix Protocol required rethrows right set throws
                Type unowned weak willSet some any nonisolated isolated consuming borrowing sending
                """
            ),
            (
                .keywordDeclaration,
                """
                actor associatedtype class deinit enum extension func import init internal let operator private
                protocol public static struct subscript typealias var fileprivate open package macro
                """
            ),
            (.keywordConstant, "true false nil self Self super _"),
            (
                .nameBuiltin,
                """
                Array Bool Character ClosedRange Dictionary Double Float Float80 Int Int8 Int16 Int32 Int64 Optional
                Range Set Slice StaticString String Substring UInt UInt8 UInt16 UInt32 UInt64 Unicode
                UnsafeBufferPointer UnsafeMutableBufferPointer UnsafeMutablePointer UnsafePointer AnyObject
                Comparable Equatable Hashable Sequence Collection Codable Decodable Encodable Error Identifiable
                CustomStringConvertible Sendable Never Void Result AnyHashable Numeric BinaryInteger
                """
            ),
            (
                .nameBuiltinPseudo,
                """
                abs assert assertionFailure contains count debugPrint dropFirst dropLast dump enumerate
                fatalError filter first indices insert isEmpty joined last lazy map max min precondition
                preconditionFailure prefix print reduce removeAll removeLast reversed sort sorted split stride
                suffix swap zip withUnsafePointer withUnsafeMutablePointer
                """
            ),
        ])
        spec.functionIntroducers = WordTable([(.keyword, "func")])
        spec.classIntroducers = WordTable([(.keyword, "class struct enum protocol actor extension typealias associatedtype")])
        spec.namespaceIntroducers = WordTable([(.keyword, "import")])
        spec.namespaceKind = .nameClass
        spec.builtinsAfterDot = true
        spec.lineComments = ["//"]
        spec.blockComment = ("/*", "*/", true)
        spec.decorators = true
        spec.longPunctuation = ["->"]
        spec.punctuation = ByteSet("(){}[].,:;=@#`?")
        spec.operators = ByteSet("/=-+!*%<>&|^?~")
        spec.stringStart = { s, i, _ in stringStart(s, i) }
        return spec
    }()

    /// `"…"`, `"""…"""` and their raw forms with `#` delimiters, where escapes become `\#`.
    private static func stringStart(_ s: Scanner, _ i: Int) -> StringStart? {
        var hashes = 0
        while hashes < 256, s[i + hashes] == UInt8(ascii: "#") { hashes += 1 }
        guard s[i + hashes] == UInt8(ascii: "\"") else { return nil }
        let triple = s.matches("\"\"\"", at: i + hashes)
        let fence = String(repeating: "#", count: hashes)
        var style = StringStyle(
            close: (triple ? "\"\"\"" : "\"") + fence, kind: .string,
            interpolation: .backslashParen, multiline: triple)
        style.escapeLead = Array(("\\" + fence).utf8)
        return StringStart(prefixLength: 0, openLength: hashes + (triple ? 3 : 1), style: style)
    }
}

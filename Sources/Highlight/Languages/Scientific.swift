/// R, Julia and MATLAB: the languages of numerical work.
enum Scientific {
    static let r: CodeSpec = {
        var spec = CodeSpec()
        spec.words = WordTable([
            (.keywordReserved, "if else for while repeat in next break return switch function"),
            (
                .keywordConstant,
                """
                NULL NA NA_integer_ NA_real_ NA_character_ TRUE FALSE Inf NaN
                """
            ),
            (.nameBuiltinPseudo, "T F"),
        ])
        spec.dottedIdentifiers = true
        spec.callKind = .nameFunction
        spec.lineComments = ["#"]
        spec.numberSuffixes = true
        spec.longPunctuation = ["[[", "]]"]
        spec.punctuation = ByteSet("()[]{};,")
        spec.operators = ByteSet("<>-=!&|?*+^/~$@:")
        spec.stringStart = { s, i, _ in
            StringStart.delimited(s, i, "\"", StringStyle(close: "\"", kind: .string, multiline: true))
                ?? StringStart.delimited(s, i, "'", StringStyle(close: "'", kind: .string, multiline: true))
        }
        spec.special = { s, _ in
            // `%in%`, `%>%` and other infix operators.
            guard s.peek() == UInt8(ascii: "%") else { return false }
            let close = s.end(from: s.pos + 1) { $0 != UInt8(ascii: "%") && $0 != .newline }
            s.emit(.operator, to: s[close] == UInt8(ascii: "%") ? close + 1 : s.pos + 1)
            return true
        }
        return spec
    }()

    static let julia: CodeSpec = {
        var spec = CodeSpec()
        spec.words = WordTable([
            (
                .keyword,
                """
                baremodule begin break catch ccall const continue do else elseif end export finally for function
                global if import let local macro module mutable primitive quote return struct try using where
                while abstract type in isa outer
                """
            ),
            (
                .keywordType,
                """
                Any AbstractArray AbstractChar AbstractDict AbstractFloat AbstractMatrix AbstractRange AbstractSet
                AbstractString AbstractVector Array BigFloat BigInt BitArray BitVector Bool Char Complex Dict
                Exception Float16 Float32 Float64 Function IO IOBuffer Int Int8 Int16 Int32 Int64 Int128 Integer
                Matrix Missing NamedTuple Nothing Number Pair Ptr Rational Real Ref Regex Set Signed String
                SubString Symbol Tuple Type UInt UInt8 UInt16 UInt32 UInt64 UInt128 Union Unsigned Val Vector
                ArgumentError BoundsError DomainError ErrorException KeyError MethodError
                """
            ),
            (.nameBuiltin, "true false nothing missing Inf Inf32 NaN NaN32 π pi ℯ ARGS ENV stdout stderr stdin C_NULL"),
        ])
        spec.classIntroducers = WordTable([(.keyword, "struct type")])
        spec.classKind = .keywordType
        spec.lineComments = ["#"]
        spec.blockComment = ("#=", "=#", true)
        spec.decorators = true
        spec.numberSuffixes = false
        spec.punctuation = ByteSet("[](),;{}")
        spec.operators = ByteSet("+-*/\\%=<>!&|^~?:.$'")
        spec.stringStart = { s, i, afterValue in
            StringStart.delimited(s, i, "\"\"\"", StringStyle(close: "\"\"\"", kind: .string, interpolation: .dollar, multiline: true))
                ?? StringStart.delimited(s, i, "\"", StringStyle(close: "\"", kind: .string, interpolation: .dollar, multiline: true))
                ?? (afterValue ? nil : StringStart.character(s, i))
        }
        spec.special = { s, _ in juliaSpecial(&s) }
        return spec
    }()

    /// Type annotations after `::` and `<:`, and `:symbol` literals.
    private static func juliaSpecial(_ s: inout Scanner) -> Bool {
        if s.matches("::") || s.matches("<:") {
            s.emit(.operator, length: 2)
            s.emit(.text, to: s.end(from: s.pos, while: \.isBlank))
            if s.peek().isIdentifierStart { s.emit(.keywordType, to: s.identifierEnd(from: s.pos)) }
            return true
        }
        let before = s[s.pos - 1]
        if s.peek() == UInt8(ascii: ":"), s.peek(1).isIdentifierStart, !before.isIdentifier,
            !"]):<>.".utf8.contains(before)
        {
            s.emit(.stringSymbol, to: s.identifierEnd(from: s.pos + 1))
            return true
        }
        return false
    }

    static let matlab: CodeSpec = {
        var spec = CodeSpec()
        spec.words = WordTable([
            (
                .keyword,
                """
                break case catch classdef continue else elseif end enumeration events for function global if
                methods otherwise parfor persistent properties return spmd switch try while
                """
            ),
            (
                .nameBuiltin,
                """
                abs all any arrayfun cat ceil cell cell2mat cellfun char class cos cross cumprod cumsum datestr
                deal det diag diff disp double eig eps error eval exp eye false fieldnames find fix fliplr flipud
                floor fopen fclose fprintf fread fwrite func2str fzero getfield handle hold imag inf input int2str
                int8 int16 int32 int64 interp1 inv isa iscell ischar isempty isequal isfield isinf islogical
                ismember isnan isnumeric isreal isscalar isstruct isvector length linspace load log log10 log2
                logical lower max mean median min mod nan nargin nargout ndims nnz norm num2cell num2str numel
                ones pi plot prod rand randi randn readmatrix readtable real regexp regexprep rem repmat reshape
                round save setfield sign sin single size sort sprintf sqrt squeeze std str2double str2func
                strcat strcmp strcmpi strfind strjoin strrep strsplit strtrim struct subplot sum tan tic toc
                trapz true uint8 uint16 uint32 uint64 unique upper var warning xlabel ylabel zlabel zeros title
                legend figure axis surf mesh meshgrid conv filter fft ifft polyfit polyval histogram bar scatter
                i j inputParser validateattributes isrow iscolumn containers
                """
            ),
        ])
        spec.lineComments = ["%"]
        spec.numberSuffixes = false
        spec.longOperators = [".*", ".^", "./", ".\\", ".'", "==", "~=", "&&", "||", "<=", ">="]
        spec.punctuation = ByteSet("()[]{},;=:.@")
        spec.operators = ByteSet("+-*/\\^<>&|~'!")
        spec.stringStart = { s, i, afterValue in
            StringStart.delimited(s, i, "\"", StringStyle(close: "\"", kind: .string, escapes: false))
                ?? (afterValue ? nil : StringStart.delimited(s, i, "'", StringStyle(close: "'", kind: .string, escapes: false)))
        }
        spec.special = { s, _ in matlabSpecial(&s) }
        return spec
    }()

    private static let matlabKeywords = WordTable([
        (
            .keyword,
            "if elseif else end for while switch case otherwise try catch function return break continue classdef properties methods global persistent parfor"
        )
    ])

    /// Block comments, continuation comments, function signatures and command syntax (`hold on`).
    private static func matlabSpecial(_ s: inout Scanner) -> Bool {
        let lineStart = s.isFirstOnLine(s.pos)
        if lineStart, s.matches("%{"), s.end(from: s.pos + 2, while: \.isBlank) == s.lineEnd(from: s.pos) {
            var i = s.lineEnd(from: s.pos)
            while i < s.count {
                let next = s.end(from: i + 1, while: \.isBlank)
                if s.matches("%}", at: next) {
                    i = s.lineEnd(from: next)
                    break
                }
                i = s.lineEnd(from: i + 1)
            }
            s.emit(.commentMultiline, to: i)
            return true
        }
        if s.matches("...") {
            s.emitRestOfLine(.comment)
            return true
        }
        guard lineStart, s.peek().isIdentifierStart else { return false }
        let wordEnd = s.identifierEnd(from: s.pos)
        let word = s.slice(s.pos, wordEnd)
        if word.elementsEqual("function".utf8) {
            signature(&s, wordEnd)
            return true
        }
        if matlabKeywords.contains(word) { return false }
        // Command syntax: `name word…` where the second word is not an operator, `=` or `(`.
        let (argStart, argByte) = s.nextNonBlank(from: wordEnd)
        guard argStart > wordEnd, argByte.isLetter || argByte == UInt8(ascii: "-"),
            !(argByte == UInt8(ascii: "-") && s[argStart + 1].isBlank)
        else { return false }
        let afterArg = s.nextNonBlank(from: s.identifierEnd(from: argStart)).byte
        guard afterArg != UInt8(ascii: "="), afterArg != UInt8(ascii: "("), !afterArg.isOperatorSymbol || afterArg == UInt8(ascii: "-") else {
            return false
        }
        s.emit(.name, to: wordEnd)
        s.emit(.text, to: argStart)
        s.emit(.string, to: s.end(from: argStart) { $0 != .newline && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "%") })
        return true
    }

    /// `function [a, b] = name(x, y)`: outputs and arguments stay plain, the name is a function.
    private static func signature(_ s: inout Scanner, _ keywordEnd: Int) {
        s.emit(.keyword, to: keywordEnd)
        let lineEnd = s.lineEnd(from: s.pos)
        let paren = s.end(from: s.pos) { $0 != UInt8(ascii: "(") && $0 != .newline && $0 != UInt8(ascii: "%") }
        var nameStart = s.end(from: s.pos) { $0 != UInt8(ascii: "=") && $0 != .newline }
        nameStart = nameStart < paren ? nameStart + 1 : s.pos
        s.emit(.text, to: nameStart)
        nameStart = s.end(from: s.pos, while: \.isBlank)
        s.emit(.text, to: nameStart)
        s.emit(.nameFunction, to: s.end(from: s.pos) { $0.isIdentifier || $0 == UInt8(ascii: ".") })
        guard s.peek() == UInt8(ascii: "(") else { return }
        s.emit(.punctuation, length: 1)
        let close = s.end(from: s.pos) { $0 != UInt8(ascii: ")") && $0 != .newline }
        s.emit(.text, to: min(close, lineEnd))
        if s.peek() == UInt8(ascii: ")") { s.emit(.punctuation, length: 1) }
    }
}

/// Python 3: f-strings with nested expressions, string prefixes, docstrings, decorators, type hints.
enum Python {
    static let spec: CodeSpec = {
        var spec = CodeSpec()
        spec.words = WordTable([
            (
                .keyword,
                """
                assert async await break continue del elif else except finally for global if lambda pass
                raise nonlocal return try while yield as with def class
                """
            ),
            (.keywordConstant, "True False None"),
            (.keywordNamespace, "import from"),
            (.operatorWord, "in is and or not"),
            (
                .nameBuiltin,
                """
                __import__ abs aiter all any anext ascii bin bool bytearray breakpoint bytes callable chr classmethod
                compile complex delattr dict dir divmod enumerate eval exec filter float format frozenset getattr
                globals hasattr hash help hex id input int isinstance issubclass iter len list locals map max
                memoryview min next object oct open ord pow print property range repr reversed round set setattr
                slice sorted staticmethod str sum super tuple type vars zip
                """
            ),
            (.nameBuiltinPseudo, "self cls Ellipsis NotImplemented"),
            (
                .nameException,
                """
                ArithmeticError AssertionError AttributeError BaseException BufferError BytesWarning
                DeprecationWarning EOFError EnvironmentError Exception FloatingPointError FutureWarning GeneratorExit
                IOError ImportError ImportWarning IndentationError IndexError KeyError KeyboardInterrupt LookupError
                MemoryError NameError NotImplementedError OSError OverflowError PendingDeprecationWarning
                ReferenceError ResourceWarning RuntimeError RuntimeWarning StopIteration SyntaxError SyntaxWarning
                SystemError SystemExit TabError TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError
                UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning ZeroDivisionError
                BlockingIOError ChildProcessError ConnectionError BrokenPipeError ConnectionAbortedError
                ConnectionRefusedError ConnectionResetError FileExistsError FileNotFoundError InterruptedError
                IsADirectoryError NotADirectoryError PermissionError ProcessLookupError TimeoutError
                StopAsyncIteration ModuleNotFoundError RecursionError EncodingWarning ExceptionGroup
                """
            ),
            (
                .nameFunctionMagic,
                """
                __abs__ __add__ __aenter__ __aexit__ __aiter__ __and__ __anext__ __await__ __bool__ __bytes__
                __call__ __complex__ __contains__ __del__ __delattr__ __delete__ __delitem__ __dir__ __divmod__
                __enter__ __eq__ __exit__ __float__ __floordiv__ __format__ __ge__ __get__ __getattr__
                __getattribute__ __getitem__ __gt__ __hash__ __iadd__ __iand__ __ifloordiv__ __ilshift__
                __imatmul__ __imod__ __imul__ __index__ __init__ __instancecheck__ __int__ __invert__ __ior__
                __ipow__ __irshift__ __isub__ __iter__ __itruediv__ __ixor__ __le__ __len__ __length_hint__
                __lshift__ __lt__ __matmul__ __missing__ __mod__ __mul__ __ne__ __neg__ __new__ __next__ __or__
                __pos__ __pow__ __prepare__ __radd__ __rand__ __rdivmod__ __repr__ __reversed__ __rfloordiv__
                __rlshift__ __rmatmul__ __rmod__ __rmul__ __ror__ __round__ __rpow__ __rrshift__ __rshift__
                __rsub__ __rtruediv__ __rxor__ __set__ __setattr__ __setitem__ __str__ __sub__
                __subclasscheck__ __truediv__ __xor__ __post_init__ __init_subclass__ __class_getitem__
                """
            ),
            (
                .nameVariableMagic,
                """
                __annotations__ __bases__ __class__ __closure__ __code__ __defaults__ __dict__ __doc__ __file__
                __func__ __globals__ __kwdefaults__ __module__ __mro__ __name__ __objclass__ __qualname__
                __self__ __slots__ __weakref__
                """
            ),
        ])
        spec.functionIntroducers = WordTable([(.keyword, "def")])
        spec.classIntroducers = WordTable([(.keyword, "class")])
        spec.namespaceIntroducers = WordTable([(.keyword, "import from")])
        spec.lineComments = ["#"]
        spec.punctuation = ByteSet("()[]{},;:")
        spec.operators = ByteSet("+-*/%=<>!&|^~.@")
        spec.decorators = true
        spec.numberSuffixes = false
        spec.stringStart = { s, i, _ in stringStart(s, i) }
        return spec
    }()

    /// `[prefix]"…"`, `'…'` or triple-quoted; `f` makes it interpolate, `r` makes it raw, and a
    /// triple-quoted string first on its line is a docstring.
    private static func stringStart(_ s: Scanner, _ i: Int) -> StringStart? {
        var prefixEnd = i
        var raw = false
        var formatted = false
        while prefixEnd - i < 2, s[prefixEnd].isLetter {
            switch s[prefixEnd] | 0x20 {
            case UInt8(ascii: "r"): raw = true
            case UInt8(ascii: "f"), UInt8(ascii: "t"): formatted = true
            case UInt8(ascii: "b"), UInt8(ascii: "u"): break
            default: return nil
            }
            prefixEnd += 1
        }
        let quote = s[prefixEnd]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        let triple = s[prefixEnd + 1] == quote && s[prefixEnd + 2] == quote
        let delimiter = String(repeating: String(UnicodeScalar(quote)), count: triple ? 3 : 1)
        var kind: TokenKind = quote == UInt8(ascii: "\"") ? .stringDouble : .stringSingle
        if triple, !formatted, s.isFirstOnLine(i) { kind = .stringDoc }
        let style = StringStyle(
            close: delimiter, kind: kind, escapes: !raw,
            interpolation: formatted ? .braces : .none, multiline: triple)
        return StringStart(prefixLength: prefixEnd - i, openLength: delimiter.utf8.count, style: style)
    }
}

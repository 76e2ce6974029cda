/// CSS: selectors (tags, classes, ids, pseudo-classes), at-rules, declarations with properties,
/// keyword values, functions, numbers with units and colours. Nested rule blocks (`@media`) and
/// declaration blocks are told apart on a stack.
struct CSSLexer: Lexer {
    private enum Context { case rules, declarations }

    private static let keywordValues = WordTable([
        (
            .keywordConstant,
            """
            absolute auto baseline block bold bolder border-box both bottom break-word capitalize center
            collapse column contain content-box cover crosshair currentColor dashed default disc dotted double
            ease ease-in ease-in-out ease-out fixed flex flex-end flex-start grid groove hidden horizontal
            infinite inherit initial inline inline-block inline-flex inset italic justify large larger left
            lighter line-through linear lowercase medium middle monospace no-repeat none normal nowrap oblique
            outset overline pointer pre pre-line pre-wrap relative repeat repeat-x repeat-y revert ridge right
            row sans-serif scroll serif small smaller solid space-around space-between space-evenly square
            static sticky stretch sub super swap text-bottom text-top thick thin top transparent underline
            unset uppercase vertical visible wrap x-large x-small xx-large xx-small cursive fantasy system-ui
            black white red green blue yellow orange purple gray grey silver navy teal maroon olive lime aqua
            fuchsia alternate forwards backwards running paused ltr rtl
            """
        ),
        (.keyword, "background-color color opacity transform width height border-color box-shadow filter"),
    ])
    private static let builtinFunctions = WordTable([
        (
            .nameBuiltin,
            """
            attr blur brightness calc clamp contrast counter cubic-bezier drop-shadow grayscale hsl hsla hue-rotate
            invert linear-gradient matrix max min opacity perspective radial-gradient rgb rgba rotate rotateX
            rotateY saturate scale scaleX scaleY sepia skew steps translate translateX translateY url env
            """
        )
    ])
    private static let units = WordTable([
        (
            .keywordType,
            """
            px em rem vh vw vmin vmax ch ex pt pc cm mm in q deg rad grad turn s ms hz khz dpi dpcm dppx fr x
            lh rlh svh lvh dvh svw lvw dvw cqw cqh
            """
        )
    ])
    /// At-rules whose block holds rules rather than declarations.
    private static let ruleBlocks = WordTable([(.keyword, "media supports document layer container scope keyframes -webkit-keyframes")])

    func lex(_ scanner: inout Scanner) {
        var stack: [Context] = []
        var inValue = false
        var pendingAtRule: Context?
        scanner.run { s in
            let byte = s.peek()
            let context = stack.last ?? .rules
            if byte.isSpace {
                return s.emit(.text, to: s.end(from: s.pos, while: \.isSpace))
            }
            if s.matches("/*") {
                return s.emit(.comment, to: s.blockCommentEnd(from: s.pos, open: "/*", close: "*/", nests: false))
            }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                return s.emit(byte == UInt8(ascii: "\"") ? .stringDouble : .stringSingle, to: quotedEnd(s, byte))
            }
            switch byte {
            case UInt8(ascii: "{"):
                stack.append(pendingAtRule ?? (context == .rules ? .declarations : .rules))
                pendingAtRule = nil
                inValue = false
                s.emit(.punctuation, length: 1)
            case UInt8(ascii: "}"):
                if !stack.isEmpty { stack.removeLast() }
                inValue = false
                s.emit(.punctuation, length: 1)
            case UInt8(ascii: ";"):
                inValue = false
                pendingAtRule = nil
                s.emit(.punctuation, length: 1)
            default:
                if context == .declarations {
                    lexDeclaration(&s, &inValue)
                } else {
                    lexSelector(&s, &pendingAtRule)
                }
            }
        }
    }

    private func lexSelector(_ s: inout Scanner, _ pendingAtRule: inout Context?) {
        let byte = s.peek()
        let nameStart = byte == UInt8(ascii: ":") && s.peek(1) == UInt8(ascii: ":") ? s.pos + 2 : s.pos + 1
        if "@.#:".utf8.contains(byte), s[nameStart].isIdentifier || s[nameStart] == UInt8(ascii: "-") {
            let end = nameEnd(s, nameStart)
            let kind: TokenKind
            switch byte {
            case UInt8(ascii: "@"):
                kind = .keyword
                pendingAtRule = Self.ruleBlocks.contains(s.slice(nameStart, end)) ? .rules : .declarations
            case UInt8(ascii: "."): kind = .nameClass
            case UInt8(ascii: "#"): kind = .nameNamespace
            default: kind = .nameDecorator
            }
            s.emit(.punctuation, to: nameStart)
            s.emit(kind, to: end)
        } else if byte.isIdentifier || byte == UInt8(ascii: "-") {
            s.emit(.nameTag, to: nameEnd(s, s.pos))
        } else if "~^*!%&$[]()<>|+=@:,./?-".utf8.contains(byte) {
            s.emit(.operator, length: 1)
        } else {
            s.emitScalar(.text)
        }
    }

    private func lexDeclaration(_ s: inout Scanner, _ inValue: inout Bool) {
        let byte = s.peek()
        if !inValue {
            if byte.isIdentifier || byte == UInt8(ascii: "-") {
                let end = nameEnd(s, s.pos)
                let isProperty = s.nextNonBlank(from: end).byte == UInt8(ascii: ":")
                s.emit(s.matches("--") ? .nameVariable : isProperty ? .keyword : .nameTag, to: end)
            } else if byte == UInt8(ascii: ":") {
                inValue = true
                s.emit(.punctuation, length: 1)
            } else {
                // Nested selectors (`&:hover`) and stray symbols.
                var none: Context?
                lexSelector(&s, &none)
            }
            return
        }
        lexValue(&s)
    }

    private func lexValue(_ s: inout Scanner) {
        let byte = s.peek()
        if byte == UInt8(ascii: "#"), s.peek(1).isHexDigit || s.peek(1).isLetter {
            return s.emit(.numberHex, to: s.end(from: s.pos + 1, while: \.isIdentifier))
        }
        let signed = (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")) ? 1 : 0
        if s.peek(signed).isDigit || (s.peek(signed) == UInt8(ascii: ".") && s.peek(signed + 1).isDigit) {
            var end = s.end(from: s.pos + signed, while: \.isDigit)
            var kind = TokenKind.numberInteger
            if s[end] == UInt8(ascii: "."), s[end + 1].isDigit {
                kind = .numberFloat
                end = s.end(from: end + 1, while: \.isDigit)
            }
            s.emit(kind, to: end)
            if s.peek() == UInt8(ascii: "%") { return s.emit(.keywordType, length: 1) }
            let unitEnd = s.end(from: s.pos, while: \.isLetter)
            if Self.units.contains(ArraySlice(s.slice(s.pos, unitEnd).map { $0 | 0x20 })) { s.emit(.keywordType, to: unitEnd) }
            return
        }
        if byte == UInt8(ascii: "!"), s.peek(1).isLetter {
            return s.emit(.commentPreproc, to: s.identifierEnd(from: s.pos + 1))
        }
        if byte.isIdentifierStart || (byte == UInt8(ascii: "-") && (s.peek(1).isIdentifierStart || s.peek(1) == UInt8(ascii: "-"))) {
            let end = nameEnd(s, s.pos)
            let word = s.slice(s.pos, end)
            if s[end] == UInt8(ascii: "(") {
                if word.elementsEqual("url".utf8) { return lexURL(&s, end) }
                return s.emit(Self.builtinFunctions.contains(word) ? .nameBuiltin : .nameFunction, to: end)
            }
            if s.matches("--") { return s.emit(.nameVariable, to: end) }
            return s.emit(Self.keywordValues[word] ?? .name, to: end)
        }
        if "[](),".utf8.contains(byte) { return s.emit(.punctuation, length: 1) }
        if "~^*!%&<>|+=@:./?-".utf8.contains(byte) { return s.emit(.operator, length: 1) }
        s.emitScalar(.text)
    }

    /// `url(…)` with a quoted or bare address.
    private func lexURL(_ s: inout Scanner, _ nameEnd: Int) {
        s.emit(.nameBuiltin, to: nameEnd)
        s.emit(.punctuation, length: 1)
        let quote = s.peek()
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            s.emit(quote == UInt8(ascii: "\"") ? .stringDouble : .stringSingle, to: quotedEnd(s, quote))
        } else {
            s.emit(.stringOther, to: s.end(from: s.pos) { $0 != UInt8(ascii: ")") && $0 != .newline })
        }
        if s.peek() == UInt8(ascii: ")") { s.emit(.punctuation, length: 1) }
    }

    private func nameEnd(_ s: Scanner, _ start: Int) -> Int {
        s.end(from: start) { $0.isIdentifier || $0 == UInt8(ascii: "-") }
    }

    private func quotedEnd(_ s: Scanner, _ quote: UInt8) -> Int {
        var i = s.pos + 1
        while i < s.count, s[i] != quote, s[i] != .newline { i += s[i] == UInt8(ascii: "\\") ? 2 : 1 }
        return min(s[i] == quote ? i + 1 : i, s.count)
    }
}

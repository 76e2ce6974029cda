/// A command that stands for one symbol, and how it behaves in a formula.
struct MathSymbol: Sendable {
    enum Kind: Sendable {
        /// `<mi>`, italic when it is a single letter (`\alpha`).
        case ordinary
        /// `<mi mathvariant="normal">` (`\Gamma`, `\infty`).
        case upright
        case binary, relation, punctuation
        case open, close
        /// `|` and `\|`: a delimiter that is neither opening nor closing.
        case fence
        /// `\sum`-like: limits above and below in display style.
        case largeOperator
        /// `\int`-like: large, with scripts at the side.
        case integral
    }

    let text: String
    let kind: Kind
}

/// The symbol tables, keyed by command name without the backslash.
enum Symbols {
    /// Looks up a symbol command such as `alpha` or `leq`.
    static func symbol(_ name: String) -> MathSymbol? { table[name] }

    /// Every symbol command by name.
    static var all: [String: MathSymbol] { table }

    /// How a Unicode character typed directly in math mode behaves.
    static func kind(of scalar: Unicode.Scalar) -> MathSymbol.Kind? { byCharacter[scalar] }

    private static let table: [String: MathSymbol] = {
        var table: [String: MathSymbol] = [:]
        for (kind, list) in sections + compatibilitySections {
            var words = list.split(whereSeparator: { $0 == " " || $0 == "\n" }).makeIterator()
            while let name = words.next(), let text = words.next() {
                table[String(name)] = MathSymbol(text: String(text), kind: kind)
            }
        }
        return table
    }()

    private static let byCharacter: [Unicode.Scalar: MathSymbol.Kind] = {
        var map: [Unicode.Scalar: MathSymbol.Kind] = [:]
        for symbol in table.values {
            let scalars = symbol.text.unicodeScalars
            if scalars.count == 1, let scalar = scalars.first, scalar.value > 0x7F { map[scalar] = symbol.kind }
        }
        return map
    }()

    private static let sections: [(MathSymbol.Kind, String)] = [
        (
            .ordinary,
            """
            alpha α beta β gamma γ delta δ epsilon ϵ varepsilon ε zeta ζ eta η theta θ vartheta ϑ
            iota ι kappa κ varkappa ϰ lambda λ mu μ nu ν xi ξ omicron ο pi π varpi ϖ rho ρ varrho ϱ
            sigma σ varsigma ς tau τ upsilon υ phi ϕ varphi φ chi χ psi ψ omega ω digamma ϝ
            varGamma Γ varDelta Δ varTheta Θ varLambda Λ varXi Ξ varPi Π varSigma Σ varUpsilon Υ
            varPhi Φ varPsi Ψ varOmega Ω
            ell ℓ hbar ℏ hslash ℏ partial ∂ wp ℘ imath ı jmath ȷ aleph ℵ beth ℶ gimel ℷ daleth ℸ
            eth ð mho ℧ Finv Ⅎ Game ⅁ prime ′ backprime ‵
            """
        ),
        (
            .upright,
            """
            Gamma Γ Delta Δ Theta Θ Lambda Λ Xi Ξ Pi Π Sigma Σ Upsilon Υ Phi Φ Psi Ψ Omega Ω
            Alpha Α Beta Β Epsilon Ε Zeta Ζ Eta Η Iota Ι Kappa Κ Mu Μ Nu Ν Omicron Ο Rho Ρ Tau Τ Chi Χ
            infty ∞ nabla ∇ emptyset ∅ varnothing ∅ forall ∀ exists ∃ nexists ∄ neg ¬ lnot ¬ top ⊤ bot ⊥
            angle ∠ measuredangle ∡ sphericalangle ∢ triangle △ triangledown ▽ blacktriangle ▲
            blacktriangledown ▼ Re ℜ Im ℑ flat ♭ natural ♮ sharp ♯ clubsuit ♣ diamondsuit ♢
            heartsuit ♡ spadesuit ♠ surd √ checkmark ✓ S § P ¶ copyright © pounds £ textdegree °
            degree ° varvdots ⋮ ddots ⋱
            iddots ⋰ Box □ square □ blacksquare ■ Diamond ◊ lozenge ◊ blacklozenge ⧫ bigstar ★
            complement ∁ circledS Ⓢ circledR ® vartriangle △ blacktriangleleft ◀ blacktriangleright ▶
            backepsilon ϶ maltese ✠ yen ¥ euro € infin ∞ backslash ∖ diagup ╱ diagdown ╲
            """
        ),
        (
            .binary,
            """
            pm ± mp ∓ times × div ÷ cdot ⋅ ast ∗ star ⋆ circ ∘ bullet ∙ oplus ⊕ ominus ⊖ otimes ⊗
            oslash ⊘ odot ⊙ cup ∪ cap ∩ sqcup ⊔ sqcap ⊓ vee ∨ lor ∨ wedge ∧ land ∧ setminus ∖
            smallsetminus ∖ wr ≀ uplus ⊎ amalg ⨿ bigtriangleup △ bigtriangledown ▽ triangleleft ◃
            triangleright ▹ dagger † ddagger ‡ diamond ⋄ bigcirc ◯ ltimes ⋉ rtimes ⋊ boxplus ⊞
            boxminus ⊟ boxtimes ⊠ boxdot ⊡ dotplus ∔ intercal ⊺ barwedge ⊼ veebar ⊻ curlywedge ⋏
            curlyvee ⋎ circledast ⊛ circledcirc ⊚ circleddash ⊝ divideontimes ⋇ centerdot ⋅
            leftthreetimes ⋋ rightthreetimes ⋌ doublebarwedge ⩞ Cup ⋓ Cap ⋒ doublecup ⋓ doublecap ⋒ gtrdot ⋗
            lessdot ⋖ minuso ⦵
            """
        ),
        (
            .relation,
            """
            leq ≤ le ≤ geq ≥ ge ≥ neq ≠ ne ≠ equiv ≡ approx ≈ approxeq ≊ sim ∼ simeq ≃ cong ≅ propto ∝
            varpropto ∝ in ∈ notin ∉ ni ∋ owns ∋ subset ⊂ supset ⊃ subseteq ⊆ supseteq ⊇ subsetneq ⊊
            supsetneq ⊋ nsubseteq ⊈ nsupseteq ⊉ sqsubset ⊏ sqsupset ⊐ sqsubseteq ⊑ sqsupseteq ⊒ ll ≪
            gg ≫ lll ⋘ ggg ⋙ prec ≺ succ ≻ preceq ⪯ succeq ⪰ perp ⊥ parallel ∥ nparallel ∦ mid ∣
            nmid ∤ vdash ⊢ dashv ⊣ models ⊨ vDash ⊨ Vdash ⊩ nvdash ⊬ nvDash ⊭ asymp ≍ bowtie ⋈ Join ⋈
            smile ⌣ frown ⌢ doteq ≐ doteqdot ≑ coloneqq ≔ eqqcolon ≕ coloneq ≔ triangleq ≜ leqslant ⩽
            geqslant ⩾ leqq ≦ geqq ≧ lesssim ≲ gtrsim ≳ lessapprox ⪅ gtrapprox ⪆ nless ≮ ngtr ≯ nleq ≰
            ngeq ≱ lneq ⪇ gneq ⪈ nsim ≁ ncong ≇ therefore ∴ because ∵ eqsim ≂ backsim ∽ thicksim ∼
            thickapprox ≈ lessgtr ≶ gtrless ≷ Subset ⋐ Supset ⋑ vartriangleleft ⊲ vartriangleright ⊳
            trianglelefteq ⊴ trianglerighteq ⊵ precsim ≾ succsim ≿ circeq ≗ bumpeq ≏ Bumpeq ≎ eqcirc ≖
            vcentcolon : Coloneqq ⩴ Vvdash ⊪ nVdash ⊮ smallfrown ⌢ smallsmile ⌣ nsubseteqq ⊈ subsetneqq ⫋
            supsetneqq ⫌ precnapprox ⪹ succnapprox ⪺ between ≬ pitchfork ⋔ upuparrows ⇈ downdownarrows ⇊
            mapsfrom ↤ longmapsfrom ⟻
            to → rightarrow → leftarrow ← gets ← leftrightarrow ↔ Rightarrow ⇒ Leftarrow ⇐
            Leftrightarrow ⇔ longrightarrow ⟶ longleftarrow ⟵ longleftrightarrow ⟷ Longrightarrow ⟹
            Longleftarrow ⟸ Longleftrightarrow ⟺ mapsto ↦ longmapsto ⟼ hookrightarrow ↪
            hookleftarrow ↩ uparrow ↑ downarrow ↓ updownarrow ↕ Uparrow ⇑ Downarrow ⇓ Updownarrow ⇕
            nearrow ↗ searrow ↘ swarrow ↙ nwarrow ↖ rightharpoonup ⇀ rightharpoondown ⇁
            leftharpoonup ↼ leftharpoondown ↽ rightleftharpoons ⇌ leftrightharpoons ⇋
            rightrightarrows ⇉ leftleftarrows ⇇ rightleftarrows ⇄ leftrightarrows ⇆
            twoheadrightarrow ↠ twoheadleftarrow ↞ rightsquigarrow ⇝ leadsto ⇝ leftrightsquigarrow ↭
            curvearrowright ↷ curvearrowleft ↶ circlearrowright ↻ circlearrowleft ↺ Lsh ↰ Rsh ↱
            upharpoonright ↾ upharpoonleft ↿ downharpoonright ⇂ downharpoonleft ⇃ restriction ↾
            nrightarrow ↛ nleftarrow ↚ nRightarrow ⇏ nLeftarrow ⇍ nleftrightarrow ↮ nLeftrightarrow ⇎
            dashrightarrow ⇢ dashleftarrow ⇠ Rrightarrow ⇛ Lleftarrow ⇚ multimap ⊸ leftarrowtail ↢
            rightarrowtail ↣ looparrowleft ↫ looparrowright ↬
            """
        ),
        (.punctuation, "colon : cdotp ⋅ ldotp ."),
        (
            .open,
            """
            lvert | lVert ‖ { { lbrace { langle ⟨ lceil ⌈ lfloor ⌊ lbrack [ lgroup ⟮ llbracket ⟦ lmoustache ⎰ ulcorner ┌
            llcorner └
            """
        ),
        (
            .close,
            """
            rvert | rVert ‖ } } rbrace } rangle ⟩ rceil ⌉ rfloor ⌋ rbrack ] rgroup ⟯ rrbracket ⟧ rmoustache ⎱ urcorner ┐
            lrcorner ┘
            """
        ),
        (.fence, "| ‖ vert | Vert ‖"),
        (
            .largeOperator,
            """
            sum ∑ prod ∏ coprod ∐ bigcup ⋃ bigcap ⋂ bigvee ⋁ bigwedge ⋀ bigoplus ⨁ bigotimes ⨂
            bigodot ⨀ biguplus ⨄ bigsqcup ⨆
            """
        ),
        (.integral, "int ∫ iint ∬ iiint ∭ iiiint ⨌ oint ∮ oiint ∯ oiiint ∰ smallint ∫ intop ∫"),
    ]
}

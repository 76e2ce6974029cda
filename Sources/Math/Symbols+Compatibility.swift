/// Symbol names that KaTeX and MathJax accept besides LaTeX's own: amssymb relations, mathtools
/// colons, and the short names of Wikipedia's texvc (`\R`, `\larr`, `\sub`).
extension Symbols {
    static let compatibilitySections: [(MathSymbol.Kind, String)] = [
        (
            .ordinary,
            """
            alef ℵ alefsym ℵ weierp ℘ thetasym ϑ lq ‘ rq ’
            N ℕ R ℝ Z ℤ Q ℚ C ℂ natnums ℕ reals ℝ Reals ℝ cnums ℂ Complex ℂ Bbbk 𝕜
            """
        ),
        (
            .upright,
            """
            real ℜ image ℑ
            clubs ♣ diamonds ♢ hearts ♡ spades ♠ exist ∃ empty ∅ sect § mathellipsis … mathsterling £ And &
            """
        ),
        (
            .binary,
            """
            dag † ddag ‡ Dagger ‡ bull ∙ plusmn ± sdot ⋅ lhd ⊲ rhd ⊳ unlhd ⊴ unrhd ⊵
            """
        ),
        (
            .relation,
            """
            lt < gt > isin ∈ notni ∌ sub ⊂ sube ⊆ supe ⊇ subseteqq ⫅ supseteqq ⫆ nsupseteqq ⫆̸
            varsubsetneq ⊊ varsubsetneqq ⫋ varsupsetneq ⊋ varsupsetneqq ⫌ backsimeq ⋍ curlyeqprec ⋞
            curlyeqsucc ⋟ Doteq ≑ fallingdotseq ≒ risingdotseq ≓ eqslantgtr ⪖ eqslantless ⪕ gggtr ⋙ llless ⋘
            gnapprox ⪊ gneqq ≩ gnsim ⋧ gvertneqq ≩︀ lnapprox ⪉ lneqq ≨ lnsim ⋦ lvertneqq ≨︀ gtreqless ⋛
            gtreqqless ⪌ lesseqgtr ⋚ lesseqqgtr ⪋ ngeqq ≧̸ nleqq ≦̸ ngeqslant ⩾̸ nleqslant ⩽̸ nprec ⊀ nsucc ⊁
            npreceq ⋠ nsucceq ⋡ precapprox ⪷ succapprox ⪸ preccurlyeq ≼ succcurlyeq ≽ precneqq ⪵ succneqq ⪶
            precnsim ⋨ succnsim ⋩ shortmid ∣ nshortmid ∤ shortparallel ∥ nshortparallel ∦ ntriangleleft ⋪
            ntrianglelefteq ⋬ ntriangleright ⋫ ntrianglerighteq ⋭ nVDash ⊯ origof ⊶ imageof ⊷ ratio ∶
            dblcolon ∷ coloncolon ∷ colonequals ≔ colonminus :− Coloneq ∷− colonapprox :≈ Colonapprox ∷≈
            colonsim :∼ Colonsim ∷∼ coloncolonequals ∷= coloncolonminus ∷− coloncolonapprox ∷≈ coloncolonsim ∷∼
            eqcolon −: Eqcolon −∷ Eqqcolon =∷ equalscolon ≕ equalscoloncolon =∷ approxcolon ≈: approxcoloncolon ≈∷
            minuscolon −: minuscoloncolon −∷ simcolon ∼: simcoloncolon ∼∷
            larr ← rarr → uarr ↑ darr ↓ harr ↔ lrarr ↔ Larr ⇐ lArr ⇐ Rarr ⇒ rArr ⇒ Uarr ⇑ uArr ⇑ Darr ⇓ dArr ⇓
            Harr ⇔ hArr ⇔ Lrarr ⇔ lrArr ⇔
            """
        ),
        (.open, "lparen ( lBrace ⦃ lang ⟨"),
        (.close, "rparen ) rBrace ⦄ rang ⟩"),
    ]
}

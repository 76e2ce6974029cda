import Markdown
import Testing

/// Footnotes are numbered in the order of their first reference in the document, references inside
/// definitions counting where the definition stands; the parser keeps references and definitions
/// as it makes them instead of walking the tree for them.
struct FootnoteOrderTests {
    @Test func footnotesAreNumberedInDocumentOrderAcrossBlocksAndDefinitions() {
        let markdown = """
            Second[^b] first? No: a list.

            - item [^c] and *emph [^a]*
            - | h |
              |---|
              | cell [^d] |

            > quote [^a] [^e]

            [link [^f]](/x) and [^g [^b]] and ![^h]

            [^a]: A, which cites [^i].
            [^b]: B.
            [^c]: C.
            [^d]: D.
            [^e]: E
                > nested [^c] [^j]
            [^f]: F.
            [^g [^b]]: G.
            [^h]: H.
            [^i]: I.
            [^j]: J.

            """
        #expect(
            renderHTML(markdown, options: .gfm) == """
                <p>Second<sup class="footnote-ref"><a href="#fn1" id="fnref1">1</a></sup> first? No: a list.</p>
                <ul>
                <li>item <sup class="footnote-ref"><a href="#fn2" id="fnref2">2</a></sup> and <em>emph <sup class="footnote-ref"><a href="#fn3" id="fnref3">3</a></sup></em></li>
                <li>
                <table>
                <thead>
                <tr>
                <th>h</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td>cell <sup class="footnote-ref"><a href="#fn4" id="fnref4">4</a></sup></td>
                </tr>
                </tbody>
                </table>
                </li>
                </ul>
                <blockquote>
                <p>quote <sup class="footnote-ref"><a href="#fn3" id="fnref3">3</a></sup> <sup class="footnote-ref"><a href="#fn5" id="fnref5">5</a></sup></p>
                </blockquote>
                <p><a href="/x">link <sup class="footnote-ref"><a href="#fn6" id="fnref6">6</a></sup></a> and [^g <sup class="footnote-ref"><a href="#fn1" id="fnref1">1</a></sup>] and !<sup class="footnote-ref"><a href="#fn7" id="fnref7">7</a></sup></p>
                <section class="footnotes">
                <ol>
                <li id="fn1">
                <p>B. <a href="#fnref1" class="footnote-backref">↩</a></p>
                </li>
                <li id="fn2">
                <p>C. <a href="#fnref2" class="footnote-backref">↩</a></p>
                </li>
                <li id="fn3">
                <p>A, which cites <sup class="footnote-ref"><a href="#fn8" id="fnref8">8</a></sup>. <a href="#fnref3" class="footnote-backref">↩</a></p>
                </li>
                <li id="fn4">
                <p>D. <a href="#fnref4" class="footnote-backref">↩</a></p>
                </li>
                <li id="fn5">
                <p>E</p>
                <blockquote>
                <p>nested <sup class="footnote-ref"><a href="#fn2" id="fnref2">2</a></sup> <sup class="footnote-ref"><a href="#fn9" id="fnref9">9</a></sup></p>
                </blockquote>
                <a href="#fnref5" class="footnote-backref">↩</a>
                </li>
                <li id="fn6">
                <p>F.
                [^g <sup class="footnote-ref"><a href="#fn1" id="fnref1">1</a></sup>]: G. <a href="#fnref6" class="footnote-backref">↩</a></p>
                </li>
                <li id="fn7">
                <p>H. <a href="#fnref7" class="footnote-backref">↩</a></p>
                </li>
                <li id="fn8">
                <p>I. <a href="#fnref8" class="footnote-backref">↩</a></p>
                </li>
                <li id="fn9">
                <p>J. <a href="#fnref9" class="footnote-backref">↩</a></p>
                </li>
                </ol>
                </section>

                """)
    }
}

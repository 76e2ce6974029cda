import Markdown
import Testing

/// goldmark's definition lists (Hugo's default); expected HTML is Hugo 0.168's output for the same text.
struct DefinitionListTests {
    private func render(_ markdown: String, definitionLists: Bool = true) -> String {
        var options = MarkdownOptions.site
        options.definitionLists = definitionLists
        return HTMLRenderer(options: options).render(Document.parse(markdown, options: options))
    }

    @Test func termsDefinitionsLooseAndTight() {
        let markdown = """
            Term
            : definition

            Apple
            Orange
            : fruit one
            : fruit two

            Loose
            : para one

            : para two

            Term3

            : loose def after blank

            """
        #expect(
            render(markdown) == """
                <dl>
                <dt>Term</dt>
                <dd>definition</dd>
                <dt>Apple</dt>
                <dt>Orange</dt>
                <dd>fruit one</dd>
                <dd>fruit two</dd>
                <dt>Loose</dt>
                <dd>para one</dd>
                <dd>
                <p>para two</p>
                </dd>
                <dt>Term3</dt>
                <dd>
                <p>loose def after blank</p>
                </dd>
                </dl>

                """)
    }

    @Test func lazyContinuationAndNestedBlocks() {
        let markdown = """
            Term4
            : first line
            lazy continuation
            : second

                code?

            Nested
            : - a
              - b

              > quote

              para in dd
            Other
            : x

            """
        #expect(
            render(markdown) == """
                <dl>
                <dt>Term4</dt>
                <dd>first line
                lazy continuation</dd>
                <dd>second
                <p>code?</p>
                </dd>
                <dt>Nested</dt>
                <dd><ul>
                <li>a</li>
                <li>b</li>
                </ul>
                <blockquote>
                <p>quote</p>
                </blockquote>
                para in dd
                Other</dd>
                <dd>x</dd>
                </dl>

                """)
    }

    @Test func whatIsNotADefinition() {
        let markdown = """
            para before
            Term
            : def

            `href`
            : URL for external links.

            * list

            : not a def

            Term
            :   indented def

                second para of def

            #### Heading
            : def after heading?

            Term
            :no space

            Term
            : def
            Term2
            : def2

            """
        #expect(
            render(markdown) == """
                <dl>
                <dt>para before</dt>
                <dt>Term</dt>
                <dd>def</dd>
                <dt><code>href</code></dt>
                <dd>URL for external links.</dd>
                </dl>
                <ul>
                <li>list</li>
                </ul>
                <p>: not a def</p>
                <dl>
                <dt>Term</dt>
                <dd>indented def
                <p>second para of def</p>
                </dd>
                </dl>
                <h4 id="heading">Heading</h4>
                <p>: def after heading?</p>
                <p>Term
                :no space</p>
                <dl>
                <dt>Term</dt>
                <dd>def
                Term2</dd>
                <dd>def2</dd>
                </dl>

                """)
    }

    @Test func offByDefault() {
        #expect(render("Term\n: definition\n", definitionLists: false) == "<p>Term\n: definition</p>\n")
        #expect(HTMLRenderer().render(Document.parse("Term\n: definition\n")) == "<p>Term\n: definition</p>\n")
    }
}

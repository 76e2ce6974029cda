/// Maps language names and aliases to lexers.
enum LanguageRegistry {
    private static let lexers: [String: any Lexer] = {
        var table: [String: any Lexer] = [:]
        func add(_ lexer: any Lexer, _ names: String) {
            for name in names.split(separator: " ") { table[String(name)] = lexer }
        }
        add(CodeLexer(spec: Python.spec), "python py python3 py3 gyp sage")
        add(CodeLexer(spec: Swift.spec), "swift")
        add(CodeLexer(spec: CFamily.c), "c h")
        add(CodeLexer(spec: CFamily.cpp), "cpp c++ cc cxx hpp hh hxx")
        add(CodeLexer(spec: Rust.spec), "rust rs")
        add(CodeLexer(spec: Go.spec), "go golang")
        add(CodeLexer(spec: JVM.java), "java")
        add(CodeLexer(spec: JVM.kotlin), "kotlin kt kts")
        add(CodeLexer(spec: JavaScript.javascript), "javascript js jsx mjs cjs node")
        add(CodeLexer(spec: JavaScript.typescript), "typescript ts tsx mts cts")
        add(CodeLexer(spec: Scientific.r), "r s splus rscript")
        add(CodeLexer(spec: Scientific.julia), "julia jl")
        add(CodeLexer(spec: Scientific.matlab), "matlab octave m")
        add(JSONLexer(allowsComments: false), "json")
        add(JSONLexer(allowsComments: true), "jsonc json5 jsonl")
        add(YAMLLexer(), "yaml yml")
        add(TOMLLexer(), "toml")
        add(CSSLexer(), "css")
        add(SQLLexer(), "sql mysql postgresql postgres psql sqlite plsql")
        add(DiffLexer(), "diff patch udiff")
        add(BashLexer(), "bash sh shell zsh ksh")
        add(ConsoleLexer(), "console shell-session shellsession terminal")
        add(DockerfileLexer(), "dockerfile docker containerfile")
        add(MakeLexer(), "make makefile mk bsdmake gnumake")
        add(MarkupLexer(isXML: false), "html htm xhtml")
        add(MarkupLexer(isXML: true), "xml svg xsd xsl xslt rss atom plist")
        add(MarkdownLexer(), "markdown md mkd")
        add(LaTeXLexer(), "latex tex")
        return table
    }()

    /// The lexer for a lowercased language name or alias.
    static func lexer(for name: String) -> (any Lexer)? { lexers[name] }

    /// All names and aliases, sorted.
    static let names: [String] = lexers.keys.sorted()
}

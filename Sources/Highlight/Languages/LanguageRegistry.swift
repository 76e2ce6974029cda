/// Maps language names and aliases to lexers.
enum LanguageRegistry {
    private static let lexers: [String: any Lexer] = {
        var table: [String: any Lexer] = [:]
        func add(_ lexer: any Lexer, _ names: String) {
            for name in names.split(separator: " ") { table[String(name)] = lexer }
        }
        add(CodeLexer(spec: Python.spec), "python py python3 py3 gyp sage")
        return table
    }()

    /// The lexer for a lowercased language name or alias.
    static func lexer(for name: String) -> (any Lexer)? { lexers[name] }

    /// All names and aliases, sorted.
    static let names: [String] = lexers.keys.sorted()
}

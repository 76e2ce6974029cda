import TextUtilities

/// Build-time syntax highlighting with Pygments/Chroma class names.
public enum Highlighter {
    /// Full block HTML: `<div class="highlight"><pre class="chroma"><code class="language-python"
    /// data-lang="python">…</code></pre></div>`, plus title and line-number markup as `options` ask.
    /// An unknown or `nil` language gives the escaped code, unhighlighted, in the same wrapper.
    public static func html(code: String, language: String?, options: HighlightOptions = HighlightOptions()) -> String {
        let source = normalizedSource(code)
        var name = language.map(attributeSafeName).flatMap { $0.isEmpty ? nil : $0 }
        // A name with other characters (`bash!`) names no lexer and is kept as written, escaped, as
        // Hugo keeps it (`class="language-bash!"`).
        // Otherwise the name keeps the case it is written in (`language-R`), as in Hugo.
        var lexerName = name
        if let written = language, let safe = name {
            if safe != written.lowercased() {
                name = HTMLEscaper.attribute.escape(written.lowercased())
                lexerName = nil
            } else {
                name = written
            }
        }
        let tokens =
            lexerName.flatMap(LanguageRegistry.lexer(for:))?.tokens(source)
            ?? [RawToken(kind: .text, start: 0, end: source.count)]
        return HTMLWriter(source: source, tokens: tokens, language: name, options: options).render()
    }

    /// The language Hugo's `guessSyntax` gives a code block written without one: Chroma recognises
    /// a shell script by its `#!` line (`sh`, `bash`, `zsh`, directly or through `env`) and calls
    /// everything else `fallback` (shown as plain text).
    public static func guessedLanguage(of code: String) -> String {
        let first = code.prefix { $0 != "\n" }.trimmingCharacters(in: .whitespaces)
        guard first.hasPrefix("#!") else { return "fallback" }
        let words = first.dropFirst(2).split(separator: " ")
        var program = words.first.map { $0.split(separator: "/").last.map(String.init) ?? "" } ?? ""
        if program == "env", words.count > 1 { program = String(words[1]) }
        return ["sh", "bash", "zsh"].contains(program) ? "bash" : "fallback"
    }

    /// Whether `language` (a name or alias such as `py`, `yml`, `shell`) has a lexer.
    public static func isSupported(_ language: String) -> Bool {
        LanguageRegistry.lexer(for: attributeSafeName(language)) != nil
    }

    /// The tokens of `code`; one plain-text token for an unsupported language.
    public static func tokens(code: String, language: String) -> [Token] {
        let source = normalizedSource(code)
        let raw =
            LanguageRegistry.lexer(for: attributeSafeName(language))?.tokens(source)
            ?? [RawToken(kind: .text, start: 0, end: source.count)]
        return raw.map { Token(kind: $0.kind, text: String(decoding: source[$0.start..<$0.end], as: UTF8.self)) }
    }

    /// Every language name and alias that has a lexer, sorted.
    public static var supportedLanguages: [String] { LanguageRegistry.names }

    /// The source as bytes with CRLF line ends turned into LF.
    private static func normalizedSource(_ code: String) -> [UInt8] {
        var bytes = Array(code.utf8)
        guard bytes.contains(UInt8(ascii: "\r")) else { return bytes }
        var kept = 0
        for (i, byte) in bytes.enumerated() where !(byte == UInt8(ascii: "\r") && i + 1 < bytes.count && bytes[i + 1] == .newline) {
            bytes[kept] = byte
            kept += 1
        }
        bytes.removeLast(bytes.count - kept)
        return bytes
    }

    /// The language name lowercased and reduced to characters safe in a class attribute.
    private static func attributeSafeName(_ language: String) -> String {
        String(
            language.lowercased().unicodeScalars.filter {
                ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || "+-_.#".unicodeScalars.contains($0)
            }.map(Character.init))
    }
}

import Testing
@testable import Highlight

@Suite struct DataFormatTests {
    @Test func jsonKeysValuesAndStrictComments() {
        let code = "{\"a\": [1, -2.5e3, true, null], \"b\": \"x\\u00e9\"} // note"
        let strict = lex(code, "json")
        #expect(has(strict, .nameTag, "\"a\""))
        #expect(has(strict, .numberInteger, "1"))
        #expect(has(strict, .numberFloat, "-2.5e3"))
        #expect(has(strict, .keywordConstant, "true"))
        #expect(has(strict, .stringEscape, "\\u00e9"))
        #expect(has(strict, .error, "// note"))
        let lenient = lex(code, "jsonc")
        #expect(has(lenient, .commentSingle, "// note"))
    }

    @Test func yamlKeysScalarsAndBlocks() {
        let code = "key: value # c\nlist:\n  - \"q\"\n  - &a {x: 1}\ntext: |\n  kept: not a key\n  # not a comment\nnext: *a\n"
        let tokens = lex(code, "yml")
        #expect(has(tokens, .nameTag, "key"))
        #expect(has(tokens, .literal, "value"))
        #expect(has(tokens, .commentSingle, "# c"))
        #expect(has(tokens, .string, "\"q\""))
        #expect(has(tokens, .nameLabel, "&a"))
        #expect(has(tokens, .nameConstant, "kept: not a key"))
        #expect(has(tokens, .nameConstant, "# not a comment"))
        #expect(has(tokens, .nameTag, "next"))
        #expect(has(tokens, .nameVariable, "*a"))
    }

    @Test func tomlTablesStringsAndDates() {
        let code = "[tool.poetry]\nname = \"a\\tb\"\npath = 'C:\\x'\nwhen = 1979-05-27T07:32:00Z\nports = [8000, 0x1F]\ninline = { x = true }\n"
        let tokens = lex(code, "toml")
        #expect(has(tokens, .keyword, "[tool.poetry]"))
        #expect(has(tokens, .name, "name"))
        #expect(has(tokens, .stringEscape, "\\t"))
        #expect(has(tokens, .stringSingle, "'C:\\x'"))
        #expect(has(tokens, .literalDate, "1979-05-27T07:32:00Z"))
        #expect(has(tokens, .numberHex, "0x1F"))
        #expect(has(tokens, .keywordConstant, "true"))
    }

    @Test func sqlKeywordsAreCaseInsensitive() {
        let tokens = lex("select name, count(*) from t where x = 'O''Reilly' -- c\n/* b */ INSERT INTO t VALUES (1.5);", "sql")
        #expect(has(tokens, .keyword, "select"))
        #expect(has(tokens, .keyword, "count"))
        #expect(has(tokens, .stringSingle, "'O''Reilly'"))
        #expect(has(tokens, .commentSingle, "-- c"))
        #expect(has(tokens, .commentMultiline, "/* b */"))
        #expect(has(tokens, .numberFloat, "1.5"))
    }

    @Test func diffLines() {
        let tokens = lex("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new\n same\n", "diff")
        #expect(has(tokens, .genericHeading, "--- a/x"))
        #expect(has(tokens, .genericSubheading, "@@ -1 +1 @@"))
        #expect(has(tokens, .genericDeleted, "-old"))
        #expect(has(tokens, .genericInserted, "+new"))
    }
}

import Testing
@testable import Highlight

@Suite struct ShellTests {
    @Test func hereDocumentsStartOnTheNextLine() {
        let code = "cat <<EOF > out.txt\nhost = $HOST\nEOF\necho done\ncat <<-'RAW'\n\tno $x\n\tRAW\n"
        let tokens = lex(code, "bash")
        #expect(has(tokens, .stringHeredoc, "<<EOF"))
        #expect(kind(of: "> out.txt", in: tokens) == .text)
        #expect(has(tokens, .nameVariable, "$HOST"))
        #expect(has(tokens, .nameBuiltin, "echo"))
        #expect(kind(of: "no $x", in: tokens) == .stringHeredoc)
    }

    @Test func nestedSubstitutions() {
        let tokens = lex("echo \"a $(date +%F) ${x:-$(pwd)} $((n + 1))\"", "sh")
        #expect(has(tokens, .keyword, "$("))
        #expect(has(tokens, .keyword, "$(("))
        #expect(has(tokens, .keyword, "))"))
        #expect(has(tokens, .stringInterpol, "${"))
        #expect(has(tokens, .nameVariable, "x"))
        #expect(has(tokens, .nameBuiltin, "pwd"))
        #expect(tokens.last == Token(kind: .stringDouble, text: "\""))
    }

    @Test func keywordsAssignmentsAndComments() {
        let tokens = lex("#!/bin/sh\nif [ -f x ]; then NAME=1 # set\nfi\n", "shell")
        #expect(has(tokens, .commentHashbang, "#!/bin/sh"))
        #expect(has(tokens, .keyword, "if"))
        #expect(has(tokens, .nameVariable, "NAME"))
        #expect(has(tokens, .commentSingle, "# set"))
    }

    @Test func consolePromptsAndOutput() {
        let tokens = lex("$ echo hi && \\\n  ls\nhi\n(.venv) user@host:~$ pip install x\nDone\n", "console")
        #expect(has(tokens, .genericPrompt, "$ "))
        #expect(has(tokens, .nameBuiltin, "echo"))
        #expect(has(tokens, .genericOutput, "hi"))
        #expect(has(tokens, .genericPrompt, "(.venv) user@host:~$ "))
        #expect(has(tokens, .genericOutput, "Done"))
    }

    @Test func dockerfileInstructions() {
        let tokens = lex("FROM swift:6.0 AS build\nRUN apt-get update \\\n && echo ok\nCMD [\"serve\", \"--port\"]\n", "dockerfile")
        #expect(has(tokens, .keyword, "FROM"))
        #expect(has(tokens, .string, "swift:6.0"))
        #expect(has(tokens, .keyword, "AS"))
        #expect(has(tokens, .nameBuiltin, "echo"))
        #expect(has(tokens, .stringDouble, "\"serve\""))
    }

    @Test func makefileRulesAndRecipes() {
        let tokens = lex("CC ?= gcc\napp: main.o $(OBJS)\n\t$(CC) -o $@ $^\nifeq ($(OS),x)\nendif\n", "make")
        #expect(has(tokens, .nameVariable, "CC"))
        #expect(has(tokens, .operator, "?="))
        #expect(has(tokens, .nameFunction, "app"))
        #expect(has(tokens, .keyword, "$("))
        #expect(has(tokens, .commentPreproc, "ifeq ($(OS),x)"))
    }
}

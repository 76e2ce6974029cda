import ArgumentParser

/// The `collective` command: each subcommand parses its arguments and calls a library.
@main
struct Collective: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collective",
        abstract: "Build and serve technical blogs: Markdown, math, code and charts, no JavaScript needed.",
        subcommands: [
            BuildCommand.self, ServeCommand.self, CheckCommand.self, InitCommand.self, NewCommand.self,
            MarkdownCommand.self, MathCommand.self, HighlightCommand.self, ChartCommand.self,
        ]
    )
}

import ArgumentParser
import DevServer
import Foundation
import Site

/// `collective serve`: builds the site in memory, serves it and reloads the browser on every change.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: serve it from memory, rebuild on change, reload the browser."
    )

    @Option(name: [.short, .long], help: "The site folder (with content/ and a config file).")
    var source: String = "."

    @Option(name: [.short, .long], help: "The port to listen on; the next free one is used when it is taken.")
    var port: UInt16 = 1313

    @Option(name: .long, help: "The address to listen on. Anything but 127.0.0.1 or ::1 exposes the preview to the network.")
    var bind: String = "127.0.0.1"

    @Flag(name: [.customShort("D"), .long], help: "Include drafts.")
    var drafts = false

    @Flag(name: [.customShort("F"), .long], help: "Include pages dated in the future.")
    var future = false

    @Flag(name: [.customShort("E"), .long], help: "Include expired pages.")
    var expired = false

    @Flag(name: .long, help: "Open the site in the default browser.")
    var open = false

    @Option(name: .long, help: "Poll for changes every this many milliseconds instead of using system notifications.")
    var poll: Int?

    @Flag(name: .long, help: "Rerun a changed page's stale executable cells (```{python}) in the build worker, and reload when done.")
    var execute = false

    func run() throws {
        var options = PreviewOptions(source: URL(fileURLWithPath: source))
        options.port = port
        options.bindAddress = bind
        options.build = BuildOptions(drafts: drafts, future: future, expired: expired)
        if execute { options.build.execute = .stale }
        // Builds run in a process of their own, so that a crash in the builder cannot end the preview.
        if let executable = Bundle.main.executableURL {
            options.worker = WorkerCommand(executable: executable, arguments: ["serve-worker"])
        }
        if let poll { options.watchMode = .polling(interval: .milliseconds(max(20, poll))) }
        options.log = { message in
            if let diagnostic = message.diagnostic, diagnostic.severity <= .warning {
                Terminal.printError(message.description)
            } else {
                Self.say(message.description)
            }
        }
        if !PreviewOptions.isLoopback(bind) {
            Terminal.printError("Warning: listening on \(bind) lets other machines on the network see this preview.")
        }
        let server: PreviewServer
        do {
            server = try PreviewServer.start(options)
        } catch {
            if case .build(let diagnostic) = error {
                Terminal.printError(diagnostic.description)
            } else {
                Terminal.printError("error: \(error.description)")
            }
            throw ExitCode.failure
        }
        Self.say("Serving \(source) at \(server.url) (watching with \(server.watchMechanism)); press Ctrl-C to stop.")
        if open { Self.openInBrowser(server.url) }

        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let signals = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .global()) }
        for source in signals {
            source.setEventHandler {
                Self.say("Stopping.")
                server.stop()
            }
            source.resume()
        }
        // The sources must outlive the wait: an optimized build would otherwise release them early.
        withExtendedLifetime(signals) { server.waitUntilStopped() }
    }

    /// Writes a line to standard output at once (the log interleaves with rebuilds on other threads).
    private static func say(_ message: String) {
        FileHandle.standardOutput.write(Data((message + "\n").utf8))
    }

    private static func openInBrowser(_ url: URL) {
        let process = Process()
        #if os(macOS)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
            process.arguments = [url.absoluteString]
        #else
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["xdg-open", url.absoluteString]
        #endif
        do {
            try process.run()
        } catch {
            Terminal.printError("Could not open a browser: \(error.localizedDescription)")
        }
    }
}

import Foundation
import Site

/// The build worker of `collective serve`: a process that builds the site for the server, so that
/// a crash in the builder ends only the worker. The server starts it (``PreviewOptions/worker``),
/// sends requests on its standard input and reads the answers on its standard output.
public enum BuildWorker {
    /// Answers the server's requests until it closes the channel; returns the exit status.
    public static func run() -> Int32 {
        // The channel takes over standard output; anything else printed goes to standard error.
        let channel = WorkerChannel(input: STDIN_FILENO, output: dup(STDOUT_FILENO))
        dup2(STDERR_FILENO, STDOUT_FILENO)
        return serve(channel)
    }

    /// Answers requests read from `channel` until it closes; returns the exit status.
    static func serve(_ channel: WorkerChannel) -> Int32 {
        var build: LocalBuild?
        while let request = try? channel.receive(json: WorkerRequest.self) {
            do {
                switch request {
                case .start(let source, let options):
                    let local = LocalBuild(builder: SiteBuilder(source: URL(fileURLWithPath: source), options: options))
                    build = local
                    switch Result(catching: { () throws(Diagnostic) in try local.start() }) {
                    case .success(let delta): try channel.send(delta)
                    case .failure(let diagnostic): try channel.send(json: WorkerReplyHead(fatal: diagnostic))
                    }
                case .update(let changed):
                    try channel.send(build?.update(changed: changed) ?? .failed([]))
                case .searchIndex:
                    try channel.send(build?.refreshSearchIndex { true } ?? BuildDelta(scope: .nothing))
                }
            } catch {
                return 1
            }
        }
        return 0
    }
}

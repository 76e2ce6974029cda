import Foundation
import Site

/// How `collective serve` runs: which site, where it listens, how it watches.
public struct PreviewOptions: Sendable {
    /// The site folder (with `content/` and a config file).
    public var source: URL
    /// The first port tried; 0 lets the system choose a free one.
    public var port: UInt16 = 1313
    /// The address to listen on. Anything but a loopback address exposes the preview to the network.
    public var bindAddress = "127.0.0.1"
    /// How many ports are tried, counting up from `port`, when it is taken.
    public var portAttempts = 20
    /// Drafts, future pages and so on; `baseURL` is replaced by the server's own address.
    public var build = BuildOptions()
    public var watchMode: WatchMode = .automatic
    /// How long the file events of one save must go quiet before the site is rebuilt.
    public var quietPeriod: Duration = .milliseconds(20)
    /// How long edits must pause before the search index is rebuilt (after the reload, which
    /// does not wait for it).
    public var searchIndexDelay: Duration = .seconds(2)
    /// Connections served at once; past it, the connection slowest to send its request is closed
    /// to make room (a client dripping headers cannot starve the others).
    public var connectionLimit = 256
    /// The longest a client may take to send a whole request (or to send the next one on a
    /// kept-alive connection), however slowly the bytes trickle in.
    public var requestDeadline: Duration = .seconds(10)
    /// Runs builds in a separate worker process, so that a crash in the builder cannot end the
    /// server: it keeps the last good site and names the change in the error overlay. Nil
    /// builds in this process.
    public var worker: WorkerCommand?
    /// Where progress and diagnostics go (standard output by default).
    public var log: @Sendable (ServeMessage) -> Void = { print($0) }

    public init(source: URL) {
        self.source = source
    }

    /// Whether an address only accepts connections from this machine.
    public static func isLoopback(_ address: String) -> Bool {
        address == "localhost" || address == "::1" || address.hasPrefix("127.")
    }
}

/// Why the preview server could not start.
public enum PreviewError: Error, CustomStringConvertible {
    /// Every port tried was taken.
    case portsInUse(first: UInt16, last: UInt16)
    /// The bind address is not an address of this machine.
    case badAddress(String)
    /// The system refused the socket.
    case cannotListen(String)
    /// The site cannot be built at all (for example an unreadable config file).
    case build(Diagnostic)

    public var description: String {
        switch self {
        case .portsInUse(let first, let last):
            first == last ? "port \(first) is in use" : "ports \(first) to \(last) are all in use; choose another with --port"
        case .badAddress(let address): "cannot listen on \(address): not an address of this machine"
        case .cannotListen(let reason): "cannot listen: \(reason)"
        case .build(let diagnostic): diagnostic.description
        }
    }
}

import Foundation
import Site

/// `collective serve`: builds a site in memory, serves it over HTTP, rebuilds when its files
/// change and reloads the browsers showing it.
///
/// ```swift
/// let server = try PreviewServer.start(PreviewOptions(source: siteFolder))
/// print(server.url)          // http://127.0.0.1:1313/
/// server.waitUntilStopped()  // until another thread calls server.stop()
/// ```
public final class PreviewServer: Sendable {
    /// The address of the site, such as `http://127.0.0.1:1313/`.
    public let url: URL
    /// The port listened on (the first free one from the requested port).
    public let port: UInt16
    /// How changes are noticed: `inotify`, `FSEvents` or `polling`.
    public let watchMechanism: String

    private let listener: Int32
    private let rebuilder: Rebuilder
    private let watcher: Locked<SiteWatcher?>
    private let siteRoot: String
    private let connectionLimit: Int
    private let requestDeadline: Duration
    private let stopping = Locked(false)
    /// Open connections, and since when each has been waiting for a request (nil while answering).
    private let connections = Locked([Int32: UInt64?]())
    private let acceptLoopEnded = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)

    /// Listens, builds the site, starts watching it and starts serving.
    public static func start(_ options: PreviewOptions) throws(PreviewError) -> PreviewServer {
        let (descriptor, port) = try listen(options)
        let host = Self.urlHost(options.bindAddress)
        var build = options.build
        build.baseURL = "http://\(host):\(port)/"
        let builds: PreviewBuild =
            if let worker = options.worker {
                WorkerBuild(command: worker, source: options.source, options: build)
            } else {
                LocalBuild(builder: SiteBuilder(source: options.source, options: build))
            }
        let rebuilder = Rebuilder(build: builds, hub: EventHub(), log: options.log, searchIndexDelay: options.searchIndexDelay)
        do {
            try rebuilder.buildFirst()
        } catch {
            builds.close()
            Socket.close(descriptor)
            throw .build(error)
        }
        let server = PreviewServer(listener: descriptor, port: port, host: host, rebuilder: rebuilder, options: options)
        server.startAccepting()
        return server
    }

    private init(listener: Int32, port: UInt16, host: String, rebuilder: Rebuilder, options: PreviewOptions) {
        self.listener = listener
        self.port = port
        self.rebuilder = rebuilder
        url = URL(string: "http://\(host):\(port)/")!
        siteRoot = options.source.resolvingSymlinksInPath().standardizedFileURL.path
        connectionLimit = max(1, options.connectionLimit)
        requestDeadline = options.requestDeadline
        let watcher = SiteWatcher(root: options.source, mode: options.watchMode, quietPeriod: options.quietPeriod) {
            [rebuilder] batch in rebuilder.rebuild(after: batch)
        }
        watchMechanism = watcher.mechanism
        self.watcher = Locked(watcher)
    }

    /// Stops watching, ends the event streams and closes the listening socket; open requests get
    /// up to two seconds to finish. Safe to call more than once and from any thread.
    public func stop() {
        let first = stopping.withLock { stopping in
            defer { stopping = true }
            return !stopping
        }
        guard first else { return }
        watcher.withLock { $0 }?.stop()
        rebuilder.hub.closeAll()
        acceptLoopEnded.wait()
        let deadline = MonotonicClock.now + 2_000_000_000
        while !connections.withLock({ $0.isEmpty }), MonotonicClock.now < deadline { usleep(10_000) }
        rebuilder.close()
        stopped.signal()
    }

    /// Blocks until `stop()` has finished.
    public func waitUntilStopped() {
        stopped.wait()
        stopped.signal()
    }

    private func startAccepting() {
        let thread = Thread { [self] in
            while !stopping.current {
                guard Socket.waitReadable(listener, milliseconds: 250), let client = Socket.accept(listener) else { continue }
                let admitted = connections.withLock { open in
                    if open.count >= connectionLimit {
                        // Make room by closing the connection that has waited longest for its request.
                        let slowest = open.compactMap { entry in entry.value.map { (entry.key, $0) } }.min { $0.1 < $1.1 }
                        guard let (victim, _) = slowest else { return false }
                        Socket.shutdown(victim)
                        open[victim] = nil as UInt64??
                    }
                    open[client] = MonotonicClock.now
                    return true
                }
                guard admitted else {
                    let busy = HTTPResponse.text(.serviceUnavailable, "Too many connections.")
                    _ = Socket.sendAll(client, busy.serialized(includeBody: true, keepAlive: false))
                    Socket.close(client)
                    continue
                }
                serve(client)
            }
            Socket.close(listener)
            acceptLoopEnded.signal()
        }
        thread.name = "collective.serve.accept"
        thread.start()
    }

    private func serve(_ client: Int32) {
        let thread = Thread { [self] in
            var connection = Connection(
                descriptor: client,
                answer: { [self] request in Responder(state: rebuilder.state.current, siteRoot: siteRoot).answer(request) },
                hub: rebuilder.hub,
                isStopping: { [self] in stopping.current },
                requestDeadline: UInt64(requestDeadline.components.seconds) * 1_000_000_000
                    + UInt64(requestDeadline.components.attoseconds / 1_000_000_000)
            )
            connection.waiting = { [self] waiting in
                connections.withLock { open in
                    guard open[client] != nil else { return }
                    open[client] = waiting ? MonotonicClock.now : nil as UInt64?
                }
            }
            connection.run()
            connections.withLock { open in open[client] = nil as UInt64?? }
            Socket.close(client)
        }
        thread.name = "collective.serve.connection"
        thread.start()
    }

    /// Binds the first free port from the requested one.
    private static func listen(_ options: PreviewOptions) throws(PreviewError) -> (Int32, UInt16) {
        let attempts = options.port == 0 ? 1 : max(1, min(options.portAttempts, Int(UInt16.max - options.port) + 1))
        for offset in 0..<attempts {
            let port = options.port + UInt16(offset)
            switch Socket.listen(host: options.bindAddress, port: port) {
            case .success(let bound):
                return bound
            case .failure(.addressInUse):
                if offset + 1 < attempts { options.log(.progress("Port \(port) is in use; trying \(port + 1).")) }
            case .failure(.badAddress(let address)):
                throw .badAddress(address)
            case .failure(.system(let call, let code)):
                throw .cannotListen("\(call): \(String(cString: strerror(code)))")
            }
        }
        throw .portsInUse(first: options.port, last: options.port + UInt16(attempts - 1))
    }

    /// The host part of the site's URL: wildcard addresses become `localhost`, IPv6 gets brackets.
    static func urlHost(_ address: String) -> String {
        if address == "0.0.0.0" || address == "::" || address.isEmpty { return "localhost" }
        return address.contains(":") ? "[\(address)]" : address
    }
}

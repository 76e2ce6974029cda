import Foundation

/// Serves one client connection: keep-alive requests in turn, or one live-reload event stream.
struct Connection {
    let descriptor: Int32
    /// Answers a request from the site as it is now.
    let answer: (HTTPRequest) -> Responder.Answer
    let hub: EventHub
    let isStopping: () -> Bool
    /// How long a whole request may take to arrive, in nanoseconds.
    let requestDeadline: UInt64
    /// Told when the connection starts waiting for a request (true) and when it has one (false).
    var waiting: (Bool) -> Void = { _ in }
    /// An event stream sends a comment this often, so proxies and the client see it alive.
    static let heartbeat: TimeInterval = 15

    /// Runs until the client or the server ends the connection; the caller closes the socket.
    func run() {
        var buffer: [UInt8] = []
        // Bytes that trickle in do not extend the deadline: the whole request must arrive in time.
        var waitingSince = MonotonicClock.now
        waiting(true)
        while true {
            switch RequestParser.parse(buffer) {
            case .incomplete:
                if isStopping() || MonotonicClock.now - waitingSince > requestDeadline { return }
                guard Socket.waitReadable(descriptor, milliseconds: 250) else { continue }
                guard let bytes = Socket.receive(descriptor) else { return }
                buffer += bytes
            case .invalid(let status):
                _ = Socket.sendAll(descriptor, HTTPResponse.text(status, status.reason).serialized(includeBody: true, keepAlive: false))
                return
            case .request(let request, let consumed):
                buffer.removeFirst(consumed)
                waiting(false)
                switch answer(request) {
                case .events:
                    streamEvents()
                    return
                case .response(let response):
                    let keepAlive = request.keepsAlive && !isStopping()
                    let bytes = response.serialized(includeBody: request.method != "HEAD", keepAlive: keepAlive)
                    guard Socket.sendAll(descriptor, bytes), keepAlive else { return }
                    waitingSince = MonotonicClock.now
                    waiting(true)
                }
            }
        }
    }

    /// Sends Server-Sent Events until the client leaves or the server stops.
    private func streamEvents() {
        let subscription = hub.subscribe()
        defer { hub.unsubscribe(subscription) }
        let head =
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
            + "Connection: keep-alive\r\n\r\nretry: 1000\n\n"
        guard Socket.sendAll(descriptor, Array(head.utf8)) else { return }
        var quietSince = Date()
        while !isStopping() {
            switch subscription.next(timeout: 0.25) {
            case .message(let message):
                guard Socket.sendAll(descriptor, Array(message.utf8)) else { return }
                quietSince = Date()
            case .closed:
                return
            case .timedOut:
                // A readable socket on an event stream means the client closed it (or sent junk).
                if Socket.waitReadable(descriptor, milliseconds: 0), Socket.receive(descriptor) == nil { return }
                if Date().timeIntervalSince(quietSince) >= Self.heartbeat {
                    guard Socket.sendAll(descriptor, Array(": alive\n\n".utf8)) else { return }
                    quietSince = Date()
                }
            }
        }
    }
}

import Foundation

/// Hands live-reload events to every open `/__collective/events` stream.
final class EventHub: Sendable {
    private let subscribers = Locked<[ObjectIdentifier: Subscription]>([:])

    /// A new stream's queue of messages, registered until `unsubscribe`.
    func subscribe() -> Subscription {
        let subscription = Subscription()
        subscribers.withLock { $0[ObjectIdentifier(subscription)] = subscription }
        return subscription
    }

    func unsubscribe(_ subscription: Subscription) {
        _ = subscribers.withLock { $0.removeValue(forKey: ObjectIdentifier(subscription)) }
    }

    /// Queues a message for every stream.
    func broadcast(_ message: String) {
        for subscription in subscribers.current.values { subscription.deliver(message) }
    }

    /// The number of open streams.
    var count: Int { subscribers.withLock { $0.count } }

    /// Ends every stream (on shutdown).
    func closeAll() {
        let all = subscribers.withLock { all in
            defer { all.removeAll() }
            return all.values
        }
        for subscription in all { subscription.close() }
    }

    /// The messages waiting for one stream.
    final class Subscription: @unchecked Sendable {
        /// What `next` found.
        enum Next: Equatable {
            case message(String)
            case timedOut
            case closed
        }

        /// Older messages are dropped beyond this many (a stalled client needs only the last reload).
        static let capacity = 64
        private let condition = NSCondition()
        private var pending: [String] = []
        private var closed = false

        func deliver(_ message: String) {
            condition.lock()
            pending.append(message)
            if pending.count > Self.capacity { pending.removeFirst(pending.count - Self.capacity) }
            condition.signal()
            condition.unlock()
        }

        func close() {
            condition.lock()
            closed = true
            condition.broadcast()
            condition.unlock()
        }

        /// Waits up to `timeout` seconds for the next message.
        func next(timeout: TimeInterval) -> Next {
            condition.lock()
            defer { condition.unlock() }
            let deadline = Date(timeIntervalSinceNow: timeout)
            while pending.isEmpty, !closed {
                if !condition.wait(until: deadline) { break }
            }
            if !pending.isEmpty { return .message(pending.removeFirst()) }
            return closed ? .closed : .timedOut
        }
    }
}

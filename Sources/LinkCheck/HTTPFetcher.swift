import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One HTTP exchange: a single request, redirects not followed, the body kept only when asked.
struct HTTPResponse: Sendable {
    var status: Int
    /// Header fields with lowercased names.
    var headers: [String: String]
    var body: Data
}

/// Sends single requests over URLSession without following redirects, so that the checker sees
/// every hop and can tell permanent redirects from temporary ones.
final class HTTPFetcher: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// Bodies longer than this are cut (enough for the ids of any article).
    static let maximumBody = 8 << 20

    private struct Pending {
        var continuation: CheckedContinuation<HTTPResponse, Error>
        var keepBody: Bool
        var response: HTTPURLResponse?
        var body = Data()
    }

    private let lock = NSLock()
    private var pending: [Int: Pending] = [:]
    private var session: URLSession?
    private let userAgent: String

    init(userAgent: String) {
        self.userAgent = userAgent
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 4
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }

    /// Ends the session; pending requests are cancelled.
    func close() {
        let session = lock.withLock {
            let session = self.session
            self.session = nil
            return session
        }
        session?.invalidateAndCancel()
    }

    /// Sends `method` to `url`; throws on timeouts and connection failures.
    func fetch(_ url: URL, method: String, keepBody: Bool, timeout: TimeInterval) async throws -> HTTPResponse {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("text/html,application/xhtml+xml,*/*;q=0.8", forHTTPHeaderField: "Accept")
        // Servers that honour ranges send no more than the part that is read.
        if keepBody { request.setValue("bytes=0-\(Self.maximumBody - 1)", forHTTPHeaderField: "Range") }
        guard let session = lock.withLock({ self.session }) else { throw URLError(.cancelled) }
        let task = session.dataTask(with: request)
        let watchdog = DispatchWorkItem { [weak task] in task?.cancel() }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout + 1, execute: watchdog)
        defer { watchdog.cancel() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                lock.withLock { pending[task.taskIdentifier] = Pending(continuation: continuation, keepBody: keepBody) }
                task.resume()
            }
        } onCancel: {
            task.cancel()
        }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let keep = lock.withLock {
            pending[dataTask.taskIdentifier]?.response = response as? HTTPURLResponse
            return pending[dataTask.taskIdentifier]?.keepBody ?? false
        }
        // A body announced as larger than the cap is not read at all: FoundationNetworking hands
        // data over on a queue, so a cancel made after the cap lags behind the transfer by up to
        // hundreds of megabytes on a fast link.
        let tooLarge = response.expectedContentLength > Int64(Self.maximumBody)
        completionHandler(keep && !tooLarge ? .allow : .cancel)
    }

    /// Keeps at most ``maximumBody`` bytes of a body that was asked for, and nothing of one that
    /// was not; once that is reached the transfer is cancelled (bytes still in flight are dropped).
    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let id = dataTask.taskIdentifier
        let full = lock.withLock { () -> Bool in
            guard pending[id]?.keepBody == true, let count = pending[id]?.body.count else { return true }
            let room = Self.maximumBody - count
            if room > 0 { pending[id]?.body.append(data.prefix(room)) }
            return count + min(max(room, 0), data.count) >= Self.maximumBody
        }
        if full { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        let entry = lock.withLock { pending.removeValue(forKey: task.taskIdentifier) }
        guard let entry else { return }
        let response = entry.response ?? (task.response as? HTTPURLResponse)
        guard let response else {
            entry.continuation.resume(throwing: error ?? URLError(.badServerResponse))
            return
        }
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        entry.continuation.resume(returning: HTTPResponse(status: response.statusCode, headers: headers, body: entry.body))
    }
}

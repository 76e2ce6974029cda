#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin, non-throwing wrappers over the POSIX socket calls the server uses.
enum Socket {
    /// Why a listening socket could not be opened.
    enum ListenError: Error, Equatable {
        case addressInUse
        case badAddress(String)
        case system(String, Int32)
    }

    /// Opens a TCP socket listening on `host:port` (port 0 picks a free one) and returns it with
    /// the port it got.
    static func listen(host: String, port: UInt16) -> Result<(descriptor: Int32, port: UInt16), ListenError> {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let info = list?.pointee else {
            return .failure(.badAddress(host))
        }
        defer { freeaddrinfo(list) }
        let descriptor = socket(info.ai_family, info.ai_socktype, info.ai_protocol)
        guard descriptor >= 0 else { return .failure(.system("socket", errno)) }
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        if bind(descriptor, info.ai_addr, info.ai_addrlen) != 0 {
            let code = errno
            close(descriptor)
            return .failure(code == EADDRINUSE ? .addressInUse : .system("bind", code))
        }
        guard systemListen(descriptor, 128) == 0 else {
            let code = errno
            close(descriptor)
            return .failure(.system("listen", code))
        }
        return .success((descriptor, boundPort(descriptor) ?? port))
    }

    /// The local port a socket is bound to.
    private static func boundPort(_ descriptor: Int32) -> UInt16? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard status == 0 else { return nil }
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
            }
        case AF_INET6:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            }
        default:
            return nil
        }
    }

    /// Accepts one connection, or returns nil.
    static func accept(_ descriptor: Int32) -> Int32? {
        let client = systemAccept(descriptor)
        guard client >= 0 else { return nil }
        #if canImport(Darwin)
            var one: Int32 = 1
            setsockopt(client, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        var noDelay: Int32 = 1
        setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        return client
    }

    /// Waits until `descriptor` has data (or end of file) to read; false on timeout.
    static func waitReadable(_ descriptor: Int32, milliseconds: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let status = poll(&entry, 1, milliseconds)
        return status > 0
    }

    /// Reads what is available, at most `limit` bytes: nil on end of file or error.
    static func receive(_ descriptor: Int32, limit: Int = 65_536) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: limit)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, limit, 0) }
        guard count > 0 else { return nil }
        buffer.removeSubrange(count...)
        return buffer
    }

    /// Writes every byte; false when the peer went away.
    static func sendAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)
        #else
            let flags: Int32 = 0
        #endif
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress! + offset, bytes.count - offset, flags) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    static func close(_ descriptor: Int32) {
        _ = systemClose(descriptor)
    }

    /// Ends both directions of a connection; the thread serving it sees end of file and closes it.
    static func shutdown(_ descriptor: Int32) {
        #if canImport(Glibc)
            _ = Glibc.shutdown(descriptor, Int32(SHUT_RDWR))
        #else
            _ = Darwin.shutdown(descriptor, SHUT_RDWR)
        #endif
    }
}

// The system calls whose names the wrappers above reuse.
#if canImport(Glibc)
    private func systemListen(_ descriptor: Int32, _ backlog: Int32) -> Int32 { Glibc.listen(descriptor, backlog) }
    private func systemAccept(_ descriptor: Int32) -> Int32 { Glibc.accept(descriptor, nil, nil) }
    private func systemClose(_ descriptor: Int32) -> Int32 { Glibc.close(descriptor) }
#else
    private func systemListen(_ descriptor: Int32, _ backlog: Int32) -> Int32 { Darwin.listen(descriptor, backlog) }
    private func systemAccept(_ descriptor: Int32) -> Int32 { Darwin.accept(descriptor, nil, nil) }
    private func systemClose(_ descriptor: Int32) -> Int32 { Darwin.close(descriptor) }
#endif

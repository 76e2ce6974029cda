import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether a URL's host is this machine or a private network (loopback, RFC 1918, link-local,
/// unique-local, carrier-grade NAT): `check --external` does not send requests there unless
/// allowed, so a page cannot make the checker probe the writer's own network.
enum PrivateAddress {
    /// True when `host` is `localhost`, a private address literal, or a name that resolves to one.
    static func isPrivate(host: String) -> Bool {
        let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if name == "localhost" || name.hasSuffix(".localhost") { return true }
        if let bytes = ipv4(name) { return isPrivate(ipv4: bytes) }
        if let bytes = ipv6(name) { return isPrivate(ipv6: bytes) }
        return resolve(name).contains { $0.count == 4 ? isPrivate(ipv4: $0) : isPrivate(ipv6: $0) }
    }

    static func isPrivate(ipv4 b: [UInt8]) -> Bool {
        b[0] == 127 || b[0] == 10 || b[0] == 0
            || (b[0] == 172 && (16...31).contains(b[1]))
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && (64...127).contains(b[1]))
    }

    static func isPrivate(ipv6 b: [UInt8]) -> Bool {
        if b.dropLast().allSatisfy({ $0 == 0 }) && (b[15] == 1 || b[15] == 0) { return true }  // ::1, ::
        if b[0] & 0xFE == 0xFC { return true }  // fc00::/7
        if b[0] == 0xFE && b[1] & 0xC0 == 0x80 { return true }  // fe80::/10
        if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xFF && b[11] == 0xFF { return isPrivate(ipv4: Array(b[12...])) }
        return false
    }

    private static func ipv4(_ text: String) -> [UInt8]? {
        var address = in_addr()
        guard inet_pton(AF_INET, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    private static func ipv6(_ text: String) -> [UInt8]? {
        var address = in6_addr()
        guard inet_pton(AF_INET6, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    /// The addresses a name resolves to (empty when it does not resolve).
    private static func resolve(_ name: String) -> [[UInt8]] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(name, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }
        var addresses: [[UInt8]] = []
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            if current.pointee.ai_family == AF_INET, let raw = current.pointee.ai_addr {
                raw.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                    var value = address.pointee.sin_addr
                    addresses.append(withUnsafeBytes(of: &value) { Array($0) })
                }
            } else if current.pointee.ai_family == AF_INET6, let raw = current.pointee.ai_addr {
                raw.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                    var value = address.pointee.sin6_addr
                    addresses.append(withUnsafeBytes(of: &value) { Array($0) })
                }
            }
            entry = current.pointee.ai_next
        }
        return addresses
    }
}

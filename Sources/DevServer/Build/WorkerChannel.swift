import Foundation

/// Length-prefixed messages over a pair of file descriptors (the pipes between the server and its
/// build worker). Each message is an 8-byte big-endian length and that many bytes.
struct WorkerChannel: Sendable {
    let input: Int32
    let output: Int32

    /// The other end closed the channel or a read or write failed: the peer is gone.
    struct Closed: Error {}

    /// Writes one message.
    func send(_ bytes: Data) throws(Closed) {
        var length = UInt64(bytes.count).bigEndian
        guard withUnsafeBytes(of: &length, write), bytes.withUnsafeBytes(write) else { throw Closed() }
    }

    /// Encodes a value as JSON and writes it as one message.
    func send<Value: Encodable>(json value: Value) throws(Closed) {
        guard let data = try? JSONEncoder().encode(value) else { throw Closed() }
        try send(data)
    }

    /// Reads one message.
    func receive() throws(Closed) -> Data {
        var length: UInt64 = 0
        guard withUnsafeMutableBytes(of: &length, read) else { throw Closed() }
        let count = UInt64(bigEndian: length)
        guard count < 1 << 40 else { throw Closed() }
        var data = Data(count: Int(count))
        guard data.withUnsafeMutableBytes(read) else { throw Closed() }
        return data
    }

    /// Reads one message holding a JSON value.
    func receive<Value: Decodable>(json type: Value.Type) throws(Closed) -> Value {
        let data = try receive()
        guard let value = try? JSONDecoder().decode(type, from: data) else { throw Closed() }
        return value
    }

    /// Writes all of `raw`; false when the channel closed.
    private func write(_ raw: UnsafeRawBufferPointer) -> Bool {
        Self.transferAll(raw.count) { offset in Foundation.write(output, raw.baseAddress! + offset, raw.count - offset) }
    }

    /// Fills all of `raw`; false when the channel closed first.
    private func read(_ raw: UnsafeMutableRawBufferPointer) -> Bool {
        Self.transferAll(raw.count) { offset in Foundation.read(input, raw.baseAddress! + offset, raw.count - offset) }
    }

    /// Repeats `step` (a read or write from an offset, giving the bytes moved) until `count` bytes
    /// moved; false when it moves nothing (end of file, a closed pipe) or fails other than by EINTR.
    private static func transferAll(_ count: Int, _ step: (Int) -> Int) -> Bool {
        var offset = 0
        while offset < count {
            let moved = step(offset)
            if moved < 0, errno == EINTR { continue }
            guard moved > 0 else { return false }
            offset += moved
        }
        return true
    }
}

extension WorkerChannel {
    /// Writes a build delta: its head, then the bytes of each of its files.
    func send(_ delta: BuildDelta) throws(Closed) {
        let head = WorkerReplyHead(delta)
        try send(json: head)
        for key in head.fileKeys { try send(delta.files[key]!) }
    }

    /// Reads a head and the file bytes that follow it.
    func receiveReply() throws(Closed) -> (WorkerReplyHead, [String: Data]) {
        let head = try receive(json: WorkerReplyHead.self)
        var files: [String: Data] = [:]
        files.reserveCapacity(head.fileKeys.count)
        for key in head.fileKeys { files[key] = try receive() }
        return (head, files)
    }
}

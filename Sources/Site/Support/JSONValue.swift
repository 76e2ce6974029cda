import Search

/// JSON written directly, for feeds and structured data.
///
/// `JSONSerialization` boxes every value as an `NSObject` and sorts through Foundation: a twentieth
/// of a build's CPU time went there. Keys are written in sorted order, so output is stable.
indirect enum JSONValue {
    case string(String)
    case int(Int)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The value as JSON text. `pretty` indents with two spaces. `inScript` writes `</` as `<\/`,
    /// so the text can sit inside an HTML `<script>` element.
    func serialized(pretty: Bool = false, inScript: Bool = false) -> String {
        var output: [UInt8] = []
        write(to: &output, pretty: pretty, inScript: inScript, depth: 0)
        return String(decoding: output, as: UTF8.self)
    }

    private func write(to output: inout [UInt8], pretty: Bool, inScript: Bool, depth: Int) {
        switch self {
        case .string(let text): Self.writeString(text, to: &output, inScript: inScript)
        case .int(let number): output.append(contentsOf: String(number).utf8)
        case .array(let items):
            writeContainer(open: "[", close: "]", count: items.count, to: &output, pretty: pretty, depth: depth) { index, output in
                items[index].write(to: &output, pretty: pretty, inScript: inScript, depth: depth + 1)
            }
        case .object(let members):
            let keys = members.keys.sorted()
            writeContainer(open: "{", close: "}", count: keys.count, to: &output, pretty: pretty, depth: depth) { index, output in
                Self.writeString(keys[index], to: &output, inScript: inScript)
                output += pretty ? [UInt8(ascii: ":"), UInt8(ascii: " ")] : [UInt8(ascii: ":")]
                members[keys[index]]!.write(to: &output, pretty: pretty, inScript: inScript, depth: depth + 1)
            }
        }
    }

    private func writeContainer(
        open: Unicode.Scalar, close: Unicode.Scalar, count: Int, to output: inout [UInt8],
        pretty: Bool, depth: Int, item: (Int, inout [UInt8]) -> Void
    ) {
        output.append(UInt8(ascii: open))
        for index in 0..<count {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            if pretty { Self.newline(&output, depth: depth + 1) }
            item(index, &output)
        }
        if pretty, count > 0 { Self.newline(&output, depth: depth) }
        output.append(UInt8(ascii: close))
    }

    private static func newline(_ output: inout [UInt8], depth: Int) {
        output.append(UInt8(ascii: "\n"))
        output += repeatElement(UInt8(ascii: " "), count: depth * 2)
    }

    /// A string literal as the search index writes it (``Search/JSONText``); in a script, `</`
    /// becomes `<\/` so the text cannot close the element.
    private static func writeString(_ text: String, to output: inout [UInt8], inScript: Bool) {
        var previous: UInt8 = 0
        for byte in JSONText.string(text).utf8 {
            if inScript, byte == UInt8(ascii: "/"), previous == UInt8(ascii: "<") { output.append(UInt8(ascii: "\\")) }
            output.append(byte)
            previous = byte
        }
    }
}

/// goldmark's block attribute lists: `{#id .class key=value key="quoted value"}` alone on a line.
enum BlockAttributes {
    /// The attributes of a line that holds only an attribute list (from `start` to `end`, the
    /// line ending excluded), as HTML (` id="a" class="b c" key="v"`, without the id unless
    /// `includingID`); nil when the line is anything else.
    static func html(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, includingID: Bool = true) -> [UInt8]? {
        guard let parsed = parse(line, start, end) else { return nil }
        guard includingID, let id = parsed.id else { return parsed.others }
        var out = Array(" id=\"".utf8)
        HTMLEscaping.appendEscaped(id[...], to: &out)
        out.append(UInt8(ascii: "\""))
        return out + parsed.others
    }

    /// The list from `start` to `end`: its id, and its other attributes as HTML (` class="b c" key="v"`);
    /// nil when the text is not exactly one attribute list.
    static func parse(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (id: [UInt8]?, others: [UInt8])? {
        var i = start
        guard i < end, line[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        var id: [UInt8]?
        var classes: [[UInt8]] = []
        var others: [([UInt8], [UInt8])] = []
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }
        func isNameByte(_ c: UInt8) -> Bool {
            (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x2D || c == 0x5F || c == 0x3A || c >= 0x80
        }
        while true {
            while i < end, isSpace(line[i]) { i += 1 }
            guard i < end else { return nil }
            let c = line[i]
            if c == UInt8(ascii: "}") {
                i += 1
                break
            }
            if c == UInt8(ascii: "#") || c == UInt8(ascii: ".") {
                let from = i + 1
                i = from
                while i < end, isNameByte(line[i]) { i += 1 }
                guard i > from else { return nil }
                if c == UInt8(ascii: "#") { id = Array(line[from..<i]) } else { classes.append(Array(line[from..<i])) }
                continue
            }
            guard isNameByte(c) else { return nil }
            let nameStart = i
            while i < end, isNameByte(line[i]) { i += 1 }
            let name = Array(line[nameStart..<i])
            guard i < end, line[i] == UInt8(ascii: "=") else { return nil }
            i += 1
            guard i < end else { return nil }
            let value: [UInt8]
            if line[i] == UInt8(ascii: "\"") || line[i] == UInt8(ascii: "'") {
                let quote = line[i]
                let from = i + 1
                i = from
                while i < end, line[i] != quote { i += 1 }
                guard i < end else { return nil }
                value = Array(line[from..<i])
                i += 1
            } else {
                let from = i
                while i < end, !isSpace(line[i]), line[i] != UInt8(ascii: "}") { i += 1 }
                guard i > from else { return nil }
                value = Array(line[from..<i])
            }
            if name.elementsEqual("class".utf8) {
                classes.append(value)
            } else if name.elementsEqual("id".utf8) {
                id = value
            } else {
                others.append((name, value))
            }
        }
        while i < end, isSpace(line[i]) { i += 1 }
        guard i == end, id != nil || !classes.isEmpty || !others.isEmpty else { return nil }
        var out: [UInt8] = []
        func attribute(_ name: some Sequence<UInt8>, _ value: [UInt8]) {
            out.append(0x20)
            out.append(contentsOf: name)
            out.append(contentsOf: "=\"".utf8)
            HTMLEscaping.appendEscaped(value[...], to: &out)
            out.append(UInt8(ascii: "\""))
        }
        if !classes.isEmpty { attribute("class".utf8, Array(classes.joined(separator: [0x20]))) }
        for (name, value) in others { attribute(name, value) }
        return (id, out)
    }
}

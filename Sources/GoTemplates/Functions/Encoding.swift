import TextUtilities
import Foundation

/// Safe-type marks, HTML escaping, JSON, Base64 and hashes: `safeHTML`, `htmlEscape`,
/// `plainify`, `jsonify`, `base64Encode`, `md5`, `sha256`…
enum EncodingFunctions {
    static func register(in registry: inout FunctionRegistry) {
        func add(_ names: [String], _ body: @escaping @Sendable ([GoValue]) throws -> GoValue) {
            for name in names { registry.register(name, body) }
        }
        let marks: [(String, String, SafeKind)] = [
            ("safeHTML", "safe.HTML", .html), ("safeHTMLAttr", "safe.HTMLAttr", .htmlAttr), ("safeURL", "safe.URL", .url),
            ("safeJS", "safe.JS", .js), ("safeJSStr", "safe.JSStr", .jsString), ("safeCSS", "safe.CSS", .css),
            ("safeSrcset", "safe.Srcset", .srcset),
        ]
        for (name, namespaced, kind) in marks {
            add([name, namespaced]) { args in
                try Cast.expect(name, args, 1...1)
                return .safe(try Cast.string(args[0]), kind)
            }
        }
        add(["htmlEscape", "transform.HTMLEscape"]) { args in
            try Cast.expect("htmlEscape", args, 1...1)
            return .string(htmlEscape(try Cast.string(args[0])))
        }
        add(["htmlUnescape", "transform.HTMLUnescape"]) { args in
            try Cast.expect("htmlUnescape", args, 1...1)
            return .string(htmlUnescape(try Cast.string(args[0])))
        }
        add(["plainify", "transform.Plainify"]) { args in
            try Cast.expect("plainify", args, 1...1)
            return .string(Escaping.stripTags(try Cast.string(args[0])))
        }
        add(["jsonify", "encoding.Jsonify"]) { args in
            try Cast.expect("jsonify", args, 1...2)
            var indent = ""
            var prefix = ""
            var escapeHTML = true
            if args.count == 2, case .map(let options) = args[0] {
                indent = options["indent"]?.stringValue ?? ""
                prefix = options["prefix"]?.stringValue ?? ""
                escapeHTML = !(options["noHTMLEscape"]?.isTruthy ?? false)
            }
            var json = JSONWriter(indent: indent, prefix: prefix, escapeHTML: escapeHTML)
            json.write(args[args.count - 1], level: 0)
            return .safe(json.out, .html)
        }
        add(["base64Encode", "encoding.Base64Encode"]) { args in
            try Cast.expect("base64Encode", args, 1...1)
            return .string(Data(try Cast.string(args[0]).utf8).base64EncodedString())
        }
        add(["base64Decode", "encoding.Base64Decode"]) { args in
            try Cast.expect("base64Decode", args, 1...1)
            let text = try Cast.string(args[0])
            guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else {
                throw GoFunctionError("illegal base64 data")
            }
            return .string(String(decoding: data, as: UTF8.self))
        }
        add(["md5", "crypto.MD5"]) { args in
            try Cast.expect("md5", args, 1...1)
            return .string(hex(Digests.md5(Array(try Cast.string(args[0]).utf8))))
        }
        add(["sha256", "crypto.SHA256"]) { args in
            try Cast.expect("sha256", args, 1...1)
            return .string(hex(Digests.sha256(Array(try Cast.string(args[0]).utf8))))
        }
        add(["sha1", "crypto.SHA1"]) { args in
            try Cast.expect("sha1", args, 1...1)
            return .string(hex(Digests.sha1(Array(try Cast.string(args[0]).utf8))))
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var out = ""
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return out
    }

    /// Go's `html.EscapeString`: `< > & ' "` as `&lt; &gt; &amp; &#39; &#34;`.
    static func htmlEscape(_ text: String) -> String {
        Escaping.replace(text, Escaping.textHTMLTable.filter { $0.key != 0 })
    }

    /// Go's `html.UnescapeString`: character references decoded with HTML's whole table.
    static func htmlUnescape(_ text: String) -> String {
        CharacterReferences.decodeAll(text)
    }
}

/// JSON as Go's encoder writes it, optionally indented (`jsonify`).
struct JSONWriter {
    let indent: String
    let prefix: String
    let escapeHTML: Bool
    var out = ""

    init(indent: String, prefix: String, escapeHTML: Bool) {
        self.indent = indent
        self.prefix = prefix
        self.escapeHTML = escapeHTML
    }

    private mutating func newline(_ level: Int) {
        guard !indent.isEmpty || !prefix.isEmpty else { return }
        out += "\n" + prefix + String(repeating: indent, count: level)
    }

    private mutating func string(_ text: String) {
        var encoded = ""
        Escaping.appendJSONString(text, to: &encoded)
        if !escapeHTML {
            encoded = encoded.replacingOccurrences(of: "\\u003c", with: "<").replacingOccurrences(of: "\\u003e", with: ">")
                .replacingOccurrences(of: "\\u0026", with: "&")
        }
        out += encoded
    }

    mutating func write(_ value: GoValue, level: Int) {
        let pretty = !indent.isEmpty || !prefix.isEmpty
        switch value {
        case .array(let values) where !values.isEmpty:
            out += "["
            for (index, element) in values.enumerated() {
                if index > 0 { out += "," }
                newline(level + 1)
                write(element, level: level + 1)
            }
            newline(level)
            out += "]"
        case .map(let map) where !map.isEmpty:
            out += "{"
            for (index, key) in map.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                newline(level + 1)
                string(key)
                out += pretty ? ": " : ":"
                write(map[key] ?? .null, level: level + 1)
            }
            newline(level)
            out += "}"
        case .string(let text), .safe(let text, _):
            string(text)
        case .object(let object):
            if let elements = object.rangeElements { write(.array(elements), level: level) } else { string(object.printed) }
        default:
            Escaping.appendJSON(value, to: &out)
        }
    }
}

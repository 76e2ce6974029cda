import Foundation
import GoTemplates

/// A page resource or an `assets/` file as Hugo's `resource.Resource`: URLs, name, media type,
/// image size (read from the file header), content. Image processing methods return the image
/// unchanged (we do not process images yet).
struct ResourceObject: GoObject {
    /// The file on disk.
    let file: URL
    /// The name relative to its bundle (`images/a.png`) or to `assets/`.
    let name: String
    let relPermalink: String
    let permalink: String

    var goTypeName: String { "*resources.genericResource" }
    var printed: String { relPermalink }

    func member(_ member: String, arguments: [GoValue]) throws -> GoValue? {
        switch member {
        case "RelPermalink": return .string(relPermalink)
        case "Permalink": return .string(permalink)
        case "Name", "Title": return .string(name)
        case "Key": return .string(name)
        case "MediaType": return .map(["Type": .string(mediaType), "MainType": .string(mainType), "SubType": .string(subType),
                                       "Suffixes": .array([.string(fileExtension)])])
        case "ResourceType": return .string(mainType == "image" ? "image" : mainType == "text" ? "text" : mainType)
        case "Width": return .int(dimensions?.width ?? 0)
        case "Height": return .int(dimensions?.height ?? 0)
        case "Content":
            guard let data = try? Data(contentsOf: file) else { throw GoFunctionError("cannot read \(name)") }
            return .string(String(decoding: data, as: UTF8.self))
        case "Params", "Data": return .map([:])
        case "Exif": return .null
        case "Resize", "Fill", "Fit", "Process", "Crop", "Filter", "Colors": return member == "Colors" ? .array([]) : .object(self)
        case "Fingerprint", "Minify": return .object(self)
        default: return nil
        }
    }

    private var fileExtension: String { file.pathExtension.lowercased() }
    private var mediaType: String {
        switch fileExtension {
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "svg": "image/svg+xml"
        case "avif": "image/avif"
        case "pdf": "application/pdf"
        case "json": "application/json"
        case "css": "text/css"
        case "js": "text/javascript"
        case "md": "text/markdown"
        case "txt": "text/plain"
        case "html": "text/html"
        case "csv": "text/csv"
        case "mp4": "video/mp4"
        case "mp3": "audio/mpeg"
        default: "application/octet-stream"
        }
    }
    private var mainType: String { String(mediaType.split(separator: "/").first ?? "") }
    /// Whether Hugo would call this an image resource (any `image/…` media type).
    var isImage: Bool { mainType == "image" }
    /// Whether its width and height can be read (PNG, GIF, JPEG), Hugo's "image with meta".
    var hasImageSize: Bool { isImage && dimensions != nil }
    private var subType: String { String(mediaType.split(separator: "/").last ?? "") }

    /// Width and height from a PNG, GIF or JPEG header.
    private var dimensions: (width: Int, height: Int)? {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 64 * 1024) else { return nil }
        let b = [UInt8](data)
        func be16(_ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
        if b.count >= 24, b[0] == 0x89, b[1] == 0x50 {
            return (be16(16) << 16 | be16(18), be16(20) << 16 | be16(22))
        }
        if b.count >= 10, b[0] == 0x47, b[1] == 0x49 {
            return (Int(b[6]) | Int(b[7]) << 8, Int(b[8]) | Int(b[9]) << 8)
        }
        if b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 {
            var i = 2
            while i + 9 < b.count {
                guard b[i] == 0xFF else { i += 1; continue }
                let marker = b[i + 1]
                if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                    return (be16(i + 7), be16(i + 5))
                }
                i += 2 + be16(i + 2)
            }
        }
        return nil
    }
}

/// A page's `.Resources`: `Get`, `GetMatch`, `Match`, `ByType`, and ranging over them.
struct ResourcesObject: GoObject {
    let items: [ResourceObject]

    var goTypeName: String { "resource.Resources" }
    var rangeElements: [GoValue]? { items.map { .object($0) } }
    var isTruthy: Bool { !items.isEmpty }

    func member(_ name: String, arguments: [GoValue]) throws -> GoValue? {
        let pattern = arguments.first?.text ?? ""
        switch name {
        case "Get": return items.first { $0.name.lowercased() == pattern.lowercased() }.map { .object($0) } ?? .null
        case "GetMatch": return items.first { Glob.matches(pattern, $0.name) }.map { .object($0) } ?? .null
        case "Match": return .object(ResourcesObject(items: items.filter { Glob.matches(pattern, $0.name) }))
        case "ByType":
            return .object(ResourcesObject(items: items.filter { (try? $0.member("ResourceType", arguments: []))??.text == pattern }))
        case "Len": return .int(items.count)
        default: return nil
        }
    }

    func index(_ key: GoValue) -> GoValue? {
        guard case .int(let i) = key, items.indices.contains(i) else { return nil }
        return .object(items[i])
    }
}

/// Hugo's resource globs: case-insensitive, `*` within a path segment, `**` across segments, `?`, `{a,b}`.
enum Glob {
    static func matches(_ pattern: String, _ name: String) -> Bool {
        var regex = "^"
        var chars = Array(pattern.lowercased())
        if chars.first == "/" { chars.removeFirst() }
        var i = 0
        var inBraces = false
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "*":
                if i + 1 < chars.count, chars[i + 1] == "*" { regex += ".*"; i += 1 } else { regex += "[^/]*" }
            case "?": regex += "[^/]"
            case "{": regex += "(?:"; inBraces = true
            case "}" where inBraces: regex += ")"; inBraces = false
            case "," where inBraces: regex += "|"
            default: regex += NSRegularExpression.escapedPattern(for: String(c))
            }
            i += 1
        }
        regex += "$"
        guard let compiled = try? NSRegularExpression(pattern: regex) else { return false }
        let lower = name.lowercased()
        return compiled.firstMatch(in: lower, range: NSRange(lower.startIndex..., in: lower)) != nil
    }
}

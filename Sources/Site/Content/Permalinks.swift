import Foundation

/// Gives every page its URL path, as Hugo does: folders become path segments, `slug` replaces the
/// file name, `url` replaces the whole path, and `permalinks` patterns apply per section.
struct Permalinks {
    let config: SiteConfig
    /// Hugo's per-kind permalinks (`[permalinks.page]`, `[permalinks.section]`, Hugo ≥ 0.120): kind →
    /// section → pattern. A kind's pattern wins over the plain one of the same section.
    private let byKind: [String: [String: String]]

    init(config: SiteConfig) {
        self.config = config
        let table = config.raw.valueIgnoringCase("permalinks")?.table ?? [:]
        byKind = Dictionary(
            uniqueKeysWithValues: ["page", "section"].compactMap { kind in
                table[kind]?.table.map { (kind, $0.compactMapValues(\.string)) }
            })
    }

    /// The URL path of a page, such as `/posts/my-post/`; nil when its `url`, `slug` or permalink
    /// pattern has a `..` segment.
    func path(for page: Page) -> String? {
        Self.outputPath(unresolvedPath(for: page))
    }

    private func unresolvedPath(for page: Page) -> String {
        switch page.kind {
        case .home:
            return "/"
        case .section:
            if let pattern = byKind["section"]?[page.section] {
                return Self.normalize(expand(pattern, page: page, fileName: PathText.lastComponent(page.section)))
            }
            return "/" + PathText.components(page.section).map { Self.pathName(String($0)) }.joined(separator: "/") + "/"
        case .taxonomy:
            return "/" + Self.urlize(page.taxonomy ?? "") + "/"
        case .term:
            let base = "/" + Self.urlize(page.taxonomy ?? "") + "/" + Self.urlize(page.term ?? "") + "/"
            return base
        case .page:
            if let url = page.url, !url.isEmpty { return Self.normalize(url) }
            let (folder, name) = location(of: page)
            let topSection = PathText.firstComponent(page.section)
            if let pattern = byKind["page"]?[topSection] ?? config.permalinks[topSection] {
                // As in Hugo, a pattern always makes a folder URL, even when it ends with a dot
                // (`:filename` of a bundle `gallery.com/`, or `/:slug.html` itself).
                let expanded = expand(pattern, page: page, fileName: name)
                return Self.normalize(expanded.hasSuffix("/") ? expanded : expanded + "/")
            }
            let segment = page.slug.map(Self.urlize) ?? Self.pathName(name)
            let folderPath = PathText.components(folder).map { Self.pathName(String($0)) }.joined(separator: "/")
            return folderPath.isEmpty ? "/\(segment)/" : "/\(folderPath)/\(segment)/"
        }
    }

    /// The folder a page's URL starts from and its own name (file stem or bundle folder name).
    private func location(of page: Page) -> (folder: String, name: String) {
        let contentPath = page.sourceFile.map(config.contentPath(ofSource:)) ?? ""
        let named = page.bundleFolder ?? PathText.removingExtension(contentPath)
        var folder = PathText.folder(of: named)
        var name = PathText.lastComponent(named)
        // `about.en.md`: drop the language suffix.
        if page.bundleFolder == nil, let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")),
            name[name.utf8.index(after: dot)...] == config.language.code
        {
            name = String(name[..<dot])
        }
        if folder == "." { folder = "" }
        return (folder, name)
    }

    private func expand(_ pattern: String, page: Page, fileName: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: page.sortDate)
        let monthNames = [
            "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december",
        ]
        let replacements: [(String, String)] = [
            (":year", String(format: "%04d", parts.year ?? 1970)),
            (":monthname", monthNames[((parts.month ?? 1) - 1) % 12]),
            (":month", String(format: "%02d", parts.month ?? 1)),
            (":day", String(format: "%02d", parts.day ?? 1)),
            (":slug", Self.urlize(page.slug ?? page.title)),
            (":title", Self.urlize(page.title)),
            (":filename", Self.urlize(fileName)),
            (":contentbasename", Self.urlize(fileName)),
            (":sections", page.section.split(separator: "/").map { Self.urlize(String($0)) }.joined(separator: "/")),
            (":section", Self.urlize(page.section.split(separator: "/").first.map(String.init) ?? "")),
        ]
        var result = Self.expandSectionSlices(pattern, sections: page.section.split(separator: "/").map { Self.urlize(String($0)) })
        for (token, value) in replacements { result = result.replacingOccurrences(of: token, with: value) }
        return result
    }

    /// Hugo's `:sections[…]` tokens: `[1:]`, `[:2]`, `[1:3]`, `[0]`, `[last]`, the selected sections
    /// joined with `/` (indexes out of range select nothing).
    static func expandSectionSlices(_ pattern: String, sections: [String]) -> String {
        var result = ""
        var rest = pattern[...]
        while let token = rest.range(of: ":sections["), let close = rest[token.upperBound...].firstIndex(of: "]") {
            result += rest[..<token.lowerBound]
            let spec = rest[token.upperBound..<close].trimmingCharacters(in: .whitespaces)
            let count = sections.count
            func index(_ text: Substring, _ fallback: Int) -> Int {
                let t = text.trimmingCharacters(in: .whitespaces)
                if t.isEmpty { return fallback }
                if t == "last" { return count - 1 }
                return Int(t) ?? fallback
            }
            var selected: ArraySlice<String> = []
            if let colon = spec.firstIndex(of: ":") {
                let lower = max(0, min(count, index(spec[..<colon], 0)))
                let upper = max(lower, min(count, index(spec[spec.index(after: colon)...], count)))
                selected = sections[lower..<upper]
            } else {
                let i = index(spec[...], -1)
                if i >= 0, i < count { selected = sections[i...i] }
            }
            result += selected.joined(separator: "/")
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// A URL path with a leading slash, and a trailing one unless it names a file (`/feed.xml`).
    static func normalize(_ url: String) -> String {
        var bytes: [UInt8] = [slash]
        bytes.reserveCapacity(url.utf8.count + 2)
        for byte in url.utf8 where byte != slash || bytes.last != slash { bytes.append(byte) }
        if bytes.last != slash, let lastSlash = bytes.lastIndex(of: slash), !bytes[(lastSlash + 1)...].contains(UInt8(ascii: ".")) {
            bytes.append(slash)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `url` as a path inside the output folder: normalised, `.` segments dropped; nil when it has
    /// a `..` segment (which could climb out of the output folder or onto another page) or a NUL.
    static func outputPath(_ url: String) -> String? {
        let path = normalize(url).utf8
        guard !path.contains(0) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.count)
        for segment in path.split(separator: slash) {
            if segment.elementsEqual(currentFolder) { continue }
            if segment.elementsEqual(parentFolder) { return nil }
            bytes.append(slash)
            bytes.append(contentsOf: segment)
        }
        if bytes.isEmpty { return "/" }
        if path.last == slash { bytes.append(slash) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let slash = UInt8(ascii: "/")
    private static let currentFolder: [UInt8] = [UInt8(ascii: ".")]
    private static let parentFolder: [UInt8] = [UInt8(ascii: "."), UInt8(ascii: ".")]

    /// A file or folder name as Hugo puts it in a URL: lower case, each space a hyphen, hyphens kept
    /// as written (`200606-/` and `a--b/` stay), only letters, digits and `-_.` kept.
    static func pathName(_ text: String) -> String { urlName(text, urlize: false) }

    /// Hugo's `urlize`: lower case, spaces to hyphens, only letters, digits and `-_.` kept.
    static func urlize(_ text: String) -> String { urlName(text, urlize: true) }

    /// Both: letters lowered, letters, digits, `_` and `.` kept; ``pathName(_:)`` keeps each `-` and
    /// makes each space or tab one, ``urlize(_:)`` makes a run of them and of `/` one hyphen, none
    /// first or last. ASCII is classified byte by byte; other scalars are lowered as
    /// `String.lowercased()` lowers them, scalar by scalar.
    private static func urlName(_ text: String, urlize: Bool) -> String {
        asciiURLName(text, urlize: urlize) ?? scalarURLName(text, urlize: urlize)
    }

    /// ``urlName(_:urlize:)`` scalar by scalar.
    static func scalarURLName(_ text: String, urlize: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var lastWasHyphen = false
        func take(_ scalar: Unicode.Scalar) {
            let value = scalar.value
            let isASCIILetter = (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A
            if isASCIILetter || (0x30...0x39).contains(value) || scalar == "_" || scalar == "." || (!urlize && scalar == "-")
                || (!scalar.isASCII && scalar.properties.isAlphabetic)
            {
                if scalar.isASCII { bytes.append(UInt8(value)) } else { UTF8.encode(scalar) { bytes.append($0) } }
                lastWasHyphen = false
            } else if scalar == " " || scalar == "\t" || (urlize && (scalar == "-" || scalar == "/")) {
                if !urlize || (!lastWasHyphen && !bytes.isEmpty) { bytes.append(UInt8(ascii: "-")) }
                lastWasHyphen = true
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                take(Unicode.Scalar(UInt8(scalar.value) | ((0x41...0x5A).contains(scalar.value) ? 0x20 : 0)))
            } else {
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars { take(lowered) }
            }
        }
        if urlize { while bytes.last == UInt8(ascii: "-") { bytes.removeLast() } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``urlName(_:urlize:)`` of ASCII text, in one loop over its bytes; nil when the text is not ASCII.
    static func asciiURLName(_ text: String, urlize: Bool) -> String? {
        let hyphen = UInt8(ascii: "-")
        var isASCII = true
        let name = String(unsafeUninitializedCapacity: text.utf8.count) { out in
            var count = 0
            var lastWasHyphen = false
            for byte in text.utf8 {
                guard byte < 0x80 else {
                    isASCII = false
                    return 0
                }
                let lowered = byte | ((0x41...0x5A).contains(byte) ? 0x20 : 0)
                switch lowered {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."):
                    out[count] = lowered
                    count += 1
                    lastWasHyphen = false
                case hyphen where !urlize:
                    out[count] = lowered
                    count += 1
                    lastWasHyphen = false
                case UInt8(ascii: " "), UInt8(ascii: "\t"):
                    if !urlize || (!lastWasHyphen && count > 0) {
                        out[count] = hyphen
                        count += 1
                    }
                    lastWasHyphen = true
                case hyphen where urlize, UInt8(ascii: "/") where urlize:
                    if !lastWasHyphen && count > 0 {
                        out[count] = hyphen
                        count += 1
                    }
                    lastWasHyphen = true
                default:
                    break
                }
            }
            if urlize { while count > 0 && out[count - 1] == hyphen { count -= 1 } }
            return count
        }
        return isASCII ? name : nil
    }
}

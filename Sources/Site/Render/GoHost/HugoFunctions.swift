import Foundation
import GoTemplates
import Highlight
import Markdown
import Math

/// Hugo's site-bound template functions: URLs, Markdown, translations, dates, files, partials.
/// They find the site and page through the execution's ``ShortcodeScope``.
enum HugoFunctions {
    static let hugoInfo: GoValue = [
        "Environment": "production", "IsProduction": true, "IsDevelopment": false,
        "IsServer": false, "Version": "0.168.0", "Generator": .safe("<meta name=\"generator\" content=\"collective\">", .html),
    ]

    static func register(into functions: inout FunctionRegistry) {
        let printf = FunctionRegistry.standard["printf"]
        @Sendable func formatted(_ args: [GoValue], _ context: GoCallContext) throws -> String {
            guard let printf else { return args.map(\.text).joined(separator: " ") }
            return try context.call(printf, args).text
        }
        @Sendable func scope(_ context: GoCallContext) throws -> ShortcodeScope { try ShortcodeScope.from(context) }

        for name in ["markdownify", "transform.Markdownify"] {
            functions.register(name) { args, context in
                let scope = try scope(context)
                return .safe(scope.markdownify(args.first?.text ?? ""), .html)
            }
        }
        // `plainify` of typeset math gives the TeX back, as Hugo's page holds it (``MathAsTeX``).
        if let plainify = FunctionRegistry.standard["plainify"] {
            for name in ["plainify", "transform.Plainify"] {
                functions.register(name) { args, context in
                    try context.call(plainify, args.map { .string(MathAsTeX.replacing(in: $0.text)) })
                }
            }
        }
        // Hugo's `index` (collections.Index) gives nil for a nil collection where Go's refuses it
        // (`index (index $entry "issued") "date-parts"` on an entry without `issued`).
        if let index = FunctionRegistry.standard["index"] {
            for name in ["index", "collections.Index"] {
                functions.register(name) { args, context in
                    if case .null? = args.first { return .null }
                    return try context.call(index, args)
                }
            }
        }
        // A list of pages filtered or cut stays `Pages`, with its methods (`(where …).ByDate`).
        for name in [
            "where", "collections.Where", "first", "collections.First", "last", "collections.Last",
            "after", "collections.After", "sort", "collections.Sort", "uniq", "collections.Uniq",
        ] {
            guard let standard = FunctionRegistry.standard[name] else { continue }
            functions.register(name) { args, context in
                let result = try context.call(standard, args)
                guard case .array(let items) = result,
                    let pages = args.lazy.compactMap({ value -> PagesObject? in
                        if case .object(let object) = value { return object as? PagesObject }
                        return nil
                    }).first
                else { return result }
                let kept = items.compactMap { item -> Page? in
                    if case .object(let object) = item { return (object as? PageObject)?.page }
                    return nil
                }
                return kept.count == items.count ? .object(PagesObject(pages: kept, host: pages.host)) : result
            }
        }
        // `title` follows the site's `titleCaseStyle` (AP by default, as the generic function does).
        if let title = FunctionRegistry.standard["title"] {
            for name in ["title", "strings.Title"] {
                functions.register(name) { args, context in
                    let style = (context.userInfo as? ShortcodeScope)?.host.config.raw.valueIgnoringCase("titleCaseStyle")?.string
                    guard let text = args.first?.text, args.count == 1, let cased = titleCased(text, style: style ?? "") else {
                        return try context.call(title, args)
                    }
                    return .string(cased)
                }
            }
        }
        for name in ["keyVals", "collections.KeyVals"] {
            functions.register(name) { args in try PagesObject.keyValues(args) }
        }
        for name in ["emojify", "transform.Emojify"] {
            functions.register(name) { args in .safe(args.first?.text ?? "", .html) }
        }
        for (name, kind) in [
            ("relURL", 0), ("urls.RelURL", 0), ("absURL", 1), ("urls.AbsURL", 1),
            ("relLangURL", 2), ("urls.RelLangURL", 2), ("absLangURL", 3), ("urls.AbsLangURL", 3),
        ] {
            functions.register(name) { args, context in
                .string(url(args.first?.text ?? "", kind: kind, config: try scope(context).host.config))
            }
        }
        functions.register("urls.Parse") { args in
            let text = args.first?.text ?? ""
            guard let parts = URLComponents(string: text) else { throw GoFunctionError("cannot parse URL \(text)") }
            return [
                "Scheme": .string(parts.scheme ?? ""), "Host": .string(parts.host.map { h in parts.port.map { "\(h):\($0)" } ?? h } ?? ""),
                "Path": .string(parts.path), "RawQuery": .string(parts.percentEncodedQuery ?? ""),
                "Fragment": .string(parts.fragment ?? ""), "IsAbs": .bool(parts.scheme != nil), "String": .string(text),
                "Query": .map(
                    Dictionary(
                        (parts.queryItems ?? []).map { ($0.name, GoValue.array([.string($0.value ?? "")])) },
                        uniquingKeysWith: { a, _ in a })),
            ]
        }
        functions.register("path.Base") { args in
            let path = args.first?.text ?? ""
            let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
            return .string(trimmed.isEmpty ? "." : PathText.lastComponent(trimmed))
        }
        functions.register("path.Dir") { args in
            let path = args.first?.text ?? ""
            guard let slash = path.lastIndex(of: "/") else { return "." }
            let dir = String(path[..<slash])
            return .string(dir.isEmpty ? "/" : dir)
        }
        functions.register("path.Ext") { args in
            let base = PathText.lastComponent(args.first?.text ?? "")
            return .string(base.lastIndex(of: ".").map { String(base[$0...]) } ?? "")
        }
        functions.register("path.Join") { args in
            let parts = args.flatMap { value -> [String] in
                if case .array(let items) = value { return items.map(\.text) }
                return [value.text]
            }.filter { !$0.isEmpty }
            let joined = parts.joined(separator: "/")
            let normal = ContentRenderer.normalizePath(joined)
            return .string(joined.hasPrefix("/") ? "/" + normal : normal)
        }
        functions.register("path.Clean") { args in
            let path = args.first?.text ?? ""
            let normal = ContentRenderer.normalizePath(path)
            return .string(path.hasPrefix("/") ? "/" + normal : normal.isEmpty ? "." : normal)
        }
        for name in ["T", "i18n", "lang.Translate"] {
            functions.register(name) { args, context in
                let key = (args.first?.text ?? "").lowercased()
                return .string(try scope(context).host.translations[key] ?? "")
            }
        }
        for name in ["time", "time.AsTime"] {
            functions.register(name) { args in
                guard let value = args.first else { throw GoFunctionError("time needs a date") }
                return .object(try time(value))
            }
        }
        for name in ["now", "time.Now"] {
            functions.register(name) { _ in .object(TimeObject(date: Date())) }
        }
        for name in ["dateFormat", "time.Format"] {
            functions.register(name) { args in
                guard args.count >= 2 else { throw GoFunctionError("dateFormat needs a layout and a date") }
                return .string(TimeObject.format(try time(args[1]).date, layout: args[0].text))
            }
        }
        for name in ["highlight", "transform.Highlight"] {
            functions.register(name) { args in
                let code = args.first?.text ?? ""
                let language = args.count > 1 ? args[1].text : ""
                return .safe(Highlighter.html(code: code, language: language.isEmpty ? nil : language), .html)
            }
        }
        functions.register("transform.CanHighlight") { args in
            .bool(Highlighter.isSupported(args.first?.text ?? ""))
        }
        functions.register("transform.HighlightCodeBlock") { args, context in
            guard case .object(let object)? = args.first, let block = object as? CodeBlockContext else {
                throw GoFunctionError("transform.HighlightCodeBlock needs the context of a code block render hook")
            }
            // `markup.highlight.guessSyntax` names a fence written without a language (hooks see only fences).
            let guesses = (context.userInfo as? ShortcodeScope)?.host.config.guessSyntax ?? false
            let language = block.language.isEmpty && guesses ? Highlighter.guessedLanguage(of: block.code) : block.language
            return .object(HighlightedCodeBlock(code: block.code, language: language, attributes: block.attributes))
        }
        functions.register("hugo") { _, context in
            guard case .map(var info) = hugoInfo, let host = (context.userInfo as? ShortcodeScope)?.host else { return hugoInfo }
            info["IsMultilingual"] = .bool(host.config.isMultilingual)
            info["IsMultihost"] = .bool(false)
            return .map(info)
        }
        // Other asset pipelines hand the resource on unchanged.
        for name in [
            "fingerprint", "resources.Fingerprint", "resources.PostCSS",
            "resources.ToCSS", "css.Sass", "js.Build", "resources.Babel", "babel",
        ] {
            functions.register(name) { args in args.last ?? .null }
        }
        // `minify` names the file `NAME.min.EXT` as Hugo does; JSON loses its whitespace and SVG is
        // minified as Hugo's minifier does for badges and icons (``SVGMinifier``); other formats keep
        // their bytes (we do not minify CSS, JavaScript or HTML).
        for name in ["minify", "resources.Minify"] {
            functions.register(name) { args, context in
                guard case .object(let resource as ResourceObject) = args.last ?? .null, resource.asset != nil else { return args.last ?? .null }
                let ext = (resource.name as NSString).pathExtension
                let stem = ext.isEmpty ? resource.name : String(resource.name.dropLast(ext.count + 1))
                let minified: PublishedAsset? =
                    switch ext.lowercased() {
                    case "json": PublishedAsset.generated(Data(JSONWhitespace.removed(from: try resource.text()).utf8))
                    case "svg": PublishedAsset.generated(Data(SVGMinifier.minified(try resource.text()).utf8))
                    default: nil
                    }
                return .object(
                    resource.renamed(
                        stem + ".min" + (ext.isEmpty ? "" : "." + ext), config: try scope(context).host.config,
                        asset: minified))
            }
        }
        // The asset's text run as a Go template with the given data, published under the target path.
        functions.register("resources.ExecuteAsTemplate") { args, context in
            let scope = try scope(context)
            guard args.count >= 3, case .object(let resource as ResourceObject) = args[2] else {
                throw GoFunctionError("resources.ExecuteAsTemplate needs a target path, data and a resource")
            }
            let path = String(args[0].text.drop { $0 == "/" })
            let output = try TemplateSet(name: path, source: try resource.text(), mode: .text, functions: scope.host.functions)
                .execute(path, data: args[1], userInfo: scope)
            return .object(resource.renamed(path, config: scope.host.config, asset: .generated(Data(output.utf8))))
        }
        // A resource made of text (named as an `assets/` file would be), published when its URL is asked for.
        functions.register("resources.FromString") { args, context in
            let scope = try scope(context)
            guard args.count == 2 else { throw GoFunctionError("resources.FromString needs a target path and the content") }
            let path = String(args[0].text.drop { $0 == "/" })
            var resource = ResourceObject(
                file: scope.host.siteRoot.appendingPathComponent("assets").appendingPathComponent(path), name: path,
                relPermalink: scope.host.config.rootRelativeURL("/" + path),
                permalink: scope.host.config.rootAbsoluteURL("/" + path))
            resource.asset = .generated(Data(args[1].text.utf8))
            return .object(resource.publishing(into: scope.assets))
        }
        // Resources joined into one (a theme's style sheets bundled), published under the target path.
        functions.register("resources.Concat") { args, context in
            let scope = try scope(context)
            guard args.count == 2 else { throw GoFunctionError("resources.Concat needs a target path and a slice of resources") }
            let parts: [ResourceObject]
            switch args[1] {
            case .array(let values):
                parts = try values.map { value in
                    guard case .object(let resource as ResourceObject) = value else {
                        throw GoFunctionError("resources.Concat: \(value.printed) is not a resource")
                    }
                    return resource
                }
            case .object(let list as ResourcesObject): parts = list.items
            default: throw GoFunctionError("resources.Concat needs a slice of resources")
            }
            guard let first = parts.first else { throw GoFunctionError("resources.Concat needs at least one resource") }
            let text = try parts.map { try $0.text() }.joined()
            let path = String(args[0].text.drop { $0 == "/" })
            return .object(first.renamed(path, config: scope.host.config, asset: .generated(Data(text.utf8))).publishing(into: scope.assets))
        }
        functions.register("site") { _, context in .object(SiteObject(host: try scope(context).host)) }
        functions.register("page") { _, context in .object(try scope(context).page) }
        for (name, severity) in [
            ("errorf", Diagnostic.Severity.error), ("fmt.Errorf", .error), ("warnf", .warning),
            ("fmt.Warnf", .warning), ("erroridf", .error), ("fmt.Erroridf", .error), ("warnidf", .warning),
        ] {
            functions.register(name) { args, context in
                let arguments = name.contains("idf") ? Array(args.dropFirst()) : args
                try scope(context).report(severity, try formatted(arguments, context), at: context.position)
                return .string("")
            }
        }
        for name in ["readFile", "os.ReadFile"] {
            functions.register(name) { args, context in
                let host = try scope(context).host
                let file = try insideSite(args.first?.text ?? "", root: host.siteRoot)
                guard let data = try? Data(contentsOf: file) else { throw GoFunctionError("file \(args.first?.text ?? "") not found") }
                return .string(String(decoding: data, as: UTF8.self))
            }
        }
        for name in ["fileExists", "os.FileExists"] {
            functions.register(name) { args, context in
                let host = try scope(context).host
                guard let file = try? insideSite(args.first?.text ?? "", root: host.siteRoot) else { return false }
                return .bool(FileManager.default.fileExists(atPath: file.path))
            }
        }
        for name in ["resources.Get", "resources.GetMatch", "resources.Match", "resources.ByType"] {
            functions.register(name) { args, context in
                let host = try scope(context).host
                // A path from the assets folder; a leading `/` names the same file (`/images/a.png`).
                let pattern = String((args.first?.text ?? "").drop { $0 == "/" })
                let publisher = try scope(context).assets
                let assets = assetResources(host)
                func found(_ resource: ResourceObject) -> GoValue { .object(resource.publishing(into: publisher)) }
                switch name {
                case "resources.Get": return assets.first { $0.name == pattern }.map(found) ?? .null
                case "resources.GetMatch": return assets.first { Glob.matches(pattern, $0.name) }.map(found) ?? .null
                case "resources.ByType":
                    // Every asset of a main type (`image`, `text`, `application`).
                    let type = args.first?.text ?? ""
                    return .array(assets.filter { (try? $0.member("ResourceType", arguments: []))??.text == type }.map(found))
                default: return .array(assets.filter { Glob.matches(pattern, $0.name) }.map(found))
                }
            }
        }
        for name in ["partial", "partialCached", "partials.Include", "partials.IncludeCached"] {
            functions.register(name) { args, context in
                let scope = try scope(context)
                let requested = args.first?.text ?? ""
                guard let template = scope.templates.partials[requested] else {
                    throw GoFunctionError("partial \"\(requested)\" not found")
                }
                scope.pushReturnSlot()
                let output: String
                do {
                    output = try context.execute(template, data: args.count > 1 ? args[1] : .null)
                } catch {
                    if let value = scope.popReturnSlot(), "\(error)".contains(ShortcodeScope.returnMarker) { return value }
                    throw error
                }
                if let value = scope.popReturnSlot() { return value }
                return .safe(output, .html)
            }
        }
        // Hugo's `return` ends a partial with a value: the value is kept and a marker error stops the execution.
        functions.register("return") { args, context in
            guard try scope(context).setReturn(args.first ?? .null) else { throw GoFunctionError("return outside a partial") }
            throw GoFunctionError(ShortcodeScope.returnMarker)
        }
        for name in ["getJSON", "getCSV", "data.GetJSON", "data.GetCSV", "resources.GetRemote"] {
            functions.register(name) { _ in
                throw GoFunctionError("\(name) is refused: collective never reads the network during a build")
            }
        }
        for name in ["ref", "relref"] {
            functions.register(name) { args, context in
                let scope = try scope(context)
                let target = args.count > 1 ? args[1] : args.first ?? .null
                let path = target.text
                let (pathPart, fragment) = ContentRenderer.splitFragment(path)
                if pathPart.isEmpty { return .string(fragment) }
                var candidates = [pathPart]
                if !pathPart.hasPrefix("/"), let source = scope.page.page.sourceFile {
                    let folder = PathText.folder(of: scope.host.config.contentPath(ofSource: source))
                    candidates.insert(ContentRenderer.normalizePath(folder + "/" + pathPart), at: 0)
                }
                for candidate in candidates {
                    if let page = scope.host.page(at: candidate) {
                        return .string((name == "ref" ? scope.host.permalink(page) : scope.host.relPermalink(page)) + fragment)
                    }
                }
                throw GoFunctionError("\(name) target \"\(path)\" not found")
            }
        }
        for name in ["transform.Unmarshal", "unmarshal"] {
            functions.register(name) { args in try unmarshal(args.last ?? .null) }
        }
        // An OpenAPI 3 document (JSON or YAML) as Hugo's `openapi3.T`.
        functions.register("openapi3.Unmarshal") { args in
            guard case .map(let json) = try unmarshal(args.last ?? .null) else {
                throw GoFunctionError("openapi3.Unmarshal needs a JSON or YAML object")
            }
            return .object(OpenAPIObject(root: .map(json), json: json, kind: .document))
        }
        for name in ["humanize", "inflect.Humanize"] {
            functions.register(name) { args in
                let text = args.first?.text ?? ""
                let spaced = text.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
                return .string(spaced.prefix(1).uppercased() + spaced.dropFirst())
            }
        }
        functions.register("os.Getenv") { _ in "" }
        // Hugo's `try`: the arguments were computed without an error, so there is none to catch.
        functions.register("try") { args in ["Value": args.first ?? .null, "Err": .null] }
        functions.register("reflect.IsMap") { args in
            if case .map = args.first ?? .null { return true }
            return false
        }
        functions.register("reflect.IsSlice") { args in
            switch args.first ?? .null {
            case .array: return true
            case .object(let object): return .bool(object.rangeElements != nil)
            default: return false
            }
        }
        // Images: collective reads their size but does not process them, so none is "processable"
        // and templates keep the original file.
        functions.register("reflect.IsImageResource") { args in
            guard case .object(let object) = args.first ?? .null, let resource = object as? ResourceObject else { return false }
            return .bool(resource.isImage)
        }
        functions.register("reflect.IsImageResourceWithMeta") { args in
            guard case .object(let object) = args.first ?? .null, let resource = object as? ResourceObject else { return false }
            return .bool(resource.hasImageSize)
        }
        functions.register("reflect.IsImageResourceProcessable") { _ in false }
        for name in ["newScratch", "maps.NewScratch"] {
            functions.register(name) { _ in .object(ScratchObject()) }
        }
    }

    /// JSON numbers as Go decodes them into an interface: every one a float64 (`printf "%02.f"` of a
    /// month read from CSL JSON gives `07`).
    static func floatingNumbers(_ value: GoValue) -> GoValue {
        switch value {
        case .int(let number): return .float(Double(number))
        case .array(let items): return .array(items.map(floatingNumbers))
        case .map(let map): return .map(map.mapValues(floatingNumbers))
        default: return value
        }
    }

    /// `text` in Hugo's `titleCaseStyle` `none`, `firstupper` or `go` (Go's strings.Title: every
    /// letter after a separator upper-cased); nil for the AP and Chicago styles.
    static func titleCased(_ text: String, style: String) -> String? {
        switch style.lowercased() {
        case "none": return text
        case "firstupper": return text.prefix(1).uppercased() + text.dropFirst()
        case "go":
            var out = ""
            var afterSeparator = true
            for character in text {
                out += afterSeparator ? character.uppercased() : String(character)
                afterSeparator = !(character.isLetter || character.isNumber || character == "_")
            }
            return out
        default: return nil
        }
    }

    /// A resource's or a string's JSON, TOML or YAML as template data (`transform.Unmarshal`).
    static func unmarshal(_ source: GoValue) throws -> GoValue {
        var text = source.text
        if case .object(let object) = source, let content = try? object.member("Content", arguments: []) { text = content.text }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
            // JSON: an array at the top comes back as a slice (a chat transcript, a list of rows).
            guard let value = try? DataFormat.parseJSONValue(text) else { throw GoFunctionError("cannot unmarshal the text") }
            return floatingNumbers(value.goValue())
        }
        let format: DataFormat = trimmed.contains(" = ") ? .toml : .yaml
        guard let table = try? format.parseTable(text).table else { throw GoFunctionError("cannot unmarshal the text") }
        return Value.table(table).goValue()
    }

    /// Hugo's `markdownify` outside a page: the site's Markdown; a single paragraph comes back
    /// without its `<p>`.
    static func markdownify(_ markdown: String, config: SiteConfig) -> String {
        unwrappingSingleParagraph(markdownHTML(markdown, config: config), config: config)
    }

    /// A single paragraph without its `<p>` (as `markdownify` and inline `.RenderString` give it);
    /// other HTML as it is. Display math inside the paragraph is a block of its own for goldmark
    /// only when passthrough keeps it (`text\n$$…$$` is then two blocks); otherwise it is text of
    /// the paragraph, and the paragraph still loses its `<p>`.
    static func unwrappingSingleParagraph(_ html: String, config: SiteConfig) -> String {
        let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("<p>"), trimmed.hasSuffix("</p>"), trimmed.components(separatedBy: "<p>").count == 2,
            !config.goldmarkPassthrough || !trimmed.contains("display=\"block\"")
        {
            return String(trimmed.dropFirst(3).dropLast(4))
        }
        return html
    }

    /// The site's Markdown with math and highlighted code, without a page's hooks.
    private static func markdownHTML(_ markdown: String, config: SiteConfig) -> String {
        var options = MarkdownOptions.site
        options.rawHTML = config.allowsRawHTML
        options.typographer = config.typographer
        options.goldmarkFootnotes = true
        options.footnoteBacklinkHTML = config.footnoteBacklinkHTML
        options.emoji = config.enableEmoji
        let math = MathRenderer(macros: config.settings.mathMacros)
        var hooks = RenderHooks()
        hooks.math = { span in math.render(span.tex, display: span.isDisplay).html }
        hooks.codeBlock = { block in
            block.language == "chart"
                ? nil
                : Highlighter.html(
                    code: block.code, language: block.language,
                    options: HighlightOptions(fenceAttributes: block.attributes)) + "\n"
        }
        return HTMLRenderer(options: options, hooks: hooks).render(Document.parse(markdown, options: options))
    }

    /// `relURL` (0), `absURL` (1), `relLangURL` (2), `absLangURL` (3) as Hugo computes them.
    static func url(_ input: String, kind: Int, config: SiteConfig) -> String {
        if input.contains("://") || input.hasPrefix("//") || input.hasPrefix("mailto:") || input.hasPrefix("#") { return input }
        let language = kind >= 2 ? config.languageFolder : ""
        let absolute = kind == 1 || kind == 3
        if input.hasPrefix("/") {
            let path = "/" + language + input.dropFirst()
            return absolute ? config.rootAbsoluteURL(path) : path
        }
        let siteBase =
            absolute
            ? config.siteBaseURL.hasSuffix("/") ? config.siteBaseURL : config.siteBaseURL + "/"
            : config.siteBasePath
        return siteBase + language + input
    }

    static func time(_ value: GoValue) throws -> TimeObject {
        switch value {
        case .object(let object as TimeObject): return object
        case .int(let seconds): return TimeObject(date: Date(timeIntervalSince1970: TimeInterval(seconds)))
        default:
            guard let date = TimeObject.parse(value.text) else { throw GoFunctionError("unable to parse date: \(value.text)") }
            return TimeObject(date: date)
        }
    }

    /// A path inside the site folder (symlinks resolved), or an error for anything outside it.
    static func insideSite(_ path: String, root: URL) throws -> URL {
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        let url = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path))
            .standardizedFileURL.resolvingSymlinksInPath()
        guard url.path == rootPath || url.path.hasPrefix(rootPath + "/") else {
            throw GoFunctionError("refused to read \(path): only files inside the site folder can be read")
        }
        return url
    }

    /// The files of `assets/` (the site's over its theme's), listed once per build.
    static func assetResources(_ host: HugoHost) -> [ResourceObject] {
        host.assets {
            var seen = Set<String>()
            var items: [ResourceObject] = []
            let roots = SiteTemplates.layoutRoots(siteRoot: host.siteRoot, config: host.config)
                .map { $0 == "layouts" ? "assets" : String($0.dropLast("layouts".count)) + "assets" }
            for root in roots {
                let folder = host.siteRoot.appendingPathComponent(root)
                for file in FileTree.regularFiles(under: folder) where seen.insert(file).inserted {
                    // Hugo publishes assets at the site's root, whatever the language.
                    let url = folder.appendingPathComponent(file)
                    var resource = ResourceObject(
                        file: url, name: file, relPermalink: host.config.rootRelativeURL("/" + file),
                        permalink: host.config.rootAbsoluteURL("/" + file))
                    resource.asset = .file(url)
                    items.append(resource)
                }
            }
            return items
        }
    }
}

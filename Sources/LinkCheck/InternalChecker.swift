import Foundation
import Site
import TextUtilities

/// Checks a built site without the network: links, anchors, images, ids, orphans and `http://` links.
struct InternalChecker {
    let report: BuildReport
    let site: SiteMap
    /// Leave out what the builder already warns about (missing images and alt text, `.md` and `ref` targets).
    var skipBuilderFindings = false

    /// Every internal finding, plus the external URLs the pages' Markdown links to.
    func run() -> (findings: [Finding], external: [ExternalReference]) {
        let result = check(reusing: nil)
        return (result.findings, result.external)
    }

    /// ``run()``, taking from `previous` where the links of HTML files whose bytes (``BuildReport/fileHashes``)
    /// did not change lead; also returns where every file's links lead now, for the next check.
    func check(reusing previous: OutlinkStore?) -> (findings: [Finding], external: [ExternalReference], outlinks: OutlinkStore) {
        var findings: [Finding] = []
        var external: [ExternalReference] = []
        var checkedByReference: Set<String> = []
        var secureHosts: Set<String> = []
        var insecure: [(ExternalReference, String)] = []

        for page in report.pages {
            let output = SiteMap.outputPath(ofPage: page.path)
            guard let scan = site.pages[output] else { continue }
            let file = page.sourceFile ?? "public/" + output
            for reference in page.references {
                checkedByReference.insert(reference.url)
                let target = site.classify(reference.url, on: page.path)
                if let finding = check(reference, classified: target, file: file) { findings.append(finding) }
                if reference.kind == .image, !skipBuilderFindings,
                    (reference.alt ?? "").trimmingCharacters(in: .whitespaces).isEmpty
                {
                    findings.append(
                        Finding(
                            .warning, .missingAlt, file: file, line: reference.line, column: reference.column,
                            subject: reference.destination,
                            message: "image \(reference.destination) has no alt text; describe it for readers who cannot see it"))
                }
                guard case .external(let url) = target else { continue }
                let item = ExternalReference(url: url, file: file, line: reference.line, column: reference.column)
                external.append(item)
                if url.lowercased().hasPrefix("https://"), let host = LinkTarget.host(of: url) { secureHosts.insert(host) }
                if url.lowercased().hasPrefix("http://"), let host = LinkTarget.host(of: url) { insecure.append((item, host)) }
            }
            findings += duplicateIDs(in: scan, page: page, file: file)
            if !skipBuilderFindings { findings += mathFindings(page, file: file) }
        }
        for (item, host) in insecure where secureHosts.contains(host) {
            findings.append(
                Finding(
                    .notice, .insecureLink, file: item.file, line: item.line, column: item.column, subject: item.url,
                    message: "\(item.url) uses http:// but the site links to https://\(host) elsewhere; use https://"))
        }
        let environment = OutlinkStore.environment(of: site)
        let known =
            previous?.valid(for: site, environment: environment, hashes: report.fileHashes)
            ?? Array(repeating: nil, count: site.htmlPaths.count)
        let links = outlinks(known: known)
        findings += templateLinks(links, skipping: checkedByReference)
        findings += orphans(links)
        let hashes = report.fileHashes
        let records = zip(site.htmlPaths, links).map { path, outlinks in
            OutlinkStore.Record(hash: hashes[path] ?? ContentHash(high: 0, low: 0), outlinks: outlinks)
        }
        return (findings, external, OutlinkStore(environment: environment, records: records))
    }

    /// The problem with one Markdown link or image (whose URL classifies as `classified`), if any.
    private func check(_ reference: LinkReference, classified: LinkTarget, file: String) -> Finding? {
        if let target = reference.referenceTarget {
            if reference.isBroken {
                if skipBuilderFindings { return nil }
                return Finding(
                    .error, .brokenReference, file: file, line: reference.line, column: reference.column, subject: target,
                    message: "ref target not found: \(target); point it at an existing content file")
            }
        }
        let shown = reference.referenceTarget == nil ? reference.destination : reference.url
        guard case .local(let path, let fragment) = classified else { return nil }
        guard let output = site.outputPath(for: path) else {
            if reference.kind == .image {
                if skipBuilderFindings { return nil }
                return Finding(
                    .error, .missingImage, file: file, line: reference.line, column: reference.column, subject: shown,
                    message: "image not found: \(shown) (looked in the page's folder and static/)")
            }
            if skipBuilderFindings, Self.isContentFileLink(reference.destination) { return nil }
            return Finding(
                .error, .brokenLink, file: file, line: reference.line, column: reference.column, subject: shown,
                message: "broken link: \(shown) matches no page, section, term or file")
        }
        if let fragment, let target = site.pages[output], !target.hasAnchor(fragment.removingPercentEncoding ?? fragment) {
            return Finding(
                .error, .brokenAnchor, file: file, line: reference.line, column: reference.column, subject: shown,
                message: "broken anchor: \(shown) (no element on \(SiteMap.sitePath(ofOutput: output)) has the id \"\(fragment)\")")
        }
        return nil
    }

    /// Links to `.md` files, which the builder rewrites and warns about itself.
    private static func isContentFileLink(_ destination: String) -> Bool {
        let path = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?.lowercased() ?? ""
        return path.hasSuffix(".md") || path.hasSuffix(".markdown") || path.contains(".md/")
    }

    /// The page's formulas that were refused or hold an unknown command: the reader sees TeX or a
    /// red box where math should be.
    private func mathFindings(_ page: BuiltPage, file: String) -> [Finding] {
        page.mathProblems.map { problem in
            let what = problem.isRefused ? "formula not rendered" : "formula drawn with an error"
            return Finding(
                .error, .mathError, file: file, line: problem.line, column: problem.column,
                subject: problem.command ?? "",
                message: "\(what): \(problem.message)"
                    + (problem.command.map { problem.message.contains($0) ? "" : " (\($0))" } ?? ""))
        }
    }

    private func duplicateIDs(in scan: ScannedPage, page: BuiltPage, file: String) -> [Finding] {
        scan.idOrder.compactMap { id in
            guard let count = scan.idCounts[id], count > 1 else { return nil }
            return Finding(
                .warning, .duplicateID, file: file, subject: id,
                message: "duplicate id \"\(id)\" on \(page.path) (\(count) elements); links to #\(id) reach only the first")
        }
    }

    /// Where one link leads, as far as ``outlinks(known:)`` cares.
    private enum Resolution {
        /// Not a page of this site, or a file that is not an HTML page.
        case ignored
        case broken
        /// An HTML page (its position in ``SiteMap/htmlPaths``); `anchorMissing` when the link's
        /// fragment names no element on it, `usesAnchors` when it has a fragment at all.
        case page(Int, anchorMissing: Bool, usesAnchors: Bool)
    }

    /// Follows every link of every HTML file once, on all cores, except for files `known` has
    /// (by position in ``SiteMap/htmlPaths``). A URL that means the same on every page (`/tags/`,
    /// `https://…`) is resolved once per batch of pages.
    private func outlinks(known: [OutlinkStore.Outlinks?]) -> [OutlinkStore.Outlinks] {
        let outputs = site.htmlPaths
        let batches = stride(from: 0, to: outputs.count, by: 256).map { $0..<min($0 + 256, outputs.count) }
        let site = self.site
        let results = batches.concurrentMap { batch -> [OutlinkStore.Outlinks] in
            var shared: [String: Resolution] = [:]
            return batch.map { position in
                if let outlinks = known[position] { return outlinks }
                var result = OutlinkStore.Outlinks()
                guard let scan = site.pages[outputs[position]] else { return result }
                let pagePath = SiteMap.sitePath(ofOutput: outputs[position])
                for url in scan.links {
                    let resolution: Resolution
                    if LinkTarget.dependsOnPage(url) {
                        resolution = Self.resolve(url, on: pagePath, in: site)
                    } else if let known = shared[url] {
                        resolution = known
                    } else {
                        resolution = Self.resolve(url, on: pagePath, in: site)
                        shared[url] = resolution
                    }
                    switch resolution {
                    case .ignored: continue
                    case .broken: result.broken.append(OutlinkStore.Broken(url: url, isAnchor: false))
                    case .page(let target, let anchorMissing, let usesAnchors):
                        result.pages.append(target)
                        if usesAnchors, result.anchorTargets.last != target { result.anchorTargets.append(target) }
                        if anchorMissing { result.broken.append(OutlinkStore.Broken(url: url, isAnchor: true)) }
                    }
                }
                return result
            }
        }
        return Array(results.joined())
    }

    private static func resolve(_ url: String, on pagePath: String, in site: SiteMap) -> Resolution {
        guard case .local(let path, let fragment) = site.classify(url, on: pagePath) else { return .ignored }
        guard let target = site.outputPath(for: path) else { return .broken }
        guard let targetScan = site.pages[target], let position = site.htmlPosition[target] else { return .ignored }
        let anchorMissing =
            fragment.map { fragment in
                !targetScan.hasAnchor(fragment.utf8.contains(UInt8(ascii: "%")) ? fragment.removingPercentEncoding ?? fragment : fragment)
            } ?? false
        return .page(position, anchorMissing: anchorMissing, usesAnchors: fragment != nil)
    }

    /// Broken links that templates, shortcodes or raw HTML wrote (not Markdown links), one finding
    /// per URL. URLs a Markdown link or image has (`checked`: reported at their source, and
    /// repeated in list summaries) are left out.
    private func templateLinks(_ outlinks: [OutlinkStore.Outlinks], skipping checked: Set<String>) -> [Finding] {
        var pagesByURL: [String: (kind: Finding.Kind, outputs: [String])] = [:]
        for (output, links) in zip(site.htmlPaths, outlinks) {
            for item in links.broken where !checked.contains(item.url) {
                pagesByURL[item.url, default: (item.isAnchor ? .brokenAnchor : .brokenLink, [])].outputs.append(output)
            }
        }
        let sourceByOutput = Dictionary(
            report.pages.compactMap { page in page.sourceFile.map { (SiteMap.outputPath(ofPage: page.path), $0) } },
            uniquingKeysWith: { first, _ in first })
        return pagesByURL.map { url, entry in
            if let config = report.config, let menu = config.mainMenu.first(where: { $0.url == url || config.relativeURL($0.url) == url }) {
                let what = entry.kind == .brokenLink ? "broken menu link" : "broken menu anchor"
                return Finding(
                    .error, entry.kind, file: config.fileName ?? "config", subject: url,
                    message: "\(what): \(url) (menu entry \"\(menu.name)\")")
            }
            let first = entry.outputs[0]
            let location =
                entry.outputs.count == 1
                ? "on \(SiteMap.sitePath(ofOutput: first))"
                : "on \(entry.outputs.count) pages, first \(SiteMap.sitePath(ofOutput: first))"
            let what = entry.kind == .brokenLink ? "broken link" : "broken anchor"
            return Finding(
                .error, entry.kind, file: sourceByOutput[first] ?? "public/" + first, subject: url,
                message: "\(what) in the page's template or HTML: \(url) (\(location))")
        }
    }

    /// Regular pages that no chain of links from the home page reaches.
    private func orphans(_ outlinks: [OutlinkStore.Outlinks]) -> [Finding] {
        var reached = [Bool](repeating: false, count: outlinks.count)
        var queue: [Int] = []
        if let home = site.htmlPosition["index.html"] {
            reached[home] = true
            queue.append(home)
        }
        while let position = queue.popLast() {
            for target in outlinks[position].pages where !reached[target] {
                reached[target] = true
                queue.append(target)
            }
        }
        return report.pages.compactMap { page in
            let output = SiteMap.outputPath(ofPage: page.path)
            guard page.kind == .page, let file = page.sourceFile, let position = site.htmlPosition[output],
                !reached[position]
            else { return nil }
            return Finding(
                .notice, .orphanPage, file: file, subject: page.path,
                message: "orphan page: no list, menu or link reaches \(page.path) from the home page")
        }
    }
}

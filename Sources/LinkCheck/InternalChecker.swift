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
                if let finding = check(reference, on: page, file: file) { findings.append(finding) }
                if reference.kind == .image, !skipBuilderFindings,
                   (reference.alt ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                    findings.append(Finding(.warning, .missingAlt, file: file, line: reference.line, column: reference.column,
                                            subject: reference.destination,
                                            message: "image \(reference.destination) has no alt text; describe it for readers who cannot see it"))
                }
                guard case .external(let url) = site.classify(reference.url, on: page.path) else { continue }
                let item = ExternalReference(url: url, file: file, line: reference.line, column: reference.column)
                external.append(item)
                if url.lowercased().hasPrefix("https://"), let host = LinkTarget.host(of: url) { secureHosts.insert(host) }
                if url.lowercased().hasPrefix("http://"), let host = LinkTarget.host(of: url) { insecure.append((item, host)) }
            }
            findings += duplicateIDs(in: scan, page: page, file: file)
            if !skipBuilderFindings { findings += mathFindings(page, file: file) }
        }
        for (item, host) in insecure where secureHosts.contains(host) {
            findings.append(Finding(.notice, .insecureLink, file: item.file, line: item.line, column: item.column, subject: item.url,
                                    message: "\(item.url) uses http:// but the site links to https://\(host) elsewhere; use https://"))
        }
        let links = outlinks(skipping: checkedByReference)
        findings += templateLinks(links)
        findings += orphans(links)
        return (findings, external)
    }

    /// The problem with one Markdown link or image, if any.
    private func check(_ reference: LinkReference, on page: BuiltPage, file: String) -> Finding? {
        if let target = reference.referenceTarget {
            if reference.isBroken {
                if skipBuilderFindings { return nil }
                return Finding(.error, .brokenReference, file: file, line: reference.line, column: reference.column, subject: target,
                               message: "ref target not found: \(target); point it at an existing content file")
            }
        }
        let shown = reference.referenceTarget == nil ? reference.destination : reference.url
        guard case .local(let path, let fragment) = site.classify(reference.url, on: page.path) else { return nil }
        guard let output = site.outputPath(for: path) else {
            if reference.kind == .image {
                if skipBuilderFindings { return nil }
                return Finding(.error, .missingImage, file: file, line: reference.line, column: reference.column, subject: shown,
                               message: "image not found: \(shown) (looked in the page's folder and static/)")
            }
            if skipBuilderFindings, Self.isContentFileLink(reference.destination) { return nil }
            return Finding(.error, .brokenLink, file: file, line: reference.line, column: reference.column, subject: shown,
                           message: "broken link: \(shown) matches no page, section, term or file")
        }
        if let fragment, let target = site.pages[output], !target.hasAnchor(fragment.removingPercentEncoding ?? fragment) {
            return Finding(.error, .brokenAnchor, file: file, line: reference.line, column: reference.column, subject: shown,
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
            return Finding(.error, .mathError, file: file, line: problem.line, column: problem.column,
                           subject: problem.command ?? "", message: "\(what): \(problem.message)"
                               + (problem.command.map { problem.message.contains($0) ? "" : " (\($0))" } ?? ""))
        }
    }

    private func duplicateIDs(in scan: ScannedPage, page: BuiltPage, file: String) -> [Finding] {
        scan.idOrder.compactMap { id in
            guard let count = scan.idCounts[id], count > 1 else { return nil }
            return Finding(.warning, .duplicateID, file: file, subject: id,
                           message: "duplicate id \"\(id)\" on \(page.path) (\(count) elements); links to #\(id) reach only the first")
        }
    }

    /// What one HTML file links to: the HTML pages it reaches and its broken links.
    private struct Outlinks: Sendable {
        var pages: [String] = []
        var broken: [(url: String, kind: Finding.Kind)] = []
    }

    /// Where one link leads, as far as ``outlinks(skipping:)`` cares.
    private enum Resolution {
        /// Not a page of this site, or a file that is not an HTML page.
        case ignored
        case broken(Finding.Kind)
        /// An HTML page; `anchorMissing` when the link's fragment names no element on it.
        case page(String, anchorMissing: Bool)
    }

    /// Follows every link of every HTML file once, on all cores. Broken links whose URL a Markdown
    /// link or image already has (reported at its source, and repeated in list summaries) are left out.
    /// A URL that means the same on every page (`/tags/`, `https://…`) is resolved once per batch of pages.
    private func outlinks(skipping checked: Set<String>) -> [String: Outlinks] {
        let outputs = site.pages.keys.sorted()
        let batches = stride(from: 0, to: outputs.count, by: 256).map { outputs[$0..<min($0 + 256, outputs.count)] }
        let site = self.site
        let results = batches.concurrentMap { batch -> [Outlinks] in
            var shared: [String: Resolution] = [:]
            return batch.map { output in
                var result = Outlinks()
                guard let scan = site.pages[output] else { return result }
                let pagePath = SiteMap.sitePath(ofOutput: output)
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
                    case .broken(let kind): if !checked.contains(url) { result.broken.append((url, kind)) }
                    case .page(let target, let anchorMissing):
                        result.pages.append(target)
                        if anchorMissing, !checked.contains(url) { result.broken.append((url, .brokenAnchor)) }
                    }
                }
                return result
            }
        }
        return Dictionary(uniqueKeysWithValues: zip(outputs, results.joined()))
    }

    private static func resolve(_ url: String, on pagePath: String, in site: SiteMap) -> Resolution {
        guard case .local(let path, let fragment) = site.classify(url, on: pagePath) else { return .ignored }
        guard let target = site.outputPath(for: path) else { return .broken(.brokenLink) }
        guard let targetScan = site.pages[target] else { return .ignored }
        let anchorMissing = fragment.map { fragment in
            !targetScan.hasAnchor(fragment.utf8.contains(UInt8(ascii: "%")) ? fragment.removingPercentEncoding ?? fragment : fragment)
        } ?? false
        return .page(target, anchorMissing: anchorMissing)
    }

    /// Broken links that templates, shortcodes or raw HTML wrote (not Markdown links), one finding per URL.
    private func templateLinks(_ outlinks: [String: Outlinks]) -> [Finding] {
        var pagesByURL: [String: (kind: Finding.Kind, outputs: [String])] = [:]
        for output in outlinks.keys.sorted() {
            for item in outlinks[output]?.broken ?? [] { pagesByURL[item.url, default: (item.kind, [])].outputs.append(output) }
        }
        let sourceByOutput = Dictionary(report.pages.compactMap { page in page.sourceFile.map { (SiteMap.outputPath(ofPage: page.path), $0) } },
                                        uniquingKeysWith: { first, _ in first })
        return pagesByURL.map { url, entry in
            if let config = report.config, let menu = config.mainMenu.first(where: { $0.url == url || config.relativeURL($0.url) == url }) {
                let what = entry.kind == .brokenLink ? "broken menu link" : "broken menu anchor"
                return Finding(.error, entry.kind, file: config.fileName ?? "config", subject: url,
                               message: "\(what): \(url) (menu entry \"\(menu.name)\")")
            }
            let first = entry.outputs[0]
            let location = entry.outputs.count == 1 ? "on \(SiteMap.sitePath(ofOutput: first))"
                : "on \(entry.outputs.count) pages, first \(SiteMap.sitePath(ofOutput: first))"
            let what = entry.kind == .brokenLink ? "broken link" : "broken anchor"
            return Finding(.error, entry.kind, file: sourceByOutput[first] ?? "public/" + first, subject: url,
                           message: "\(what) in the page's template or HTML: \(url) (\(location))")
        }
    }

    /// Regular pages that no chain of links from the home page reaches.
    private func orphans(_ outlinks: [String: Outlinks]) -> [Finding] {
        var reached: Set<String> = ["index.html"]
        var queue = ["index.html"]
        while let output = queue.popLast() {
            for target in outlinks[output]?.pages ?? [] where reached.insert(target).inserted {
                queue.append(target)
            }
        }
        return report.pages.compactMap { page in
            let output = SiteMap.outputPath(ofPage: page.path)
            guard page.kind == .page, let file = page.sourceFile, site.pages[output] != nil,
                  !reached.contains(output) else { return nil }
            return Finding(.notice, .orphanPage, file: file, subject: page.path,
                           message: "orphan page: no list, menu or link reaches \(page.path) from the home page")
        }
    }
}

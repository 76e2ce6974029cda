import Foundation
import Site

/// Answers one request from a state of the site.
struct Responder {
    let state: PreviewState
    /// The site folder with symlinks resolved: files served from disk must lie inside it.
    let siteRoot: String

    /// A response, or the request opens the live-reload event stream.
    enum Answer {
        case response(HTTPResponse)
        case events
    }

    func answer(_ request: HTTPRequest) -> Answer {
        guard request.method == "GET" || request.method == "HEAD" else {
            var response = HTTPResponse.text(.methodNotAllowed, "Only GET and HEAD are served.")
            response.headers.append(("Allow", "GET, HEAD"))
            return .response(response)
        }
        let path = request.path
        if path == LiveReloadScript.eventsPath {
            if request.method == "GET" { return .events }
            return .response(HTTPResponse(status: .ok, headers: [("Content-Type", "text/event-stream")]))
        }
        if path == LiveReloadScript.path {
            return .response(
                HTTPResponse(
                    status: .ok,
                    headers: [
                        ("Content-Type", MediaTypes.type(forPath: path)),
                        ("Cache-Control", "no-cache"),
                    ],
                    body: Data(LiveReloadScript.source.utf8)))
        }
        switch SitePath.resolve(path, query: request.query, exists: state.snapshot.contains) {
        case .redirect(let location):
            return .response(
                HTTPResponse(
                    status: .movedPermanently, headers: [("Location", location)],
                    body: Data("Moved to \(location)\n".utf8)))
        case .file(let key):
            guard let response = fileResponse(key, status: .ok) else { return .response(notFound()) }
            return .response(conditional(response, request: request))
        case .notFound:
            return .response(notFound())
        }
    }

    /// The site's `404.html` with status 404, or a plain message when it has none.
    private func notFound() -> HTTPResponse {
        fileResponse("404.html", status: .notFound) ?? .text(.notFound, "Not found.")
    }

    /// A file of the site with its type, validators and, for HTML, the live-reload script and any overlay.
    private func fileResponse(_ key: String, status: HTTPStatus) -> HTTPResponse? {
        let type = MediaTypes.type(forPath: key)
        var headers: [(name: String, value: String)] = [
            ("Content-Type", type), ("Cache-Control", "no-cache"),
            ("X-Content-Type-Options", "nosniff"),
        ]
        var body: Data
        if let data = state.snapshot.files[key] {
            body = data
            if let modified = state.snapshot.modified[key] { headers.append(("Last-Modified", HTTPDate.string(from: modified))) }
        } else if let url = state.snapshot.copies[key], let file = readInsideSite(url) {
            body = file.data
            headers.append(("Last-Modified", HTTPDate.string(from: file.modified)))
            if !type.hasPrefix("text/html") { headers.append(("ETag", EntityTag.of(size: file.data.count, modified: file.modified))) }
        } else {
            return nil
        }
        if type.hasPrefix("text/html") {
            body = HTMLInjection.inject(DiagnosticRenderer.overlay(state.errors) + LiveReloadScript.tag, into: body)
        }
        if !headers.contains(where: { $0.name == "ETag" }) { headers.append(("ETag", EntityTag.of(body))) }
        return HTTPResponse(status: status, headers: headers, body: body)
    }

    /// 304 when the client's copy is current (`If-None-Match`, else an exact `If-Modified-Since`).
    private func conditional(_ response: HTTPResponse, request: HTTPRequest) -> HTTPResponse {
        let fresh: Bool
        if let tags = request.headers["if-none-match"], let tag = response.header("ETag") {
            fresh = EntityTag.matches(tags, tag)
        } else if let since = request.headers["if-modified-since"], let modified = response.header("Last-Modified") {
            fresh = since == modified
        } else {
            fresh = false
        }
        guard fresh else { return response }
        return HTTPResponse(status: .notModified, headers: response.headers.filter { $0.name != "Content-Type" })
    }

    /// A file served from disk, if it resolves (symlinks followed) to a regular file inside the site folder.
    private func readInsideSite(_ url: URL) -> (data: Data, modified: Date)? {
        let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
        guard resolved.hasPrefix(siteRoot + "/"),
            let attributes = try? FileManager.default.attributesOfItem(atPath: resolved),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let data = try? Data(contentsOf: URL(fileURLWithPath: resolved), options: .mappedIfSafe)
        else { return nil }
        return (data, attributes[.modificationDate] as? Date ?? Date())
    }
}

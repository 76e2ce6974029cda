import Foundation
import Site
import Testing
@testable import DevServer

@Suite struct LiveReloadTests {
    private func injected(_ html: String) -> String {
        String(decoding: HTMLInjection.inject("<X>", into: Data(html.utf8)), as: UTF8.self)
    }

    @Test func injectsBeforeTheLastClosingBody() {
        #expect(injected("<html><body>a</body></html>") == "<html><body>a<X></body></html>")
        #expect(injected("<BODY>\"</body>\" in text</BODY >") == "<BODY>\"</body>\" in text<X></BODY >")
        #expect(injected("no body tag") == "no body tag<X>")
        #expect(injected("") == "<X>")
        #expect(injected("</body") == "<X></body")
    }

    @Test func overlayListsErrorsEscaped() {
        #expect(DiagnosticRenderer.overlay([]) == "")
        let overlay = DiagnosticRenderer.overlay([Diagnostic(.error, "bad <b> & \"q\"", file: "content/a.md", line: 3, column: 7)])
        #expect(overlay.contains("content/a.md:3:7"))
        #expect(overlay.contains("bad &lt;b&gt; &amp; &quot;q&quot;"))
        #expect(overlay.contains("1 error."))
    }

    @Test func contentEditNavigatesToTheEditedPage() {
        let event = ReloadEvent.after(
            changedOutputs: ["index.html", "index.xml", "posts/my-post/index.html"],
            changedSources: ["content/posts/My Post.md"], errorsChanged: false)
        #expect(event == .reload(page: "/posts/my-post/"))
        #expect(event?.message == "event: reload\ndata: /posts/my-post/\n\n")
    }

    @Test func unknownPageReloadsInPlace() {
        let event = ReloadEvent.after(changedOutputs: ["custom/url/index.html"], changedSources: ["content/posts/a.md"], errorsChanged: false)
        #expect(event == .reload(page: nil))
        #expect(event?.message == "event: reload\ndata: \n\n")
    }

    @Test func cssOnlyChangesSwapStylesheets() {
        let event = ReloadEvent.after(changedOutputs: ["css/a.css", "css/b.css"], changedSources: ["static/css/a.css"], errorsChanged: false)
        #expect(event == .css(["/css/a.css", "/css/b.css"]))
        #expect(event?.message == "event: css\ndata: /css/a.css /css/b.css\n\n")
        #expect(ReloadEvent.after(changedOutputs: ["css/a.css"], changedSources: [], errorsChanged: true) == .reload(page: nil))
    }

    @Test func nothingChangedSendsNothingUnlessErrorsChanged() {
        #expect(ReloadEvent.after(changedOutputs: [], changedSources: ["content/a.md"], errorsChanged: false) == nil)
        #expect(ReloadEvent.after(changedOutputs: [], changedSources: ["content/a.md"], errorsChanged: true) == .reload(page: nil))
    }

    @Test func contentFilesMapToTheirDefaultURLs() {
        #expect(ReloadEvent.pageKey(forContentFile: "content/_index.md") == "index.html")
        #expect(ReloadEvent.pageKey(forContentFile: "content/posts/_index.md") == "posts/index.html")
        #expect(ReloadEvent.pageKey(forContentFile: "content/posts/bundle/index.md") == "posts/bundle/index.html")
        #expect(ReloadEvent.pageKey(forContentFile: "content/Deep Dives/A -- B!.markdown") == "deep-dives/a-b/index.html")
        #expect(ReloadEvent.pageKey(forContentFile: "content/posts/bundle/chart.png") == nil)
        #expect(ReloadEvent.pageKey(forContentFile: "layouts/single.mustache") == nil)
    }

    @Test func eventHubDeliversToEverySubscriberAndCloses() {
        let hub = EventHub()
        let first = hub.subscribe()
        let second = hub.subscribe()
        #expect(hub.count == 2)
        hub.broadcast("one")
        #expect(first.next(timeout: 5) == .message("one"))
        #expect(second.next(timeout: 5) == .message("one"))
        #expect(first.next(timeout: 0.01) == .timedOut)
        hub.unsubscribe(second)
        hub.broadcast("two")
        #expect(second.next(timeout: 0.01) == .timedOut)
        hub.closeAll()
        #expect(first.next(timeout: 5) == .message("two"))
        #expect(first.next(timeout: 5) == .closed)
        #expect(hub.count == 0)
    }

    @Test func stalledSubscriberKeepsOnlyTheNewestMessages() {
        let hub = EventHub()
        let subscription = hub.subscribe()
        for index in 0..<(EventHub.Subscription.capacity + 10) { hub.broadcast("\(index)") }
        #expect(subscription.next(timeout: 1) == .message("10"))
    }
}

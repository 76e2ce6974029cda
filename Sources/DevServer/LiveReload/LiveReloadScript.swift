/// The browser side of live reload, served at `/__collective/live.js`.
///
/// It listens to `/__collective/events`: `reload` reloads the page, or opens the page named in
/// the event's data when that is not the one in view; `css` swaps the named stylesheets (all
/// same-origin ones when none is named) without reloading. When the server comes back after a
/// restart the page reloads.
enum LiveReloadScript {
    static let path = "/__collective/live.js"
    static let eventsPath = "/__collective/events"

    /// The tag injected into every HTML response.
    static let tag = "<script src=\"\(path)\"></script>"

    static let source = """
        (() => {
          const events = new EventSource("\(eventsPath)");
          let lost = false;
          events.addEventListener("error", () => { lost = true; });
          events.addEventListener("open", () => { if (lost) location.reload(); });
          events.addEventListener("reload", (event) => {
            const target = event.data;
            if (target && target !== location.pathname) location.assign(target);
            else location.reload();
          });
          events.addEventListener("css", (event) => {
            const names = event.data ? event.data.split(" ") : [];
            for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
              const url = new URL(link.href, location.href);
              if (url.origin !== location.origin || (names.length && !names.includes(url.pathname))) continue;
              url.searchParams.set("reload", Date.now());
              const fresh = link.cloneNode();
              fresh.href = url.href;
              fresh.addEventListener("load", () => link.remove());
              link.after(fresh);
            }
          });
        })();

        """
}

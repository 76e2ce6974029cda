import Synchronization
import Templating

/// Every page's list entry context (``ContextBuilder``), made when first asked for or all at once.
///
/// A build that takes most pages from the build cache renders few lists and pages, so it makes
/// only the entries those ask for; a full build makes them all at once on every core. The table is
/// shared between copies of a ``ContextBuilder`` until one of them changes it (copy on write).
final class EntryTable: Sendable {
    private let slots: Mutex<[Context?]>
    /// Rendered list entries (`entryHTML`) of pages whose entry is not made yet.
    private let pendingHTML: Mutex<[PageID: String?]>

    /// A table of `count` entries, none made yet.
    init(count: Int) {
        slots = Mutex(Array(repeating: nil, count: count))
        pendingHTML = Mutex([:])
    }

    /// A table holding `entries`.
    init(entries: [Context?], pendingHTML: [PageID: String?] = [:]) {
        slots = Mutex(entries)
        self.pendingHTML = Mutex(pendingHTML)
    }

    /// A table with the same entries, for a copy that changes them.
    func copy() -> EntryTable {
        EntryTable(entries: slots.withLock { $0 }, pendingHTML: pendingHTML.withLock { $0 })
    }

    /// Entry of page `index`, made by `make` the first time (outside the lock: two threads may both make
    /// it, and the first one stored wins; both are the same).
    func entry(_ index: PageID, make: () -> Context) -> Context {
        if let made = slots.withLock({ $0[index] }) { return made }
        var made = make()
        if let html = pendingHTML.withLock({ $0[index] }) { made["entryHTML"] = html.map(TemplateValue.string) }
        return slots.withLock { slots in
            if let first = slots[index] { return first }
            slots[index] = made
            return made
        }
    }

    /// Forgets entry `index` and its `entryHTML`: it is made again when asked for.
    func remove(_ index: PageID) {
        slots.withLock { $0[index] = nil }
        pendingHTML.withLock { $0[index] = nil }
    }

    /// Sets the `entryHTML` of entries, now for those made and when made for the others.
    func setHTML(_ html: [PageID: String?]) {
        slots.withLock { slots in
            pendingHTML.withLock { pending in
                for (index, text) in html {
                    if slots[index] != nil {
                        slots[index]!["entryHTML"] = text.map(TemplateValue.string)
                    } else {
                        pending[index] = text
                    }
                }
            }
        }
    }
}

import Foundation
import Synchronization

/// A file of `assets/` (or one a template made from it) that a page's shortcodes published by
/// asking for its URL, as Hugo publishes a resource at its first `.RelPermalink` or `.Permalink`.
public enum PublishedAsset: Sendable, Equatable {
    /// A file copied as it is.
    case file(URL)
    /// Bytes made at build time (`resources.ExecuteAsTemplate`).
    case generated(Data)
}

/// The assets one page's shortcodes published, by output path relative to the site root
/// (`svg/badge.svg`); the build writes them beside the pages.
final class AssetPublisher: Sendable {
    private let published = Mutex<[String: PublishedAsset]>([:])

    func publish(_ path: String, _ asset: PublishedAsset) {
        published.withLock { $0[path] = asset }
    }

    var all: [String: PublishedAsset] { published.withLock { $0 } }
}

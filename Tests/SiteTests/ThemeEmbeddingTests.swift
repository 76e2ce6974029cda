import Foundation
import Testing
@testable import Site

/// The theme compiled into the binary matches Theme/ (run scripts/generate-theme.py after editing it).
@Suite struct ThemeEmbeddingTests {
    static let theme = SiteFixtures.repositoryRoot.appendingPathComponent("Theme")

    @Test func embeddedTemplatesMatchTheThemeFolder() throws {
        let folder = Self.theme.appendingPathComponent("templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(Set(names.map { String($0.dropLast(".mustache".count)) }) == Set(DefaultTheme.templates.keys))
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let key = String(name.dropLast(".mustache".count))
            #expect(DefaultTheme.templates[key] == text.trimmingTrailingNewlines, "\(name) changed: run scripts/generate-theme.py")
        }
    }

    @Test func embeddedAssetsMatchTheThemeFolder() throws {
        let css = try String(contentsOf: Self.theme.appendingPathComponent("assets/style.css"), encoding: .utf8)
        let js = try String(contentsOf: Self.theme.appendingPathComponent("assets/script.js"), encoding: .utf8)
        #expect(DefaultTheme.stylesheet == css.trimmingTrailingNewlines, "style.css changed: run scripts/generate-theme.py")
        #expect(DefaultTheme.script == js.trimmingTrailingNewlines, "script.js changed: run scripts/generate-theme.py")
    }
}

private extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

/// Classes the engines write into pages have a rule in the built-in theme.
@Suite struct ThemeClassCoverageTests {
    @Test func smallCapsFromACSLStyleShow() {
        #expect(DefaultTheme.stylesheet.contains(".small-caps{font-variant:small-caps}"))
    }
}

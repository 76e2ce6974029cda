import Foundation
import Testing
@testable import Site

/// The theme ships its math font (Latin Modern Math in WOFF2 pieces, Theme/fonts/) from the site
/// itself: what a reader sees does not depend on the math fonts of their system, and no request
/// leaves the site.
@Suite struct MathFontAssetTests {
    static let assets = ThemeAssets(config: SiteConfig())

    var stylesheet: String {
        let path = Self.assets.files.keys.first { $0.hasPrefix("assets/style.") && $0.hasSuffix(".css") } ?? ""
        return String(decoding: Self.assets.files[path] ?? Data(), as: UTF8.self)
    }

    @Test func mathUsesTheShippedFontFirst() {
        #expect(stylesheet.contains("math{font-family:\"Collective Math\",math;"))
    }

    /// Every `url()` of the font rules names a WOFF2 file the build writes beside the style sheet,
    /// and each rule has a unicode-range, so a browser fetches only the pieces a page shows.
    @Test func everyFontFaceNamesAWrittenPiece() throws {
        let css = stylesheet
        let faces = css.components(separatedBy: "@font-face{").dropFirst()
        #expect(faces.count == MathFontFiles.pieces.count)
        for face in faces {
            let rule = String(face.prefix { $0 != "}" })
            #expect(rule.contains("unicode-range:U+"), "\(rule)")
            let url = try #require(rule.range(of: "url(\"").map { rule[$0.upperBound...].prefix { $0 != "\"" } })
            #expect(!url.contains(":"), "\(url) must stay on the site")
            let bytes = try #require(Self.assets.files["assets/" + url], "\(url) is not written")
            #expect(bytes.prefix(4) == Data("wOF2".utf8))
        }
    }

    /// The piece holding U+0020 is the first available font, whose MATH table Chromium reads for
    /// every stretchy operator and radical: those characters must be in it.
    @Test func theBasePieceHoldsTheStretchyCharacters() throws {
        let base = try #require(MathFontFiles.stylesheet.components(separatedBy: "\n").first { $0.contains("base.woff2") })
        for range in ["U+0020-007E", "U+2190-23FF", "U+27C0-27FF", "U+2A00-2AFF"] {
            #expect(base.contains(range), "\(range) (arrows, √ ∑ ∫, ⟨ ⟩, ⨁) must be in the base piece")
        }
    }

    @Test func theLicenseTravelsWithTheFont() throws {
        let license = try #require(Self.assets.files.first { $0.key.hasSuffix("/GUST-FONT-LICENSE.txt") })
        #expect(String(decoding: license.value, as: UTF8.self).contains("GUST Font License"))
        #expect(license.key.hasPrefix("assets/\(ThemeAssets.mathFontFolder)/"))
    }
}

import Foundation
import Testing
@testable import Site

/// The site-wide `params` read once into ``SiteSettings``: names in any case, PaperMod's defaults,
/// the top level before `params` for collective's own keys, and a change of `params` read again.
@Suite struct SiteSettingsTests {
    @Test func defaultsWhenTheConfigSaysNothing() {
        let settings = SiteConfig(raw: [:]).settings
        #expect(settings.labelIconHeight == 30)
        #expect(!settings.disableThemeToggle && settings.fixedTheme == nil)
        #expect(settings.authorNames.isEmpty && settings.feedAuthor == nil)
        #expect(settings.homeInfo == nil && settings.profile == nil)
        #expect(settings.bibliographies.isEmpty && settings.citationStyle == nil && !settings.citationsOff && !settings.sidenotes)
    }

    @Test func paramsAreReadInAnyCaseAndNormalised() {
        let config = SiteConfig(raw: [
            "citation": .bool(false), "csl": .string("ieee.csl"),
            "params": .table([
                "DISABLETHEMETOGGLE": .bool(true), "defaultTheme": .string("Dark"),
                "label": .table(["iconHeight": .int(40)]),
                "homeInfoParams": .table(["Title": .string("Hi"), "AlignSocialIconsTo": .string("Right")]),
                "analytics": .table(["google": .table(["SiteVerificationTag": .string("g1")]), "bing": .table(["SiteVerificationTag": .string("")])]),
                "math": .table(["macros": .table(["RR": .string("\\mathbb{R}"), "\\NN": .string("\\mathbb{N}")])]),
                "author": .array([.table(["name": .string("Ada")]), .string("Bo")]),
                "citationStyle": .string("numeric"), "bibliography": .array([.string("a.bib"), .string("")]),
                "profileMode": .table([
                    "enabled": .bool(true), "title": .string("Me"),
                    "buttons": .array([.table(["name": .string("Posts"), "url": .string("/posts")])]),
                ]),
            ]),
        ])
        let settings = config.settings
        #expect(settings.disableThemeToggle && settings.fixedTheme == "dark")
        #expect(settings.labelIconHeight == 40)
        #expect(settings.homeInfo?.title == "Hi" && settings.socialAlign == "end")
        #expect(settings.verificationTags == ["google": "g1"])
        #expect(settings.mathMacros == ["\\RR": "\\mathbb{R}", "\\NN": "\\mathbb{N}"])
        // The names in `author` (maps with `name` too); the feeds' author only from names.
        #expect(settings.authorNames == ["Ada", "Bo"] && settings.feedAuthor == "Bo")
        // The top level wins over `params` (`csl` before `citationStyle`).
        #expect(settings.citationsOff && settings.cslFile == "ieee.csl" && settings.citationStyle == "ieee.csl")
        #expect(settings.bibliographies == ["a.bib"])
        #expect(settings.profile?.title == "Me" && settings.profile?.imageTitle == "Me")
        #expect(settings.profile?.buttons.map(\.name) == ["Posts"])
    }

    @Test func changedParamsAreReadAgain() {
        var config = SiteConfig(raw: [:])
        config.params = ["ShowAllPagesInArchive": .bool(true)]
        #expect(config.settings.showAllPagesInArchive)
        config.raw["sidenotes"] = .bool(true)
        #expect(config.settings.sidenotes)
    }
}

import Foundation

/// The cross-language links of one language's pages, as plain values for templates: the
/// `<link rel="alternate" hreflang>` of each translation and the header's language switch.
/// Empty for a site of one language.
struct LanguageContext: Sendable {
    private let translations: Translations
    /// Every language's configuration, in ``SiteConfig/languages`` order.
    private let configs: [SiteConfig]
    /// The position of the language whose pages these are.
    private let language: Int

    /// No other languages.
    init() {
        translations = Translations()
        configs = []
        language = 0
    }

    /// The links of language `language` (a position in `configs`).
    init(translations: Translations, configs: [SiteConfig], language: Int) {
        self.translations = translations
        self.configs = configs
        self.language = language
    }

    /// `hreflang` (the language code), `url` (absolute) of every version of page `index`, itself
    /// included, then `x-default` for the default language's version; empty when it has no translation.
    func alternates(of index: PageID) -> [[String: String]] {
        let versions = translations.versions(of: index, language: language)
        guard !versions.isEmpty else { return [] }
        var links = versions.map { version in
            ["hreflang": configs[version.language].languageCode, "url": configs[version.language].absoluteURL(version.path)]
        }
        if let fallback = versions.first(where: { configs[$0.language].language.code == configs[$0.language].defaultLanguage }) {
            links.append(["hreflang": "x-default", "url": configs[fallback.language].absoluteURL(fallback.path)])
        }
        return links
    }

    /// One link per other language: to page `index`'s translation, else to that language's home.
    /// Each has `url`, `label` (the code, or `languageName` with the site param `displayFullLangName`),
    /// `title` (the language's `languageAltTitle` param, else its name) and `hreflang`.
    func switchLinks(of index: PageID) -> [[String: String]] {
        guard configs.count > 1 else { return [] }
        let versions = translations.versions(of: index, language: language)
        let fullNames = configs[language].settings.displayFullLangName
        return configs.indices.filter { $0 != language }.map { other in
            let config = configs[other]
            let version = versions.first { $0.language == other }
            let name = config.language.name ?? config.language.code.capitalized
            return [
                "url": config.relativeURL(version?.path ?? "/"),
                "label": fullNames ? name : config.language.code.capitalized,
                "title": config.settings.languageAltTitle ?? name,
                "hreflang": config.languageCode,
            ]
        }
    }
}

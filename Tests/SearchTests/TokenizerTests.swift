import Testing
@testable import Search

@Suite struct TokenizerTests {
    @Test func foldsCaseAndDiacritics() {
        #expect(TextFolding.fold("Crème") == "creme")
        #expect(TextFolding.fold("BRÛLÉE") == "brulee")
        #expect(TextFolding.fold("Straße") == "strasse")
        #expect(TextFolding.fold("ΟΔΟΣ") == TextFolding.fold("οδος"))
        #expect(TextFolding.fold("İstanbul") == "istanbul")
        #expect(TextFolding.fold("ﬁle") == "file")
        #expect(TextFolding.fold("ｶﾀｶﾅ") == "カタカナ")
        #expect(TextFolding.fold("Ｓｗｉｆｔ") == "swift")
        // Kana voicing marks are kept; Hangul survives the decomposition.
        #expect(TextFolding.fold("が") == "が")
        #expect(TextFolding.fold("한국어") == "한국어")
    }

    @Test func stemsEnglishLightly() {
        for word in ["cache", "caches", "cached", "caching"] { #expect(EnglishStemmer.stem(word) == "cach") }
        #expect(EnglishStemmer.stem("running") == "run")
        #expect(EnglishStemmer.stem("planned") == "plan")
        #expect(EnglishStemmer.stem("falling") == "fall")
        #expect(EnglishStemmer.stem("libraries") == "library")
        #expect(EnglishStemmer.stem("studied") == "study")
        #expect(EnglishStemmer.stem("processes") == "process")
        #expect(EnglishStemmer.stem("processing") == "process")
        #expect(EnglishStemmer.stem("classes") == "class")
        for word in ["speed", "string", "analysis", "status", "use", "go", "naïve"] {
            #expect(EnglishStemmer.stem(word) == word)
        }
    }

    @Test func splitsWordsAndDropsStopWords() {
        #expect(Tokenizer.terms(in: "The cache, and the CACHES!") == ["cach", "cach"])
        #expect(Tokenizer.terms(in: "don’t can't") == ["dont", "cant"])
        #expect(Tokenizer.terms(in: "e=mc^2; x_1 + \\alpha") == ["e", "mc", "2", "x_1", "x", "1", "alpha"])
        #expect(Tokenizer.terms(in: "Crème brûlée") == ["crem", "brule"])
        #expect(Tokenizer.terms(in: String(repeating: "a", count: 41) + " ok") == ["ok"])
    }

    @Test func foldsChecksAndStemsASCIIWordsLikeAnyOther() {
        let forty = String(repeating: "a", count: 40)
        let text = "The THESE Their Running CACHED with WITH parseHTTPHeader x_1 \(forty) \(forty)b Naïve naive"
        #expect(
            Tokenizer.terms(in: text) == [
                "run", "cach", "parsehttpheader", "pars", "http", "header", "x_1", "x", "1",
                forty, "naiv", "naiv",
            ])
    }

    @Test func makesBigramsOfCJKRuns() {
        #expect(Tokenizer.terms(in: "東京都に住む") == ["東京", "京都", "都に", "に住", "住む"])
        #expect(Tokenizer.terms(in: "Swift语言") == ["swift", "语言"])
        #expect(Tokenizer.terms(in: "字") == ["字"])
        #expect(Tokenizer.terms(in: "한국어 문서") == ["한국", "국어", "문서"])
        #expect(Tokenizer.terms(in: "静态网站・生成器") == ["静态", "态网", "网站", "站・", "・生", "生成", "成器"])
    }

    @Test func indexesIdentifierParts() {
        #expect(Tokenizer.identifierParts("parseHTTPHeader") == ["parse", "HTTP", "Header"])
        #expect(Tokenizer.identifierParts("hash_map") == ["hash", "map"])
        #expect(Tokenizer.terms(in: "parseHTTPHeader") == ["parsehttpheader", "pars", "http", "header"])
        #expect(Tokenizer.terms(in: "hash_map") == ["hash_map", "hash", "map"])
        #expect(Tokenizer.terms(in: "simple") == ["simpl"])
    }

    @Test func neverCrashesOnOddInput() {
        let odd = ["", "\u{0301}\u{0301}", "\u{FFFF}\u{10FFFF}", "_", "''''", String(repeating: "é", count: 10_000), "\0a\u{2028}b"]
        for text in odd { _ = Tokenizer.terms(in: text) }
        #expect(Tokenizer.terms(in: "a\u{0301}b") == ["ab"])
    }
}

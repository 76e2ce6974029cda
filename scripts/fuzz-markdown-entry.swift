// libFuzzer entry point for the Markdown engine; built by scripts/fuzz-markdown.sh.
// Every input is parsed and rendered in all three modes (and with smart punctuation), from a
// String and from its raw bytes rendered in pieces (which must agree); a crash, a sanitizer
// report or a timeout is a finding.

@_cdecl("LLVMFuzzerTestOneInput")
public func markdownFuzzInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var smart = MarkdownOptions.gfm
    smart.smartPunctuation = true
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for options in [MarkdownOptions.commonMark, .gfm, .site, smart] {
        let document = Document.parse(text, options: options)
        let html = HTMLRenderer(options: options).render(document)
        _ = document.headings
        // The path of `collective markdown`: the raw bytes (invalid UTF-8 included), HTML in pieces.
        var pieces: [UInt8] = []
        HTMLRenderer(options: options).render(Document.parse(utf8: bytes, options: options), chunkSize: 5) {
            pieces.append(contentsOf: $0)
        }
        precondition(pieces.elementsEqual(html.utf8), "bytes in, pieces out differ from the String path")
    }
    return 0
}

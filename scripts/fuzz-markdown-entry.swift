// libFuzzer entry point for the Markdown engine; built by scripts/fuzz-markdown.sh.
// Every input is parsed and rendered in all three modes (and with smart punctuation);
// a crash, a sanitizer report or a timeout is a finding.

@_cdecl("LLVMFuzzerTestOneInput")
public func markdownFuzzInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var smart = MarkdownOptions.gfm
    smart.smartPunctuation = true
    for options in [MarkdownOptions.commonMark, .gfm, .site, smart] {
        let document = Document.parse(text, options: options)
        _ = HTMLRenderer(options: options).render(document)
        _ = document.headings
    }
    return 0
}

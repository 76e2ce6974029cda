import Testing
import TextUtilities

@Suite struct HTMLTagScannerTests {
    private func tokens(_ html: String) -> [String] {
        let bytes = Array(html.utf8)
        var scanner = HTMLTagScanner(bytes: bytes)
        var result: [String] = []
        while let token = scanner.next() {
            switch token {
            case .text(let range): result.append("text:" + String(decoding: bytes[range], as: UTF8.self))
            case .start(let tag):
                let attributes = tag.attributes.map { "\($0.name)=\(String(decoding: bytes[$0.value], as: UTF8.self))" }
                result.append("start:\(tag.name)\(tag.isVoid ? "/" : "")[\(attributes.joined(separator: ","))]")
            case .end(let name, _): result.append("end:" + name)
            case .other(let range): result.append("other:" + String(decoding: bytes[range], as: UTF8.self))
            }
        }
        return result
    }

    @Test func splitsTextTagsAndComments() {
        #expect(
            tokens(#"<!DOCTYPE html><P Class="a" id=x>Hi <!-- <b> --><br/></p>"#) == [
                "other:<!DOCTYPE html>", "start:p[class=a,id=x]", "text:Hi ", "other:<!-- <b> -->", "start:br/[]", "end:p",
            ])
    }

    @Test func attributesWithoutValuesAndSingleQuotes() {
        #expect(tokens("<input disabled value='a>b'>") == ["start:input/[disabled=,value=a>b]"])
    }

    @Test func scriptAndStyleContentsAreOneTextToken() {
        #expect(
            tokens("<script>if (a<b) x = '<a href=y>'</script><style>p>a{}</STYLE>") == [
                "start:script[]", "text:if (a<b) x = '<a href=y>'", "end:script", "start:style[]", "text:p>a{}", "end:style",
            ])
    }

    @Test func aLessThanThatStartsNoTagIsText() {
        #expect(tokens("a < b <3 </ >") == ["text:a ", "text:<", "text: b ", "text:<", "text:3 ", "text:<", "text:/ >"])
    }

    @Test func valuesReadRawOrDecoded() {
        let bytes = Array(#"<a href="/x?a=1&amp;b=2" title="caf&eacute;">"#.utf8)
        var scanner = HTMLTagScanner(bytes: bytes)
        guard case .start(let tag) = scanner.next() else {
            Issue.record("no start tag")
            return
        }
        #expect(scanner.value("href", of: tag) == "/x?a=1&amp;b=2")
        #expect(scanner.decodedValue("href", of: tag) == "/x?a=1&b=2")
        #expect(scanner.decodedValue("title", of: tag) == "café")
        #expect(scanner.value("missing", of: tag) == nil)
    }

    @Test func unterminatedInputNeverTraps() {
        for html in ["<", "<a", "<a href=", "<a href=\"x", "<!--", "</", "</a", "<script>x", "<p a='"] {
            _ = tokens(html)
        }
        #expect(tokens("<a href=\"x") == ["start:a[href=x]"])
    }
}

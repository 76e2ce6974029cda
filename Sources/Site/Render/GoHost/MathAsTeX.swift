/// Math that collective typeset, given back as the TeX a Hugo page holds at the same place.
///
/// Hugo leaves `$…$` in `markdownify`'s output for the browser's renderer, so `plainify` of a
/// caption keeps the TeX (`alt="$y=2x+1$ data"`); collective typesets it, and stripping the tags of
/// a `<math>` element would leave its MathML text and its annotation run together (`y=2x+1y=2x+1`).
enum MathAsTeX {
    private static let open = "<math xmlns=\"http://www.w3.org/1998/Math/MathML\""
    private static let annotation = "<annotation encoding=\"application/x-tex\">"
    private static let close = "</math>"

    /// `html` with every `<math>` element that carries a TeX annotation replaced by that TeX
    /// between `$` (inline) or `$$` (display), still escaped as HTML text.
    static func replacing(in html: String) -> String {
        guard html.contains(open) else { return html }
        var out = ""
        var rest = html[...]
        while let start = rest.range(of: open) {
            guard let end = rest[start.upperBound...].range(of: close) else { break }
            let element = rest[start.lowerBound..<end.upperBound]
            out += rest[..<start.lowerBound]
            if let texStart = element.range(of: annotation), let texEnd = element[texStart.upperBound...].range(of: "</annotation>") {
                let tagEnd = element.firstIndex(of: ">") ?? element.endIndex
                let delimiter = element[..<tagEnd].contains("display=\"block\"") ? "$$" : "$"
                out += delimiter + element[texStart.upperBound..<texEnd.lowerBound] + delimiter
            } else {
                out += element
            }
            rest = rest[end.upperBound...]
        }
        return out + rest
    }
}

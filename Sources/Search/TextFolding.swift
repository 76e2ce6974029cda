import Foundation

/// Case and diacritic folding, defined so the browser script can repeat it exactly:
/// NFKD, lower case, drop nonspacing marks (except the kana voicing marks), map `ς`→`σ` and
/// `ß`→`ss`, then NFC.
enum TextFolding {
    static func fold(_ token: String) -> String {
        if token.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: token.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        for scalar in token.decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            switch scalar.value {
            case 0x3099, 0x309A: scalars.append(scalar)
            case 0x03C2: scalars.append("\u{03C3}")
            case 0x00DF: scalars.append(contentsOf: "ss".unicodeScalars)
            default:
                if scalar.properties.generalCategory != .nonspacingMark { scalars.append(scalar) }
            }
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }
}

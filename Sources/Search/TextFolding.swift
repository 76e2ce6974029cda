import Foundation

/// Case and diacritic folding, defined so the browser script can repeat it exactly:
/// NFKD, lower case, drop nonspacing marks (except the kana voicing marks), map `ς`→`σ` and
/// `ß`→`ss`, then NFC.
enum TextFolding {
    static func fold(_ token: String) -> String {
        var ascii = Array(token.utf8)
        var isASCII = true
        for i in ascii.indices {
            let byte = ascii[i]
            if byte >= 0x80 {
                isASCII = false
                break
            }
            if byte >= 0x41 && byte <= 0x5A { ascii[i] = byte + 32 }
        }
        if isASCII { return String(decoding: ascii, as: UTF8.self) }
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

import Foundation

/// Pieces the deploy configurations share: how a CI job gets `collective`, and quoting.
enum DeployText {
    /// Shell that downloads the binary named by `COLLECTIVE_BINARY_URL` to `path`, checks it against
    /// `COLLECTIVE_BINARY_SHA256` when that is set, and makes it executable; it stops with a message
    /// when the URL is not set.
    static func downloadCommand(to path: String) -> String {
        "curl -fsSL --retry 3 -o \"\(path)\" \"${COLLECTIVE_BINARY_URL:?set COLLECTIVE_BINARY_URL to a collective binary made with scripts/release.sh}\""
            + " && { [ -z \"${COLLECTIVE_BINARY_SHA256:-}\" ] || echo \"$COLLECTIVE_BINARY_SHA256  \(path)\" | sha256sum -c -; }"
            + " && chmod +x \"\(path)\""
    }

    /// `text` as a double-quoted YAML scalar.
    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `text` as one shell word.
    static func shellQuoted(_ text: String) -> String {
        if !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber || "/._-".contains($0) }) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `text` as a basic TOML string.
    static func tomlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// The outcome of rendering one formula.
public struct MathResult: Sendable {
    /// The MathML (or, after an error, the escaped TeX source in an error style), ready for HTML.
    public var html: String
    /// Every problem found, in order, each located in the formula when possible. Unknown commands
    /// leave the formula rendered, the command shown in `<merror>`; other errors refuse it.
    public var errors: [MathError]
    /// Whether the formula could not be rendered at all: `html` is then its escaped source.
    public var isRefused: Bool
    /// How many automatic equation numbers the formula used (`equation`, `align`, `gather`, …).
    public var equationsNumbered: Int
    /// The `\label`s of numbered rows, in order, with the number or tag text each stands for.
    public var labels: [EquationLabel]
    /// Keys of `\ref`/`\eqref` that neither this formula nor the renderer's known labels define;
    /// they are shown as `(??)`, or as `(key)` once the site replaces them.
    public var unresolvedReferences: [String]

    /// The first problem, if any (see ``errors``).
    public var error: MathError? { errors.first }

    /// Creates a result.
    public init(
        html: String, errors: [MathError] = [], isRefused: Bool = false, equationsNumbered: Int = 0,
        labels: [EquationLabel] = [], unresolvedReferences: [String] = []
    ) {
        self.html = html
        self.errors = errors
        self.isRefused = isRefused
        self.equationsNumbered = equationsNumbered
        self.labels = labels
        self.unresolvedReferences = unresolvedReferences
    }
}

/// A `\label{key}` on an equation: the key and the text of its number or tag (`3`, `*`).
public struct EquationLabel: Sendable, Equatable {
    /// The key given to `\label`.
    public var key: String
    /// The number or tag, without parentheses.
    public var text: String
    /// The URL of the page the equation is on; nil for the page being rendered.
    public var page: String?
    /// The `id` of the equation number's cell in the MathML, for links.
    public var id: String { EquationLabel.id(for: key) }
    /// The link to the equation: `#id`, after the page's URL when it is on another page.
    public var href: String { (page ?? "") + "#" + id }

    /// Creates a label.
    public init(key: String, text: String, page: String? = nil) {
        self.key = key
        self.text = text
        self.page = page
    }

    /// The element id written for `key`: `eqn-` followed by the key with characters other than
    /// letters, digits, `-`, `_`, `:` and `.` replaced by `-`.
    public static func id(for key: String) -> String {
        var id = "eqn-"
        for scalar in key.unicodeScalars {
            let keep = scalar.properties.isAlphabetic || (scalar >= "0" && scalar <= "9") || "-_:.".unicodeScalars.contains(scalar)
            id.unicodeScalars.append(keep ? scalar : "-")
        }
        return id
    }
}

/// A value templates render: text, a flag, a number, a list to repeat over or a map of named values.
///
/// Contexts are built from these directly, so a look-up is a dictionary access and a `switch`,
/// never a dynamic cast.
public enum TemplateValue: Sendable, Equatable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case list([TemplateValue])
    case map([String: TemplateValue])

    /// Whether a section `{{#name}}` shows: false, empty text and empty lists hide it.
    var isTruthy: Bool {
        switch self {
        case .bool(let flag): flag
        case .string(let text): !text.isEmpty
        case .list(let items): !items.isEmpty
        case .int, .double, .map: true
        }
    }

    /// The value's entry `key` when it is a map.
    public subscript(key: String) -> TemplateValue? {
        get {
            guard case .map(let map) = self else { return nil }
            return map[key]
        }
        set {
            guard case .map(var map) = self else { return }
            self = .string("")  // drops the second reference, so the map is changed in place
            map[key] = newValue
            self = .map(map)
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .map(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

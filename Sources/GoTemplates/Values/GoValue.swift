/// A value a template works with: the data passed to `execute`, variables, function arguments
/// and results. Go's dynamic values, reduced to the kinds templates tell apart.
public enum GoValue: Sendable {
    /// Go's `nil` (and a missing map entry).
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    /// A string trusted in one escaping context: Go's `template.HTML`, `template.URL`, ….
    case safe(String, SafeKind)
    case array([GoValue])
    /// A map with string keys; `range` visits it in sorted key order.
    case map([String: GoValue])
    /// A host object with fields and methods (a page, a site, a shortcode).
    case object(any GoObject)
    /// A function value, for `call`.
    case function(GoFunction)
}

/// The kinds of trusted content, as html/template's `HTML`, `HTMLAttr`, `URL`, `JS`, `JSStr`,
/// `CSS` and `Srcset` types.
public enum SafeKind: String, Sendable, Hashable {
    case html = "HTML"
    case htmlAttr = "HTMLAttr"
    case url = "URL"
    case js = "JS"
    case jsString = "JSStr"
    case css = "CSS"
    case srcset = "Srcset"
}

/// A host object the templates can read: `.Title`, `.Get 0`, `.Page.Params`.
///
/// Fields and methods share one entry point: `member(_:arguments:)` receives the name and the
/// arguments of the call (none for a field) and returns nil when the object has no such member,
/// which the engine reports as `can't evaluate field NAME in type TYPE`.
public protocol GoObject: Sendable {
    /// The type name used in error messages and by `printf "%T"`.
    var goTypeName: String { get }
    /// The field or the result of the method `name` called with `arguments`, or nil if the object
    /// has no member of that name. Throw to report a failing method call.
    func member(_ name: String, arguments: [GoValue]) throws -> GoValue?
    /// Truth in `if`, `with`, `and`, `or`, `not`; true unless overridden.
    var isTruthy: Bool { get }
    /// The text `{{.}}` and `%v` print; the type name unless overridden.
    var printed: String { get }
    /// The elements `range` visits, or nil when the object cannot be ranged over.
    var rangeElements: [GoValue]? { get }
    /// Value of `index obj key`, or nil when the object cannot be indexed that way.
    func index(_ key: GoValue) -> GoValue?
    /// Whether `eq` holds between this object and another; by identity for classes unless overridden.
    func isEqual(to other: any GoObject) -> Bool
}

extension GoObject {
    public var goTypeName: String { String(describing: type(of: self)) }
    public var isTruthy: Bool { true }
    public var printed: String { rangeElements.map { GoValue.array($0).printed } ?? goTypeName }
    public var rangeElements: [GoValue]? { nil }
    public func index(_ key: GoValue) -> GoValue? { nil }
    public func isEqual(to other: any GoObject) -> Bool {
        guard type(of: self) is AnyClass, type(of: other) is AnyClass else { return false }
        return (self as AnyObject) === (other as AnyObject)
    }
}

extension GoValue {
    /// Go's truth: false, 0, nil and empty strings, arrays and maps are false.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .int(let value): value != 0
        case .float(let value): value != 0
        case .string(let value), .safe(let value, _): !value.isEmpty
        case .array(let value): !value.isEmpty
        case .map(let value): !value.isEmpty
        case .object(let object): object.isTruthy
        case .function: true
        }
    }

    /// Go's type name for the value, as `printf "%T"` and error messages show it.
    public var typeName: String {
        switch self {
        case .null: "<nil>"
        case .bool: "bool"
        case .int: "int"
        case .float: "float64"
        case .string: "string"
        case .safe(_, let kind): "template.\(kind.rawValue)"
        case .array: "[]interface {}"
        case .map: "map[string]interface {}"
        case .object(let object): object.goTypeName
        case .function: "func"
        }
    }

    /// The text of a string or safe string, else nil.
    public var stringValue: String? {
        switch self {
        case .string(let value), .safe(let value, _): value
        default: nil
        }
    }

    /// The value as Go's `fmt.Sprint` prints it (`<nil>` for nil).
    public var printed: String {
        var out = ""
        GoFormatter.appendDefault(self, to: &out)
        return out
    }

    /// Whether the value is nil.
    public var isNull: Bool { if case .null = self { true } else { false } }
}

extension GoValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: GoValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, GoValue)...) {
        var map: [String: GoValue] = [:]
        for (key, value) in elements { map[key] = value }
        self = .map(map)
    }
    public init(nilLiteral: ()) { self = .null }
}

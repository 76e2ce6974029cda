/// The generic, site-independent helpers Hugo templates use, in the style of Hugo's function
/// namespaces (`strings.Replace` and its alias `replace`, `math.Round`, `collections.Where`…).
enum Helpers {
    static let registry: FunctionRegistry = {
        var registry = FunctionRegistry()
        return registry
    }()
}

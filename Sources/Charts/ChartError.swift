/// A problem that stops a chart from being drawn, located in the spec when possible.
struct ChartError: Error, Equatable {
    var message: String
    var line: Int?

    init(_ message: String, line: Int? = nil) {
        self.message = message
        self.line = line
    }
}

/// Collects non-fatal problems while a chart is built.
struct WarningLog {
    private(set) var warnings: [ChartWarning] = []

    mutating func add(_ message: String, line: Int?) {
        warnings.append(ChartWarning(message: message, line: line))
    }
}

/// An external URL written in a page, and where it is written.
public struct ExternalReference: Sendable, Equatable {
    public var url: String
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(url: String, file: String, line: Int? = nil, column: Int? = nil) {
        self.url = url
        self.file = file
        self.line = line
        self.column = column
    }
}

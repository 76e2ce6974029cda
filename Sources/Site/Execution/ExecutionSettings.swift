import Foundation

/// When a build runs the code of executable cells.
public enum ExecuteMode: String, Sendable, Codable {
    /// Never: frozen outputs are shown (`collective build`).
    case frozen
    /// Cells whose frozen output is stale, with the cells before them (`--execute`, `execute: auto`).
    case stale
    /// Every cell (`--execute=all`).
    case all
}

/// How a site runs its cells: the mode, the interpreter, the default timeout and the environment.
struct ExecutionSettings: Sendable {
    var mode: ExecuteMode
    /// Seconds a cell may run unless it says otherwise.
    var timeout: Double
    /// The variables cells see: PATH, HOME and LANG, and those the config's `execute.env` names.
    var environment: [String: String]
    /// The Python interpreter (`execute.python`, else `python3` on PATH).
    var python: String?
    /// The Swift compiler for ```` ```{swift} ```` cells (`execute.swiftc`, else `swiftc` on PATH).
    var swiftc: String?

    static let defaultTimeout = 120.0

    /// Reads `execute` from the site config: `execute: auto`, or a table with `mode` (`auto`,
    /// `all`, `never`), `timeout`, `python`, `swiftc` and `env` (a list of variable names). The build's
    /// option, when given, wins over the mode.
    init(config: SiteConfig, option: ExecuteMode?, processEnvironment: [String: String] = ProcessInfo.processInfo.environment) {
        let entry = config.raw.first { $0.key.lowercased() == "execute" }?.value
        let modeText = entry?.string ?? entry?["mode"]?.string
        let configured: ExecuteMode =
            switch modeText?.lowercased() {
            case "auto": .stale
            case "all": .all
            default: .frozen
            }
        mode = option ?? configured
        timeout = entry?["timeout"]?.string.flatMap(Double.init) ?? Self.defaultTimeout
        var environment: [String: String] = ["MPLBACKEND": "Agg", "PYTHONDONTWRITEBYTECODE": "1"]
        for name in ["PATH", "HOME", "LANG"] + (entry?["env"]?.stringList ?? []) {
            if let value = processEnvironment[name] { environment[name] = value }
        }
        self.environment = environment
        python = entry?["python"]?.string ?? Self.find("python3", path: processEnvironment["PATH"] ?? "")
        swiftc = entry?["swiftc"]?.string ?? Self.find("swiftc", path: processEnvironment["PATH"] ?? "")
    }

    /// The first executable `name` in the folders of `path`.
    static func find(_ name: String, path: String) -> String? {
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

import Foundation
import GoTemplates

/// Hugo's `.Scratch` / `.Store`: a mutable map that shortcodes of a page share. Locked, since
/// an object must be `Sendable`.
final class ScratchObject: GoObject, @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: GoValue] = [:]

    var goTypeName: String { "*maps.Scratch" }

    func member(_ name: String, arguments: [GoValue]) throws -> GoValue? {
        let key = arguments.first?.text ?? ""
        lock.lock()
        defer { lock.unlock() }
        switch name {
        case "Get": return values[key] ?? .null
        case "Set":
            values[key] = arguments.count > 1 ? arguments[1] : .null
            return .string("")
        case "Delete":
            values[key] = nil
            return .string("")
        case "Add":
            let added = arguments.count > 1 ? arguments[1] : .null
            switch (values[key], added) {
            case (nil, _): values[key] = added
            case (.int(let a)?, .int(let b)): values[key] = .int(a &+ b)
            case (.int(let a)?, .float(let b)): values[key] = .float(Double(a) + b)
            case (.float(let a)?, .int(let b)): values[key] = .float(a + Double(b))
            case (.float(let a)?, .float(let b)): values[key] = .float(a + b)
            case (.array(let a)?, .array(let b)): values[key] = .array(a + b)
            case (.array(let a)?, let b): values[key] = .array(a + [b])
            case (let a?, let b): values[key] = .string(a.text + b.text)
            }
            return .string("")
        case "SetInMap":
            guard arguments.count > 2 else { throw GoFunctionError("SetInMap needs a key, a map key and a value") }
            var map: [String: GoValue] = [:]
            if case .map(let existing)? = values[key] { map = existing }
            map[arguments[1].text] = arguments[2]
            values[key] = .map(map)
            return .string("")
        case "DeleteInMap":
            if case .map(var map)? = values[key], arguments.count > 1 {
                map[arguments[1].text] = nil
                values[key] = .map(map)
            }
            return .string("")
        case "GetSortedMapValues":
            guard case .map(let map)? = values[key] else { return .null }
            return .array(map.keys.sorted().compactMap { map[$0] })
        case "Values": return .map(values)
        default: return nil
        }
    }
}

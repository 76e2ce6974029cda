import Foundation
import Testing
@testable import Charts

/// Each `Golden/NAME.yaml` spec must render exactly to `Golden/NAME.svg`, which was reviewed by eye.
/// Run with `CHARTS_UPDATE_GOLDEN=1` to rewrite the SVGs after an intended change, then review the diff.
@Suite struct GoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    @Test func everyChartTypeHasAGolden() {
        let covered = Set(
            Self.names.compactMap { name -> ChartType? in
                guard let spec = try? String(contentsOf: Self.folder.appendingPathComponent(name + ".yaml"), encoding: .utf8) else { return nil }
                var parser = SpecParser()
                return try? parser.parse(spec).type
            })
        for type: ChartType in [.line, .scatter, .bar, .stackedBar, .stackedArea, .histogram, .heatmap, .box] {
            #expect(covered.contains(type), "no golden spec of type \(type.rawValue)")
        }
    }

    @Test(arguments: GoldenTests.names)
    func matchesGolden(name: String) throws {
        let spec = try String(contentsOf: Self.folder.appendingPathComponent(name + ".yaml"), encoding: .utf8)
        let result = ChartRenderer().render(spec: spec, baseDirectory: Self.folder)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        let goldenURL = Self.folder.appendingPathComponent(name + ".svg")
        if ProcessInfo.processInfo.environment["CHARTS_UPDATE_GOLDEN"] == "1" {
            try Data((result.svg + "\n").utf8).write(to: goldenURL)
            return
        }
        let golden = try #require(
            try? String(contentsOf: goldenURL, encoding: .utf8),
            "missing \(name).svg; run with CHARTS_UPDATE_GOLDEN=1 and review it")
        let rendered = Array((result.svg + "\n").utf8)
        let expected = Array(golden.utf8)
        guard rendered != expected else { return }
        let offset = zip(rendered, expected).prefix { $0 == $1 }.count
        let context = String(decoding: rendered[max(0, offset - 60)..<min(rendered.count, offset + 60)], as: UTF8.self)
        Issue.record("\(name).svg differs from the rendering at byte \(offset): …\(context)…")
    }
}

// Release-build render time of the Charts module: `swift run -c release ChartsBench [--seconds S]`.
//
// Each case renders one chart the way a site build does (spec parsed, CSV file read from the page's
// folder, SVG and hidden data table written) again and again for at least S seconds (default 1) and at
// least 3 times, and reports the CPU time of this thread per render.
import Charts
import Foundation

/// CPU time of this thread in seconds: the machine is shared, so wall time would count other processes' work.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// SplitMix64: the same data on every run and machine.
struct Random {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// Standard normal (Box–Muller).
    mutating func normal() -> Double {
        let u = max(unit(), 1e-12)
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * unit())
    }
}

/// One chart type: its spec (data file name filled in) and how to write `count` rows of its CSV.
struct Case {
    var name: String
    var spec: String
    var csv: (Int, inout Random) -> String
}

let cases = [
    Case(name: "line", spec: "type: line\nx: step\ny: [training, validation]\n") { count, random in
        // A loss curve: decaying with noise, validation logged every tenth step.
        var text = "step,training,validation\n"
        for step in 0..<count {
            let base = 2.5 * exp(-Double(step) / Double(count) * 4) + 0.2
            let validation = step % 10 == 0 ? String(format: "%.4f", base * 1.1 + 0.02 * random.normal()) : ""
            text += "\(step),\(String(format: "%.4f", base + 0.05 * random.normal())),\(validation)\n"
        }
        return text
    },
    Case(name: "scatter", spec: "type: scatter\nx: x\ny: y\ncolor: group\n") { count, random in
        var text = "x,y,group\n"
        for row in 0..<count {
            let x = random.normal()
            text += "\(String(format: "%.4f", x)),\(String(format: "%.4f", 0.6 * x + 0.8 * random.normal())),g\(row % 3)\n"
        }
        return text
    },
    Case(name: "histogram", spec: "type: histogram\nx: weight\ncolor: layer\n") { count, random in
        var text = "layer,weight\n"
        for row in 0..<count {
            let wide = row % 2 == 0
            text += "\(wide ? "conv1" : "fc"),\(String(format: "%.5f", random.normal() * (wide ? 0.12 : 0.03)))\n"
        }
        return text
    },
    Case(name: "heatmap", spec: "type: heatmap\nx: predicted\ny: actual\n") { count, random in
        // One row per prediction of a 10-class classifier, counted into a confusion matrix.
        var text = "actual,predicted\n"
        for _ in 0..<count {
            let actual = Int(random.unit() * 10)
            let predicted = random.unit() < 0.85 ? actual : Int(random.unit() * 10)
            text += "class \(actual),class \(predicted)\n"
        }
        return text
    },
]

var seconds = 1.0
if let index = CommandLine.arguments.firstIndex(of: "--seconds"), index + 1 < CommandLine.arguments.count,
   let value = Double(CommandLine.arguments[index + 1]) {
    seconds = value
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charts-bench-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

let renderer = ChartRenderer()
var slowest100k = 0.0
print("chart       rows   CSV KB   ms/render (CPU)   SVG KB   renders")
for chart in cases {
    for count in [1_000, 10_000, 100_000] {
        var random = Random(state: UInt64(count))
        let file = "\(chart.name)-\(count).csv"
        let csv = chart.csv(count, &random)
        try Data(csv.utf8).write(to: folder.appendingPathComponent(file))
        let spec = chart.spec + "data: \(file)\n"
        var renders = 0
        var svgBytes = 0
        let start = threadCPUSeconds()
        var elapsed = 0.0
        while elapsed < seconds || renders < 3 {
            let result = renderer.render(spec: spec, baseDirectory: folder)
            guard !result.svg.isEmpty else {
                print("\(chart.name) \(count): not drawn: \(result.warnings.map(\.message))")
                exit(1)
            }
            svgBytes = result.svg.utf8.count
            renders += 1
            elapsed = threadCPUSeconds() - start
        }
        let milliseconds = elapsed / Double(renders) * 1000
        if count == 100_000 { slowest100k = max(slowest100k, milliseconds) }
        print(chart.name.padding(toLength: 10, withPad: " ", startingAt: 0)
              + String(format: " %6d %8.0f %17.1f %8.0f %9d", count, Double(csv.utf8.count) / 1024, milliseconds,
                       Double(svgBytes) / 1024, renders))
    }
}
try? FileManager.default.removeItem(at: folder)
print("target: 100,000 points in under a second: \(slowest100k < 1000 ? "met" : "NOT met") (slowest \(String(format: "%.0f", slowest100k)) ms)")

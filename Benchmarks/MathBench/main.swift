// Release-build throughput of the Math module: `swift run -c release MathBench`.
import Foundation
import Math

/// Inline formulas of the kind a technical blog's prose carries.
let typicalInline = [
    "n", "O(n \\log n)", "O(n \\cdot t)", "\\frac{n^2}{2m}", "S = \\frac{T_1}{T_p}", "p = 2",
    "\\sigma \\approx 0.03", "x_i", "\\alpha", "\\mathbf{x} \\in \\mathbb{R}^d", "e^{i\\pi} + 1 = 0",
    "\\theta_{t+1} = \\theta_t - \\eta \\nabla_\\theta L", "\\sum_{i=1}^n x_i", "f(x) = x^2",
    "\\sqrt{2}", "p(y \\mid x)", "\\|w\\|_2^2", "k = 3", "\\lambda", "\\hat{y}",
]

/// CPU time of this thread in seconds: the machine is shared, so wall time would count other
/// processes' work; CPU time measures what one core spends on math.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

func measure(_ label: String, formulas: [(String, Bool)], seconds: Double = 2) -> Double {
    let renderer = MathRenderer(macros: ["\\RR": "\\mathbb{R}"])
    var count = 0
    var bytes = 0
    let start = threadCPUSeconds()
    var elapsed = 0.0
    while elapsed < seconds {
        for (tex, display) in formulas {
            bytes &+= renderer.render(tex, display: display).html.utf8.count
        }
        count += formulas.count
        elapsed = threadCPUSeconds() - start
    }
    let perSecond = Double(count) / elapsed
    print("\(label): \(Int(perSecond)) formulas/s of CPU time (\(count) rendered, \(bytes / max(count, 1)) bytes of MathML each)")
    return perSecond
}

let inlineRate = measure("typical inline", formulas: typicalInline.map { ($0, false) })

let corpusURL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Tests/MathTests/Corpus/expressions.txt")
if let text = try? String(contentsOf: corpusURL, encoding: .utf8) {
    let corpus = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line -> (String, Bool) in
        line.hasPrefix("$$ ") ? (String(line.dropFirst(3)), true) : (String(line), false)
    }
    let corpusRate = measure("corpus (\(corpus.count) formulas, ML/physics/chemistry)", formulas: corpus)
    // A math-heavy page: 150 inline and 30 display formulas drawn from the corpus.
    let inline = corpus.filter { !$0.1 }.prefix(150)
    let display = corpus.filter { $0.1 }.prefix(30)
    let page = Array(inline) + Array(display)
    let pageRate = measure("math-heavy page (\(page.count) formulas)", formulas: page)
    let pageMilliseconds = Double(page.count) / pageRate * 1000
    print("math-heavy page: \(String(format: "%.2f", pageMilliseconds)) ms of CPU time for its math")
    _ = corpusRate
} else {
    print("corpus not found at \(corpusURL.path); skipping corpus and page figures")
}
print("target: 100000 typical inline formulas/s on one core: \(inlineRate >= 100_000 ? "met" : "NOT met")")

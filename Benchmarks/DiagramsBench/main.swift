// Release-build render time of the Diagrams module: `swift run -c release DiagramsBench [FOLDER]`.
//
// Renders the flowcharts, sequence, class and state diagrams and pie charts of FOLDER (default diagram-corpus/, filled by
// scripts/fetch-diagram-corpus.py) in turn until 1,000 have been drawn, and reports the CPU time of
// this thread for those 1,000 renders (the machine is shared, so wall time would count others' work).
import Diagrams
import Foundation

func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

let folder = URL(fileURLWithPath: CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "diagram-corpus")
let files = (FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
    .filter { $0.pathExtension == "mmd" }.sorted { $0.path < $1.path }
let sources = files.compactMap { try? String(contentsOf: $0, encoding: .utf8) }.filter { source in
    let header = source.split(separator: "\n").first { line in
        let text = line.trimmingCharacters(in: .whitespaces)
        return !text.isEmpty && !text.hasPrefix("%%") && !text.hasPrefix("---") && !text.contains(":")
    }.map { String($0.trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") } ?? ""
    return ["flowchart", "graph", "sequenceDiagram", "classDiagram", "stateDiagram", "stateDiagram-v2", "pie"].contains(header)
}
guard !sources.isEmpty else {
    print("no diagrams that are drawn in \(folder.path); run scripts/fetch-diagram-corpus.py first")
    exit(1)
}
let renderer = DiagramRenderer()
// One warm-up pass.
var bytes = 0
for source in sources { bytes += renderer.render(source).svg?.utf8.count ?? 0 }
var best = Double.infinity
for _ in 0..<3 {
    let start = threadCPUSeconds()
    for index in 0..<1_000 { bytes &+= renderer.render(sources[index % sources.count]).svg?.utf8.count ?? 0 }
    best = min(best, threadCPUSeconds() - start)
}
print("1,000 renders of \(sources.count) distinct diagrams from \(folder.lastPathComponent): best of 3 runs "
    + String(format: "%.3f s CPU (%.2f ms each)", best, best))
// The SVG sizes are summed so the renders cannot be optimised away.
if bytes == 0 { print("no diagram was drawn") }

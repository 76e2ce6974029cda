// Highlighting throughput on the test corpus (release builds only; run by scripts/bench-highlight.sh).
//
//     swift run -c release HighlightBench [CORPUS_DIR] [--seconds S]
//
// Prints, per language and overall, the MB/s of source turned into complete HTML blocks, timed in
// thread CPU time so that other work on a shared machine does not skew the figures.
import Foundation
import Highlight

let arguments = Array(CommandLine.arguments.dropFirst())
let seconds = arguments.firstIndex(of: "--seconds").flatMap { Double(arguments[safe: $0 + 1] ?? "") } ?? 0.5
let corpusDirectory = arguments.first { !$0.hasPrefix("--") && Double($0) == nil }
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tests/HighlightCorpus").path

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

guard let files = try? FileManager.default.contentsOfDirectory(atPath: corpusDirectory).filter({ $0.hasSuffix(".txt") }).sorted(),
      !files.isEmpty else {
    print("no corpus at \(corpusDirectory)")
    exit(1)
}

/// CPU time of this thread, so other work on a shared machine does not count.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

var outputBytes = 0
var totalSource = 0
var totalTime = 0.0
print("language      snippets    bytes      MB/s")
for file in files {
    let language = String(file.dropLast(4))
    let text = (try? String(contentsOfFile: corpusDirectory + "/" + file, encoding: .utf8)) ?? ""
    let snippets = text.components(separatedBy: "-----8<-----\n").filter { !$0.isEmpty }
    let bytes = snippets.reduce(0) { $0 + $1.utf8.count }
    var rounds = 0
    let start = threadCPUSeconds()
    repeat {
        for snippet in snippets {
            outputBytes &+= Highlighter.html(code: snippet, language: language).utf8.count
        }
        rounds += 1
    } while threadCPUSeconds() - start < seconds
    let elapsed = threadCPUSeconds() - start
    let mbps = Double(bytes * rounds) / 1_000_000 / elapsed
    totalSource += bytes * rounds
    totalTime += elapsed
    print(language.padding(toLength: 12, withPad: " ", startingAt: 0), String(format: "%9d %9d %9.1f", snippets.count, bytes, mbps))
}
let overall = Double(totalSource) / 1_000_000 / totalTime
print(String(format: "overall      %29.1f", overall))
print("(checksum \(outputBytes))")

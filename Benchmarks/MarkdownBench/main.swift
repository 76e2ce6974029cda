import Foundation
import Markdown

// Usage: MarkdownBench [--iterations N] [--mode site|gfm|commonmark] FILE...
//        MarkdownBench --stream [--mode …] FILE
// Parses and renders every file N times and prints the throughput in MB/s, by wall-clock time
// and by process CPU time (the fair figure on a shared, busy machine). `--stream` does once what
// `collective markdown` does (bytes in, `Document.parse(utf8:)`, HTML written to standard output
// in pieces), for profiling that path without the rest of the CLI.

var iterations = 10
var options = MarkdownOptions.gfm
var paths: [String] = []
var stream = false
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--stream":
        stream = true
    case "--iterations":
        iterations = Int(arguments.popFirst() ?? "") ?? iterations
    case "--mode":
        switch arguments.popFirst() {
        case "site": options = .site
        case "commonmark": options = .commonMark
        default: options = .gfm
        }
    default:
        paths.append(argument)
    }
}

if stream, let path = paths.first {
    guard let data = FileManager.default.contents(atPath: path) else { exit(1) }
    let document = Document.parse(utf8: [UInt8](data), options: options)
    HTMLRenderer(options: options).render(document) { chunk in
        var offset = 0
        while offset < chunk.count {
            let done = write(1, chunk.baseAddress! + offset, chunk.count - offset)
            if done <= 0 { break }
            offset += done
        }
    }
    exit(0)
}

let inputs = paths.compactMap { path -> String? in
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        return nil
    }
    return String(decoding: data, as: UTF8.self)
}
guard !inputs.isEmpty else {
    print("usage: MarkdownBench [--iterations N] [--mode site|gfm|commonmark] FILE...")
    exit(1)
}

let totalBytes = inputs.reduce(0) { $0 + $1.utf8.count }
var outputBytes = 0
let renderer = HTMLRenderer(options: options)
let start = ContinuousClock.now
let cpuStart = clock()
for _ in 0..<iterations {
    for input in inputs {
        outputBytes &+= renderer.render(Document.parse(input, options: options)).utf8.count
    }
}
let elapsed = ContinuousClock.now - start
let cpuSeconds = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let megabytes = Double(totalBytes * iterations) / 1_000_000
print(String(format: "files %d, input %.2f MB x %d, wall %.3f s = %.1f MB/s, cpu %.3f s = %.1f MB/s (output %d bytes)",
             inputs.count, Double(totalBytes) / 1_000_000, iterations, seconds, megabytes / seconds,
             cpuSeconds, megabytes / cpuSeconds, outputBytes))

import ArgumentParser
import Foundation
import Markdown

/// `collective markdown [FILE] [--commonmark|--gfm] [--smart]`: prints the HTML for a Markdown file
/// or standard input.
struct MarkdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markdown",
        abstract: "Render Markdown to HTML (site extensions by default)."
    )

    @Flag(name: .long, help: "Strict CommonMark 0.31.2 with no extensions.")
    var commonmark = false

    @Flag(name: .long, help: "GitHub Flavored Markdown exactly as cmark-gfm renders it.")
    var gfm = false

    @Flag(name: .long, help: "Typographic quotes, dashes and ellipses.")
    var smart = false

    @Argument(help: "The Markdown file; read from standard input when omitted.")
    var file: String?

    func validate() throws {
        if commonmark && gfm { throw ValidationError("--commonmark and --gfm cannot be combined") }
    }

    func run() throws {
        let bytes: [UInt8]
        if let file {
            guard let contents = readAll(open(file, O_RDONLY)) else {
                FileHandle.standardError.write(Data("error: cannot read \(file)\n".utf8))
                throw ExitCode(1)
            }
            bytes = contents
        } else {
            bytes = readAll(STDIN_FILENO) ?? []
        }
        var options: MarkdownOptions = commonmark ? .commonMark : gfm ? .gfm : .site
        if smart { options.smartPunctuation = true }
        // Bytes in, bytes out in pieces: no `String` of the input or of the HTML is made.
        let document = Document.parse(utf8: bytes, options: options)
        HTMLRenderer(options: options).render(document) { chunk in writeAll(STDOUT_FILENO, chunk) }
    }
}

/// Everything readable from `descriptor` (closed afterwards unless it is standard input), or nil
/// when it cannot be read. A regular file is read straight into a buffer of its size.
private func readAll(_ descriptor: Int32) -> [UInt8]? {
    guard descriptor >= 0 else { return nil }
    defer { if descriptor != STDIN_FILENO { close(descriptor) } }
    var info = stat()
    var failed = false
    var bytes: [UInt8] = []
    if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
        let size = max(0, Int(info.st_size) - max(0, Int(lseek(descriptor, 0, SEEK_CUR))))
        bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let got = read(descriptor, buffer.baseAddress! + count, size - count)
                if got < 0, errno == EINTR { continue }
                if got < 0 { failed = true }
                if got <= 0 { break }
                count += got
            }
        }
    }
    // Pipes and terminals (and a file that grew): read in pieces.
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while !failed {
        let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if got < 0, errno == EINTR { continue }
        if got < 0 { failed = true }
        if got <= 0 { break }
        bytes.append(contentsOf: chunk[0..<got])
    }
    return failed ? nil : bytes
}

/// Writes all of `bytes` to `descriptor`.
private func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) {
    var offset = 0
    while offset < bytes.count {
        let done = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if done < 0, errno == EINTR { continue }
        if done <= 0 { return }
        offset += done
    }
}

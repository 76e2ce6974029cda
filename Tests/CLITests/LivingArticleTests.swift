import Foundation
import Testing

/// The example site's living article ("Digits with a matrix and a derivative", issue 23) builds
/// from its committed frozen outputs on a machine without Python: PATH holds no interpreter.
@Suite struct LivingArticleTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples/tensor-collective")

    @Test func buildsFromFreezeWithoutPython() throws {
        let home = CollectiveProcess.temporaryFolder()
        let output = home.appendingPathComponent("public")
        let environment = ["PATH": home.path, "HOME": home.path, "LANG": "C.UTF-8"]
        let plain = try CollectiveProcess.run(["build", "-s", Self.example.path, "-d", output.path, "--no-cache"], environment: environment)
        #expect(plain.status == 0, "\(plain.errors)")
        #expect(!plain.errors.contains("warning"), "\(plain.errors)")
        let page = output.appendingPathComponent("posts/digits-matrix-derivative")
        let html = try String(contentsOf: page.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("<pre class=\"notebook-stream notebook-stdout\">1437 images to learn from, 360 test images, 64 pixels each\n</pre>"))
        let accuracy = html.firstMatch(of: /test accuracy: ([0-9.]+)%/).flatMap { Double($0.1) }
        #expect((accuracy ?? 0) >= 90)
        #expect(html.contains("<figcaption>The loss falls quickly, then slowly.</figcaption>"))
        for figure in ["cell5-1.svg", "cell6-1.svg"] {
            let svg = try String(contentsOf: page.appendingPathComponent(figure), encoding: .utf8)
            #expect(svg.contains("<svg"))
        }
        // Asked to execute without an interpreter, the build says so and still shows the frozen outputs.
        let asked = try CollectiveProcess.run(
            ["build", "-s", Self.example.path, "-d", output.path, "--execute", "--no-cache"], environment: environment)
        #expect(asked.status == 0)
        #expect(asked.errors.contains("content/posts/digits-matrix-derivative/index.md:23: warning: cannot run python cells: no python3 on PATH"))
        let again = try String(contentsOf: page.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(again.contains("test accuracy: "))
    }
}

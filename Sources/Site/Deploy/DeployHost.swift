/// A host `collective init --deploy` writes a publishing configuration for.
public enum DeployHost: String, Sendable, CaseIterable {
    case github, gitlab, netlify, cloudflare

    /// The host's name as people write it.
    public var displayName: String {
        switch self {
        case .github: "GitHub Pages"
        case .gitlab: "GitLab Pages"
        case .netlify: "Netlify"
        case .cloudflare: "Cloudflare Pages"
        }
    }

    /// The configuration file, relative to the folder it belongs in (see ``belongsAtRepositoryRoot``).
    public var fileName: String {
        switch self {
        case .github: ".github/workflows/pages.yml"
        case .gitlab: ".gitlab-ci.yml"
        case .netlify: "netlify.toml"
        case .cloudflare: "wrangler.toml"
        }
    }

    /// True when the host reads the file at the root of the git repository (a CI configuration),
    /// false when it reads it in the folder the site is built from.
    public var belongsAtRepositoryRoot: Bool {
        switch self {
        case .github, .gitlab: true
        case .netlify, .cloudflare: false
        }
    }

    /// The file's text for `site`.
    public func configuration(for site: DeploySite) -> String {
        switch self {
        case .github: GitHubPagesWorkflow.text(sitePath: site.path, branch: site.branch)
        case .gitlab: GitLabPagesJob.text(sitePath: site.path)
        case .netlify: NetlifyConfig.text()
        case .cloudflare: CloudflarePagesConfig.text(projectName: site.name, branch: site.branch)
        }
    }

    /// What the user must still do once the file is written, one line each.
    public var nextSteps: [String] {
        switch self {
        case .github:
            [
                "Under Settings → Pages, set Source to \"GitHub Actions\".",
                "Under Settings → Secrets and variables → Actions → Variables, set COLLECTIVE_BINARY_URL (a collective binary you host, made with scripts/release.sh) or COLLECTIVE_GIT (collective's git URL; built from source with the swift:6.3 image, then cached).",
            ]
        case .gitlab:
            [
                "Under Settings → CI/CD → Variables, set COLLECTIVE_BINARY_URL (a collective binary you host, made with scripts/release.sh) or COLLECTIVE_GIT (collective's git URL; built from source in the swift:6.3 image, then cached)."
            ]
        case .netlify:
            [
                "Netlify's build image has no Swift: set the environment variable COLLECTIVE_BINARY_URL to a collective binary you host (made with scripts/release.sh)."
            ]
        case .cloudflare:
            [
                "Cloudflare reads only the output folder from wrangler.toml: copy the build command written at its top into the project's build settings, and set COLLECTIVE_BINARY_URL there to a collective binary you host (made with scripts/release.sh)."
            ]
        }
    }
}

/// What a host configuration needs to know of the site and its repository.
public struct DeploySite: Sendable, Equatable {
    /// The site folder's path inside the repository (`blog`), `.` at its root.
    public var path: String
    /// A project name for the host: lower-case letters, digits and dashes.
    public var name: String
    /// The branch that publishes: the repository's current branch, else `main`.
    public var branch: String

    public init(path: String, name: String, branch: String) {
        self.path = path
        self.name = name
        self.branch = branch
    }
}

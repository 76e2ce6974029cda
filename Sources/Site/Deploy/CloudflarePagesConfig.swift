/// `wrangler.toml` for Cloudflare Pages, with the build settings Cloudflare reads only from its dashboard.
enum CloudflarePagesConfig {
    /// Production builds (from `branch`) for the config's baseURL; preview deployments for their own address.
    static func buildCommand(branch: String) -> String {
        DeployText.downloadCommand(to: "/tmp/collective")
            + " && if [ \"$CF_PAGES_BRANCH\" = \(DeployText.shellQuoted(branch)) ]; then /tmp/collective build; else /tmp/collective build --base-url \"$CF_PAGES_URL/\"; fi"
    }

    static func text(projectName: String, branch: String) -> String {
        """
        # Cloudflare Pages settings for this site, written by `collective init --deploy cloudflare`;
        # collective's docs/deploy.md explains them.
        #
        # Cloudflare reads the project name and output folder from this file; the build command and
        # variables are set under Workers & Pages → this project → Settings → Build:
        #   Build command:  \(buildCommand(branch: branch))
        #   Variables:      COLLECTIVE_BINARY_URL = a collective binary you host (made with scripts/release.sh);
        #                   COLLECTIVE_BINARY_SHA256 pins its checksum.
        # (The build image has no Swift toolchain, hence the download.) Long cache lifetimes for the
        # fingerprinted style sheet and scripts: copy the _headers rules in docs/deploy.md to static/_headers.
        # Or build anywhere and upload: collective build && npx wrangler pages deploy public

        name = \(DeployText.tomlQuoted(projectName))
        pages_build_output_dir = "public"

        """
    }
}

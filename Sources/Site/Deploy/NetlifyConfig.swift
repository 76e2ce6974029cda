/// `netlify.toml`: the build command, the output folder, and long cache lifetimes for fingerprinted assets.
enum NetlifyConfig {
    static func text() -> String {
        let download = DeployText.downloadCommand(to: "/tmp/collective")
        /// Production builds for the config's baseURL; previews and branch deploys for their own address.
        func command(baseURL: String?) -> String {
            let build = "/tmp/collective build" + (baseURL.map { " --base-url \"\($0)/\"" } ?? "")
            return DeployText.tomlQuoted(download + " && " + build)
        }
        return """
            # Netlify settings for this site, written by `collective init --deploy netlify`;
            # collective's docs/deploy.md explains them.
            #
            # Netlify's build image has no Swift toolchain, so the build downloads collective: set the
            # environment variable COLLECTIVE_BINARY_URL (Site configuration → Environment variables) to a
            # collective binary you host, made with scripts/release.sh; COLLECTIVE_BINARY_SHA256 pins its checksum.

            [build]
              publish = "public"
              command = \(command(baseURL: nil))

            # Deploy previews and branch deploys link to their own address.
            [context.deploy-preview]
              command = \(command(baseURL: "$DEPLOY_PRIME_URL"))

            [context.branch-deploy]
              command = \(command(baseURL: "$DEPLOY_PRIME_URL"))

            # The theme's style sheet and scripts carry a hash of their content in their names.
            \(CacheHeaders.netlifyRules)
            """
    }
}

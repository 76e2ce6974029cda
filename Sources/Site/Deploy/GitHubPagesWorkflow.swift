/// The GitHub Actions workflow that builds the site, checks its links and publishes it to GitHub Pages.
enum GitHubPagesWorkflow {
    /// The workflow for a site at `sitePath` in the repository (`.` at its root), published from `branch`.
    static func text(sitePath: String, branch: String) -> String {
        let atRoot = sitePath == "."
        let workingDirectory = atRoot ? "" : "        working-directory: \(DeployText.yamlQuoted(sitePath))\n"
        let output = atRoot ? "public" : sitePath + "/public"
        return """
            # Publishes the site to GitHub Pages on every push to \(branch).
            # Written by `collective init --deploy github`; collective's docs/deploy.md explains it.
            #
            # Before the first run:
            # - Settings → Pages → Source: "GitHub Actions".
            # - Settings → Secrets and variables → Actions → Variables: say where collective comes from.
            #   COLLECTIVE_BINARY_URL     a collective binary you host (made with scripts/release.sh, e.g. a
            #                             release asset of your fork); COLLECTIVE_BINARY_SHA256 pins its checksum.
            #   or COLLECTIVE_GIT         collective's git URL: built from source once with the official
            #                             swift:6.3 image at COLLECTIVE_REF (a tag or commit; default: its
            #                             default branch), then taken from the cache.
            name: Publish the site

            on:
              push:
                branches: [\(DeployText.yamlQuoted(branch))]
              workflow_dispatch:

            permissions:
              contents: read
              pages: write
              id-token: write

            concurrency:
              group: pages
              cancel-in-progress: false

            env:
              COLLECTIVE_BINARY_URL: ${{ vars.COLLECTIVE_BINARY_URL }}
              COLLECTIVE_BINARY_SHA256: ${{ vars.COLLECTIVE_BINARY_SHA256 }}
              COLLECTIVE_GIT: ${{ vars.COLLECTIVE_GIT }}
              COLLECTIVE_REF: ${{ vars.COLLECTIVE_REF }}

            jobs:
              build:
                runs-on: ubuntu-24.04
                steps:
                  - uses: actions/checkout@v5
                    with:
                      submodules: recursive

                  - name: Find which collective to use
                    id: version
                    run: |
                      if [ -n "$COLLECTIVE_BINARY_URL" ]; then
                        echo "key=binary-$(printf '%s %s' "$COLLECTIVE_BINARY_URL" "$COLLECTIVE_BINARY_SHA256" | sha256sum | cut -c 1-16)" >> "$GITHUB_OUTPUT"
                      elif [ -n "$COLLECTIVE_GIT" ]; then
                        commit=$(git ls-remote "$COLLECTIVE_GIT" "${COLLECTIVE_REF:-HEAD}" | head -n 1 | cut -f 1)
                        commit=${commit:-$COLLECTIVE_REF}
                        if [ -z "$commit" ]; then echo "::error::COLLECTIVE_GIT has no HEAD; set COLLECTIVE_REF"; exit 1; fi
                        echo "commit=$commit" >> "$GITHUB_OUTPUT"
                        echo "key=source-$commit" >> "$GITHUB_OUTPUT"
                      else
                        echo "::error::Set the repository variable COLLECTIVE_BINARY_URL or COLLECTIVE_GIT (Settings → Secrets and variables → Actions → Variables); see the top of this workflow."
                        exit 1
                      fi

                  - name: Restore collective from the cache
                    id: tool
                    uses: actions/cache@v5
                    with:
                      path: ~/.local/collective
                      key: collective-${{ runner.os }}-${{ steps.version.outputs.key }}

                  - name: Download collective
                    if: steps.tool.outputs.cache-hit != 'true' && env.COLLECTIVE_BINARY_URL != ''
                    run: |
                      mkdir -p ~/.local/collective
                      \(DeployText.downloadCommand(to: "$HOME/.local/collective/collective"))

                  - name: Fetch collective's source
                    if: steps.tool.outputs.cache-hit != 'true' && env.COLLECTIVE_BINARY_URL == ''
                    env:
                      COMMIT: ${{ steps.version.outputs.commit }}
                    run: |
                      git init -q ~/collective-source
                      git -C ~/collective-source fetch -q --depth 1 "$COLLECTIVE_GIT" "$COMMIT"
                      git -C ~/collective-source checkout -q FETCH_HEAD

                  - name: Restore collective's build folder
                    if: steps.tool.outputs.cache-hit != 'true' && env.COLLECTIVE_BINARY_URL == ''
                    uses: actions/cache@v5
                    with:
                      path: ~/collective-source/.build
                      key: collective-build-${{ runner.os }}-${{ steps.version.outputs.commit }}
                      restore-keys: collective-build-${{ runner.os }}-

                  - name: Build collective with the official Swift image
                    if: steps.tool.outputs.cache-hit != 'true' && env.COLLECTIVE_BINARY_URL == ''
                    run: |
                      docker run --rm -v "$HOME/collective-source:/source" -w /source swift:6.3 bash scripts/release.sh --output /source/collective
                      sudo chown -R "$(id -u):$(id -g)" ~/collective-source
                      mkdir -p ~/.local/collective
                      cp ~/collective-source/collective ~/.local/collective/collective

                  - name: Put collective on the PATH
                    run: echo "$HOME/.local/collective" >> "$GITHUB_PATH"

                  - name: Find the Pages address
                    id: pages
                    uses: actions/configure-pages@v6

                  - name: Build the site
            \(workingDirectory)        env:
                      BASE_URL: ${{ steps.pages.outputs.base_url }}/
                    run: collective build --base-url "$BASE_URL"

                  - name: Check links, anchors and images
            \(workingDirectory)        env:
                      BASE_URL: ${{ steps.pages.outputs.base_url }}/
                    run: collective check --base-url "$BASE_URL"

                  - uses: actions/upload-pages-artifact@v5
                    with:
                      path: \(DeployText.yamlQuoted(output))
                      # .well-known (domain verification) is published too; .collective-output is an empty marker.
                      include-hidden-files: true

              deploy:
                needs: build
                runs-on: ubuntu-24.04
                environment:
                  name: github-pages
                  url: ${{ steps.deployment.outputs.page_url }}
                steps:
                  - name: Publish
                    id: deployment
                    uses: actions/deploy-pages@v5

            """
    }
}

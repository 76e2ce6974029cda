/// The GitLab CI `pages` job that builds the site, checks its links and publishes it to GitLab Pages.
enum GitLabPagesJob {
    /// The CI configuration for a site at `sitePath` in the repository (`.` at its root).
    static func text(sitePath: String) -> String {
        let site = DeployText.shellQuoted(sitePath)
        return """
            # Publishes the site to GitLab Pages on every push to the default branch.
            # Written by `collective init --deploy gitlab`; collective's docs/deploy.md explains it.
            #
            # Before the first run, say where collective comes from under Settings → CI/CD → Variables:
            #   COLLECTIVE_BINARY_URL   a collective binary you host (made with scripts/release.sh);
            #                           COLLECTIVE_BINARY_SHA256 pins its checksum.
            #   or COLLECTIVE_GIT       collective's git URL: built from source once in the official swift:6.3
            #                           image at COLLECTIVE_REF (a tag or commit; default: its default branch),
            #                           then taken from the cache.
            pages:
              image: swift:6.3
              variables:
                GIT_SUBMODULE_STRATEGY: recursive
              cache:
                key: collective
                paths:
                  - .collective/
              script:
                - |
                  set -eu
                  if [ -n "${COLLECTIVE_BINARY_URL:-}" ]; then
                    wanted="$COLLECTIVE_BINARY_URL ${COLLECTIVE_BINARY_SHA256:-}"
                  elif [ -n "${COLLECTIVE_GIT:-}" ]; then
                    wanted=$(git ls-remote "$COLLECTIVE_GIT" "${COLLECTIVE_REF:-HEAD}" | head -n 1 | cut -f 1)
                    wanted=${wanted:-${COLLECTIVE_REF:-}}
                    [ -n "$wanted" ] || { echo "COLLECTIVE_GIT has no HEAD; set COLLECTIVE_REF" >&2; exit 1; }
                  else
                    echo "Set the CI/CD variable COLLECTIVE_BINARY_URL or COLLECTIVE_GIT; see the top of .gitlab-ci.yml." >&2
                    exit 1
                  fi
                  if [ ! -x .collective/bin/collective ] || [ "$(cat .collective/wanted 2>/dev/null)" != "$wanted" ]; then
                    mkdir -p .collective/bin
                    if [ -n "${COLLECTIVE_BINARY_URL:-}" ]; then
                      command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl >/dev/null; }
                      \(DeployText.downloadCommand(to: ".collective/bin/collective"))
                    else
                      [ -d .collective/source/.git ] || git init -q .collective/source
                      git -C .collective/source fetch -q --depth 1 "$COLLECTIVE_GIT" "$wanted"
                      git -C .collective/source checkout -q --force FETCH_HEAD
                      bash .collective/source/scripts/release.sh --output .collective/bin/collective
                    fi
                    echo "$wanted" > .collective/wanted
                  fi
                - .collective/bin/collective build -s \(site) -d public --base-url "$CI_PAGES_URL/"
                - .collective/bin/collective check -s \(site) --base-url "$CI_PAGES_URL/"
              artifacts:
                paths:
                  - public
              rules:
                - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH

            """
    }
}

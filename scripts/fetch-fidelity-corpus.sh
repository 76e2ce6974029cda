#!/usr/bin/env bash
# Materialise the Hugo-fidelity corpus (issue 16) into fidelity-corpus/NAME.
#
# The corpus is other people's writing: it is git-ignored and never committed. This script lists
# every source at a pinned commit so that anyone can rebuild exactly the same folders.
#
#   scripts/fetch-fidelity-corpus.sh            # all sites
#   scripts/fetch-fidelity-corpus.sh NAME ...   # some sites
#   CORPUS=/elsewhere scripts/fetch-fidelity-corpus.sh
#
# Where a bare git mirror of a repository exists under $MIRRORS (default /work/.mirror, laid out as
# OWNER+NAME/repo), it is read with `git --git-dir=MIRROR archive COMMIT`. Otherwise the repository
# is cloned from GitHub into $CACHE (default ~/.cache/collective-fidelity) and the pinned commit is
# checked out from there; this needs network access to github.com and nothing else.
#
# Idempotent: a site whose folder already carries a stamp file with the same source line is left
# alone; a changed line rebuilds that folder from scratch. Nothing outside $CORPUS is written
# (besides the clone cache).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CORPUS="${CORPUS:-$ROOT/fidelity-corpus}"
MIRRORS="${MIRRORS:-/work/.mirror}"
CACHE="${CACHE:-$HOME/.cache/collective-fidelity}"

# One site a line:
#   NAME  OWNER/REPO  COMMIT  SUBDIR  THEMES
# SUBDIR is the site's folder inside the repository ("." for the root).
# THEMES is "-" or a comma-separated list of DEST=OWNER/REPO@COMMIT[:SUBDIR]; DEST is a path
# inside the site folder (usually themes/NAME). For sites whose theme is a git submodule the
# commit is the submodule's pinned commit when it was available, otherwise the theme's HEAD at
# the time of collection (noted in docs/fidelity.md).
SITES='
roweb3          ropensci/roweb3                               d84b7eb675f82b6282411055374bd1a7c16b4b5a  .            -
scipy-blog      scientific-python/blog.scientific-python.org  fed8fc368222a50aed17bc31de82d4332faed976  .            themes/scientific-python-hugo-theme=scientific-python/scientific-python-hugo-theme@b42d2727e759868dc08fa067825bf20ee51c45f6
ki-seki         Ki-Seki/ki-seki.github.io                     10d7e9e1c87f79fe9038b27c94904b64acf19faa  .            themes/PaperMod=adityatelange/hugo-PaperMod@3bb0ca281fd17eff8e3489011a444f326d7c4c72
quarticcat      QuarticCat/QuarticCat.github.io               e2b00053fecb648bf63d7b1df81f45026230b962  .            themes/PaperMod=adityatelange/hugo-PaperMod@f5c737f872ae1db688641dcaf0eaa538958b57a6
recregt         recregt/recregt-blog                          0ca9c69fdf060d2edd9f2613c57ebe19f92a4c54  .            themes/github.com/adityatelange/hugo-PaperMod=adityatelange/hugo-PaperMod@d3768854d00ad003b0a8dbdba254ce9224377a01
zzxzzk115       zzxzzk115/new-blog                            7c8e67773ad03e0c207d0f2f16bb5e690d2cf3cf  .            themes/PaperMod=adityatelange/hugo-PaperMod@d3768854d00ad003b0a8dbdba254ce9224377a01
brozorec        brozorec/brozorec.github.io                   1a0aee52845f82a0b2dde0d71148596d7537d8c7  .            themes/github.com/adityatelange/hugo-PaperMod=adityatelange/hugo-PaperMod@d3768854d00ad003b0a8dbdba254ce9224377a01
merrkry         merrkry/merrkry.github.io                     8efb57c30724de613b81e29aedf8656327274f6c  .            themes/PaperMod=adityatelange/hugo-PaperMod@72615b6d49ab8b102e92e2e487ab420f41ba9223
makdoudn        makdoudN/makdoudN.github.io                   e83b9b6180b6ae565098f4bb94f689aaaaaf2796  .            -
mikedecr        mikedecr/site-hugo                            4d86b6cdcdf3966069df69b36132547de7a242ca  hugo         -
loveorange      LoveOrange/LoveOrange.github.io               388b15a6047f7d13d847a69f74e0406b5d7bd2e9  .            themes/FixIt=hugo-fixit/FixIt@98f337a545cb56849664b2509143d945f4d367f1
loveit-example  dillonzq/LoveIt                               0e5d8eb9bd9c7b6eb8df6dfc89fc0e8757cb01ef  exampleSite  themes/LoveIt=dillonzq/LoveIt@0e5d8eb9bd9c7b6eb8df6dfc89fc0e8757cb01ef
book-example    alex-shpak/hugo-book                          162c806e991b63d8a8bbfcd1c8d41ad650ebd07e  exampleSite  themes/hugo-book=alex-shpak/hugo-book@162c806e991b63d8a8bbfcd1c8d41ad650ebd07e
congo-example   jpanther/congo                                7fe9db858dfb0644daadb3705573ed8492cff037  exampleSite  themes/congo=jpanther/congo@7fe9db858dfb0644daadb3705573ed8492cff037
stack-demo      CaiJimmy/hugo-theme-stack                     3e123a30b79b5d52a3a8e88a9dd678fcfd28e418  demo         themes/hugo-theme-stack=CaiJimmy/hugo-theme-stack@3e123a30b79b5d52a3a8e88a9dd678fcfd28e418
aakinshin       AndreyAkinshin/aakinshin.net                  b5398fff7efc931f54c538e9b83f537773c21fc0  hugo         -
axect           Axect/hugo_blog                               59cd13997d87a59bd9ae8d1a7761a9fc1d5ca398  .            -
bowenxie        bowenxieoregon/bowenxieoregon.github.io       245d666783f2640bd2fa46531e50de23006231b4  .            themes/PaperMod=adityatelange/hugo-PaperMod@7d061d56d4664bd9c8241eb904994c98b928f0c8
complex2liu     Complex2-Liu/homepage                         32729268a4a1bae8131848f72c5d920dafa5144f  .            -
danielcorin     danielcorin/blog                              618598fb6b12ded9256fd295de2ca9b823051ca1  .            themes/poison=lukeorth/poison@07485e85f0247518bc64ed0cc6fd6b39abe3d90d,themes/github.com/KKKZOZ/hugo-admonitions=KKKZOZ/hugo-admonitions@2f4f6796a22ff4d69d387ea0badfa29e975ddfe0
ed1d1a8d        ed1d1a8d/personal-website                     7d19f8cb20dce924ad2c6840871bebf92d0e663c  .            -
ioverho         ioverho/ioverho.github.io                     4b158c9a88c37170cbe7ecf96af26642a5b0e30a  .            themes/hugo-bearcub=clente/hugo-bearcub@1d12a76549445b767fa02902caf30cec7ceaecf9,themes/hugo-simplecite=joksas/hugo-simplecite@0fd449c5857e06df43431c187afefb8b69483ae2,themes/github.com/KKKZOZ/hugo-admonitions=KKKZOZ/hugo-admonitions@bbae91547faff0906e68c554e930ebcd80d3cc2f
jamesnulliu     jamesnulliu/jamesnulliu.github.io             e129aefae545ea272017b2ee5f6d137d00bcfced  .            themes/PaperMod=adityatelange/hugo-PaperMod@d3768854d00ad003b0a8dbdba254ce9224377a01
'

# Site-specific adjustments, only where the site cannot build standalone as laid out here
# (a theme found through a path outside the site, or through a Go module replacement).
adjust() {
  local name="$1" dir="$2"
  case "$name" in
    loveit-example)
      # exampleSite finds the theme with themesDir = "../.."; here it lives in themes/.
      sed -i '/^themesDir *=/d' "$dir/hugo.toml" ;;
    stack-demo)
      # The demo imports the theme as a Go module replaced by "../"; use the themes/ copy instead.
      rm -f "$dir/go.mod" "$dir/go.sum"
      sed -i 's|path *= *"github.com/CaiJimmy/hugo-theme-stack/v3"|path = "hugo-theme-stack"|' \
        "$dir/config/_default/hugo.toml" ;;
    congo-example)
      # Hugo 0.111 (needed: Congo's figure shortcode calls a template Hugo 0.146 removed) turns the
      # offline failures of the embedded twitter/vimeo shortcodes into errors; keep them warnings.
      printf '\nignoreErrors = ["error-remote-getjson"]\n' >>"$dir/config/_default/config.toml" ;;
    danielcorin)
      # Modules (hugo-admonitions, poison) are found under themes/ without go.mod.
      rm -f "$dir/go.mod" "$dir/go.sum" ;;
    ioverho)
      # Without go.mod hugo-admonitions is found under themes/; the hugomods icon modules (a
      # Go module tree of SVG vendors) are not fetched, so their imports go and the harness
      # stubs the `icons` shortcode (those pages are not comparable).
      rm -f "$dir/go.mod" "$dir/go.sum"
      sed -i '/^\[\[module.imports\]\]$/{N;/hugomods/d}' "$dir/hugo.toml" ;;
    jamesnulliu)
      # One page's lastmod is mistyped (18:30700); Hugo 0.168 refuses to build the site over it.
      sed -i 's/^lastmod: 2025-04-26T18:30700+08:00$/lastmod: 2025-04-26T18:30:00+08:00/' \
        "$dir/content/blogs/something-about-docker/index.md" ;;
    complex2liu)
      # One page leaves its last {{< bibitem >}} open inside {{< references >}}; every Hugo we have
      # refuses that ("must be closed or self-closed"). Close it where the author meant to.
      sed -i 's|^GTM 94\.$|GTM 94.\n{{< /bibitem >}}|' "$dir/content/blog/2022/02-22/index.md" ;;
    aakinshin)
      # Written for Hugo 0.123, which read the .html page a post's iframe shows as content; Hugo
      # 0.168 refuses .html content unless security.allowContent admits it.
      printf '\n[security]\n  allowContent = [".*"]\n' >>"$dir/config.toml"
      # Its cascade targets `lang: en` (removed in Hugo 0.150); the file is the English home page
      # already, so the key adds nothing there.
      sed -i '/^    lang: en$/d' "$dir/content/en/_index.md" ;;
    brozorec|recregt)
      # PaperMod is named by its module path; without go.mod Hugo finds it under themes/ instead
      # of downloading it (and Hugo's go.mod check rejects "go 1.24.2" style versions).
      rm -f "$dir/go.mod" "$dir/go.sum" ;;
    *) ;;
  esac
}

want() {  # is site $1 selected on the command line?
  [ "$#" -eq 1 ] && return 0
  local n="$1"; shift
  for a in "$@"; do [ "$a" = "$n" ] && return 0; done
  return 1
}

# archive REPO COMMIT SUBDIR DEST: extract SUBDIR of REPO at COMMIT into DEST
archive() {
  local repo="$1" commit="$2" sub="$3" dest="$4"
  local mirror="$MIRRORS/${repo/\//+}/repo"
  local gitdir
  if [ -d "$mirror" ] && git --git-dir="$mirror" cat-file -e "$commit^{commit}" 2>/dev/null; then
    gitdir="$mirror"
  else
    gitdir="$CACHE/${repo/\//+}.git"
    if [ ! -d "$gitdir" ]; then
      mkdir -p "$CACHE"
      git clone --bare --filter=blob:none "https://github.com/$repo.git" "$gitdir" >&2
    fi
    git --git-dir="$gitdir" cat-file -e "$commit^{commit}" 2>/dev/null \
      || git --git-dir="$gitdir" fetch origin "$commit" >&2
  fi
  mkdir -p "$dest"
  local strip=0
  local path="."
  if [ "$sub" != "." ]; then
    path="$sub"
    strip=$(( $(tr -cd / <<<"$sub/" | wc -c) ))
  fi
  # Snapshots under /work/.mirror lack blobs of 4 MiB and more (large images, mostly): leave
  # those files out rather than fail. A full clone has them all.
  local -a excl=()
  while read -r missing; do
    excl+=(":(exclude,literal)$missing")
    echo "  (blob missing in $repo, left out: $missing)" >&2
  done < <(git -c core.quotePath=false --git-dir="$gitdir" ls-tree -r --format='%(objecttype) %(objectname) %(path)' "$commit" -- "$path" \
             | awk '$1 == "blob"' | cut -d' ' -f2- >"$dest.list"
           cut -d' ' -f1 "$dest.list" | git --git-dir="$gitdir" cat-file --batch-check \
             | paste -d' ' - "$dest.list" | awk '$2 == "missing"' | cut -d' ' -f4-
           rm -f "$dest.list")
  git --git-dir="$gitdir" archive --format=tar "$commit" -- "$path" "${excl[@]}" \
    | tar -x -C "$dest" --strip-components="$strip"
}

mkdir -p "$CORPUS"
count=0
while read -r name repo commit sub themes; do
  [ -z "${name:-}" ] && continue
  want "$name" "$@" || continue
  # The stamp also records the adjustments, so that changing adjust() rebuilds the site.
  line="$name $repo $commit $sub $themes adjust:$(declare -f adjust | sha256sum | cut -c1-12)"
  dir="$CORPUS/$name"
  stamp="$dir/.fidelity-source"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$line" ]; then
    echo "$name: up to date" >&2
    count=$((count + 1))
    continue
  fi
  echo "$name: $repo@${commit:0:12} ($sub)" >&2
  rm -rf "$dir.tmp" "$dir"
  archive "$repo" "$commit" "$sub" "$dir.tmp"
  if [ "$themes" != "-" ]; then
    IFS=',' read -ra specs <<<"$themes"
    for spec in "${specs[@]}"; do
      dest="${spec%%=*}"; src="${spec#*=}"
      trepo="${src%%@*}"; rest="${src#*@}"
      tcommit="${rest%%:*}"; tsub="."
      [ "$rest" != "$tcommit" ] && tsub="${rest#*:}"
      rm -rf "${dir:?}.tmp/$dest"   # an empty submodule folder or a stale copy
      archive "$trepo" "$tcommit" "$tsub" "$dir.tmp/$dest"
    done
  fi
  adjust "$name" "$dir.tmp"
  rm -rf "$dir.tmp/public" "$dir.tmp/resources/_gen" "$dir.tmp/.git"
  printf '%s\n' "$line" >"$dir.tmp/.fidelity-source"
  mv "$dir.tmp" "$dir"
  count=$((count + 1))
done <<<"$SITES"
echo "$count site(s) in $CORPUS" >&2

#!/usr/bin/env bash
# Regression run of PolicyDocs over real published CP/CPS and requirement documents kept in git repositories that the
# user has already cloned. Fetches nothing and writes nothing inside the repositories: every version of every listed
# file is extracted into a scratch folder, then checked, fixed, built and diffed against the previous version there.
# See tools/real-docs/README.md.
set -euo pipefail

prog=${0##*/}
root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)

usage() {
  cat <<EOF
Usage: $prog [options] MANIFEST REPOS_DIR

Runs PolicyDocs over real documents kept in git. MANIFEST lists one document per line:

  REPO_DIR  PATH_IN_REPO  [REVISIONS]  [LAST]

  REPO_DIR      a git repository (bare or not), relative to REPOS_DIR or absolute
  PATH_IN_REPO  the Markdown file inside it (escape a space with a backslash: CPS\\ v1.md); or a pattern
                (CPS/archive/CPS_v*.md) whose matching files at one revision are the versions, in version order
  REVISIONS     HEAD (the default); a tag glob such as 'v6.*' (tags in creation order);
                @log (every commit on HEAD that changed the file, following renames, oldest first);
                or a comma-separated list of revisions (v1.0,v1.2,abc1234)
  LAST          keep only the newest LAST of those revisions (default: -n, or all when 0)

Blank lines and lines starting with # are ignored.

For each version: check --content FILE; check --content COPY --fix; build --content COPY --output DIR;
and diff PREVIOUS-COPY COPY --html DIR --docx DIR against the previous version of the same line.

Options:
  -c CMD    the PolicyDocs command line (split on spaces), e.g. /tmp/pdcli/PolicyDocs.Cli
            (default: \$POLICYDOCS_CLI, else: dotnet run --project $root/src/PolicyDocs.Cli --)
  -o DIR    scratch folder: absent or empty (default: a new folder under \${TMPDIR:-/tmp}); kept afterwards
  -n N      default for LAST (default: \$REAL_DOCS_LAST, else 5; 0 means every revision)
  -e CODES  comma-separated rule codes whose errors 'check' may report without failing the run
            (default: PD0105, blank sections, which 'check --fix' fills)
  -t SECS   time limit per command (default: \$REAL_DOCS_TIMEOUT, else 900; 0 means none)
  -h        this help

Exit status: 0 when every check reports only expected errors and every build and diff succeeds; 1 otherwise;
2 for a usage or setup problem.
EOF
}

die() {
  printf '%s: %s\n' "$prog" "$*" >&2
  exit 2
}

cli_line=${POLICYDOCS_CLI:-}
scratch=
last_default=${REAL_DOCS_LAST:-5}
expected=PD0105
time_limit=${REAL_DOCS_TIMEOUT:-900}
while getopts ':c:o:n:e:t:h' opt; do
  case $opt in
    c) cli_line=$OPTARG ;;
    o) scratch=$OPTARG ;;
    n) last_default=$OPTARG ;;
    e) expected=$OPTARG ;;
    t) time_limit=$OPTARG ;;
    h) usage; exit 0 ;;
    :) die "option -$OPTARG needs a value (see -h)" ;;
    *) die "unknown option -$OPTARG (see -h)" ;;
  esac
done
shift $((OPTIND - 1))
[[ $# -eq 2 ]] || { usage >&2; exit 2; }
manifest=$1
repos_dir=$2

[[ $last_default =~ ^[0-9]+$ ]] || die "-n takes a whole number, not '$last_default'"
[[ $time_limit =~ ^[0-9]+$ ]] || die "-t takes a whole number of seconds, not '$time_limit'"
[[ -f $manifest && -r $manifest ]] || die "manifest '$manifest' is not a readable file"
[[ -d $repos_dir ]] || die "repositories folder '$repos_dir' does not exist"
command -v git >/dev/null || die "git is not installed (needed to read the repositories)"

if [[ -n $cli_line ]]; then
  read -r -a cli <<<"$cli_line"
else
  cli=(dotnet run --project "$root/src/PolicyDocs.Cli" --)
fi
[[ ${#cli[@]} -gt 0 ]] || die "the PolicyDocs command line is empty"
if [[ ${cli[0]} == */* ]]; then
  [[ -x ${cli[0]} ]] || die "PolicyDocs CLI '${cli[0]}' is not an executable file (build it: dotnet build src/PolicyDocs.Cli -o DIR)"
else
  command -v "${cli[0]}" >/dev/null || die "'${cli[0]}' is not installed or not on PATH (give the CLI with -c or POLICYDOCS_CLI)"
fi

timeout_cmd=()
if [[ $time_limit -gt 0 ]]; then
  if command -v timeout >/dev/null; then
    timeout_cmd=(timeout --kill-after=10 "$time_limit")
  else
    printf '%s: note: timeout is not installed; commands run without a time limit\n' "$prog" >&2
  fi
fi

if [[ -n $scratch ]]; then
  if [[ -e $scratch ]]; then
    [[ -d $scratch ]] || die "scratch '$scratch' exists and is not a folder"
    [[ -z $(ls -A -- "$scratch") ]] || die "scratch folder '$scratch' is not empty (give an absent or empty one)"
  fi
  command -v realpath >/dev/null || die "realpath is not installed (needed to place the scratch folder)"
  scratch=$(realpath -m -- "$scratch")
fi

# Reading a repository must not write into it (no index refresh, no lock files).
export GIT_OPTIONAL_LOCKS=0

# Resolves a manifest repository to an absolute path; fails when it is not a git repository.
resolve_repo() {
  local dir=$1
  [[ $dir == /* ]] || dir=$repos_dir/$dir
  [[ -d $dir ]] || return 1
  dir=$(cd -- "$dir" && pwd -P)
  git -C "$dir" rev-parse --git-dir >/dev/null 2>&1 || return 1
  printf '%s\n' "$dir"
}

# Refuses a scratch folder inside the repository (its work tree or its git folder): nothing is written there.
outside_repo() {
  local top
  [[ -n $scratch ]] || return 0
  for top in "$1" "$(git -C "$1" rev-parse --absolute-git-dir)"; do
    case $scratch/ in "$top"/*) die "scratch folder '$scratch' lies inside repository '$top'" ;; esac
  done
}

# Reads the manifest into parallel arrays (repository, path, revisions, last, manifest line), checking every line and
# repository before anything is written.
m_repo=() m_field=() m_path=() m_revs=() m_last=() m_where=()
line_no=0
# Backslash escapes are deliberate (read without -r): '\ ' keeps a space inside a path.
# shellcheck disable=SC2162
while read -u 3 repo_field path_field revs_field last_field extra; do
  line_no=$((line_no + 1))
  [[ -z ${repo_field:-} || $repo_field == \#* ]] && continue
  where="$manifest:$line_no"
  if [[ -z ${path_field:-} || -n ${extra:-} ]]; then
    die "$where: expected 'REPO_DIR PATH_IN_REPO [REVISIONS] [LAST]'"
  fi
  if [[ $path_field == *[*?[]* && ( ${revs_field:-HEAD} == @log || ${revs_field:-HEAD} == *[*?[,]* ) ]]; then
    die "$where: a PATH_IN_REPO pattern takes one revision (HEAD, a tag or a commit), not '$revs_field'"
  fi
  last=${last_field:-$last_default}
  [[ $last =~ ^[0-9]+$ ]] || die "$where: LAST must be a whole number, not '$last'"
  repo=$(resolve_repo "$repo_field") || die "$where: '$repo_field' is not a git repository (under $repos_dir)"
  outside_repo "$repo"
  m_repo+=("$repo") m_field+=("$repo_field") m_path+=("$path_field") m_revs+=("${revs_field:-HEAD}")
  m_last+=("$last") m_where+=("$where")
done 3<"$manifest"
[[ ${#m_repo[@]} -gt 0 ]] || die "the manifest lists no documents"

if [[ -n $scratch ]]; then
  mkdir -p -- "$scratch"
else
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/real-docs.XXXXXX")
fi
scratch=$(cd -- "$scratch" && pwd -P)

# Prints the revisions of REVISIONS in oldest-first order, one per line, as 'REF<TAB>LABEL<TAB>PATH' (PATH is the
# file's name at that revision: @log follows renames).
list_revisions() {
  local repo=$1 path=$2 spec=$3 ref file
  if [[ $path == *[*?[]* ]]; then
    # A pattern: every matching file at the one revision is a version, in version order (file-per-version archives).
    git -c core.quotePath=false -C "$repo" ls-tree -r --name-only "$spec" |
      while IFS= read -r file; do
        # shellcheck disable=SC2053 # the manifest path is a pattern here
        [[ $file == $path ]] && printf '%s\t%s\n' "$(basename -- "$file")" "$file"
      done | sort -V -t $'\t' -k1,1 | while IFS=$'\t' read -r ref file; do printf '%s\t%s\t%s\n' "$spec" "$ref" "$file"; done
    return
  fi
  case $spec in
    HEAD)
      printf 'HEAD\tHEAD\t%s\n' "$path"
      ;;
    @log)
      git -c core.quotePath=false -C "$repo" log --follow --name-only --format='%x01%H%x09%h-%cs' HEAD -- "$path" |
        awk 'BEGIN { RS = "\001" } NF { n = split($0, l, "\n"); p = ""
               for (i = 2; i <= n; i++) if (l[i] != "") { p = l[i]; break }
               print l[1] "\t" p }' | tac
      ;;
    *,*)
      local IFS=,
      for ref in $spec; do [[ -n $ref ]] && printf '%s\t%s\t%s\n' "$ref" "$ref" "$path"; done
      ;;
    *)
      git -C "$repo" for-each-ref --sort=version:refname --sort=creatordate --format='%(refname)' "refs/tags/$spec" |
        while IFS= read -r ref; do printf '%s\t%s\t%s\n' "$ref" "${ref#refs/tags/}" "$path"; done
      ;;
  esac
}

# Runs the CLI with the given arguments from the empty folder WORKDIR (so that anything it writes outside the
# folders it is given shows), writing its combined output to LOG; prints the exit status (124 when the time limit ran
# out). Never fails itself.
run_cli() {
  local workdir=$1 log=$2 rc=0
  shift 2
  (cd -- "$workdir" && exec "${timeout_cmd[@]}" "${cli[@]}" "$@") >"$log" 2>&1 </dev/null || rc=$?
  printf '%s\n' "$rc"
}

# 'PD0105:3 PD0203:1' for the diagnostics of SEVERITY in LOG, or '-'.
codes() {
  local log=$1 severity=$2 out
  out=$({ grep -oE " $severity PD[0-9]{4}:" -- "$log" || true; } |
    awk '{ n[$2]++ } END { for (c in n) printf "%s%d\n", c, n[c] }' | sort | tr '\n' ' ')
  out=${out% }
  printf '%s\n' "${out:--}"
}

count() {
  local n
  n=$(grep -cE "$1" -- "$2" || true)
  printf '%s\n' "${n:-0}"
}

# A stack trace or unhandled exception in LOG (no user input may produce one).
crashed() {
  grep -qE '^[[:space:]]+at [^ ]+\(.*\)|Unhandled exception' -- "$1"
}

sanitize() {
  printf '%s' "$1" | tr -c 'A-Za-z0-9._-' '_'
}

# The ids a heading text gets on GitHub (lower case; punctuation but '-' and '_' removed; spaces become '-'), read
# from standard input one heading per line. With 'smart', '--' and '---' first become dashes and vanish, as with
# pandoc's smart typography and gfm_auto_identifiers. An approximation: non-ASCII letters keep their case.
slugs() {
  local dashes=()
  [[ ${1:-} == smart ]] && dashes=(-e 's/---*//g')
  LC_ALL=C sed -E -e 's/!?\[([^]]*)\]\([^)]*\)/\1/g' -e 's/<[^>]*>//g' "${dashes[@]}" |
    LC_ALL=C tr 'A-Z' 'a-z' |
    LC_ALL=C sed -E -e 's/–|—|‐|‑|‒|−|‘|’|‚|“|”|„|§|©|®|™|…|•|·|«|»|¿|¡|°|±|×|÷|¶|†|‡//g' \
      -e "s/[]!\"#\$%&'()*+,./:;<=>?@[\\^\`{|}~]//g" -e 's/ /-/g' |
    awk '{ n = seen[$0]++; print (n ? $0 "-" n : $0) }'
}

# Every id a link in FILE may target on GitHub: heading slugs (GitHub's and the pandoc smart-dash variant), explicit
# {#id} heading attributes and <a id|name="..."> anchors. One per line, unsorted.
github_ids() {
  local headings
  headings=$(LC_ALL=C awk '
    /^ ? ? ?(```|~~~)/ { fence = !fence; next }
    fence { next }
    /^ ? ? ?#+[ \t]/ {
      t = $0; sub(/\r$/, "", t); sub(/^ *#+[ \t]+/, "", t); sub(/[ \t]+#+[ \t]*$/, "", t); sub(/[ \t]+$/, "", t)
      print t
    }' "$1")
  printf '%s\n' "$headings" | LC_ALL=C sed -n -E 's/.*\{#([^ }]+)[^}]*\}$/\1/p'
  printf '%s\n' "$headings" | LC_ALL=C sed -E 's/[ \t]*\{[^}]*\}$//' | slugs
  printf '%s\n' "$headings" | LC_ALL=C sed -E 's/[ \t]*\{[^}]*\}$//' | slugs smart
  { LC_ALL=C grep -oE '<a [^>]*(id|name)="[^"]*"' -- "$1" || true; } | LC_ALL=C sed -E 's/.*(id|name)="([^"]*)"$/\2/'
}

# How many of the PD0203 (unresolved anchor) errors in LOG name an id that GitHub gives FILE: false errors.
github_resolves() {
  local log=$1 file=$2 ids
  ids=$(github_ids "$file")
  { LC_ALL=C grep -oE 'PD0203: Link to #[^ ]+ matches no' -- "$log" || true; } |
    LC_ALL=C sed -E 's/^PD0203: Link to #(.*) matches no$/\1/' |
    { LC_ALL=C grep -cxF -f <(printf '%s\n' "$ids") || true; }
}

# Internal links in the Word files under DIR whose bookmark the file lacks; '-' when there is none or unzip is missing.
word_dangling() {
  local dir=$1 docx total=0 n
  command -v unzip >/dev/null || { printf -- '-\n'; return; }
  [[ -n $(find "$dir" -name '*.docx' -print -quit 2>/dev/null) ]] || { printf -- '-\n'; return; }
  while IFS= read -r -d '' docx; do
    n=$(LC_ALL=C comm -23 \
      <(unzip -p "$docx" word/document.xml | { LC_ALL=C grep -oE 'w:anchor="[^"]*"' || true; } | sort -u) \
      <(unzip -p "$docx" word/document.xml | { LC_ALL=C grep -oE '<w:bookmarkStart [^>]*w:name="[^"]*"' || true; } |
        LC_ALL=C sed -E 's/.*w:name=/w:anchor=/' | sort -u) | wc -l)
    total=$((total + n))
  done < <(find "$dir" -name '*.docx' -print0 2>/dev/null)
  printf '%s\n' "$total"
}

# The plain text pandoc reads from a Word file, with the tracked changes accepted or rejected, without the contents
# (a field Word regenerates), a table row to a line (its cells joined by ' | '; rows left empty, as pandoc leaves a
# rejected inserted row, dropped), from the cover's first line COVER on (a redline's own front page comes before it).
word_text() {
  local docx=$1 changes=$2 cover=${3:-}
  pandoc --track-changes="$changes" -f docx+styles -t plain --wrap=none --lua-filter "$scratch/word-text.lua" -- "$docx" 2>/dev/null |
    LC_ALL=C sed -E 's/[[:space:]]+$//' | LC_ALL=C grep -vE '^[ |]*$' |
    { if [[ -n $cover ]]; then LC_ALL=C awk -v c="$cover" 'f || $0 == c { f = 1; print }'; else cat; fi; } || true
}

# Whether each redline in REDLINES reads, changes accepted, as the new version's Word file under NEW_SITE and, changes
# rejected, as the old one's under OLD_SITE: 'ok', or the numbers of differing lines (A=accept, R=reject); '-' when
# pandoc is missing or there is nothing to compare.
redline_exact() {
  local redlines=$1 new_site=$2 old_site=$3 out="" redline new old cover a r
  command -v pandoc >/dev/null || { printf -- '-\n'; return; }
  new=$(find "$new_site/downloads" -maxdepth 1 -name '*.docx' ! -name '*redline*' -print -quit 2>/dev/null)
  old=$(find "$old_site/downloads" -maxdepth 1 -name '*.docx' ! -name '*redline*' -print -quit 2>/dev/null)
  [[ -n $new && -n $old ]] || { printf -- '-\n'; return; }
  while IFS= read -r -d '' redline; do
    cover=$(word_text "$new" accept | LC_ALL=C sed -n 1p)
    a=$(diff <(word_text "$new" accept) <(word_text "$redline" accept "$cover") | LC_ALL=C grep -c '^[<>]' || true)
    cover=$(word_text "$old" accept | LC_ALL=C sed -n 1p)
    r=$(diff <(word_text "$old" accept) <(word_text "$redline" reject "$cover") | LC_ALL=C grep -c '^[<>]' || true)
    if [[ $a -eq 0 && $r -eq 0 ]]; then out+="ok "; else out+="A$a/R$r "; fi
  done < <(find "$redlines" -name '*.docx' -print0 2>/dev/null)
  out=${out% }
  printf '%s\n' "${out:--}"
}

expected_re=$(printf '%s' "$expected" | tr ',' '|')
cat >"$scratch/word-text.lua" <<'LUA'
-- Contents entries are dropped; a table becomes one paragraph per row, its cells joined by ' | '.
function Div(el)
  local s = el.attributes["custom-style"]
  if s and (s:match("^TOC") or s:match("^toc")) then return {} end
end
local function rows(list, out)
  for _, row in ipairs(list) do
    local cells = {}
    for _, cell in ipairs(row.cells) do cells[#cells + 1] = pandoc.utils.stringify(cell.contents) end
    out[#out + 1] = pandoc.Para({ pandoc.Str(table.concat(cells, " | ")) })
  end
end
function Table(t)
  local out = {}
  rows(t.head.rows, out)
  for _, body in ipairs(t.bodies) do rows(body.head, out); rows(body.body, out) end
  rows(t.foot.rows, out)
  return out
end
LUA
summary=$scratch/summary.tsv
printf 'document\tversion\tcheck_rc\terrors\terror_codes\twarnings\twarning_codes\tanchor_errors_github_resolves\terrors_after_fix\tbuild_rc\tbroken_links\tword_broken_links\tdiff_rc\tredlines\tredline_exact\tproblems\n' >"$summary"
failures=0
documents=0
versions=0

printf 'PolicyDocs CLI: %s\nScratch: %s\n\n' "${cli[*]}" "$scratch"
printf '%-44s %-22s %-6s %-6s %-5s %-5s %-5s %-6s %-5s %-4s %-4s %-7s %s\n' DOCUMENT VERSION ERRORS WARN GH-OK FIXED BUILD BROKEN WORD DIFF RED EXACT \
  'PROBLEMS | CODES'

for m in "${!m_repo[@]}"; do
  repo=${m_repo[m]} repo_field=${m_field[m]} path_field=${m_path[m]} where=${m_where[m]} last=${m_last[m]}
  mapfile -t revisions < <(list_revisions "$repo" "$path_field" "${m_revs[m]}")
  if [[ ${#revisions[@]} -eq 0 ]]; then
    printf '%s: %s: no revision of %s matches %s\n' "$prog" "$where" "$repo_field" "${m_revs[m]}" >&2
    failures=$((failures + 1))
    continue
  fi
  if [[ $last -gt 0 && ${#revisions[@]} -gt $last ]]; then
    revisions=("${revisions[@]: -$last}")
  fi

  documents=$((documents + 1))
  doc_label=${repo_field%/}
  doc_label=${doc_label%/.git}
  doc_label=${doc_label%/repo}
  doc_label="${doc_label##*/}:$path_field"
  doc_dir=$scratch/$(printf "%02d" "$documents")-$(sanitize "$doc_label")
  # One file name for every version, so that the document keeps its id and title from version to version.
  file_name=$(basename -- "${revisions[-1]##*$'\t'}")
  previous_copy=
  previous_dir=
  previous_blob=
  index=0

  for entry in "${revisions[@]}"; do
    IFS=$'\t' read -r ref label rev_path <<<"$entry"
    index=$((index + 1))
    problems=()
    if ! blob=$(git -C "$repo" rev-parse --verify --quiet "$ref:${rev_path:-$path_field}" 2>/dev/null); then
      printf '%-44s %-22s (no such file at this revision; skipped)\n' "$doc_label" "$label"
      continue
    fi
    if [[ $blob == "$previous_blob" ]]; then
      printf '%-44s %-22s (same text as the previous version; skipped)\n' "$doc_label" "$label"
      continue
    fi
    versions=$((versions + 1))
    dir=$doc_dir/$(printf '%02d' "$index")-$(sanitize "$label")
    mkdir -p -- "$dir/original" "$dir/fixed" "$dir/workdir"
    original=$dir/original/$file_name
    copy=$dir/fixed/$file_name
    git -C "$repo" cat-file blob "$blob" >"$original"
    cp -- "$original" "$copy"

    check_rc=$(run_cli "$dir/workdir" "$dir/check.log" check --content "$original")
    errors=$(count ' error PD[0-9]{4}:' "$dir/check.log")
    warnings=$(count ' warning PD[0-9]{4}:' "$dir/check.log")
    error_codes=$(codes "$dir/check.log" error)
    warning_codes=$(codes "$dir/check.log" warning)
    unexpected=$({ grep -oE ' error PD[0-9]{4}:' -- "$dir/check.log" || true; } | { grep -vcE " error ($expected_re):" || true; })
    [[ ${unexpected:-0} -eq 0 ]] || problems+=("check: $unexpected unexpected errors")
    [[ $check_rc -le 1 ]] || problems+=("check exit $check_rc")

    github_ok=$(github_resolves "$dir/check.log" "$original")
    [[ $github_ok -eq 0 ]] || problems+=("$github_ok anchor errors name ids GitHub gives")

    fix_rc=$(run_cli "$dir/workdir" "$dir/fix.log" check --content "$copy" --fix)
    errors_after_fix=$(count ' error PD[0-9]{4}:' "$dir/fix.log")
    [[ $fix_rc -le 1 ]] || problems+=("check --fix exit $fix_rc")

    build_rc=$(run_cli "$dir/workdir" "$dir/build.log" build --content "$copy" --output "$dir/site")
    broken=$(count ' PD0401:' "$dir/build.log")
    [[ $build_rc -eq 0 ]] || problems+=("build exit $build_rc")
    [[ $broken -eq 0 ]] || problems+=("$broken broken links")
    word_broken=$(word_dangling "$dir/site")
    [[ $word_broken == - || $word_broken -eq 0 ]] || problems+=("$word_broken Word links without bookmark")

    diff_rc=-
    redlines=-
    exact=-
    if [[ -n $previous_copy ]]; then
      diff_rc=$(run_cli "$dir/workdir" "$dir/diff.log" diff "$previous_copy" "$copy" --html "$dir/redline-html" --docx "$dir/redline-docx")
      redlines=$({ find "$dir/redline-html" "$dir/redline-docx" -type f \( -name '*.html' -o -name '*.docx' \) 2>/dev/null ||
        true; } | wc -l)
      [[ $diff_rc -eq 0 ]] || problems+=("diff exit $diff_rc")
      exact=$(redline_exact "$dir/redline-docx" "$dir/site" "$previous_dir/site")
      [[ $exact == - || $exact =~ ^(ok ?)+$ ]] || problems+=("redline accept/reject differs: $exact")
    fi

    stray=$(find "$dir/workdir" -mindepth 1 | wc -l)
    [[ $stray -eq 0 ]] || problems+=("wrote $stray files into its working folder (see workdir/)")
    for log in "$dir"/*.log; do
      if crashed "$log"; then problems+=("stack trace in ${log##*/}"); fi
    done
    for step in check fix build diff; do
      rc_var=${step}_rc
      [[ ${!rc_var:-} == 124 || ${!rc_var:-} == 137 ]] && problems+=("$step timed out")
    done

    if [[ ${#problems[@]} -gt 0 ]]; then
      failures=$((failures + 1))
      status="FAIL: $(printf '%s; ' "${problems[@]}")"; status=${status%; }
    else
      status=ok
    fi
    printf '%-44s %-22s %-6s %-6s %-5s %-5s %-5s %-6s %-5s %-4s %-4s %-7s %s | errors: %s | warnings: %s\n' \
      "$doc_label" "$label" "$errors" "$warnings" "$github_ok" "$errors_after_fix" "$build_rc" "$broken" "$word_broken" \
      "$diff_rc" "$redlines" "$exact" "$status" "$error_codes" "$warning_codes"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$doc_label" "$label" "$check_rc" \
      "$errors" "$error_codes" "$warnings" "$warning_codes" "$github_ok" "$errors_after_fix" "$build_rc" "$broken" \
      "$word_broken" "$diff_rc" "$redlines" "$exact" "$status" >>"$summary"

    previous_copy=$copy
    previous_dir=$dir
    previous_blob=$blob
  done
done

printf '\n%d documents, %d versions, %d with problems. Logs and outputs: %s (summary.tsv)\n' \
  "$documents" "$versions" "$failures" "$scratch"
[[ $failures -eq 0 ]]

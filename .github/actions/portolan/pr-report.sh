#!/usr/bin/env bash
# Portolan's pull-request gate: runs `diff --base`, `lint` and `check` and writes one Markdown report.
# The composite GitHub Action beside this file runs it, and so does the GitLab CI job in docs/ci.md.
#
# Environment (all optional except PORTOLAN_BASE):
#   PORTOLAN                     how to run portolan, split on spaces (default: portolan)
#   PORTOLAN_BASE                the revision to compare with, e.g. the pull request's base commit
#   PORTOLAN_PATHS               manifest files or directories in the repository, space-separated (default: .)
#   PORTOLAN_GUARDRAILS          guardrails file; without it `check` is skipped
#   PORTOLAN_LINT                true or false (default: true)
#   PORTOLAN_LINT_FAIL_SEVERITY  info, warning, error or none (default: warning)
#   PORTOLAN_OUT                 folder for the outputs (default: portolan-report)
#   PORTOLAN_FORMATS             more formats of lint and check to write, space-separated (default: sarif junit)
#
# Writes report.md (and comment.md, the same cut to fit a comment), diff.md, lint.txt, check.txt, and
# lint.FORMAT, check.FORMAT for code scanning and test reports. Exits 0 when the gate passes, 1 when lint finds
# something at or above the fail severity or a guardrail is violated, 2 when a command could not run
# (a usage error, a bad revision, invalid manifests or guardrails). A changed connectivity alone
# never fails the gate: it is shown for review.
set -uo pipefail

read -r -a portolan <<< "${PORTOLAN:-portolan}"
read -r -a paths <<< "${PORTOLAN_PATHS:-.}"
base="${PORTOLAN_BASE:?PORTOLAN_BASE must name the revision to compare with}"
guardrails="${PORTOLAN_GUARDRAILS:-}"
lint="${PORTOLAN_LINT:-true}"
severity="${PORTOLAN_LINT_FAIL_SEVERITY:-warning}"
out="${PORTOLAN_OUT:-portolan-report}"
read -r -a formats <<< "${PORTOLAN_FORMATS-sarif junit}"
mkdir -p "$out"

status=0
fail() { if [ "$1" -gt "$status" ]; then status="$1"; fi; }

# Any exit code above 1 is an error of the run itself; the gate reports it as 2.
run() {
  local name="$1" file="$2"; shift 2
  "${portolan[@]}" "$@" > "$out/$file" 2> "$out/$name.stderr"
  local code=$?
  if [ "$code" -gt 1 ]; then fail 2; fi
  return "$code"
}

quote() { printf '```text\n'; cat "$1"; printf '```\n'; }

diff_code=0
run diff diff.md diff --base "$base" "${paths[@]}" -o md --fail-on any || diff_code=$?

lint_code=skipped
if [ "$lint" = "true" ]; then
  lint_code=0
  run lint lint.txt lint "${paths[@]}" --fail-severity "$severity" || lint_code=$?
  for format in "${formats[@]}"; do
    run "lint-$format" "lint.$format" lint "${paths[@]}" -o "$format" --fail-severity none || true
  done
  if [ "$lint_code" = 1 ]; then fail 1; fi
fi

check_code=skipped
if [ -n "$guardrails" ]; then
  check_code=0
  run check check.txt check --guardrails "$guardrails" "${paths[@]}" || check_code=$?
  for format in "${formats[@]}"; do
    run "check-$format" "check.$format" check --guardrails "$guardrails" "${paths[@]}" -o "$format" || true
  done
  if [ "$check_code" = 1 ]; then fail 1; fi
fi

verdict() {
  case "$1" in
    0) printf '%s' "$2" ;;
    1) printf '%s' "$3" ;;
    skipped) printf 'not run' ;;
    *) printf 'could not run (exit %s)' "$1" ;;
  esac
}

{
  echo "<!-- portolan-report -->"
  echo "## Portolan"
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| Connectivity (\`diff --base $base\`) | $(verdict "$diff_code" "no change" "changed: review below") |"
  echo "| Lint (\`lint --fail-severity $severity\`) | $(verdict "$lint_code" "passes" "fails") |"
  echo "| Guardrails (\`check\`) | $(verdict "$check_code" "all hold" "violated") |"
  echo
  # diff -o md brings its own heading ("## Connectivity diff: ...").
  if [ "$diff_code" -gt 1 ]; then printf '## Connectivity diff: could not run\n\n'; quote "$out/diff.stderr"; else cat "$out/diff.md"; fi
  if [ "$lint_code" != skipped ]; then
    echo
    echo "## Lint"
    echo
    if [ "$lint_code" -gt 1 ]; then quote "$out/lint.stderr"; else quote "$out/lint.txt"; fi
  fi
  if [ "$check_code" != skipped ]; then
    echo
    echo "## Guardrails ($guardrails)"
    echo
    if [ "$check_code" -gt 1 ]; then quote "$out/check.stderr"; else quote "$out/check.txt"; fi
  fi
} > "$out/report.md"

# A pull-request comment holds at most 65,536 characters; the full report stays in report.md.
limit=60000
if [ "$(wc -c < "$out/report.md")" -gt "$limit" ]; then
  { head -c "$limit" "$out/report.md"; printf '\n\n... (cut here: the whole report is in the job summary and in report.md)\n'; } > "$out/comment.md"
else
  cp "$out/report.md" "$out/comment.md"
fi

exit "$status"

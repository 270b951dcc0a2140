#!/usr/bin/env bash
# Scale benchmark (issue 4): generates clusters of 1k, 10k and 100k pods and reports, for each, the
# wall time and peak RSS of `list -o stats`, of `list -o json` to a file (with lines per second), and
# an incremental policy change and an eval query on the loaded state.
# Usage: bench/scale.sh [SIZES...]   (default: 1000 10000 100000; a size is pods, 100 per namespace)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000 10000 100000}")
work="${PORTOLAN_BENCH_DIR:-${TMPDIR:-/tmp}/portolan-scale}"
mkdir -p "$work"
# The CLI as it is shipped: a Release publish, precompiled (ReadyToRun) so a run does not JIT its own code.
dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true src/Portolan.Cli -o "$work/portolan" -v q -nologo >/dev/null
dotnet build -c Release bench/Portolan.Benchmarks -v q -nologo >/dev/null
portolan="$work/portolan/portolan"
probe=bench/Portolan.Benchmarks/bin/Release/net10.0/Portolan.Benchmarks

measure() { # prints "wall_s peak_rss_mib" of the command, its stdout to $out
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$out" 2>"$work/stderr.txt"
  awk '{ printf "%.2f s  %.0f MiB", $1, $2 / 1024 }' "$work/time.txt"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), .NET $(dotnet --version), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for pods in ${sizes[*]}; do
  namespaces=$(( pods / 100 > 0 ? pods / 100 : 1 ))
  dir="$work/cluster-$pods"
  [ -d "$dir" ] || "$portolan" generate --namespaces "$namespaces" --pods-per-namespace 100 --policies-per-namespace 10 --seed 1 --out "$dir" 2>/dev/null
  echo "== $pods pods ($namespaces namespaces, 10 policies each; $(du -sh "$dir" | cut -f1) of YAML)"
  out="$work/stats.txt"; printf 'list -o stats:        %s\n' "$(measure "$portolan" list "$dir" -o stats)"
  grep -E "^(pods|workloads|classes|policies|allowed workload pairs)" "$out" | sed 's/^/    /'
  grep -E "^(load|build|analyse) " "$out" | sed 's/^/    /'
  out="$work/pairs.json"; result=$(measure "$portolan" list "$dir" -o json)
  lines=$(grep -c '"source"' "$out" || true)
  wall=$(cut -d' ' -f1 "$work/time.txt")
  printf 'list -o json > file:  %s, %s pairs, %s MiB written\n' "$result" "$lines" "$(( $(stat -c %s "$out") / 1048576 ))"
  out="$work/txt.txt"; result=$(measure "$portolan" list "$dir" -o txt --stats)
  write=$(awk '/^write/ { print $2 }' "$work/stderr.txt")
  txtlines=$(wc -l <"$out")
  printf 'list -o txt > file:   %s, %s lines; write phase %s s = %s lines/s\n' "$result" "$txtlines" "$write" \
    "$(awk -v n="$txtlines" -v t="$write" 'BEGIN { if (t > 0) printf "%.0f", n / t; else print "n/a" }')"
  printf 'state probe:          %s\n' "$("$probe" scale "$dir")"
  rm -f "$work/pairs.json" "$work/txt.txt"
done

#!/usr/bin/env bash
# Load figure for `portolan serve` (issue 7): serves a generated 10,000-pod state on loopback and sends
# bounded concurrent AdmissionReview POSTs for DURATION seconds; prints requests/s and p50/p99 latency.
# The reviews cycle through UPDATEs of the generated policies (to ports the state already uses),
# CREATEs of new policies (one in ten on a never-seen port, which cuts the engine's atoms in place) and DELETEs.
# Usage: bench/webhook-load.sh [DURATION_S] [CONCURRENCY]   (defaults: 20 s, 8)
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-20}"; concurrency="${2:-8}"
work="${PORTOLAN_BENCH_DIR:-${TMPDIR:-/tmp}/portolan-webhook-load}"
mkdir -p "$work"
dotnet build -c Release src/Portolan.Cli -v q -nologo >/dev/null
dotnet build -c Release bench/Portolan.Benchmarks -v q -nologo >/dev/null
portolan=src/Portolan.Cli/bin/Release/net10.0/portolan
probe=bench/Portolan.Benchmarks/bin/Release/net10.0/Portolan.Benchmarks
state="$work/cluster-10000"
[ -d "$state" ] || "$portolan" generate --namespaces 100 --pods-per-namespace 100 --policies-per-namespace 10 --seed 1 --out "$state" 2>/dev/null
[ -f "$work/tls.crt" ] || openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/tls.key" -out "$work/tls.crt" \
  -days 2 -subj /CN=localhost -addext subjectAltName=IP:127.0.0.1 2>/dev/null
port=$(( 20000 + RANDOM % 20000 ))
# As deploy/deployment.yaml runs it: the server garbage collector (the CLI's default suits batch runs).
DOTNET_gcServer="${DOTNET_gcServer:-1}" "$portolan" serve "$state" --listen "127.0.0.1:$port" --tls-cert "$work/tls.crt" --tls-key "$work/tls.key" ${PORTOLAN_SERVE_ARGS:-} 2>"$work/serve.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 240); do
  curl -sfk "https://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.5
done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); state: $(grep -o 'ready: .*' "$work/serve.log")"
"$probe" webhook-load "https://127.0.0.1:$port/validate" "$state" "$duration" "$concurrency" "$work/tls.crt"
curl -sk "https://127.0.0.1:$port/metrics" | grep -E '^portolan_admission_(decisions_total|internal_errors_total|duration_seconds_count)'

#!/usr/bin/env bash
# Ruleset size and `nft -f` apply time of `portolan compile` for a generated cluster (by default 20
# namespaces x 50 pods = 1,000 pods, 10 NetworkPolicies each = 200), applied inside a throwaway network
# namespace only: nothing is ever loaded into the host namespace. Needs root and nft.
#   bench/nft-apply.sh                        # 1,000 pods, 200 policies, 5 applies
#   NAMESPACES=40 PODS_PER_NAMESPACE=50 RUNS=3 bench/nft-apply.sh
set -euo pipefail

namespaces=${NAMESPACES:-20}
pods=${PODS_PER_NAMESPACE:-50}
policies=${POLICIES_PER_NAMESPACE:-10}
runs=${RUNS:-5}
root=$(cd "$(dirname "$0")/.." && pwd)

[ "$(id -u)" = 0 ] || { echo "nft-apply.sh: needs root (it creates a network namespace for the ruleset)" >&2; exit 4; }
command -v nft >/dev/null || { echo "nft-apply.sh: nft is not installed (apt-get install -y nftables)" >&2; exit 4; }

work=$(mktemp -d)
netns=portolan-bench-$$
cleanup() {
    ip netns del "$netns" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ms() { echo $(( ($2 - $1) / 1000000 )); }

dotnet build "$root/src/Portolan.Cli" -c Release -v quiet -nologo >/dev/null
portolan=(dotnet "$root/src/Portolan.Cli/bin/Release/net10.0/portolan.dll")
"${portolan[@]}" generate --namespaces "$namespaces" --pods-per-namespace "$pods" \
    --policies-per-namespace "$policies" --seed 1 --out "$work/cluster" 2>/dev/null

t0=$(date +%s%N)
"${portolan[@]}" compile --target nftables "$work/cluster" >"$work/ruleset.nft" 2>"$work/notes.txt"
t1=$(date +%s%N)
"${portolan[@]}" compile --target nftables "$work/cluster" -o json >"$work/ruleset.json" 2>/dev/null

ip netns add "$netns"
apply() { # file, extra nft flags; prints milliseconds
    local start end
    start=$(date +%s%N)
    ip netns exec "$netns" nft $2 -f "$1"
    end=$(date +%s%N)
    ms "$start" "$end"
}
first=$(apply "$work/ruleset.nft" "")
replaces=()
for _ in $(seq "$runs"); do replaces+=("$(apply "$work/ruleset.nft" "")"); done
json=$(apply "$work/ruleset.json" "-j")
median=$(printf '%s\n' "${replaces[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
loaded_rules=$(ip netns exec "$netns" nft -a list table inet portolan | grep -c ' handle ' || true)

header=$(head -1 "$work/ruleset.nft")
echo "cluster:           ${namespaces} namespaces x ${pods} pods, ${policies} NetworkPolicies per namespace (seed 1)"
echo "compiled:          ${header#\# Portolan: network policy compiled for nftables }"
echo "not enforced:      $(sed -n '/^# Not enforced/,/^add table/p' "$work/ruleset.nft" | grep -c '^#   ' || true) pods or workload templates without addresses"
echo "policies by tier:  $(grep -o '^#   [A-Za-z]*:' "$work/ruleset.nft" | sort | uniq -c | awk '{printf "%s %s ", $1, $3}')"
echo "ruleset:           $(wc -c <"$work/ruleset.nft") bytes, $(wc -l <"$work/ruleset.nft") lines (JSON $(wc -c <"$work/ruleset.json") bytes)"
echo "objects:           $(grep -c $'^\tset ' "$work/ruleset.nft") sets, $(grep -c $'^\tmap ' "$work/ruleset.nft") maps, $(grep -c $'^\tchain ' "$work/ruleset.nft") chains, $(grep -c ' comment "' "$work/ruleset.nft") rules, $(grep -c $'^\t\t\t' "$work/ruleset.nft") set and map elements"
echo "compile:           $(ms "$t0" "$t1") ms (whole CLI run: start, load, compile, write)"
echo "nft -f (new):      ${first} ms"
echo "nft -f (replace):  median ${median} ms of ${runs} (${replaces[*]})"
echo "nft -j -f:         ${json} ms (replace)"
echo "kernel objects:    ${loaded_rules} with handles after the last apply"

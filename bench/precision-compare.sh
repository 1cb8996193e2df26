#!/usr/bin/env bash
# fp32 against fp64 on the two-layer erf net, chain by chain (the same seed gives both the same data,
# the same start and the same noise): d = 16, 24, 32, P/d = 8..32, SEEDS seeds x 2 starts, the given
# integrator with its defaults, ONE thread, nice 19. Resumable: run it again (or with more seeds)
# and each precision keeps its finished cells (--resume). Then the paired table (bench/paired_cells.py).
# Usage: bench/precision-compare.sh [OUT-DIR] [SEEDS] [INTEGRATOR] [D-LIST] [RATIOS]
#        (default verify-results/precision, 8, baoab, 16,24,32, 8,12,16,24,32)
#        ARCH=examples/three_layer_erf_he3.arch SETS="--set N1=d^1 --set N2=d^1" bench/precision-compare.sh ...   (another dense file)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
out="${1:-verify-results/precision}"
seeds="${2:-8}"
integrator="${3:-baoab}"
dims="${4:-16,24,32}"
ratios="${5:-8,12,16,24,32}"
mkdir -p "$out"
echo "load before: $(uptime)"
for p in fp64 fp32; do
  # shellcheck disable=SC2086 # SETS is a list of options
  nice -n 19 ./flscale verify "${ARCH:-examples/two_layer_erf_he3.arch}" ${SETS:-} --d "$dims" --ratios "$ratios" --seeds "$seeds" \
    --integrator "$integrator" --precision "$p" --threads 1 --resume --no-progress --no-plots --out "$out/$p" > "$out/$p.txt" 2>&1
  echo "$p done: $(uptime)"
done
python3 bench/paired_cells.py "$out/fp64/cells.jsonl" "$out/fp32/cells.jsonl" fp64 fp32

#!/usr/bin/env bash
# Benchmark of the verifier's training inner loop: one full-batch Langevin step of a two-layer
# erf network (forward, backward, noisy update), double precision, one chain on one core, in Java
# (flscale's DenseNetwork) and in PyTorch (the same hand-written loop, torch.set_num_threads(1)), on the
# same sizes, printed side by side as GFLOP/s, fraction of peak and the Java/PyTorch ratio.
# FLOPs counted per step: 4 P d N (the two matrix products) + 4 P N (readout); activations, noise
# and the update are not counted. Peak: 2 cores x 2.1 GHz x 32 FP64 FLOP/cycle = 134 GFLOP/s
# (67 per core). Also times one chain of the reference cell
# d=32, P/d=16, kappa=0.1, T=3 against the reference numpy cost 3e-8 (P/d)^2 d^3 / kappa s.
# Usage: bench/verify-bench.sh [d,N,P ...]   (default: 32,32,512 64,64,1024 128,128,2048 256,256,4096)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then sizes=(32,32,512 64,64,1024 128,128,2048 256,256,4096); fi
py=/usr/bin/python3   # Debian's python, where apt's python3-torch lives (not a pyenv shim)
if ! "$py" -c "import torch" 2>/dev/null; then
  echo "verify-bench: installing Debian's python3-torch (apt-get)..." >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq python3-torch >&2
  else sudo apt-get update -qq && sudo apt-get install -y -qq python3-torch >&2; fi
fi
if [ ! -f target/flscale-0.1.0.jar ] || [ -n "$(find src/main -newer target/flscale-0.1.0.jar -print -quit)" ]; then
  mvn -B -o -q package -DskipTests >&2
fi
cp="target/flscale-0.1.0.jar:target/lib/*"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
javac -cp "$cp" -d "$tmp" bench/VerifyBench.java
java -cp "$tmp:$cp" VerifyBench --chain "${sizes[@]}" > "$tmp/java.txt"
"$py" bench/verify_bench_torch.py "${sizes[@]}" > "$tmp/torch.txt"
grep '^chain' "$tmp/java.txt"
echo
printf "%5s %5s %6s | %10s %7s | %10s %7s | %s\n" d N P "java GF/s" "%peak1" "torch GF/s" "%peak1" "java/torch"
while read -r tag d n p steps secs gf; do
  [ "$tag" = java ] || continue
  tgf=$(awk -v d="$d" -v n="$n" -v p="$p" '$1=="torch" && $2==d && $3==n && $4==p {print $7}' "$tmp/torch.txt")
  awk -v d="$d" -v n="$n" -v p="$p" -v j="$gf" -v t="$tgf" 'BEGIN {
    printf "%5d %5d %6d | %10.2f %6.1f%% | %10.2f %6.1f%% | %.2f\n", d, n, p, j, 100*j/67, t, 100*t/67, j/t }'
done < "$tmp/java.txt"
echo "(%peak1: share of one core's FP64 peak, 67 GFLOP/s; the machine's is 134 with both cores,"
echo " which the verifier uses by running independent chains side by side)"

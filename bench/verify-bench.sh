#!/usr/bin/env bash
# The verifier's speed against the machine's own FP64 peak and against numpy and PyTorch, in one run,
# interleaved, repeated (the machine is shared: the spread is part of the answer).
#  1. peak: one core's FP64 FMA peak, a loop of independent vector FMAs (VerifyBench peak), measured
#     again before every size;
#  2. the Langevin step loop of a two-layer erf network (N = d, P = 16 d; forward, backward, noisy
#     update) in GFLOP/s and as % of the peak measured just before it; FLOPs counted 4 P d N + 4 P N;
#     then the same loop with --precision fp32's passes (GFLOP/s, and the ratio of the two times);
#  3. one chain of the reference cell (N = d, P/d = 16, kappa = 0.1, dt = 0.1 kappa d/P, He3, 4000
#     test points averaged ~100 times) as a fresh process each: Java (flscale's sampler, a cold JVM),
#     numpy (+ scipy's erf) and PyTorch, float64, one thread each; Java once more after verify's
#     kernel warm-up (java-warmed: what a chain of flscale verify costs, the warm-up overlapping the derivation there),
#     and once with --precision fp32 after its warm-up (java-fp32-warmed; the last column is the chain CPU ratio java-warmed /
#     java-fp32-warmed, > 1: fp32 faster). T = 3 prior times (4800 steps) up
#     to d = 64, shortened above (T = 1 at 128, 0.3 at 256: same steps per unit time, same sampling).
# Times are CPU seconds (the chain's own, and the whole process's user + system from /usr/bin/time)
# and wall seconds; under a load above the core count, CPU time is the fair measure.
# Usage: bench/verify-bench.sh [--reps R] [d ...]     (default: 3 reps, d = 32 64 128 256)
#        bench/verify-bench.sh --summarise RAW-FILE REPS   (the table again from the raw lines)
#        JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/verify-bench.sh   (another JDK)
#        FLSCALE_BENCH_JAVA_OPTS=-Dflscale.vector=off ...                       (the scalar kernels)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
summarise() {
awk -v reps="$2" '
  function med(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                  return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  function span(a, n,   i, lo, hi) { lo = hi = a[1]; for (i = 2; i <= n; i++) { if (a[i] < lo) lo = a[i]; if (a[i] > hi) hi = a[i] } return sprintf("%.2f-%.2f", lo, hi) }
  $2 == "peak" { peak[$1] = $3 }
  $2 == "step" { d = $3; n = ++ns[d]; gf[d, n] = $8; pct[d, n] = 100 * $8 / peak[$1]; pk[d, n] = peak[$1]; dims[d] = 1 }
  $2 == "step-fp32" { d = $3; n32 = ++ns32[d]; gf32[d, n32] = $8; sr32[d, n32] = $9 }
  $2 == "chain" { who = $3; d = $4; j = (who ~ /^java/); cpu[who, d, $1] = $8; pcpu[who, d, $1] = (j ? $13 : $12); pwall[who, d, $1] = (j ? $12 : $11); T[d] = $6; steps[d] = $7 }
  END {
    printf "%5s | %8s %9s %8s | %-5s %5s | %-17s %-17s %-17s | %-17s %-17s %-17s | %9s %-17s %-17s\n", "d", "peak", "step", "step", "T", "steps", "numpy/java", "numpy/java", "numpy/java-warmed", "torch/java", "torch/java", "torch/java-warmed", "fp32 step", "fp64/fp32 time", "fp64/fp32 time"
    printf "%5s | %8s %9s %8s | %-5s %5s | %-17s %-17s %-17s | %-17s %-17s %-17s | %9s %-17s %-17s\n", "", "GF/s", "GF/s", "% peak", "", "", "chain CPU", "process CPU", "chain CPU", "chain CPU", "process CPU", "chain CPU", "GF/s", "step loop", "chain CPU"
    for (d = 1; d <= 4096; d++) if (d in dims) {
      n = ns[d]; for (i = 1; i <= n; i++) { a[i] = gf[d, i]; b[i] = pct[d, i]; c[i] = pk[d, i] }
      mg = med(a, n); sg = span(a, n); mp = med(b, n); sp = span(b, n); mk = med(c, n)
      for (k = 1; k <= 6; k++) {
        who = (k <= 3) ? "numpy" : "torch"; kind = (k - 1) % 3; me = (kind == 2) ? "java-warmed" : "java"; m = 0
        for (r = 1; r <= reps; r++) if ((who, d, r) in cpu && (me, d, r) in cpu) {
          m++; x[m] = (kind == 1 ? pcpu[who, d, r] / pcpu[me, d, r] : cpu[who, d, r] / cpu[me, d, r]) }
        rat[k] = m ? sprintf("%.2f [%s]", med(x, m), span(x, m)) : "-"
      }
      n32 = ns32[d]; for (i = 1; i <= n32; i++) { a[i] = gf32[d, i]; b[i] = sr32[d, i] }
      g32 = n32 ? sprintf("%.1f", med(a, n32)) : "-"; s32 = n32 ? sprintf("%.2f [%s]", med(b, n32), span(b, n32)) : "-"
      m = 0; for (r = 1; r <= reps; r++) if (("java-warmed", d, r) in cpu && ("java-fp32-warmed", d, r) in cpu) { m++; x[m] = cpu["java-warmed", d, r] / cpu["java-fp32-warmed", d, r] }
      c32 = m ? sprintf("%.2f [%s]", med(x, m), span(x, m)) : "-"
      printf "%5d | %8.1f %9.1f %7.1f%% | %-5s %5d | %-17s %-17s %-17s | %-17s %-17s %-17s | %9s %-17s %-17s\n", d, mk, mg, mp, T[d], steps[d], rat[1], rat[2], rat[3], rat[4], rat[5], rat[6], g32, s32, c32
      printf "%5s | %8s %9s %8s |\n", "", "", sg, sp
    }
    print "(medians over " reps " reps, [min-max]; ratios > 1: Java (or fp32) is faster. chain CPU: the chain alone; process CPU: the"
    print " whole process, start-up and JIT threads included. Peak and step loop are single-thread CPU time.)"
  }' "$1"
}
if [ "${1:-}" = "--summarise" ]; then summarise "$2" "$3"; exit 0; fi
reps=3
if [ "${1:-}" = "--reps" ]; then reps="$2"; shift 2; fi
dims=("$@")
if [ ${#dims[@]} -eq 0 ]; then dims=(32 64 128 256); fi
java="${JAVA:-java}"
py=python3
for mod in numpy scipy torch; do
  if ! "$py" -c "import $mod" 2>/dev/null; then echo "verify-bench: installing $mod (pip)..." >&2; "$py" -m pip install -q "$mod" >&2; fi
done
if [ ! -f core/target/flscale-0.1.0.jar ] || [ -n "$(find core/src/main -newer core/target/flscale-0.1.0.jar -print -quit)" ]; then
  mvn -B -o -q -pl core -am package -DskipTests >&2
fi
cp="core/target/flscale-0.1.0.jar:core/target/lib/*"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
javac --add-modules jdk.incubator.vector -nowarn -cp "$cp" -d "$tmp" bench/VerifyBench.java 2>/dev/null
jrun=("$java" --add-modules jdk.incubator.vector ${FLSCALE_BENCH_JAVA_OPTS:-} -cp "$tmp:$cp")
# numpy's OpenBLAS: one thread, and its own choice of kernel (this machine's OPENBLAS_CORETYPE pins an older one)
pyenv=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1)
prior_time() { if [ "$1" -le 64 ]; then echo 3; elif [ "$1" -le 128 ]; then echo 1; else echo 0.3; fi; }
# one process: its output line with the process's wall, user+system CPU appended
timed() { /usr/bin/time -f "%e %U %S" -o "$tmp/time" "$@" 2>/dev/null | grep '^chain' | tr '\n' ' '; awk '{printf "%s %.3f\n", $1, $2 + $3}' "$tmp/time"; }

echo "load before: $(uptime)"
"${jrun[@]}" VerifyBench peak 2>/dev/null | sed 's/^/# /'
echo "# $("$java" -version 2>&1 | head -1); $("${jrun[@]}" VerifyBench kernels 2>/dev/null)"
out="$tmp/all.txt"
for rep in $(seq 1 "$reps"); do
  sizes=(); for d in "${dims[@]}"; do sizes+=("$d,$d,$((16 * d))"); done
  "${jrun[@]}" VerifyBench steps 1 "${sizes[@]}" 2>/dev/null | sed "s/^/$rep /" >> "$out"
  for d in "${dims[@]}"; do
    t="$(prior_time "$d")"
    echo "$rep $(timed "${jrun[@]}" VerifyBench chain "$d" "$t")" >> "$out"
    echo "$rep $(timed "${jrun[@]}" VerifyBench chain "$d" "$t" 1 warmup)" >> "$out"
    echo "$rep $(timed "${jrun[@]}" VerifyBench chain "$d" "$t" 1 fp32-warmup)" >> "$out"
    echo "$rep $(timed "${pyenv[@]}" "$py" bench/verify_chain.py numpy "$d" "$t")" >> "$out"
    echo "$rep $(timed "${pyenv[@]}" "$py" bench/verify_chain.py torch "$d" "$t")" >> "$out"
  done
  echo "rep $rep done: $(uptime)" >&2
done
echo "load after:  $(uptime)"
echo
echo "raw lines (rep, then: peak GF/s | step d N P steps cpu-s GF/s | step-fp32 d N P steps cpu-s GF/s fp64/fp32 | chain who d P T steps chain-cpu-s chain-wall-s A [cold] process-wall-s process-cpu-s):"
cat "$out"
echo
summarise "$out" "$reps"

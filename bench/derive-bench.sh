#!/usr/bin/env bash
# Benchmark of the derivation.
#  (a) cold: the whole process of `./flscale derive examples/three_layer_erf_he3.arch` (both widths
#      free), median of 5 runs, plain and through the launcher (AppCDS archive, C1 compiler; both use
#      the rule cache of ~/.cache/flscale once it is filled), as a ratio to the baseline of
#      the same JVM starting the same jar for `--version` (no Symja) in this run;
#  (b) warm: every test case derived in one JVM (median per file), and the growth with depth.
# Usage: bench/derive-bench.sh [max-depth]   (default 32)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
./flscale --version >/dev/null   # builds the jar and records the AppCDS archive if needed
jar=core/target/flscale-0.1.0.jar
opts=(-Dflscale.home="$home" -Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory -Dlog4j2.statusLoggerLevel=OFF)
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timeit() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
runs() { for i in 1 2 3 4 5; do timeit "$@"; done | median; }
base=$(runs java "${opts[@]}" -jar "$jar" --version)
nocds=$(runs java "${opts[@]}" -jar "$jar" derive examples/three_layer_erf_he3.arch)
cds=$(runs ./flscale derive examples/three_layer_erf_he3.arch)
echo "cold, whole process (median of 5, ms):"
printf "  %-48s %6d ms  %5.1fx\n" "baseline: java -jar flscale --version" "$base" 1
printf "  %-48s %6d ms  %5.1fx\n" "derive three_layer_erf_he3, plain java -jar" "$nocds" "$(awk -v a="$nocds" -v b="$base" 'BEGIN{print a/b}')"
printf "  %-48s %6d ms  %5.1fx\n" "derive three_layer_erf_he3, ./flscale (AppCDS, C1)" "$cds" "$(awk -v a="$cds" -v b="$base" 'BEGIN{print a/b}')"
echo
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
javac -cp "$jar:core/target/lib/*" -d "$tmp" bench/DeriveBench.java
java "${opts[@]}" -cp "$tmp:$jar:core/target/lib/*" DeriveBench test-cases 5 "${1:-32}"

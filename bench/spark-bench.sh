#!/usr/bin/env bash
# The Spark engine's overhead: the same verify sweep on the local thread pool and on Spark
# local[2] (two task slots, the same two cores), alternately, REPS times each, in fresh JVMs; prints
# each run's sweep time (what verify measures from the first cell to the last, Spark's start-up
# excluded) and command time (JVM, rules, Spark's start-up included), the ratios Spark/local with
# their spread over the repetitions, the load (uptime) before and after, and the sweep's cost
# model in d fitted on the local run's cells: seconds per cell ~ (P/d)^2 d^a (model: a = 3 for
# N = d, from steps ~ P/d and a step's cost ~ P d N).
# Usage: bench/spark-bench.sh [REPS] [verify options...]   (default: 2, the default budget with --time 0.5)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
reps="${1:-2}"
shift || true
sweep=("$@")
if [ ${#sweep[@]} -eq 0 ]; then sweep=(--time 0.5); fi
file=examples/two_layer_erf_he3.arch
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
./flscale verify "$file" --quick --engine spark --no-plots --no-progress --out "$tmp/warm" >/dev/null 2>&1 || {
  echo "spark-bench: ./flscale verify --engine spark failed; build with mvn -B -DskipTests package" >&2; exit 1; }
echo "load before: $(uptime)"
echo "sweep: $file ${sweep[*]}"
printf "%-6s %3s %6s %10s %10s\n" engine rep cells "sweep s" "command s"
for r in $(seq 1 "$reps"); do
  for e in local spark; do
    out="$tmp/$e-$r"
    extra=(); [ "$e" = spark ] && extra=(--engine spark --master 'local[2]')
    [ "$e" = local ] && extra=(--threads 2)
    t0=$(date +%s.%N)
    ./flscale verify "$file" "${sweep[@]}" "${extra[@]}" --predicted 1 --no-plots --no-progress --format json --out "$out" > "$out.json" 2>/dev/null
    t1=$(date +%s.%N)
    wall=$(grep -o '"wall_seconds" : [0-9.e-]*' "$out.json" | head -1 | awk '{print $3}')
    cells=$(grep -o '"cells" : [0-9]*' "$out.json" | head -1 | awk '{print $3}')
    printf "%-6s %3d %6d %10.2f %10.2f\n" "$e" "$r" "$cells" "$wall" "$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')"
    echo "$e $r $wall $(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')" >> "$tmp/runs.txt"
  done
done
echo "load after:  $(uptime)"
awk '{ if ($1=="local") { ls[$2]=$3; lc[$2]=$4 } else { ss[$2]=$3; sc[$2]=$4 } }
  END { n=0; for (r in ls) { n++; q=ss[r]/ls[r]; c=sc[r]/lc[r]; s+=q; s2+=q*q; t+=c; t2+=c*c;
          if (n==1 || q<qmin) qmin=q; if (n==1 || q>qmax) qmax=q; if (n==1 || c<cmin) cmin=c; if (n==1 || c>cmax) cmax=c }
        printf "spark/local, sweep:   %.3f (min %.3f, max %.3f over %d pairs)\n", s/n, qmin, qmax, n
        printf "spark/local, command: %.3f (min %.3f, max %.3f)\n", t/n, cmin, cmax }' "$tmp/runs.txt"
# the cost model in d on the first local run: log(seconds / (P/d)^2) against log d, least squares
grep -o '"d":[0-9]*\|"ratio":[0-9.]*\|"seconds":[0-9.eE-]*' "$tmp/local-1/cells.jsonl" | paste -d' ' - - - | tr -d '"' |
  awk '{ split($1,a,":"); split($2,b,":"); split($3,c,":"); d=a[2]; r=b[2]; t=c[2];
         x=log(d); y=log(t/(r*r)); n++; sx+=x; sy+=y; sxx+=x*x; sxy+=x*y; sec[d]+=t; cnt[d]++ }
       END { slope=(n*sxy-sx*sy)/(n*sxx-sx*sx); printf "cost model: seconds per cell ~ (P/d)^2 d^a, a = %.2f measured over %d cells (model 3)\n", slope, n;
             for (d in sec) printf "  d = %3d: %3d cells, %7.2f s of chains\n", d, cnt[d], sec[d] }' | sort -k3,3n

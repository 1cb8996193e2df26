#!/usr/bin/env bash
# A real Spark standalone cluster on this machine, and a lost executor: starts a master and one
# worker from the Spark module's own jars (no Spark distribution needed), runs the quick sweep with
# four seeds (36 cells) on it with --engine spark --master spark://127.0.0.1:PORT, kills the
# executor JVM (kill -9) once 3 cells have come back, lets Spark launch a new executor and retry
# the lost tasks, then runs the same sweep on the local engine and compares the records: every
# cell must arrive once, and be the local engine's record bit for bit (a cell is a pure function of
# its seed). Prints what it saw and exits 1 if either fails. Not part of the test run (a minute or two).
# Usage: bench/spark-cluster-check.sh [PORT]        (default 7077; the web UIs take PORT+11003, +11004)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
port="${1:-7077}"
mvn -B -q -pl spark -am package -DskipTests >&2
tmp="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT
# what a worker needs to launch executors without a distribution: SPARK_HOME with the jars in
# jars/, and the Scala version (a distribution says it by its RELEASE file)
mkdir -p "$tmp/home/jars" "$tmp/work"
for f in spark/target/lib/*.jar spark/target/flscale-spark-0.1.0.jar; do ln -s "$(readlink -f "$f")" "$tmp/home/jars/"; done
touch "$tmp/home/RELEASE"
export SPARK_HOME="$tmp/home" SPARK_SCALA_VERSION=2.13
read -r -a opts < spark/target/classes/flscale-spark/java-options.txt
java "${opts[@]}" -cp "$tmp/home/jars/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" \
  --webui-port $((port + 11003)) > "$tmp/master.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.5; done
java "${opts[@]}" -cp "$tmp/home/jars/*" org.apache.spark.deploy.worker.Worker "spark://127.0.0.1:$port" --host 127.0.0.1 \
  --cores 1 --memory 2g --work-dir "$tmp/work" --webui-port $((port + 11004)) > "$tmp/worker.log" 2>&1 &
pids+=($!)
sleep 5
echo "load before: $(uptime)"
sweep=(verify examples/two_layer_erf_he3.arch --quick --seeds 4 --no-progress --no-plots)
FLSCALE_JAVA_OPTS="-Dspark.executor.memory=1g" timeout 600 ./flscale "${sweep[@]}" --engine spark --master "spark://127.0.0.1:$port" \
  --out "$tmp/cluster" > "$tmp/cluster.log" 2>&1 &
run=$!
pids+=("$run")
n=0
for _ in $(seq 1 600); do n=$( (cat "$tmp/cluster/cells.jsonl" 2>/dev/null || true) | wc -l); [ "$n" -ge 3 ] && break; sleep 0.2; done
if pkill -9 -f CoarseGrainedExecutorBackend; then echo "killed the executor after $n cells"; else echo "no executor to kill (after $n cells)"; fi
status=0
wait "$run" || status=$?
echo "cluster run: exit $status; $(tail -n 1 "$tmp/cluster.log")"
./flscale "${sweep[@]}" --out "$tmp/local" > /dev/null 2>&1
python3 - "$tmp/cluster/cells.jsonl" "$tmp/local/cells.jsonl" <<'PY'
import json, sys
key = lambda r: (r["d"], r["p"], r["seed"], r["start"])
cluster = [json.loads(l) for l in open(sys.argv[1])]
local = {key(r): r for r in map(json.loads, open(sys.argv[2]))}
fields = ("alignment", "test_mse", "train_loss", "specialised", "steps")
same = sum(all(r[f] == local[key(r)][f] for f in fields) for r in cluster)
once = len({key(r) for r in cluster}) == len(cluster) == len(local)
print(f"{len(cluster)} cells from the cluster ({len(local)} expected), each once: {once}; the local engine's record bit for bit: {same} of {len(local)}")
sys.exit(0 if once and same == len(local) else 1)
PY
echo "executors the worker launched for the cluster run: $(find "$tmp/work" -mindepth 2 -maxdepth 2 -type d | wc -l)"

#!/usr/bin/env python3
"""Paired comparison of two flscale verify runs (cells.jsonl) over the same cells and seeds.

The same seed gives both runs the same data and the same chain start, so the alignments are
compared chain by chain: per (d, P/d, start) the mean of A_b - A_a over the seeds with its standard
error and the two-sided paired t-test; then the mean paired difference over all chain pairs with a
95% interval, the count of cells at p < 0.05 against the count expected by chance, and Fisher's
combination of the per-cell p-values.
Usage: bench/paired_cells.py A/cells.jsonl B/cells.jsonl [label-a label-b]
"""
import json, math, sys
from collections import defaultdict
from scipy import stats

def load(path):
    out = {}
    for line in open(path):
        if line.strip():
            c = json.loads(line)
            out[(c["d"], c["ratio"], c["start"], c["seed"])] = c
    return out

a, b = load(sys.argv[1]), load(sys.argv[2])
la, lb = (sys.argv[3], sys.argv[4]) if len(sys.argv) > 4 else ("a", "b")
cells = defaultdict(list)
for k in sorted(set(a) & set(b)):
    cells[k[:3]].append((a[k]["alignment"], b[k]["alignment"], a[k]["seconds"], b[k]["seconds"], a[k]["diverged"] or b[k]["diverged"]))
print(f"| d | P/d | start | {la} A | {lb} A | paired difference | p | chain seconds ({la} / {lb}) |")
print("|---|---|---|---|---|---|---|---|")
diffs, ps, sa, sb, diverged = [], [], 0.0, 0.0, 0
by_d, se_d = defaultdict(list), defaultdict(list)
def mse(v):
    m = sum(v) / len(v)
    return m, (math.sqrt(sum((x - m) ** 2 for x in v) / (len(v) - 1) / len(v)) if len(v) > 1 else float("nan"))
for (d, r, st), rows in sorted(cells.items()):
    xa, xb = [x[0] for x in rows], [x[1] for x in rows]
    dd = [y - x for x, y in zip(xa, xb)]
    diffs += dd
    sa += sum(x[2] for x in rows); sb += sum(x[3] for x in rows); diverged += sum(x[4] for x in rows)
    p = stats.ttest_rel(xb, xa).pvalue if len(rows) > 1 and any(dd) else 1.0
    if math.isnan(p): p = 1.0
    ps.append(p)
    (ma, ea), (mb, eb), (md, ed) = mse(xa), mse(xb), mse(dd)
    print(f"| {d} | {r:g} | {st} | {ma:.3f} +- {ea:.3f} | {mb:.3f} +- {eb:.3f} | {md:+.1e} +- {ed:.1e} | {p:.2f} | {sum(x[2] for x in rows):.1f} / {sum(x[3] for x in rows):.1f} |")
    by_d[d] += dd; se_d[d].append(ea)
m, e = mse(diffs)
t = stats.t.ppf(0.975, len(diffs) - 1)
sig = sum(p < 0.05 for p in ps)
fisher = stats.combine_pvalues(ps, method="fisher").pvalue
print()
for d in sorted(by_d):
    md, ed = mse(by_d[d])
    print(f"d = {d}: {len(by_d[d])} pairs, mean difference {md:+.2e} +- {ed:.1e}, mean |difference| {sum(abs(x) for x in by_d[d]) / len(by_d[d]):.1e}; "
          f"standard error of a cell's {la} A over its seeds {sum(se_d[d]) / len(se_d[d]):.3f}")
print(f"chain pairs {len(diffs)}, cells {len(ps)}; mean paired difference {lb} - {la}: {m:+.2e} +- {e:.1e} (95% interval [{m - t * e:+.2e}, {m + t * e:+.2e}])")
print(f"cells at p < 0.05: {sig} of {len(ps)} ({0.05 * len(ps):.1f} expected by chance); Fisher's combination p = {fisher:.2f}; diverged chains {diverged}")
print(f"mean |A_{lb} - A_{la}| per chain pair {sum(abs(x) for x in diffs) / len(diffs):.1e}, largest {max(abs(x) for x in diffs):.1e}; chain seconds (wall) {sa:.0f} / {sb:.0f} = {sa / sb:.2f}")

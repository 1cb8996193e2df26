"""The verifier's Langevin inner loop in PyTorch (float64, one thread), for bench/verify-bench.sh.

Prints one line per size:  torch d N P steps seconds gflops  (same FLOP count as VerifyBench.java).
"""
import math
import sys
import time

import torch

torch.set_num_threads(1)
torch.manual_seed(1)


def bench(d, n, p):
    dt64 = torch.float64
    x = torch.randn(p, d, dtype=dt64)
    u = torch.randn(d, dtype=dt64)
    u /= u.norm()
    z0 = x @ u
    y = (z0 ** 3 - 3 * z0) / math.sqrt(6)
    v = torch.randn(n, d, dtype=dt64)
    b = torch.randn(n, dtype=dt64)
    kappa = 0.1
    dt = 0.1 * kappa * d / p
    noise = math.sqrt(2 * dt)
    sd, sn = 1 / math.sqrt(d), 1 / math.sqrt(n)
    c = 2 / math.sqrt(math.pi)
    flops = 4.0 * p * d * n + 4.0 * p * n
    steps = int(max(20, min(20000, 2e10 / flops)))

    def step(v, b):
        z = (x @ v.T) * sd                 # P x N
        h = torch.erf(z)
        f = (h @ b) * sn                   # P
        r = (f - y) / kappa
        gb = b + (h.T @ r) * sn
        delta = (r[:, None] * (b * sn)[None, :]) * (c * torch.exp(-z * z))
        gv = v + (delta.T @ x) * sd        # N x d
        v = v - dt * gv + noise * torch.randn_like(v)
        b = b - dt * gb + noise * torch.randn_like(b)
        return v, b

    for _ in range(3):
        v, b = step(v, b)
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for _ in range(steps):
            v, b = step(v, b)
        best = min(best, time.perf_counter() - t0)
    print(f"torch {d} {n} {p} {steps} {best:.6f} {flops * steps / best / 1e9:.3f}", flush=True)


for arg in sys.argv[1:]:
    d, n, p = (int(s) for s in arg.split(","))
    bench(d, n, p)

"""One chain of the verifier's reference cell in numpy or PyTorch (float64, one thread), for bench/verify-bench.sh.

The protocol of flscale verify (and of the numpy reference experiment it follows): two-layer erf
network, N = d hidden units, standard parametrization in preconditioned units, He3 single-index
target, P = ratio d training points, kappa = 0.1, Euler Langevin with dt = 0.1 kappa d / P for T
prior times, the first half burn-in, the predictor averaged on 4000 test points about 100 times.

Usage: verify_chain.py numpy|torch d T [ratio]
Prints:  chain BACKEND d P T steps cpu-seconds wall-seconds alignment
(the chain alone, after the imports: the process's CPU time, one thread, and wall time; the shell
times the whole process around it.)
"""
import math
import sys
import time

backend, d, T = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
ratio = int(sys.argv[4]) if len(sys.argv) > 4 else 16
P, N, kappa, c_dt, burn_frac, samples, test_size = ratio * d, d, 0.1, 0.1, 0.5, 100, 4000
dt = c_dt * kappa * d / P
steps = math.ceil(T / dt)
burn = int(burn_frac * steps)
every = max(1, (steps - burn) // samples)
noise = math.sqrt(2 * dt)
sd, sn, c_erf = 1 / math.sqrt(d), 1 / math.sqrt(N), 2 / math.sqrt(math.pi)

if backend == "numpy":
    import numpy as np
    from scipy.special import erf

    rng = np.random.default_rng(1)
    randn = lambda *shape: rng.standard_normal(shape)
    exp, outer_t = np.exp, lambda a: a.T
else:
    import torch

    torch.set_num_threads(1)
    torch.manual_seed(1)
    randn = lambda *shape: torch.randn(*shape, dtype=torch.float64)
    erf, exp = torch.erf, torch.exp


def data(count):
    x = randn(count, d)
    z0 = x @ u
    return x, (z0 ** 3 - 3 * z0) / math.sqrt(6)


u = randn(d)
u = u / (u @ u) ** 0.5
x, y = data(P)
xs, ys = data(test_size)
v, b = randn(N, d), randn(N)
fbar = xs[:, 0] * 0
taken = 0
t0, c0 = time.perf_counter(), time.process_time()
for s in range(steps):
    z = (x @ v.T) * sd                 # P x N
    h = erf(z)
    f = (h @ b) * sn                   # P
    r = (f - y) / kappa
    gb = b + (h.T @ r) * sn
    delta = (r[:, None] * (b * sn)[None, :]) * (c_erf * exp(-z * z))
    gv = v + (delta.T @ x) * sd        # N x d
    v = v - dt * gv + noise * randn(N, d)
    b = b - dt * gb + noise * randn(N)
    if s >= burn and (s - burn) % every == 0:
        fbar = fbar + (erf((xs @ v.T) * sd) @ b) * sn
        taken += 1
seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
fbar = fbar / taken
alignment = float((fbar @ ys) / (ys @ ys))
print(f"chain {backend} {d} {P} {T:g} {steps} {cpu:.4f} {seconds:.4f} {alignment:.4f}", flush=True)

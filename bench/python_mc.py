#!/usr/bin/python3
"""python_mc.py - the Monte Carlo of ghgcalc's uncertainty model in numpy, for the benchmark (bench/mc.sh).

usage: python_mc.py MODEL.json ITERATIONS

MODEL.json is written by bench/mc_bench --export: every uncertain input (the distribution of its relative value r,
and f = alpha + beta r), every emission line (nominal t CO2e, Approach 1 row, year, inputs). Per batch of
iterations this draws one standard normal per random stream (inputs of a correlation group share it), turns it
into each input's f (normal: alpha + beta (a + b z); lognormal: alpha + beta exp(a + b z); uniform and
triangular from their own uniform draws), multiplies every line's inputs, sums the lines into the rows and the
two years' totals, and keeps the year-t total of every iteration; then the mean and the 2.5 and 97.5
percentiles. Samples are counted as ghgcalc counts them (the model's draws per iteration x iterations), per
second of this process's CPU time (numpy runs these operations on one core).
"""

import json
import sys
import time

import numpy as np

BATCH = 4096


def main():
    model = json.load(open(sys.argv[1]))
    n = int(sys.argv[2])
    ins, lines = model["inputs"], model["lines"]
    nin = len(ins)
    kind = np.array([{"fixed": 0, "normal": 1, "lognormal": 2, "triangular": 3, "uniform": 4}[x["kind"]] for x in ins])
    a = np.array([x["a"] for x in ins])
    b = np.array([x["b"] for x in ins])
    c = np.array([x["c"] for x in ins])
    alpha = np.array([x["alpha"] for x in ins])
    beta = np.array([x["beta"] for x in ins])
    stream = np.array([x["stream"] for x in ins])
    nstreams = int(stream.max()) + 1 if nin else 1
    k = max(len(l["in"]) for l in lines)
    idx = np.full((len(lines), k), nin, dtype=np.int64)  # padding: the row of ones after the inputs
    for i, l in enumerate(lines):
        idx[i, :len(l["in"])] = l["in"]
    coef = np.array([l["t"] for l in lines])
    base = np.array([l["base"] for l in lines])
    rows = np.array([l["row"] for l in lines])
    M = np.zeros((model["rows"], len(lines)))
    M[rows[~base], np.nonzero(~base)[0]] = 1.0  # year-t lines into their rows
    nrm, lgn, tri, uni = (np.nonzero(kind == k)[0] for k in (1, 2, 3, 4))
    rng = np.random.default_rng(20060101)
    t0 = time.process_time()
    w0 = time.perf_counter()
    total = np.empty(n)
    base_total = np.empty(n)
    for s in range(0, n, BATCH):
        m = min(BATCH, n - s)
        z = rng.standard_normal((nstreams, m))[stream]  # one draw per stream, shared by its inputs
        f = np.ones((nin + 1, m))
        f[nrm] = alpha[nrm, None] + beta[nrm, None] * (a[nrm, None] + b[nrm, None] * z[nrm])
        f[lgn] = alpha[lgn, None] + beta[lgn, None] * np.exp(a[lgn, None] + b[lgn, None] * z[lgn])
        if uni.size:
            u = rng.random((uni.size, m))
            f[uni] = alpha[uni, None] + beta[uni, None] * (a[uni, None] + (b[uni, None] - a[uni, None]) * u)
        if tri.size:
            u = rng.random((tri.size, m))
            lo, md, hi = a[tri, None], b[tri, None], c[tri, None]
            cut = (md - lo) / (hi - lo)
            r = np.where(u < cut, lo + np.sqrt(u * (hi - lo) * (md - lo)), hi - np.sqrt((1 - u) * (hi - lo) * (hi - md)))
            f[tri] = alpha[tri, None] + beta[tri, None] * r
        v = coef[:, None] * np.prod(f[idx], axis=1)  # every line, every iteration
        row_t = M @ v
        total[s:s + m] = row_t.sum(axis=0)
        base_total[s:s + m] = v[base].sum(axis=0)
    mean = total.mean()
    p025, p975 = np.percentile(total, [2.5, 97.5])
    cpu = time.process_time() - t0
    wall = time.perf_counter() - w0
    draws = model["draws_per_iteration"] * n
    print("python_mc iterations %d wall_s %.4f cpu_s %.4f samples_per_s_per_core %.4g mean %.17g p025 %.17g "
          "p975 %.17g" % (n, wall, cpu, draws / cpu, mean, p025, p975))


if __name__ == "__main__":
    main()

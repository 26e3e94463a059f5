#!/usr/bin/python3
"""python_project.py - the projection Monte Carlo of `ghgcalc project` written with numpy, for the benchmark.

usage: bench/python_project.py OUTDIR ITERATIONS [--repeat R] [--check]

Reads OUTDIR/model.json (the bound model: lines, drivers, entries, measures, as
bench/project_mc.c writes it) and OUTDIR/draws.bin (every iteration's parameter
values, ITERATIONS x nparams doubles, the draws prj_mc_run makes), evaluates every
scenario for all iterations at once, vectorised across the iterations as a numpy
user would (arrays of iterations x years per line), and summarises as prj_mc_run
does: the share peaking by the year, the 5/50/95 % of the peak value and year and
of each year's metric (numpy.percentile, linear = PERCENTILE.INC). The model is
the one of calc/projection.c (docs/projection.md#how-the-projection-is-computed),
final totals of the peak metric only, as the Monte Carlo needs.

Prints `numpy_wall S numpy_cpu S` (the fastest of R runs, reading excluded) and,
with --check, compares the summary with OUTDIR/c_result.json (ghgcalc's) to 1e-9
relative: `check: agree` or `check: DISAGREE ...` (exit 1).
"""
import argparse
import json
import os
import sys
import time

import numpy as np

CO2 = 0
PATH_VALUES, PATH_RATE = 1, 2
M_SWITCH, M_RETIRE, M_CAPTURE, M_PROJECT = 0, 1, 2, 3
L_COMBUSTION, L_PRODUCT, L_LANDFILL, L_INDIRECT = 0, 1, 2, 3
MET_CO2_ENERGY, MET_CO2, MET_CO2E, MET_CO2E_NET = 0, 1, 2, 3


def path_eval(p, pv, base, scale, by, ny):
    """A path for every iteration: (N, ny); `base` is a scalar or an (N,) array (projection.c prj_path_eval)."""
    n = pv.shape[0]
    out = np.empty((n, ny))
    out[:, 0] = base
    if p is None:
        out[:, 1:] = out[:, :1]
        return out
    years, params = p["years"], p["params"]
    if p["kind"] == PATH_RATE:
        k = 0
        for t in range(1, ny):
            y = by + t
            while k + 1 < len(years) and years[k + 1] <= y:
                k += 1
            out[:, t] = out[:, t - 1] * (1 + pv[:, params[k]])
        return out
    k = 0
    for t in range(1, ny):
        y = by + t
        while k < len(years) and years[k] < y:
            k += 1
        if k == len(years):
            out[:, t] = pv[:, params[-1]] * scale
        elif years[k] == y:
            out[:, t] = pv[:, params[k]] * scale
        else:
            a = years[k - 1] if k else by
            va = pv[:, params[k - 1]] * scale if k else out[:, 0]
            vb = pv[:, params[k]] * scale
            frac = (y - a) / (years[k] - a)
            out[:, t] = va * (vb / va) ** frac if p["geometric"] else va + (vb - va) * frac
    return out


def ramp(me, by, ny):
    y = by + np.arange(ny)
    return np.clip((y - me["start"] + 1) / (me["full"] - me["start"] + 1), 0, 1)


class Run:
    """One scenario for all iterations: per line, its activity, energy, amount and emissions (N x ny)."""

    def __init__(self, model, plan, pv):
        self.m, self.p, self.pv = model, plan, pv
        self.by, self.ny = model["base_year"], model["ny"]
        self.lines = model["lines"]
        self.n = pv.shape[0]

    def drivers(self):
        d = []
        for dr in self.p["drivers"]:
            base = self.pv[:, dr["base_param"]] * dr["scale"] if dr["base_param"] >= 0 else dr["base"]
            d.append(path_eval(dr["path"], self.pv, base, dr["scale"], self.by, self.ny))
        self.d = d

    def entries(self):
        pv, by, ny = self.pv, self.by, self.ny
        self.act = []
        for e in self.p["activity"]:
            if not e["drivers"]:
                base = e["act_base"] if e["unit"] else 1.0
                a = path_eval(e["path"], pv, base, 1.0, by, ny)
                self.act.append(a / base if e["unit"] else a)
                continue
            x = None
            for k in e["drivers"]:
                r = self.d[k] / self.d[k][:, :1]
                x = r if x is None else x * r
            self.act.append(x ** pv[:, e["elasticity"]][:, None] if e["elasticity"] >= 0 else x)
        self.eff = [path_eval(e["path"], pv, 1.0, 1.0, by, ny) for e in self.p["efficiency"]]
        self.mixs = [path_eval(e["path"], pv, e["p0"], 1.0, by, ny) for e in self.p["mix"]]
        self.efi = [None if e["unit"] else path_eval(e["path"], pv, 1.0, 1.0, by, ny) for e in self.p["ef"]]

    def index(self):
        p, ones = self.p, np.ones((self.n, self.ny))
        a = []
        for li in range(len(self.lines)):
            A = self.act[p["act"][li]] if p["act"][li] >= 0 else None
            eta = self.eff[p["eff"][li]] if p["eff"][li] >= 0 else None
            a.append(A * eta if A is not None and eta is not None else A if A is not None else
                     eta if eta is not None else ones)
        for i, e in enumerate(p["mix"]):
            grp = [li for li in range(len(self.lines)) if p["mixg"][li] == i]
            group = sum(self.lines[li]["E0"] * a[li] for li in grp)
            named = sum(self.lines[li]["E0"] * a[li] for li in grp if p["mix_named"][li])
            with np.errstate(divide="ignore", invalid="ignore"):
                p1 = np.where(group == 0, 0.0, named / group)
                ps = self.mixs[i]
                if e["limit"] == 1:
                    ps = np.minimum(ps, p1)
                elif e["limit"] == 2:
                    ps = np.maximum(ps, p1)
                sn = np.where(p1 == 0, 1.0, ps / p1)
                so = np.where(p1 == 1, 1.0, (1 - ps) / (1 - p1))
            for li in grp:
                a[li] = a[li] * (sn if p["mix_named"][li] else so)
        self.a = a

    def factors(self):
        p, G = self.p, self.m["gas_count"]
        self.F = {}
        for li, l in enumerate(self.lines):
            for g in range(G):
                k = p["ef_of"][li * G + g]
                if not (l["gases"] >> g) & 1 or k < 0:
                    continue
                e = p["ef"][k]
                if e["unit"] and l["ef0"][g] != 0:
                    P = path_eval(e["path"], self.pv, l["ef0"][g], p["ef_scale"][li * G + g], self.by, self.ny)
                    self.F[li, g] = P / l["ef0"][g]
                elif not e["unit"]:
                    self.F[li, g] = self.efi[k]

    def lines_before(self):
        G, zero = self.m["gas_count"], np.zeros((self.n, self.ny))
        self.E, self.M, self.t = [], [], {}
        for li, l in enumerate(self.lines):
            on = l["project"] < 0
            self.E.append(l["E0"] * self.a[li] if on else zero)
            self.M.append(l["M0"] * self.a[li] if on else zero)
            for g in range(G):
                if (l["gases"] >> g) & 1:
                    e = l["e0"][g] * self.a[li] if on else zero
                    self.t[li, g] = e * self.F[li, g] if on and (li, g) in self.F else e

    def gases(self, li):
        return [g for g in range(self.m["gas_count"]) if (self.lines[li]["gases"] >> g) & 1]

    def scale(self, li, k):
        self.E[li] = self.E[li] * k
        self.M[li] = self.M[li] * k
        for g in self.gases(li):
            self.t[li, g] = self.t[li, g] * k

    def switch(self, me):
        pv = self.pv
        if me["share_path"] is not None:
            sig = path_eval(me["share_path"], pv, 0.0, 1.0, self.by, self.ny)
            if me["start"]:
                sig[:, self.by + np.arange(self.ny) < me["start"]] = 0
        else:
            rho = ramp(me, self.by, self.ny)[None, :]
            sig = pv[:, me["share"]][:, None] * rho if me["share"] >= 0 else np.broadcast_to(rho, (self.n, self.ny))
        q = sum((self.E[li] if me["by_energy"] else self.M[li]) * c for li, c in zip(me["lines"], me["qconv"]))
        if me["amount"] < 0:
            R, k = sig * q, 1 - sig
        else:
            R = np.minimum(pv[:, me["amount"]][:, None] * me["amount_scale"] * sig, q)
            with np.errstate(divide="ignore", invalid="ignore"):
                k = 1 - np.where(q == 0, 0.0, R / q)
        for li in me["lines"]:
            self.scale(li, k)
        if not me["has_to"]:
            return
        add = np.where(R > 0, pv[:, me["ratio"]][:, None] * R, 0.0)
        for li, w in zip(me["to"], me["to_w"]):
            l = self.lines[li]
            d = add * w
            self.E[li] = self.E[li] + (d * (l["E0"] / l["M0"]) if me["to_elec"] else d)
            self.M[li] = self.M[li] + (d if me["to_elec"] else d * (l["M0"] / l["E0"]))
            per = l["M0"] if me["to_elec"] else l["E0"]
            for g in self.gases(li):
                F = self.F.get((li, g), 1.0)
                self.t[li, g] = self.t[li, g] + d * (l["e0"][g] / per) * F

    def capture(self, me):
        pv = self.pv
        avail = pv[:, me["availability"]][:, None] if me["availability"] >= 0 else 1.0
        s = sum(self.t[li, CO2] for li in me["lines"])
        c = np.minimum(pv[:, me["amount"]][:, None] * me["amount_scale"] * avail * ramp(me, self.by, self.ny)[None, :], s)
        with np.errstate(divide="ignore", invalid="ignore"):
            k = 1 - np.where(s == 0, 0.0, c / s)
        for li in me["lines"]:
            self.t[li, CO2] = self.t[li, CO2] * k

    def project(self, me):
        G = path_eval(me["growth"], self.pv, 1.0, 1.0, self.by, self.ny)
        rho = ramp(me, self.by, self.ny)[None, :]
        for li in me["lines"]:
            l = self.lines[li]
            self.E[li] = l["E0"] * rho * G
            self.M[li] = l["M0"] * rho * G
            for g in self.gases(li):
                e = l["e0"][g] * rho * G
                self.t[li, g] = e * self.F[li, g] if (li, g) in self.F else e

    def metric(self, k, gwp):
        out = np.zeros((self.n, self.ny))
        for li, l in enumerate(self.lines):
            if l["kind"] == L_INDIRECT:
                continue
            counted = [g for g in self.gases(li) if not (l["memo"] >> g) & 1]
            if k in (MET_CO2_ENERGY, MET_CO2):
                if CO2 in counted and (l["energy_use"] if k == MET_CO2_ENERGY else not l["sink"]):
                    out += self.t[li, CO2]
            elif k == MET_CO2E_NET or not l["sink"]:
                out += sum(self.t[li, g] * gwp[g] for g in counted)
        return out

    def evaluate(self):
        self.drivers()
        self.entries()
        self.index()
        self.factors()
        self.lines_before()
        for me in self.p["measures"]:
            if me["type"] == M_CAPTURE:
                self.capture(me)
            elif me["type"] == M_PROJECT:
                self.project(me)
            else:
                self.switch(me)
        return self.metric(self.m["metric"], self.m["gwp"])


def summarise(model, paths):
    """P(peak by), peak value and year percentiles, path percentiles (as prj_mc_run)."""
    by, ny = model["base_year"], model["ny"]
    at = np.argmax(paths, axis=1)  # the first index of the largest value
    value = paths[np.arange(paths.shape[0]), at]
    in_h = at + 1 < ny
    year = np.where(in_h, by + at, model["horizon"] + 1)
    ok = in_h & (by + at <= model["peak_by"])
    pct = [5, 50, 95]
    return {"p_peak_by": float(np.mean(ok)), "peak_value_pct": list(np.percentile(value, pct)),
            "peak_year_pct": list(np.percentile(year.astype(float), pct)),
            "path_pct": list(np.percentile(paths, pct, axis=0).reshape(-1))}


def run(model, pv):
    return [summarise(model, Run(model, plan, pv).evaluate()) for plan in model["plans"]]


def agree(a, b, rel=1e-9):
    a, b = np.asarray(a, float), np.asarray(b, float)
    return bool(np.all(np.abs(a - b) <= rel * np.maximum(np.abs(b), 1e-300)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("iterations", type=int)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    with open(os.path.join(a.outdir, "model.json")) as f:
        model = json.load(f)
    pv = np.fromfile(os.path.join(a.outdir, "draws.bin")).reshape(a.iterations, model["nparams"])
    best = None
    for _ in range(a.repeat):
        w0, c0 = time.monotonic(), time.process_time()
        res = run(model, pv)
        w, c = time.monotonic() - w0, time.process_time() - c0
        if best is None or w < best[0]:
            best = (w, c)
    print("numpy_wall %.4f numpy_cpu %.4f" % best)
    if a.check:
        with open(os.path.join(a.outdir, "c_result.json")) as f:
            c = json.load(f)["scenarios"]
        bad = []
        for s, (got, want) in enumerate(zip(res, c)):
            for key in ("p_peak_by", "peak_value_pct", "peak_year_pct", "path_pct"):
                if not agree(got[key], want[key]):
                    bad.append("scenario %d %s" % (s, key))
        print("check: agree" if not bad else "check: DISAGREE " + ", ".join(bad))
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

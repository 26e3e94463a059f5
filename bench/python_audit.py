#!/usr/bin/python3
"""python_audit.py - a Python peer of `ghgcalc audit`'s checks, for the benchmark's ratio (bench/run_audit.sh).

    /usr/bin/python3 bench/python_audit.py RULES.yaml FACTORS_DIR REPORTS_DIR OUT.csv [--check GHGCALC.csv]

Standard library and PyYAML's C loader (yaml.CSafeLoader) only. It reads every *.yaml report of
REPORTS_DIR (sorted), recomputes it the way docs/audit.md says (each month: amount x NCV x carbon per unit
heat B/C x 44/12 x oxidation; a process source: amount x factor; purchased electricity: amount x the
factor of factors/china-grid.yaml for the year and grid), applies the rules of RULES.yaml with their
thresholds and rows, and writes one CSV row per finding (report, rule, subject, parameter, declared,
verified). With --check it compares its findings with ghgcalc's CSV of the same run: the count per rule,
then per report and rule, and prints each difference.

What it covers: the report features bench/gen_reports.py writes (units with fuels in t or 10^4 Nm3 and
twelve months, or a year; clinker with its factor; purchased electricity; production; totals; last year).
The rules whose inputs those reports never have are not implemented here and say so in the output
(NOT_IMPLEMENTED): ghgcalc finds nothing for them on these reports either, which the comparison shows.
"""

import argparse
import csv
import math
import os
import sys
import time

import yaml

C_TO_CO2 = 44.0 / 12.0  # as calc/audit_recalc.c (the guidelines' 44/12)
SLIP_POWERS = (3, 4, -3, -4)
CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
NOT_IMPLEMENTED = {
    "range.solid_ncv": "no coal gangue or slurry",
    "range.coal_daf_carbon": "no moisture or ash",
    "method.basis_mismatch": "no analysis basis given",
    "method.state_mismatch": "no as-fired / as-delivered state given",
    "method.measured_where_default": "no steel works",
    "method.meter_uncalibrated": "no meters",
    "consistency.chp_efficiency": "no CHP units",
}
# Unit conversions the rows need, value in `from` x factor = value in `to`.
CONVERT = {("tC/GJ", "tC/TJ"): 1000.0}


def rel_diff(a, b):
    """|a - b| / |b|; 0 when equal, infinity when only b is 0 (calc/audit.c aud_rel_diff)."""
    if a == b:
        return 0.0
    return abs(a - b) / abs(b) if b != 0 else math.inf


def frac(v):
    """A fraction as the report writes it: 0.99 or "99%"."""
    if isinstance(v, str) and v.strip().endswith("%"):
        return float(v.strip()[:-1]) / 100
    return float(v)


def convert(v, frm, to):
    if frm == to or not to:
        return v
    return v * CONVERT[(frm, to)]


# ------------------------------------------------------------------ the rules file

def threshold(t):
    """A rule's threshold as a number: a fraction for %, days for d, else as written; None when absent."""
    if t is None:
        return None
    unit = str(t.get("unit", "1"))
    return float(t["value"]) / 100 if unit == "%" else float(t["value"])


def load_rules(path):
    doc = yaml.load(open(path, encoding="utf-8"), Loader=yaml.CSafeLoader)
    classes = doc.get("fuel_classes", {})
    rules = {}
    for r in doc["rules"]:
        if r.get("enabled", True) is False:
            continue
        rows = []
        for w in r.get("rows", []) or []:
            w = dict(w)
            if "fuel_class" in w:
                w["fuels"] = classes[w["fuel_class"]]
            rows.append(w)
        rules[r["id"]] = {"threshold": threshold(r.get("threshold")), "rows": rows}
    return rules, threshold(doc["tolerance"])


def grid_factors(factors_dir):
    """(grid, year) -> t CO2/MWh from factors/china-grid.yaml (its kg CO2/kWh are t CO2/MWh)."""
    doc = yaml.load(open(os.path.join(factors_dir, "china-grid.yaml"), encoding="utf-8"), Loader=yaml.CSafeLoader)
    return {(f["grid"], f["year"]): float(f["co2"]["value"]) for f in doc["factors"] if f.get("activity") == "electricity"}


def row_for(w, rep):
    return (w.get("industry") in (None, rep["enterprise"]["industry"]) and
            w.get("route") in (None, rep["enterprise"].get("route")))


def row_fuel(w, fuel):
    return not w.get("fuels") or fuel in w["fuels"]


def row_class(w, cls):
    return not w.get("unit_classes") or cls in w["unit_classes"]


def first_row_for_fuel(rule, rep, fuel):
    for w in rule["rows"]:
        if row_for(w, rep) and row_fuel(w, fuel):
            return w
    return None


# ------------------------------------------------------------------ recomputation

def recompute(rep, grid):
    """Each fuel's, unit's, process source's and energy item's recomputed figures, and the totals."""
    for u in rep.get("units", []):
        u["_t"] = u["_gj"] = 0.0
        for f in u.get("fuels", []):
            vol = "Nm3" in f["unit"]
            ox = frac(f["oxidation"])
            months = f.get("months") or [{"amount": f["amount"], "ncv": f["ncv"], "carbon": f["carbon"]}]
            amount = gj = t = 0.0
            for m in months:
                a, ncv, c = float(m["amount"]), float(m["ncv"]), float(m["carbon"])
                energy_tj = a * 0.001 * ncv          # GJ -> TJ, as the engine's unit factor
                ef = c / ncv                          # tC/GJ
                t += energy_tj * ef * (1000 * C_TO_CO2) * ox
                amount += a
                gj += energy_tj * 1000
            f["_t"], f["_gj"], f["_amount"], f["_ox"], f["_vol"] = t, gj, amount, ox, vol
            f["_ncv"] = gj / amount if amount > 0 else math.nan
            carbon_t = t / C_TO_CO2 / ox
            f["_carbon"] = carbon_t / amount if amount > 0 else math.nan
            f["_cph"] = carbon_t / gj if gj > 0 else math.nan
            u["_t"] += t
            u["_gj"] += gj
    for p in rep.get("process", []) or []:
        p["_t"] = float(p["amount"]) * float(p["ef"])
    for e in rep.get("purchased", []) or []:
        e["_ef"] = grid[(e.get("grid", "national"), rep["year"])]
        e["_t"] = float(e["amount"]) * e["_ef"]
    comb = sum(u["_t"] for u in rep.get("units", []))
    proc = sum(p["_t"] for p in rep.get("process", []) or [])
    ind = sum(e["_t"] for e in rep.get("purchased", []) or [])
    tot = rep.get("totals", {})
    rep["_comb"], rep["_proc"], rep["_ind"] = comb, proc, ind
    rep["_total"] = comb + proc + (ind if "indirect" in tot else 0)


# ------------------------------------------------------------------ the checks

class Audit:
    def __init__(self, rules, tol):
        self.rules, self.tol, self.out = rules, tol, []

    def emit(self, rep, rule, subject, parameter, declared=None, verified=None):
        self.out.append((rep["_path"], rule, subject, parameter, declared, verified))

    def rtol(self, rule):
        t = self.rules[rule]["threshold"]
        return t if t is not None else self.tol

    def slip(self, d, v):
        t = self.rules.get("data.unit_slip", {}).get("threshold")
        if t is None or d == 0 or v == 0:
            return 0
        for k in SLIP_POWERS:
            if rel_diff(d / 10.0 ** k, v) <= t:
                return k
        return 0

    def pairs(self, rep):
        """The declared figures with their recomputed values: (level, subject, parameter, declared, verified)."""
        for u in rep.get("units", []):
            for f in u.get("fuels", []):
                if "emissions" in f:
                    yield "source", "unit %s / %s" % (u["id"], f["fuel"]), "emissions (F)", float(f["emissions"]), f["_t"]
            if "emissions" in u:
                yield "source", "unit %s" % u["id"], "unit emissions (Q)", float(u["emissions"]), u["_t"]
        for p in rep.get("process", []) or []:
            if "emissions" in p:
                yield "source", "process %s (%s)" % (p["id"], p["kind"]), "process emissions", abs(float(p["emissions"])), abs(p["_t"])
        for e in rep.get("purchased", []) or []:
            v = float(e["amount"]) * float(e["factor"]) if "factor" in e else abs(e["_t"])
            if "emissions" in e:
                yield "source", "purchased %s" % e["kind"], "indirect emissions", float(e["emissions"]), v
        tot = rep.get("totals", {})
        for key, v, name in (("combustion", rep["_comb"], "combustion emissions"), ("process", rep["_proc"], "process emissions"),
                             ("indirect", rep["_ind"], "indirect emissions"), ("emissions", rep["_total"], "total emissions")):
            if key in tot:
                yield "total", "totals", name, float(tot[key]), v

    def month_sums(self, rep):
        for u in rep.get("units", []):
            for f in u.get("fuels", []):
                if f.get("months"):
                    yield "unit %s / %s" % (u["id"], f["fuel"]), float(f["amount"]), sum(float(m["amount"]) for m in f["months"])

    def recomputation(self, rep):
        for level, s, p, d, v in self.pairs(rep):
            if self.slip(d, v):
                if "data.unit_slip" in self.rules:
                    self.emit(rep, "data.unit_slip", s, p, d, v)
                continue
            rule = "recompute.total" if level == "total" else "recompute.source"
            if rule in self.rules and rel_diff(d, v) > self.rtol(rule):
                self.emit(rep, rule, s, p, d, v)
        for s, d, v in self.month_sums(rep):
            if self.slip(d, v):
                if "data.unit_slip" in self.rules:
                    self.emit(rep, "data.unit_slip", s, "consumption (A)", d, v)
            elif "sum.months" in self.rules and rel_diff(d, v) > self.rtol("sum.months"):
                self.emit(rep, "sum.months", s, "consumption (A)", d, v)

    def sums(self, rep):
        if "sum.total" not in self.rules:
            return
        t = self.rtol("sum.total")

        def check(d, v, s, p):
            if rel_diff(d, v) > t and not self.slip(d, v):
                self.emit(rep, "sum.total", s, p, d, v)
        units = rep.get("units", [])
        comb, comb_ok = 0.0, len(units) > 0
        for u in units:
            fuels = u.get("fuels", [])
            ok = len(fuels) > 0 and all("emissions" in f for f in fuels)
            q = sum(float(f.get("emissions", 0)) for f in fuels)
            if "emissions" in u and ok:
                check(float(u["emissions"]), q, "unit %s" % u["id"], "unit emissions (Q) = sum of F")
            comb_ok = comb_ok and ("emissions" in u or ok)
            comb += float(u["emissions"]) if "emissions" in u else q
        procs, energy = rep.get("process", []) or [], rep.get("purchased", []) or []
        proc = sum(abs(float(p.get("emissions", 0))) for p in procs)
        ind = sum(abs(float(e.get("emissions", 0))) for e in energy)
        tot = rep.get("totals", {})
        if "combustion" in tot and comb_ok:
            check(float(tot["combustion"]), comb, "totals", "combustion = sum of units")
        if "process" in tot and procs and all("emissions" in p for p in procs):
            check(float(tot["process"]), proc, "totals", "process = sum of sources")
        if "indirect" in tot and energy and all("emissions" in e for e in energy):
            check(float(tot["indirect"]), ind, "totals", "indirect = purchased - exported")
        parts = [float(tot[k]) for k in ("combustion", "process", "indirect") if k in tot]
        if "emissions" in tot and parts:
            check(float(tot["emissions"]), sum(parts), "totals", "total = combustion + process (+ indirect)")

    def parameters(self, rep):
        if "recompute.parameter" not in self.rules:
            return
        t = self.rtol("recompute.parameter")
        for u in rep.get("units", []):
            for f in u.get("fuels", []):
                s = "unit %s / %s" % (u["id"], f["fuel"])
                checks = [("carbon_per_heat", f["_cph"], "carbon per unit heat (D) = B/C")]
                if f.get("months"):
                    checks = [("ncv", f["_ncv"], "NCV (C), weighted mean of months"),
                              ("carbon", f["_carbon"], "carbon content (B), weighted mean")] + checks
                for key, v, p in checks:
                    if key in f and not math.isnan(v) and rel_diff(float(f[key]), v) > t:
                        self.emit(rep, "recompute.parameter", s, p, float(f[key]), v)

    def basic(self, rep):
        code = rep["enterprise"].get("credit_code")
        if "basic.credit_code" in self.rules and code is not None:
            ok = len(code) == 18 and all(ch in CODE_CHARS for ch in code[:17])
            if ok:
                s, w = 0, 1
                for ch in code[:17]:
                    s, w = s + CODE_CHARS.index(ch) * w, w * 3 % 31
                ok = code[17] == CODE_CHARS[(31 - s % 31) % 31]
            if not ok:
                self.emit(rep, "basic.credit_code", "enterprise", "unified social credit code")
        if "basic.unit_class" in self.rules:
            for u in rep.get("units", []):
                for w in self.rules["basic.unit_class"]["rows"]:
                    x = u.get("capacity")
                    if "class" not in u or x is None or not w.get("unit_classes") or not row_class(w, u["class"]):
                        continue
                    if ("low" in w and x < w["low"]) or ("high" in w and x >= w["high"]):
                        self.emit(rep, "basic.unit_class", "unit %s" % u["id"], "unit class and capacity", x)

    def ranges(self, rep):
        for rule, key, unit_key in (("range.gas_carbon", "carbon", "tC"), ("range.gas_ncv", "ncv", "GJ")):
            if rule not in self.rules:
                continue
            for u in rep.get("units", []):
                for f in u.get("fuels", []):
                    w = first_row_for_fuel(self.rules[rule], rep, f["fuel"])
                    if not w or not w.get("fuels"):
                        continue
                    unit = "%s/%s" % (unit_key, "10^4 Nm3" if f["_vol"] else "t")
                    values = ([(f[key], "")] if key in f else []) + [(m[key], ", month %d" % m["month"])
                                                                     for m in f.get("months", []) if key in m]
                    for v, sm in values:
                        x = convert(float(v), unit, w.get("unit"))
                        if ("low" in w and x < w["low"]) or ("high" in w and x > w["high"]):
                            self.emit(rep, rule, "unit %s / %s%s" % (u["id"], f["fuel"], sm), key, x)
        if "range.coal_carbon_per_heat" in self.rules:
            rule = self.rules["range.coal_carbon_per_heat"]
            for u in rep.get("units", []):
                for f in u.get("fuels", []):
                    w = first_row_for_fuel(rule, rep, f["fuel"])
                    measured = any("carbon" in m and m.get("carbon_how") != "not_measured" for m in f.get("months", [])) \
                        if f.get("months") else ("carbon" in f and f.get("carbon_how") != "not_measured")
                    if not w or not w.get("fuels") or "value" not in w or not measured:
                        continue
                    x = convert(f["_cph"], "tC/GJ", w["unit"])
                    if rel_diff(x, w["value"]) > rule["threshold"]:
                        self.emit(rep, "range.coal_carbon_per_heat", "unit %s / %s" % (u["id"], f["fuel"]), "cph", x, w["value"])
        if "range.oxidation" in self.rules:
            rule = self.rules["range.oxidation"]
            for u in rep.get("units", []):
                for f in u.get("fuels", []):
                    w = first_row_for_fuel(rule, rep, f["fuel"])
                    if w and "value" in w and "oxidation" in f and abs(frac(f["oxidation"]) - w["value"]) > (rule["threshold"] or 0) + 1e-12:
                        self.emit(rep, "range.oxidation", "unit %s / %s" % (u["id"], f["fuel"]), "oxidation rate (E)")
        if "range.grid_factor" in self.rules:
            for e in rep.get("purchased", []) or []:
                if e.get("kind") == "electricity" and "factor" in e and rel_diff(float(e["factor"]), e["_ef"]) > self.rules["range.grid_factor"]["threshold"]:
                    self.emit(rep, "range.grid_factor", "purchased electricity", "grid emission factor", float(e["factor"]), e["_ef"])
        if "data.fraction" in self.rules:
            for u in rep.get("units", []):
                vals = [("load factor (P)", u.get("load_factor"))] + [("oxidation rate (E)", f.get("oxidation")) for f in u.get("fuels", [])]
                for p, v in vals:
                    if v is not None and not 0 <= frac(v) <= 1:
                        self.emit(rep, "data.fraction", "unit %s" % u["id"], p, frac(v))

    def method(self, rep):
        if "method.default_where_measured" in self.rules:
            for u in rep.get("units", []):
                for f in u.get("fuels", []):
                    w = first_row_for_fuel(self.rules["method.default_where_measured"], rep, f["fuel"])
                    if not w or not w.get("fuels") or w.get("must") != "measured":
                        continue
                    key, how = ("ncv", "ncv_how") if w.get("parameter") == "ncv" else ("carbon", "carbon_how")
                    bad = [m for m in f.get("months", []) if m.get(how) == "not_measured" or key not in m]
                    year = not f.get("months") and (f.get(how) == "not_measured" or key not in f)
                    if bad or year:
                        self.emit(rep, "method.default_where_measured", "unit %s / %s" % (u["id"], f["fuel"]), key)
        if "method.months_missing" in self.rules:
            for u in rep.get("units", []):
                for f in u.get("fuels", []):
                    if first_row_for_fuel(self.rules["method.months_missing"], rep, f["fuel"]) is None:
                        continue
                    seen = {m["month"] for m in f.get("months", []) if "amount" in m}
                    if seen != set(range(1, 13)):
                        self.emit(rep, "method.months_missing", "unit %s / %s" % (u["id"], f["fuel"]), "monthly data")
        if "method.lab_late" in self.rules:
            days = self.rules["method.lab_late"]["threshold"]
            for u in rep.get("units", []):
                for f in u.get("fuels", []):
                    for m in f.get("months", []):
                        if "sampled" in m and "reported" in m and (m["reported"] - m["sampled"]).days > days:
                            self.emit(rep, "method.lab_late", "unit %s / %s, month %d" % (u["id"], f["fuel"], m["month"]),
                                      "days from sampling to report", (m["reported"] - m["sampled"]).days)

    def consistency(self, rep):
        rules = self.rules
        units = rep.get("units", [])
        for u in units:
            gen, cap, hours, lf = u.get("generation"), u.get("capacity"), u.get("running_hours"), u.get("load_factor")
            s = "unit %s" % u["id"]
            if "consistency.condensing_efficiency" in rules and u.get("product") == "condensing" and gen is not None and u["_gj"] > 0:
                for w in rules["consistency.condensing_efficiency"]["rows"]:
                    if row_for(w, rep) and row_class(w, u.get("class")):
                        if gen * 3.6 / u["_gj"] >= w["high"]:
                            self.emit(rep, "consistency.condensing_efficiency", s, "generation x 3.6 / fuel heat")
                        break
            if "consistency.generation" in rules and None not in (gen, cap, hours, lf):
                if rel_diff(gen, cap * hours * frac(lf)) > rules["consistency.generation"]["threshold"]:
                    self.emit(rep, "consistency.generation", s, "generation", gen, cap * hours * frac(lf))
            if "consistency.utilisation_hours" in rules and hours is not None and gen is not None and cap and cap > 0:
                if gen / cap >= hours:
                    self.emit(rep, "consistency.utilisation_hours", s, "utilisation hours", gen / cap)
            y = rep["year"]
            year_h = 8784 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 8760
            if "consistency.running_hours" in rules and hours is not None and hours > year_h:
                self.emit(rep, "consistency.running_hours", s, "running hours (O)", hours)
            if "consistency.chp_class" in rules and u.get("product") == "condensing" and float(u.get("heat_supplied", 0)) > 0:
                if any(row_for(w, rep) and row_class(w, u.get("class")) for w in rules["consistency.chp_class"]["rows"]):
                    self.emit(rep, "consistency.chp_class", s, "product class")
        self.intensity(rep)
        self.yoy(rep)

    def intensity(self, rep):
        if "consistency.intensity" not in self.rules:
            return
        prod = rep.get("production", {}) or {}
        for w in self.rules["consistency.intensity"]["rows"]:
            if "product" not in w or not row_for(w, rep):
                continue
            if w["product"] != "generation":
                q = prod.get(w["product"])
                if q is not None and q > 0:
                    x = (rep["_comb"] + rep["_proc"]) / q
                    if ("low" in w and x < w["low"]) or ("high" in w and x > w["high"]):
                        self.emit(rep, "consistency.intensity", "enterprise", w["product"], x)
                continue
            for u in rep.get("units", []):
                gen = u.get("generation")
                if row_class(w, u.get("class")) and u.get("product") == "condensing" and gen and gen > 0:
                    x = u["_t"] / gen
                    if ("low" in w and x < w["low"]) or ("high" in w and x > w["high"]):
                        self.emit(rep, "consistency.intensity", "unit %s" % u["id"], "generation", x)

    def yoy(self, rep):
        prev, tot = rep.get("previous"), rep.get("totals", {})
        if not prev or "year" not in prev or "emissions" not in prev or "emissions" not in tot:
            return
        cur, was = float(tot["emissions"]), float(prev["emissions"])
        if "consistency.yoy" in self.rules and was > 0 and rel_diff(cur, was) > self.rules["consistency.yoy"]["threshold"]:
            self.emit(rep, "consistency.yoy", "enterprise", "total emissions", cur, was)
        if "consistency.yoy_intensity" not in self.rules:
            return
        for key, now in (rep.get("production") or {}).items():
            before = (prev.get("production") or {}).get(key)
            if before is None or not now > 0 or not before > 0:
                continue
            if rel_diff(cur / now, was / before) > self.rules["consistency.yoy_intensity"]["threshold"]:
                self.emit(rep, "consistency.yoy_intensity", "enterprise", "emissions per unit of %s" % key)
            return

    def completeness(self, rep):
        if "completeness.required_source" not in self.rules:
            return
        for w in self.rules["completeness.required_source"]["rows"]:
            if "kind" not in w or not row_for(w, rep):
                continue
            if w["kind"] == "combustion":
                has = any(u.get("fuels") for u in rep.get("units", []))
            else:
                has = any(p.get("kind") == w["kind"] and (not w.get("material") or p.get("material", p["kind"]) == w["material"])
                          for p in rep.get("process", []) or [])
            if not has:
                self.emit(rep, "completeness.required_source", "enterprise", w["kind"])

    def run(self, rep, grid):
        recompute(rep, grid)
        self.recomputation(rep)
        self.parameters(rep)
        self.sums(rep)
        self.basic(rep)
        self.ranges(rep)
        self.method(rep)
        self.consistency(rep)
        self.completeness(rep)


def compare(mine, ghg_csv, rule_ids):
    """Counts per rule, then per (report, rule); prints each difference. Returns the number of differences."""
    theirs = {}
    with open(ghg_csv, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            theirs[(row["path"], row["rule"])] = theirs.get((row["path"], row["rule"]), 0) + 1
    ours = {}
    for path, rule, *_ in mine:
        ours[(path, rule)] = ours.get((path, rule), 0) + 1
    rules = sorted({k[1] for k in theirs} | {k[1] for k in ours} | set(NOT_IMPLEMENTED) | set(rule_ids))
    diffs = 0
    print("%-36s %8s %8s" % ("rule", "ghgcalc", "python"))
    for r in rules:
        g = sum(v for k, v in theirs.items() if k[1] == r)
        p = sum(v for k, v in ours.items() if k[1] == r)
        note = " (not implemented in the peer: %s)" % NOT_IMPLEMENTED[r] if r in NOT_IMPLEMENTED else ""
        print("%-36s %8d %8d%s%s" % (r, g, p, "" if g == p else "  DIFFERS", note))
        diffs += g != p
    for k in sorted(set(theirs) | set(ours)):
        if theirs.get(k, 0) != ours.get(k, 0):
            diffs += 1
            if diffs < 40:
                print("differs: %s %s: ghgcalc %d, python %d" % (k[0], k[1], theirs.get(k, 0), ours.get(k, 0)))
    print("check: %s: %d findings by ghgcalc, %d by python, %d differences" % (
        "agree" if diffs == 0 else "DISAGREE", sum(theirs.values()), len(mine), diffs))
    return diffs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("rules")
    ap.add_argument("factors")
    ap.add_argument("reports")
    ap.add_argument("out")
    ap.add_argument("--check", help="ghgcalc's CSV of the same reports")
    a = ap.parse_args()
    t0 = time.monotonic()
    rules, tol = load_rules(a.rules)
    grid = grid_factors(a.factors)
    audit = Audit(rules, tol)
    names = sorted(n for n in os.listdir(a.reports) if n.endswith(".yaml"))
    load_s = 0.0
    for n in names:
        path = os.path.join(a.reports, n)
        t1 = time.monotonic()
        with open(path, encoding="utf-8") as f:
            rep = yaml.load(f, Loader=yaml.CSafeLoader)
        load_s += time.monotonic() - t1
        rep["_path"] = path
        audit.run(rep, grid)
    t2 = time.monotonic()
    with open(a.out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["path", "rule", "subject", "parameter", "declared", "verified"])
        w.writerows(audit.out)
    t3 = time.monotonic()
    print("python audit: %d reports, %d findings; load %.2fs check %.2fs write %.2fs" % (
        len(names), len(audit.out), load_s, t2 - t0 - load_s, t3 - t2))
    if a.check:
        return 1 if compare(audit.out, a.check, rules) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""gen_reports.py - SYNTHETIC enterprise emission reports for the audit benchmark (bench/run_audit.sh).

    /usr/bin/python3 bench/gen_reports.py N OUT_DIR [--seed 1] [--faulty 0.35]

Writes N reports OUT_DIR/r00001.yaml ... in the format of docs/audit.md: a mix of coal power plants
(one to three condensing units, twelve months of consumption, NCV and carbon content each), gas power
plants (the same with natural gas in 10^4 Nm3) and cement plants (a kiln's coal for the year, clinker
decarbonation, purchased electricity). Every figure is invented (fixed seed): the files say so at the top
and in their titles. They are not the data of any enterprise.

A clean report is consistent: each declared figure is computed here from the monthly figures with the
formulas of docs/audit.md (CO2 = amount x carbon content x 44/12 x oxidation; annual NCV and carbon
content weighted by the monthly amounts; unit Q = sum of its fuels' F; totals = sum of the parts) and is
inside the guideline ranges of rules/verification-default.yaml. A faulty report (about a third, `--faulty`)
carries one or two of the faults of FAULTS below, and its first line says which.
"""

import argparse
import datetime
import os
import random

C_TO_CO2 = 44.0 / 12.0  # molar mass ratio CO2/C, as the guidelines write it
GRID_2023 = 0.5306  # t CO2/MWh, national 2023 (factors/china-grid.yaml, MEE-2023-GRID)
CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100-2015 code characters

# Coal ranks: reference carbon per unit heat, tC/TJ (CETS-VG Table 8) and an NCV range, GJ/t (invented
# but typical of each rank).
COALS = {"bituminous_coal": (26.18, 19.0, 24.0), "anthracite": (27.49, 22.0, 26.0), "lignite": (27.97, 12.0, 16.0)}

FAULTS = {
    "emissions": "a fuel's declared emissions (F) 3 % high, its unit's Q and the totals following it",
    "slip": "the declared total emissions x 1000 (kg written as t)",
    "month_sum": "a fuel's annual amount (A) 5 % above the sum of its months",
    "gas_ncv": "a month's natural-gas NCV 420 GJ/10^4 Nm3, above the guideline's 398.3",
    "lab_late": "a month's analysis reported 52 days after sampling (more than 40)",
    "missing": "month 7 of a fuel missing",
    "hours": "a unit's running hours 8900, more than the 8760 h of 2023",
    "grid": "purchased electricity at 0.5810 t CO2/MWh instead of the 2023 national 0.5306",
    "credit": "a unified social credit code with a wrong check character",
    "q_sum": "a unit's Q 2 % above the sum of its fuels' F",
    "oxidation": "a fuel's oxidation rate 98 % where the power guideline prescribes 99 %",
    "generation": "a unit's load factor 5 % off capacity x hours / generation",
    "unit_class": "a unit registered in the other coal class than its capacity says",
    "gas_carbon": "a month's natural-gas carbon content 6.40 tC/10^4 Nm3, above the guideline's 6.10",
    "cph": "a coal's measured carbon content 15 % high (carbon per unit heat off the rank's reference)",
    "no_clinker": "no clinker decarbonation (a source the cement guideline requires)",
}
APPLIES = {
    "coal": ["emissions", "slip", "month_sum", "lab_late", "missing", "hours", "credit", "q_sum", "oxidation",
             "generation", "unit_class", "cph"],
    "gas": ["emissions", "slip", "month_sum", "gas_ncv", "lab_late", "missing", "hours", "credit", "q_sum",
            "oxidation", "generation", "gas_carbon"],
    "cement": ["emissions", "slip", "grid", "credit", "no_clinker"],
}


def credit_code(rng, wrong=False):
    """An 18-character code with the GB 32100-2015 check character (a wrong one when asked)."""
    body = "9122" + "".join(rng.choice(CODE_CHARS) for _ in range(13))
    s, w = 0, 1
    for ch in body:
        s += CODE_CHARS.index(ch) * w
        w = w * 3 % 31
    check = (31 - s % 31) % 31
    return body + CODE_CHARS[(check + (7 if wrong else 0)) % 31]


def month_split(rng, total):
    """Twelve shares of `total`, each within 20 % of a twelfth."""
    w = [rng.uniform(0.8, 1.2) for _ in range(12)]
    s = sum(w)
    return [total * x / s for x in w]


def fuel_months(rng, fuel, heat_gj, cph_tc_tj, ncv0, faults, month_dates):
    """Twelve months of one fuel: amount, NCV and carbon content (4 decimals, as a lab reports them)."""
    months = []
    for m, h in enumerate(month_split(rng, heat_gj), start=1):
        ncv = round(ncv0 * rng.uniform(0.98, 1.02), 3 if ncv0 < 100 else 1)
        amount = round(h / ncv, 0 if ncv0 < 100 else 1)
        carbon = round(ncv * cph_tc_tj * rng.uniform(0.98, 1.02) / 1000, 5 if ncv0 < 100 else 3)
        months.append({"month": m, "amount": amount, "ncv": ncv, "carbon": carbon})
    if "gas_ncv" in faults:
        months[2]["ncv"] = 420.0
    if "gas_carbon" in faults:
        months[3]["carbon"] = 6.4
    if "cph" in faults:
        for mo in months:
            mo["carbon"] = round(mo["carbon"] * 1.15, 5)
    if "missing" in faults:
        del months[6]
    for mo in months:
        day_sampled, day_reported = month_dates(mo["month"], 52 if ("lab_late" in faults and mo["month"] == 5) else None)
        mo["sampled"], mo["reported"] = day_sampled, day_reported
    return months


def fuel_figures(months, oxidation):
    """A, C, B, D and F of a fuel from its months (F: CO2 = amount x carbon x 44/12 x oxidation)."""
    a = sum(mo["amount"] for mo in months)
    c = sum(mo["amount"] * mo["ncv"] for mo in months) / a
    b = sum(mo["amount"] * mo["carbon"] for mo in months) / a
    f = sum(mo["amount"] * mo["carbon"] * C_TO_CO2 * oxidation for mo in months)
    return a, c, b, b / c, f


def dates(rng):
    """Sampling on the month's last day, the report 10-35 days later (or `late` days)."""
    last = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    def one(m, late):
        s = datetime.date(2023, m, last[m - 1])
        r = s + datetime.timedelta(days=late if late else rng.randint(10, 35))
        return s.isoformat(), r.isoformat()
    return one


def power_unit(rng, k, gas, faults):
    """One condensing unit and its fuel: the YAML lines and (Q declared, generation)."""
    if gas:
        cap, fuel, cls = rng.choice([200, 300, 400, 460]), "natural_gas", "gas"
        cph, ncv0, eff, unit = 15.3 * rng.uniform(0.97, 1.0), rng.uniform(360, 375), rng.uniform(0.48, 0.55), "10^4 Nm3"
    else:
        cap = rng.choice([300, 350, 600, 660, 1000])
        cls = "coal_ge400" if cap >= 400 else "coal_lt400"
        fuel = rng.choice(sorted(COALS))
        ref, lo, hi = COALS[fuel]
        cph, ncv0, eff, unit = ref * rng.uniform(0.98, 1.02), rng.uniform(lo, hi), rng.uniform(0.36, 0.41), "t"
    hours = rng.randint(5000, 7800)
    lf = round(rng.uniform(0.5, 0.85), 4)
    if "hours" in faults and k == 0:
        hours, lf = 8900, round(cap * hours * lf / (cap * 8900), 4)
    gen = round(cap * hours * lf)
    if "generation" in faults and k == 0:
        lf = round(lf * 1.05, 4)
    if "unit_class" in faults and k == 0 and not gas:
        cls = "coal_lt400" if cls == "coal_ge400" else "coal_ge400"
    ox = 0.98 if "oxidation" in faults and k == 0 else 0.99
    months = fuel_months(rng, fuel, gen * 3.6 / eff, cph, ncv0, faults if k == 0 else set(), dates(rng))
    a, c, b, d, f = fuel_figures(months, ox)
    if "month_sum" in faults and k == 0:
        a *= 1.05
    f_decl = f * 1.03 if "emissions" in faults and k == 0 else f
    q = f_decl * 1.02 if "q_sum" in faults and k == 0 else f_decl
    lines = ["  - id: \"%d#\"" % (k + 1), "    class: %s" % cls, "    product: condensing",
             "    capacity: %d" % cap, "    generation: %d" % gen, "    running_hours: %d" % hours,
             "    load_factor: %.4f" % lf, "    emissions: %.2f" % q, "    fuels:",
             "      - fuel: %s" % fuel, "        unit: %s" % unit, "        oxidation: %d%%" % round(ox * 100),
             "        amount: %.1f" % a, "        ncv: %.4f" % c, "        carbon: %.6f" % b,
             "        carbon_per_heat: %.7f" % d, "        emissions: %.2f" % f_decl, "        months:"]
    for mo in months:
        lines.append("          - {month: %d, amount: %s, ncv: %s, ncv_how: self_tested, carbon: %s, "
                     "carbon_how: commissioned, sampled: %s, reported: %s}"
                     % (mo["month"], mo["amount"], mo["ncv"], mo["carbon"], mo["sampled"], mo["reported"]))
    return lines, float("%.2f" % q), gen


def power_report(rng, gas, faults):
    """The units, production and totals of a power plant."""
    lines, total, gen = ["units:"], 0.0, 0
    for k in range(rng.randint(1, 3)):
        ul, q, g = power_unit(rng, k, gas, faults)
        lines += ul
        total += q
        gen += g
    lines += ["production:", "  generation: %d" % gen]
    return lines, {"combustion": total}, ("generation", gen)


def cement_report(rng, faults):
    """A kiln's coal for the year, clinker and purchased electricity."""
    clinker = round(rng.uniform(0.8e6, 3e6), -3)
    ncv, cph = round(rng.uniform(20.5, 23.5), 3), 26.18 * rng.uniform(0.98, 1.02)
    coal = round(clinker * rng.uniform(0.11, 0.13), -2)
    carbon = round(ncv * cph / 1000, 5)
    f = coal * carbon * C_TO_CO2 * 0.98
    f_decl = f * 1.03 if "emissions" in faults else f
    ef = round(rng.uniform(0.520, 0.535), 4)
    elec = round(clinker * rng.uniform(0.06, 0.08), -2)
    factor = 0.5810 if "grid" in faults else GRID_2023
    lines = ["units:", "  - id: kiln-1", "    class: kiln", "    emissions: %.2f" % f_decl, "    fuels:",
             "      - {fuel: bituminous_coal, unit: t, amount: %.1f, ncv: %.3f, ncv_how: self_tested, carbon: %.5f, "
             "carbon_how: commissioned, oxidation: 98%%, emissions: %.2f}" % (coal, ncv, carbon, f_decl),
             ] + ([] if "no_clinker" in faults else [
             "process:",
             "  - {id: kiln-1-clinker, kind: clinker, unit: t, amount: %d, ef: %.4f, emissions: %.2f}"
             % (clinker, ef, clinker * ef)]) + [
             "purchased:",
             "  - {kind: electricity, amount: %d, unit: MWh, grid: national, factor: %.4f, emissions: %.2f}"
             % (elec, factor, elec * factor),
             "production:", "  clinker: %d" % clinker]
    parts = {"combustion": float("%.2f" % f_decl)}
    if "no_clinker" not in faults:
        parts["process"] = float("%.2f" % (clinker * ef))
    parts["indirect"] = float("%.2f" % (elec * factor))
    return lines, parts, ("clinker", clinker)


def report(rng, i, faulty_share):
    """The text of report number i."""
    kind = rng.choice(["coal", "coal", "gas", "cement"])
    faults = set()
    if rng.random() < faulty_share:
        faults = set(rng.sample(APPLIES[kind], rng.randint(1, 2)))
    if kind == "cement":
        body, parts, prod = cement_report(rng, faults)
    else:
        body, parts, prod = power_report(rng, kind == "gas", faults)
    total = sum(parts.values())
    industry = "cement" if kind == "cement" else "power"
    head = ["# SYNTHETIC report generated by bench/gen_reports.py for the audit benchmark: invented figures, not the",
            "# data of any enterprise. %s" % ("FAULTY: " + "; ".join(FAULTS[f] for f in sorted(faults))
                                             if faults else "CLEAN"),
            "report: syn-%05d-%s" % (i, kind),
            "title: \"Synthetic %s report %d (benchmark data, invented)\"" % (kind, i),
            "enterprise:",
            "  name: \"Synthetic enterprise %d (invented)\"" % i,
            "  credit_code: \"%s\"" % credit_code(rng, "credit" in faults),
            "  industry: %s" % industry,
            "year: 2023",
            "factor_sets: [china-energy, ipcc2006-energy, ipcc2006-ippu, china-grid]"]
    tail = ["totals:"] + ["  %s: %.2f" % (k, v) for k, v in parts.items()]
    tail.append("  emissions: %.2f" % (total * (1000 if "slip" in faults else 1)))
    if rng.random() < 0.5:
        g = rng.uniform(-0.05, 0.05)
        e = g + rng.uniform(-0.04, 0.04)
        tail += ["previous:", "  year: 2022", "  emissions: %.2f" % (total / (1 + e)),
                 "  production:", "    %s: %d" % (prod[0], prod[1] / (1 + g))]
    return "\n".join(head + body + tail) + "\n", kind, faults


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--faulty", type=float, default=0.35)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    kinds, nfaulty = {}, 0
    for i in range(1, a.n + 1):
        text, kind, faults = report(rng, i, a.faulty)
        kinds[kind] = kinds.get(kind, 0) + 1
        nfaulty += bool(faults)
        with open(os.path.join(a.out, "r%05d.yaml" % i), "w", encoding="utf-8") as f:
            f.write(text)
    print("gen_reports: %d reports in %s (%s; %d faulty)" % (
        a.n, a.out, ", ".join("%s %d" % kv for kv in sorted(kinds.items())), nfaulty))


if __name__ == "__main__":
    main()

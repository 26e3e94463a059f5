#!/usr/bin/python3
"""project_e2e.py - end-to-end tests of `ghgcalc project` (peak-carbon scenarios).

Run by tests/run with Debian's interpreter (needs python3-openpyxl and, for
the recalculation tests, libreoffice-calc-nogui):

    /usr/bin/python3 tests/e2e/project_e2e.py --bin build/ghgcalc [NAME...] [-v]

Same protocol as run_e2e.py. Expected figures are worked out by hand below
from factors/ipcc2006-energy.yaml (natural gas: NCV 48.0 TJ/Gg, Vol.2 Ch.1
Table 1.2; CO2 56,100 kg/TJ, Table 1.4; energy industries CH4 1 and N2O 0.1
kg/TJ, Table 2.2), factors/china-grid.yaml (Northeast grid 2022, 0.5564 kg
CO2/kWh) and factors/china-energy.yaml (GB/T 2589: natural gas 1.33 kgce/m3),
with the arithmetic written out, and compared under the tolerance policy of
e2e_helpers.py.
"""

import os
import re
import sys
import tempfile
import zipfile

import e2e_helpers
from e2e_helpers import FACTORS, ROOT, check_zh_sheets, close, ghg, load_wb, read_csv, read_json, recalc, write
from e2e_runner import Fail, Registry, Skip, check

TESTS = Registry()
test = TESTS.add

SHIPPED = os.path.join(ROOT, "inventories", "scenarios", "jilin-peak.yaml")

# 100 Gg natural gas in 1.A.1.a: 100 x 48.0 TJ/Gg = 4800 TJ; x 56,100 kg CO2/TJ = 269,280 t CO2,
# x 1 kg CH4/TJ = 4.8 t, x 0.1 kg N2O/TJ = 0.48 t; AR5 CO2e 269,280 + 4.8 x 28 + 0.48 x 265 = 269,541.6 t.
CO2_POWER = 269280.0
CO2E_POWER = 269541.6
GDP0 = 1e7  # 1000 x 10^8 yuan = 10^7 x 10^4 yuan


def inventory(extra=""):
    """The base inventory of 2020: 100 Gg natural gas burnt for power, GDP 1000 x 10^8 yuan."""
    return ("inventory: hand\nyear: 2020\ngwp: ar5\nfactor_sets: [ipcc2006-energy, china-grid]\n"
            "economy:\n  gdp: {value: 1000, unit: 10^8 yuan, price_base: 2020}\n"
            "  population: {value: 100, unit: 10^4 person}\n"
            "activities:\n  - {category: \"1.A.1.a\", fuel: natural_gas, amount: 100, unit: Gg, source: \"hand case\"}\n"
            + extra)


def scenario_file(scenarios, head="", horizon=2030, metric="co2_energy"):
    return ("projection: hand\ntitle: \"hand case\"\nbase: {inventory: inv.yaml%s}\nhorizon: %d\n"
            "peak: {metric: %s, by: 2030, plateau: 2%%}\n%sscenarios:\n%s" % ("", horizon, metric, head, scenarios))


def project(tmp, scenarios, *extra, inv_extra="", head="", horizon=2030, out="out.xlsx", rc=(0,)):
    """Writes inv.yaml and scen.yaml and runs `ghgcalc project`; returns (Run, xlsx path)."""
    write(os.path.join(tmp, "inv.yaml"), inventory(inv_extra))
    s = write(os.path.join(tmp, "scen.yaml"), scenario_file(scenarios, head=head, horizon=horizon))
    xlsx = os.path.join(tmp, out)
    r = ghg("project", s, "-o", xlsx, "--factors", FACTORS, *extra)
    check(r.rc in rc, "project exit %d, expected %s: %r" % (r.rc, rc, r))
    return r, xlsx


def scen(j, sid):
    for s in j["projection"]["scenarios"]:
        if s["id"] == sid:
            return s
    raise Fail("no scenario %r in the JSON" % sid)


def rows_by_label(ws, col, label):
    """The 1-based row numbers whose column `col` (1-based) holds `label`."""
    return [r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=col).value == label]


def traj_metric_row(ws, sid, metric):
    """The row of scenario sid's total of `metric` on Trajectories (Scenario, Quantity = total, Item = metric)."""
    for r in range(1, ws.max_row + 1):
        if ws.cell(row=r, column=1).value == sid and ws.cell(row=r, column=3).value == metric and \
                ws.cell(row=r, column=2).value == "total":
            return r
    raise Fail("no total row for %s %s on Trajectories" % (sid, metric))


def peak_row(ws, sid):
    """Scenario sid's row of the summary table on Peak (columns: Scenario, Title, Peak year, Peak value, Peaks by)."""
    for r in range(1, 40):
        if ws.cell(row=r, column=1).value == sid and isinstance(ws.cell(row=r, column=3).value, (int, float)):
            return r
    raise Fail("no summary row for %s on Peak" % sid)


def recalculated(xlsx, timeout=600):
    """The workbook recalculated by LibreOffice (hard recalc on load, as xlsx_check does), read with openpyxl."""
    if e2e_helpers.VALGRIND:
        raise Skip("LibreOffice recalculation is skipped under valgrind")
    sys.path.insert(0, os.path.join(ROOT, "tests", "tools"))
    import xlsx_check
    work = tempfile.mkdtemp(prefix="project_e2e.", dir=os.path.dirname(xlsx))
    book, canary = xlsx_check.run_libreoffice(os.path.abspath(xlsx), work, timeout, False)
    xlsx_check.verify_canary(canary)
    return load_wb(book)


def chart_count(xlsx):
    """Charts in the package (openpyxl does not read charts back)."""
    with zipfile.ZipFile(xlsx) as z:
        return len([n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)])


# =========================================================== closed forms

GROW = ("  - id: grow\n    drivers:\n      gdp: {rate: 5%, source: hand}\n"
        "    activity:\n      - {category: \"1.A.1\", driver: gdp, source: hand}\n")


@test
def constant_growth_is_geometric(tmp):
    # GDP grows 5 % a year and power with GDP (elasticity 1): CO2(y) = 269,280 x 1.05^(y - 2020).
    r, xlsx = project(tmp, GROW)
    j = read_json(xlsx[:-5] + ".json")
    s = scen(j, "grow")
    check(s["years"] == list(range(2020, 2031)), "years %r" % s["years"])
    for n, v in enumerate(s["metrics_t"]["co2_energy"]):
        close(v, CO2_POWER * 1.05 ** n, "CO2 %d" % (2020 + n))
        close(s["drivers"]["gdp_1e4_yuan"][n], GDP0 * 1.05 ** n, "GDP %d" % (2020 + n))
    # Still rising in the horizon: the largest value is the last one, no peak within it.
    check(s["peak"]["year"] == 2030 and not s["peak"]["in_horizon"] and not s["peak"]["by_ok"], "peak %r" % s["peak"])
    check("no peak by 2030" in r.out, "console: %r" % r.out)
    wb = load_wb(xlsx)
    tr = wb["Trajectories"]
    row = traj_metric_row(tr, "grow", "co2_energy")
    for n in range(11):
        close(tr.cell(row=row, column=9 + n).value, CO2_POWER * 1.05 ** n, "Trajectories CO2 %d" % (2020 + n))
    pk = wb["Peak"]
    pr = peak_row(pk, "grow")
    check(pk.cell(row=pr, column=3).value == 2030, "Peak year %r" % pk.cell(row=pr, column=3).value)
    close(pk.cell(row=pr, column=4).value, CO2_POWER * 1.05 ** 10, "Peak value")
    check(pk.cell(row=pr, column=5).value == "no", "peaks by %r" % pk.cell(row=pr, column=5).value)
    # The formula behind the 2025 cell: the driver's ratio to the base year, over the Assumptions' rate.
    wf = load_wb(xlsx, data_only=False)["Trajectories"]
    gdp = rows_by_label(wf, 3, "gdp")[0]
    check(wf.cell(row=gdp, column=14).value == "=M%d*(1+Assumptions!$D$4)" % gdp,
          "GDP 2025 formula %r" % wf.cell(row=gdp, column=14).value)


@test
def no_change_reproduces_the_base_inventory(tmp):
    # A scenario with no drivers, entries or measures keeps every line at its base amount: every year equals
    # `ghgcalc inventory` of the base inventory. Lines: 100 Gg gas for power (269,280 t CO2), 20 Gg gas in
    # homes (20 x 48 x 56.1 = 53,856 t CO2), 10 GWh bought from the Northeast grid (10^7 kWh x 0.5564 kg =
    # 5,564 t CO2, purchased, not direct).
    extra = ("  - {category: \"1.A.4.b\", fuel: natural_gas, amount: 20, unit: Gg, source: \"hand case\"}\n"
             "indirect:\n  - {kind: electricity, amount: 10, unit: GWh, grid: northeast, source: \"hand case\"}\n")
    r, xlsx = project(tmp, "  - {id: same, title: \"no change\"}\n", inv_extra=extra)
    inv = ghg("inventory", os.path.join(tmp, "inv.yaml"), "-o", os.path.join(tmp, "inv.xlsx"), "--factors", FACTORS)
    check(inv.rc == 0, "inventory failed: %r" % inv)
    totals = read_json(os.path.join(tmp, "inv.json"))["totals"]
    close(totals["by_gas_t"]["CO2"], 269280 + 53856, "inventory CO2")
    s = scen(read_json(xlsx[:-5] + ".json"), "same")
    for n in range(11):
        close(s["metrics_t"]["co2_energy"][n], totals["by_gas_t"]["CO2"], "co2_energy %d" % (2020 + n))
        close(s["metrics_t"]["co2e_net"][n], totals["t_co2e"], "co2e_net %d" % (2020 + n))
        close(s["purchased_co2_t"]["consumption"][n], 5564, "purchased CO2 %d" % (2020 + n))
    # A flat path peaks in the base year (the first year of its largest value) and so by 2030.
    check(s["peak"]["year"] == 2020 and s["peak"]["by_ok"], "peak %r" % s["peak"])
    check(s["peak"]["plateau"] == [2020, 2030], "plateau %r" % s["peak"]["plateau"])


EDGES = (
    # falling: power falls 3 % a year, CO2(y) = 269,280 x 0.97^n: the peak is the base year
    "  - id: fall\n    activity:\n      - {category: \"1.A.1\", rate: -3%, source: hand}\n"
    # plateau: an index rising linearly to 1.2 in 2023 and held: 2021 1.0667, 2022 1.1333, 2023-2030 1.2; the
    # first year of the largest value is 2023; the band is 1.2 x 0.98 = 1.176, which 2022 (1.1333) misses
    "  - id: plateau\n    activity:\n      - {category: \"1.A.1\", values: {2023: 1.2}, source: hand}\n"
    # tie: 1.1 in 2022 and in 2026 (linear between the points): the earlier year wins
    "  - id: tie\n    activity:\n      - {category: \"1.A.1\", values: {2022: 1.1, 2024: 1.0, 2026: 1.1, 2030: 0.9}, "
    "source: hand}\n")


@test
def peak_at_the_edges(tmp):
    r, xlsx = project(tmp, GROW + EDGES)
    j = read_json(xlsx[:-5] + ".json")
    # Plateaus (band: 98 % of the peak): grow's 2029 is 1/1.05 = 95.2 % of 2030's, so [2030, 2030]; fall's
    # 2021 is 97 %; tie's neighbours 2021 and 2023 are 1.05 / 1.1 = 95.5 %.
    want = {"grow": (2030, CO2_POWER * 1.05 ** 10, False, False, [2030, 2030]),
            "fall": (2020, CO2_POWER, True, True, [2020, 2020]),
            "plateau": (2023, CO2_POWER * 1.2, True, True, [2023, 2030]),
            "tie": (2022, CO2_POWER * 1.1, True, True, [2022, 2022])}
    wb = load_wb(xlsx)
    pk = wb["Peak"]
    for sid, (year, value, in_h, by_ok, plateau) in want.items():
        p = scen(j, sid)["peak"]
        check(p["year"] == year and p["in_horizon"] == in_h and p["by_ok"] == by_ok, "%s: peak %r" % (sid, p))
        close(p["value"], value, "%s peak value" % sid)
        check(p["plateau"] == plateau, "%s plateau %r, expected %r" % (sid, p["plateau"], plateau))
        row = peak_row(pk, sid)
        check(pk.cell(row=row, column=3).value == year, "%s Peak sheet year %r" % (sid, pk.cell(row=row, column=3).value))
        close(pk.cell(row=row, column=4).value, value, "%s Peak sheet value" % sid)
        check([pk.cell(row=row, column=6).value, pk.cell(row=row, column=7).value] == plateau,
              "%s Peak sheet plateau" % sid)
    recalc(xlsx)


@test
def capture_wedge(tmp):
    # Power constant; CCUS captures 0.1 Mt CO2 a year at 90 % availability from 2025 (full at once):
    # 100,000 x 0.9 = 90,000 t a year from 2025, CO2 269,280 - 90,000 = 179,280 t; the wedge is 90,000 t.
    sc = ("  - id: ccus\n    measures:\n      - {id: cap, type: capture, category: \"1.A.1.a\", "
          "amount: {value: 0.1, unit: Mt}, availability: 90%, start: 2025, source: hand}\n")
    r, xlsx = project(tmp, sc)
    s = scen(read_json(xlsx[:-5] + ".json"), "ccus")
    for n in range(11):
        want = CO2_POWER - (90000 if n >= 5 else 0)
        close(s["metrics_t"]["co2_energy"][n], want, "CO2 %d" % (2020 + n))
        close(s["measures"][0]["wedge_t"][n], CO2_POWER - want, "wedge %d" % (2020 + n))
        close(s["without_measures_t"][n], CO2_POWER, "without measures %d" % (2020 + n))
    check(chart_count(xlsx) >= 3, "charts: %d" % chart_count(xlsx))


# ========================================================= targets, exits

SERIES = ("series: hand\nbase_year: 2020\nprice_base: 2020\ntargets: tg.yaml\nfactor_sets: [china-energy]\n"
          "electricity: {method: calorific, coal_rate: {value: 300, unit: gce/kWh, source: hand}}\nyears:\n"
          "  - year: 2019\n    inventory: inv2019.yaml\n"
          "    gdp: {value: 950, unit: 10^8 yuan, prices: constant, source: hand}\n"
          "    population: {value: 100, unit: 10^4 person}\n"
          "    energy:\n      - {fuel: natural_gas, amount: 10.4, unit: 10^8 m3}\n"
          "  - year: 2020\n    inventory: inv.yaml\n"
          "    gdp: {value: 1000, unit: 10^8 yuan, prices: constant, source: hand}\n"
          "    population: {value: 100, unit: 10^4 person}\n"
          "    energy:\n      - {fuel: natural_gas, amount: 10, unit: 10^8 m3}\n")
HIST = ("inventory: h2019\nyear: 2019\ngwp: ar5\nfactor_sets: [ipcc2006-energy]\nactivities:\n"
        "  - {category: \"1.A.1.a\", fuel: natural_gas, amount: 104, unit: Gg, source: \"hand case\"}\n")


def with_series(tmp, value):
    """The series (history 2019) and a CO2-intensity target of -`value` % from 2020 to 2025."""
    write(os.path.join(tmp, "series.yaml"), SERIES)
    write(os.path.join(tmp, "inv2019.yaml"), HIST)
    write(os.path.join(tmp, "tg.yaml"), "targets: tg\nitems:\n  - {id: co2-gdp, indicator: co2_per_gdp, kind: "
          "reduction, base_year: 2020, target_year: 2025, value: %s, source: hand}\n" % value)
    return "base: {inventory: inv.yaml, series: series.yaml}\n"


# Power grows with the square root of GDP (elasticity 0.5), GDP 5 % a year: CO2 per GDP in 2025 is
# 1.05^2.5 / 1.05^5 = 1.05^-2.5 = 0.88517 of 2020's (269,280 / 10^7 = 0.026928 t per 10^4 yuan): -11.48 %.
HALF = ("  - id: half\n    drivers:\n      gdp: {rate: 5%, source: hand}\n"
        "    activity:\n      - {category: \"1.A.1\", driver: gdp, elasticity: 0.5, source: hand}\n")


def series_project(tmp, value, *extra, rc=(0, 1)):
    write(os.path.join(tmp, "inv.yaml"), inventory())
    text = scenario_file(HALF).replace("base: {inventory: inv.yaml}\n", with_series(tmp, value))
    s = write(os.path.join(tmp, "scen.yaml"), text)
    xlsx = os.path.join(tmp, "out.xlsx")
    r = ghg("project", s, "-o", xlsx, "--factors", FACTORS, *extra)
    check(r.rc in rc, "project exit %d: %r" % (r.rc, r))
    return r, xlsx


@test
def targets_met_exit_0_missed_exit_1(tmp):
    r, xlsx = series_project(tmp, "10", rc=(0,))
    check(re.search(r"met\s+co2-gdp: co2_per_gdp 2025 = 0\.0238 t CO2/10\^4 yuan \(-11\.48 % since 2020", r.out),
          "console: %r" % r.out)
    t = scen(read_json(xlsx[:-5] + ".json"), "half")["targets"][0]
    close(t["base_value"], 0.026928, "CO2 per GDP 2020")
    close(t["latest_value"], 0.026928 * 1.05 ** -2.5, "CO2 per GDP 2025")
    close(t["level"], 0.026928 * 0.9, "level asked: -10 %")
    check(t["status"] == "met", "status %r" % t["status"])
    r2, xlsx2 = series_project(tmp, "15", rc=(1,))
    check(re.search(r"missed\s+co2-gdp", r2.out), "console: %r" % r2.out)
    check("1 missed" in r2.out, "summary: %r" % r2.out)
    # History (2019: 104 Gg, 104 x 48 x 56.1 = 280,051.2 t) joins the chart data before the base year.
    j = read_json(xlsx2[:-5] + ".json")["projection"]["history"]
    check(j["years"] == [2019], "history %r" % j["years"])
    close(j["metric"][0], 104 * 48 * 56.1, "history 2019 CO2")
    recalc(xlsx2)


@test
def errors_at_file_line_col_exit_2_nothing_written(tmp):
    write(os.path.join(tmp, "inv.yaml"), inventory())
    bad = write(os.path.join(tmp, "bad.yaml"), scenario_file(
        "  - id: a\n    drivers:\n      gdp: {rate: fast, source: hand}\n"
        "    activity:\n      - {category: \"1.A.1\", driver: gdp, colour: red, source: hand}\n"))
    xlsx = os.path.join(tmp, "out.xlsx")
    r = ghg("project", bad, "-o", xlsx, "--factors", FACTORS)
    check(r.rc == 2, "exit %d: %r" % (r.rc, r))
    msgs = re.findall(r"^%s:(\d+):(\d+): error: (.*)$" % re.escape(bad), r.err, re.M)
    check(len(msgs) >= 2, "every problem at once, at file:line:col: %r" % r.err)
    check(any(m[0] == "9" and "fast" in m[2] for m in msgs), "the rate at line 9: %r" % msgs)
    check(any(m[0] == "11" and "colour" in m[2] and "docs/projection.md" in m[2] for m in msgs),
          "the unknown key at line 11: %r" % msgs)
    check(not any(os.path.exists(os.path.join(tmp, f)) for f in ("out.xlsx", "out.csv", "out.json")), "files written")
    # A binding error (a selector that matches no line) is reported at its entry too.
    bind = write(os.path.join(tmp, "bind.yaml"), scenario_file(
        "  - id: a\n    activity:\n      - {category: \"2.A.1\", rate: 1%, source: hand}\n"))
    r = ghg("project", bind, "-o", xlsx, "--factors", FACTORS)
    check(r.rc == 2 and re.search(r"bind\.yaml:9:\d+: error: activity entry '2\.A\.1' selects no line", r.err),
          "binding error: %r" % r)
    check(not os.path.exists(xlsx), "workbook written")
    r = ghg("check", bad, "--factors", FACTORS)
    check(r.rc == 2 and "bad.yaml:9:" in r.err, "check: %r" % r)


@test
def usage_and_output_errors(tmp):
    write(os.path.join(tmp, "inv.yaml"), inventory())
    s = write(os.path.join(tmp, "scen.yaml"), scenario_file(GROW))
    r = ghg("project", s, "--factors", FACTORS)
    check(r.rc == 2 and "give one scenario file and -o OUT.xlsx" in r.err, "no -o: %r" % r)
    r = ghg("project", s, "-o", os.path.join(tmp, "o.xlsx"), "--iterations", "ten")
    check(r.rc == 2 and "--iterations takes a whole number" in r.err, "bad --iterations: %r" % r)
    r = ghg("project", s, "-o", os.path.join(tmp, "no", "such", "o.xlsx"), "--factors", FACTORS)
    check(r.rc == 3, "unwritable output: %r" % r)
    r = ghg("check", s, "--factors", FACTORS)
    check(r.rc == 0 and "ok: projection 'hand', 1 scenarios" in r.out, "check: %r" % r)


# ============================================================ Monte Carlo

UNCERTAIN = ("  - id: mc\n    drivers:\n      gdp: {rate: {value: 2%, range: [-4%, 6%]}, source: hand}\n"
             "    activity:\n      - {category: \"1.A.1\", driver: gdp, source: hand}\n")


@test
def monte_carlo_reproducible_by_seed_and_threads(tmp):
    outs = []
    for threads, seed in (("1", "7"), ("2", "7"), ("2", "8")):
        r, xlsx = project(tmp, UNCERTAIN, "--iterations", "300", "--seed", seed, "--threads", threads,
                          out="o%s%s.xlsx" % (threads, seed))
        outs.append(read_json(xlsx[:-5] + ".json")["projection"]["monte_carlo"])
    check(outs[0] == outs[1], "the same seed gave other figures on 2 threads")
    check(outs[0] != outs[2], "another seed gave the same figures")
    mc = outs[0]
    check(mc["iterations"] == 300 and mc["seed"] == 7 and mc["uncertain_numbers"] == 1, "settings %r" % mc)
    s = mc["scenarios"][0]
    counts = s["peak_year_counts"]
    check(sum(counts.values()) == 300, "peak-year counts sum to %d" % sum(counts.values()))
    # A constant rate makes the path monotone: it peaks in 2020 (a falling rate) or not at all (rising);
    # P(peak by 2030) = share of draws with a rate below 0, about 4/10 of the uniform range [-4 %, 6 %].
    check(counts["2020"] + counts["not_by_horizon"] == 300, "monotone paths: %r" % counts)
    close(s["p_peak_by"], counts["2020"] / 300, "P(peak by 2030)")
    check(0.3 < s["p_peak_by"] < 0.5, "P(peak by 2030) = %r" % s["p_peak_by"])
    # The file's own monte_carlo: block runs it too, --iterations 0 turns it off.
    r, xlsx = project(tmp, UNCERTAIN, "--iterations", "0", head="monte_carlo: {iterations: 50, seed: 3}\n",
                      out="none.xlsx")
    check("monte_carlo" not in read_json(xlsx[:-5] + ".json")["projection"], "--iterations 0 ran Monte Carlo")
    check("Monte Carlo" not in load_wb(xlsx).sheetnames, "Monte Carlo sheet without a run")
    r, xlsx = project(tmp, UNCERTAIN, head="monte_carlo: {iterations: 50, seed: 3}\n", out="file.xlsx")
    mc = read_json(xlsx[:-5] + ".json")["projection"]["monte_carlo"]
    check(mc["iterations"] == 50 and mc["seed"] == 3, "the file's monte_carlo: %r" % mc)
    wb = load_wb(xlsx)
    check("Monte Carlo" in wb.sheetnames, "no Monte Carlo sheet")
    recalc(xlsx)


# ============================================================ the workbook

# A rise and a fall: GDP +5 % a year to 2025, then -2 % a year; power with GDP. CO2 2025 = 269,280 x 1.05^5
# = 343,677.10 t (the peak), 2030 = 343,677.10 x 0.98^5 = 310,656.88 t.
TURN = ("  - id: turn\n    drivers:\n      gdp: {rate: {2021: 5%, 2026: -2%}, source: hand}\n"
        "    activity:\n      - {category: \"1.A.1\", driver: gdp, source: hand}\n")


@test
def edited_growth_rate_moves_the_path_and_the_peak(tmp):
    import openpyxl
    r, xlsx = project(tmp, TURN)
    wb = load_wb(xlsx)
    pr = peak_row(wb["Peak"], "turn")
    check(wb["Peak"].cell(row=pr, column=3).value == 2025, "peak year before the edit")
    close(wb["Peak"].cell(row=pr, column=4).value, CO2_POWER * 1.05 ** 5, "peak before the edit")
    # Assumptions: parameter 2 (row 5) is the rate from 2026. A planner makes it +1 %: the path rises to
    # 2030, 269,280 x 1.05^5 x 1.01^5 = 361,208.09 t, which is now the largest value, in the last year.
    book = openpyxl.load_workbook(xlsx)
    a = book["Assumptions"]
    check(a["C5"].value == "turn: drivers.gdp rate 2026" and a["D5"].value == -0.02, "Assumptions row 5: %r" %
          [a["C5"].value, a["D5"].value])
    a["D5"] = 0.01
    edited = os.path.join(tmp, "edited.xlsx")
    book.save(edited)
    got = recalculated(edited)
    tr = got["Trajectories"]
    row = traj_metric_row(tr, "turn", "co2_energy")
    for n in range(11):
        want = CO2_POWER * 1.05 ** min(n, 5) * 1.01 ** max(0, n - 5)
        close(tr.cell(row=row, column=9 + n).value, want, "recalculated CO2 %d" % (2020 + n), rel=1e-9)
    pk = got["Peak"]
    check(pk.cell(row=pr, column=3).value == 2030, "peak year after the edit: %r" % pk.cell(row=pr, column=3).value)
    close(pk.cell(row=pr, column=4).value, CO2_POWER * 1.05 ** 5 * 1.01 ** 5, "peak after the edit", rel=1e-9)
    check(pk.cell(row=pr, column=5).value == "no", "peaks by 2030 after the edit: %r" % pk.cell(row=pr, column=5).value)


# The sheet names with --lang zh (docs/projection.md#the-workbook), in workbook order; Monte Carlo when it ran.
# LMDI keeps the method's name with 分解 (decomposition), so every name has Chinese characters.
ZH_SHEETS = ["达峰", "假设", "预测路径", "减排楔形", "LMDI分解", "目标", "蒙特卡洛", "基准年", "关于"]


@test
def lang_zh(tmp):
    r, xlsx = series_project(tmp, "15", "--lang", "zh", "--iterations", "50", rc=(1,))  # nothing uncertain: no MC
    check(check_zh_sheets(xlsx) == [n for n in ZH_SHEETS if n != "蒙特卡洛"], "sheets: %r" % load_wb(xlsx).sheetnames)
    wb = load_wb(xlsx)
    pk = wb["达峰"]
    check(pk["A1"].value == "达峰：各情景的达峰时间", "Peak title %r" % pk["A1"].value)
    pr = peak_row(pk, "half")
    check(pk.cell(row=pr, column=5).value == "否", "peaks by in Chinese: %r" % pk.cell(row=pr, column=5).value)
    tg = wb["目标"]
    check(any(c.value == "未达标" for row in tg.iter_rows() for c in row), "a missed target in Chinese")
    check(wb["关于"]["A1"].value == "ghgcalc 碳达峰情景预测", "About title")
    # The chart data are formulas over 预测路径 (Trajectories), quoted as a name of Chinese characters must be.
    fs = [c.value for row in load_wb(xlsx, data_only=False)["达峰"].iter_rows() for c in row]
    check(any(isinstance(f, str) and f.startswith("='预测路径'!") for f in fs), "no formula over '预测路径'")
    recalc(xlsx)


@test
def shipped_example(tmp):
    # From another folder: the project's inventory (in a subfolder) finds the factor sets the base inventory does.
    xlsx = os.path.join(tmp, "peak.xlsx")
    r = ghg("project", SHIPPED, "-o", xlsx, "--iterations", "200", cwd=tmp)
    check(r.rc == 1, "the example misses targets (exit 1): %r" % r)
    # 44.15 Mt: 44.02 before issue 15's rail and aviation records (+0.117 Mt CO2 in 2020, 1.A.3.a and 1.A.3.c)
    check(re.search(r"policy: .*\n  peak 2027 at 44\.15 Mt CO2 \(co2_energy\); peaks by 2030: yes", r.out),
          "policy peak: %r" % r.out)
    check("baseline: " in r.out and "no peak by 2060" in r.out, "baseline: %r" % r.out)
    j = read_json(xlsx[:-5] + ".json")["projection"]
    check([s["id"] for s in j["scenarios"]] == ["baseline", "policy", "enhanced"], "scenarios")
    check(j["monte_carlo"]["iterations"] == 200, "iterations")
    # The wedges add up: the path without measures minus the path with all of them.
    for s in j["scenarios"]:
        for n in range(len(s["years"])):
            total = sum(m["wedge_t"][n] for m in s["measures"])
            close(total, s["without_measures_t"][n] - s["metrics_t"]["co2_energy"][n], "%s wedges %d" %
                  (s["id"], s["years"][n]), abs_tol=1e-6)
    rows = read_csv(xlsx[:-5] + ".csv")
    check(rows[0][:4] == ["scenario", "year", "kind", "sector"], "CSV header %r" % rows[0][:4])
    check(len([x for x in rows if x[2] == "history"]) == 5, "5 history rows")
    check(chart_count(xlsx) >= 1 + 3 + 3 + 3, "charts: %d" % chart_count(xlsx))
    recalc(xlsx)


@test
def shipped_example_zh(tmp):
    # The shipped example in Chinese: measures (Wedges), targets, LMDI and Monte Carlo, so that every kind of
    # reference across sheets (formulas, chart ranges) is written with the Chinese names; the outputs beside the
    # workbook stay English, and the same as an English run's.
    xlsx = os.path.join(tmp, "peak.xlsx")
    r = ghg("project", SHIPPED, "-o", xlsx, "--iterations", "50", "--lang", "zh", cwd=tmp)
    check(r.rc == 1, "the example misses targets (exit 1): %r" % r)
    check(check_zh_sheets(xlsx) == ZH_SHEETS, "sheets: %r" % load_wb(xlsx).sheetnames)
    en = os.path.join(tmp, "en.xlsx")
    check(ghg("project", SHIPPED, "-o", en, "--iterations", "50", cwd=tmp).rc == 1, "the English run")
    for ext in (".csv", ".json"):
        a, b = (open(p[:-5] + ext, encoding="utf-8").read() for p in (xlsx, en))
        check(a == b.replace("en.xlsx", "peak.xlsx"), "%s differs from the English run's" % ext)
    recalc(xlsx)


def configure(bin_path, verbose):
    e2e_helpers.configure(bin_path, verbose)


if __name__ == "__main__":
    sys.exit(TESTS.main("project e2e", "ghgcalc-project-", configure, doc=__doc__))

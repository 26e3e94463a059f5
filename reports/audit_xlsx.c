/* audit_xlsx.c - the audit workbook: its labels, shared helpers, the About sheet and the writer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit_xlsx.h"
#include "rpt_about.h"

/* The non-conformity categories of CETS-VG annex 3, as the rules file writes them (AWL_CAT0 order). */
static const char *const aw_categories[AWL_END - AWL_CAT0] = {
    "basic_information", "boundary", "method", "data", "qa_archiving", "data_quality_plan", "on_site", "other"};

/* English and Chinese text of each of the workbook's labels. */
static const rpt_text aw_texts[AWL_END] = {
    [AWL_DOC_TITLE] = {"Verification of enterprise emission reports", "企业温室气体排放报告核查"},
    [AWL_ABOUT_TITLE] = {"ghgcalc audit", "ghgcalc 排放报告核查"},
    [AWL_SEV0 + AUD_INFO] = {"info", "提示"},
    [AWL_SEV0 + AUD_WARNING] = {"warning", "警告"},
    [AWL_SEV0 + AUD_ERROR] = {"error", "错误"},
    [AWL_STATUS0 + AUD_ST_UNREADABLE] = {"unreadable", "无法读取"},
    [AWL_STATUS0 + AUD_ST_NOT_RECOMPUTABLE] = {"not recomputable", "无法重算"},
    [AWL_STATUS0 + AUD_ST_ERRORS] = {"errors", "有错误"},
    [AWL_STATUS0 + AUD_ST_WARNINGS] = {"warnings", "有警告"},
    [AWL_STATUS0 + AUD_ST_CLEAN] = {"clean", "未发现问题"},
    [AWL_YES] = {"yes", "是"},
    [AWL_NO] = {"no", "否"},
    [AWL_NA] = {"-", "-"},
    [AWL_ALL_REPORTS] = {"All reports", "全部报告"},
    [AWL_SUMMARY_NOTE] = {"Declared, recomputed and verified totals in t CO2; verified = recomputed after the meters' "
                          "conservative adjustment (CETS-VG 3.4.1.1). Sorted by risk (About).",
                          "申报、重算和核查排放量单位为 t CO2；核查值 = 重算值经计量器具保守调整后"
                          "（CETS-VG 3.4.1.1）。按风险排序（见“关于”）。"},
    [AWL_RULES_TITLE] = {"Verification rules", "核查规则"},
    [AWL_RULES_FILE] = {"Rules file", "规则文件"},
    [AWL_TOLERANCE] = {"Recomputation tolerance", "重算容差"},
    [AWL_TOLERANCE_FROM_CLI] = {"given with --tolerance", "由 --tolerance 指定"},
    [AWL_TOLERANCE_FROM_FILE] = {"the rules file's", "规则文件设定"},
    [AWL_FAIL_ON] = {"Fails at (--fail-on)", "判定不通过的级别 (--fail-on)"},
    [AWL_BUILTIN] = {"built in", "内置"},
    [AWL_BUILTIN_SOURCE] = {"ghgcalc: needs no rules file", "ghgcalc：无需规则文件"},
    [AWL_UNREADABLE_MSG] = {"a report that cannot be read: one finding per problem, at its file:line:col",
                            "无法读取的报告：每个问题一条发现，注明文件:行:列"},
    [AWL_NOT_RECOMPUTABLE_MSG] = {"a report the engine cannot recompute (the other rules still run)",
                                  "无法重算的报告（其他规则仍执行）"},
    [AWL_DISABLED] = {"disabled", "已停用"},
    [AWL_RECALC_TITLE] = {"Recalculation", "重算"},
    [AWL_RECALC_NOTE] = {"Energy (TJ) = amount x unit factor x NCV; emission (t CO2) = energy x EF x EF factor x "
                         "oxidation (the EF factor holds the unit conversion and 44/12); process: amount x terms x "
                         "EF x conversion; verified = emission x meter adjustment.",
                         "能量 (TJ) = 活动水平 × 单位换算系数 × 低位发热量；排放量 (t CO2) = 能量 × 排放因子 × "
                         "排放因子换算系数 × 氧化率（换算系数含单位换算和 44/12）；过程排放：活动水平 × 各参数 × "
                         "排放因子 × 换算系数；核查值 = 排放量 × 计量器具调整系数。"},
    [AWL_RECALC_NONE] = {"The report could not be recomputed: its problems are the findings of rule "
                         "report.not_recomputable (sheet Findings); the other rules were applied.",
                         "报告无法重算：问题见“核查发现”表中 report.not_recomputable 规则的发现；其他规则已执行。"},
    [AWL_RECALC_UNREADABLE] = {"The report could not be read: its problems are the findings of rule report.unreadable "
                               "(sheet Findings), each at its file:line:col.",
                               "报告无法读取：问题见“核查发现”表中 report.unreadable 规则的发现，均注明文件:行:列。"},
    [AWL_FUELS] = {"Fossil fuel combustion (annex C.3)", "化石燃料燃烧（附表 C.3）"},
    [AWL_PROCESS] = {"Process sources", "过程排放源"},
    [AWL_ENERGY] = {"Purchased and exported electricity and heat", "购入和输出的电力、热力"},
    [AWL_YEAR_SUM] = {"year", "全年"},
    [AWL_COMBUSTION_TOTAL] = {"Combustion", "燃烧排放"},
    [AWL_PROCESS_TOTAL] = {"Process", "过程排放"},
    [AWL_INDIRECT_TOTAL] = {"Purchased - exported energy", "购入 - 输出能源"},
    [AWL_INDIRECT_COUNTED] = {"counted in the total (the report declares totals.indirect)",
                              "计入总量（报告申报了 totals.indirect）"},
    [AWL_INDIRECT_NOT_COUNTED] = {"not counted in the total (the report declares no totals.indirect)",
                                  "不计入总量（报告未申报 totals.indirect）"},
    [AWL_ENTERPRISE_TOTAL] = {"Enterprise total", "企业排放总量"},
    [AWL_RECORD] = {"record", "记录"},
    [AWL_EXPORTED] = {"exported", "输出"},
    [AWL_PURCHASED] = {"purchased", "购入"},
    [AWL_REPORTS] = {"Reports", "报告数"},
    [AWL_RISK_ORDER] = {"Risk order (Summary, Findings, Results)", "风险排序（“汇总”“核查发现”“核查结果”表）"},
    [AWL_RISK_ORDER_TEXT] = {"1. status: unreadable, not recomputable, errors, warnings, clean (nothing of a report "
                             "that cannot be read or recomputed is confirmed); 2. the larger |declared - verified| / "
                             "verified first; 3. more errors, then more warnings; 4. input order",
                             "1. 状态：无法读取、无法重算、有错误、有警告、未发现问题（无法读取或重算的报告无任何数据"
                             "得到确认）；2. |申报值 - 核查值| / 核查值 较大者在前；3. 错误较多、警告较多者在前；"
                             "4. 输入顺序"},
    [AWL_LAYOUT] = {"Recalculation sheets", "重算表"},
    [AWL_LAYOUT_SHEETS] = {"one sheet per enterprise, named by its rank in the risk order and its id",
                           "每个企业一张表，名为“重算”加风险排序名次和报告标识"},
    [AWL_LAYOUT_STACKED] = {"a large batch (more than 100 reports): the blocks of the reports with findings at warning "
                            "level or above, one below the other in the Recalculation sheets (the Summary links to "
                            "each); Results lists the items that are not consistent or that a finding concerns. Audit "
                            "a report on its own for its full recalculation and results table; the CSV and JSON hold "
                            "every finding",
                            "大批量（超过 100 份报告）：仅为有警告及以上发现的报告生成计算块，依次排列在“重算”"
                            "表中（“汇总”表链接到各块）；“核查结果”表仅列出不一致或有发现的数据项。单独核查某份报告可得其完整"
                            "重算和结果表；CSV 和 JSON 含全部发现"},
    [AWL_NOTES_TEXT] = {"Descriptions are the rules file's messages. Difference = verified - declared (as the "
                        "verifier's results table); the Summary's deviation = declared - verified. Blank columns "
                        "of Findings are for the enterprise's cause analysis, the corrective action and the "
                        "conclusion (CETS-VG annex 3). See docs/audit.md.",
                        "发现描述取自规则文件。差值 = 核查值 - 申报值（同“核查结果”表）；“汇总”表的偏差 = 申报值 - 核查值。"
                        "“核查发现”表中的空白列供填写企业原因分析、整改措施和结论（CETS-VG 附件3）。详见 docs/audit.md。"},
    [AWL_TERM] = {"Term", "参数"},
    [AWL_TERM_NAME] = {"name [unit]", "名称 [单位]"},
    [AWL_SHEET_SUMMARY] = {"Summary", "汇总"},
    [AWL_SHEET_FINDINGS] = {"Findings", "核查发现"},
    [AWL_SHEET_RESULTS] = {"Results", "核查结果"},
    [AWL_SHEET_RULES] = {"Rules", "核查规则"},
    [AWL_SHEET_STACKED] = {"Recalculation", "重算"},
    [AWL_SHEET_ENTERPRISE] = {"", "重算"},
    [AWL_CAT0 + 0] = {"basic information", "基本情况"},
    [AWL_CAT0 + 1] = {"boundary", "核算边界"},
    [AWL_CAT0 + 2] = {"method", "核算方法"},
    [AWL_CAT0 + 3] = {"data", "核算数据"},
    [AWL_CAT0 + 4] = {"QA and archiving", "质量保证和文件存档"},
    [AWL_CAT0 + 5] = {"data quality control plan", "数据质量控制计划"},
    [AWL_CAT0 + 6] = {"on-site findings", "现场发现"},
    [AWL_CAT0 + 7] = {"other", "其他"},
};

static const rpt_labels aw_labels = {aw_texts, AWL_END};

/* The data items and tables of the results table (calc/audit_items.c) in Chinese. */
static const rpt_text aw_items[] = {
    {"consumption", "消耗量"},
    {"carbon content", "元素碳含量"},
    {"NCV", "低位发热量"},
    {"carbon per unit heat", "单位热值含碳量"},
    {"oxidation rate", "碳氧化率"},
    {"fuel combustion emissions", "化石燃料燃烧排放量"},
    {"generation", "发电量"},
    {"heat supplied", "供热量"},
    {"running hours", "运行小时数"},
    {"load factor", "负荷率"},
    {"unit emissions", "机组排放量"},
    {"amount", "活动水平"},
    {"emissions", "排放量"},
    {"emission factor", "排放因子"},
    {"combustion emissions", "燃烧排放量"},
    {"process emissions", "过程排放量"},
    {"indirect emissions", "间接排放量"},
    {"total emissions", "排放总量"},
    {"process", "过程排放"},
    {"energy", "购入和输出能源"},
    {"totals", "合计"},
    {"power", "发电"},
    {"cement", "水泥"},
    {"steel", "钢铁"},
    {"chemicals", "化工"},
    {"other", "其他"},
};

/* ------------------------------------------------------------- helpers */

const char *aw_label(const aw *w, rpt_label_id id) { return rpt_xl_label(&w->xl, id); }

const char *aw_sheet(const aw *w, rpt_label_id id) { return aw_label(w, id); }

const char *aw_severity(const aw *w, aud_severity s) { return aw_label(w, AWL_SEV0 + (rpt_label_id)s); }

const char *aw_status(const aw *w, aud_status s) { return aw_label(w, AWL_STATUS0 + (rpt_label_id)s); }

const char *aw_category(const aw *w, const char *cat)
{
    for (size_t i = 0; cat && i < sizeof aw_categories / sizeof *aw_categories; i++)
        if (strcmp(cat, aw_categories[i]) == 0)
            return aw_label(w, AWL_CAT0 + (rpt_label_id)i);
    return cat ? cat : "";
}

const char *aw_item_text(const aw *w, const char *en)
{
    for (size_t i = 0; w->zh && en && i < sizeof aw_items / sizeof *aw_items; i++)
        if (strcmp(en, aw_items[i].en) == 0)
            return aw_items[i].zh;
    return en ? en : "";
}

void aw_where(const src_loc *at, char *buf, size_t len)
{
    const char *f = at->file ? at->file : "";
    if (at->line && at->col)
        rpt_fmt(buf, len, "%s:%u:%u", f, at->line, at->col);
    else if (at->line)
        rpt_fmt(buf, len, "%s:%u", f, at->line);
    else
        rpt_fmt(buf, len, "%s", f);
}

lxw_worksheet *aw_table_sheet(aw *w, const char *name, const rpt_text *cols, const double *widths, size_t n,
                              lxw_row_t row)
{
    lxw_worksheet *ws = rpt_xl_sheet(&w->xl, name);
    if (!ws)
        return NULL;
    rpt_xl_widths(&w->xl, ws, widths, n);
    rpt_xl_check(&w->xl, worksheet_set_row(ws, row, AW_HEADER_HEIGHT, NULL), "setting a row height");
    rpt_xl_header_texts(&w->xl, ws, row, cols, n);
    worksheet_freeze_panes(ws, row + 1, 0);
    aw_print_setup(w, ws);
    rpt_xl_check(&w->xl, worksheet_repeat_rows(ws, row, row), "setting the rows repeated on each page");
    return ws;
}

rpt_fmt_id aw_num_fmt(double magnitude)
{
    return magnitude >= 100 ? RPT_F_T : magnitude >= 0.1 ? RPT_F_DEC4 : RPT_F_GENERAL;
}

size_t aw_text_width(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; s && *p; p++)
        if ((*p & 0xC0) != 0x80)
            n += *p >= 0xE0 ? 2 : 1; /* three- and four-byte characters: CJK, full width */
    return n;
}

void aw_wrap_height(aw *w, lxw_worksheet *ws, lxw_row_t row, size_t chars, double width)
{
    size_t lines = width > 0 ? (size_t)((double)chars / (width * 0.95)) + 1 : 1; /* 5 %: words do not fill a line */
    if (lines > 1 && !w->xl.err)
        rpt_xl_check(&w->xl, worksheet_set_row(ws, row, 15.0 * (double)(lines > 20 ? 20 : lines), NULL),
                     "setting a row height");
}

void aw_print_setup(aw *w, lxw_worksheet *ws)
{
    (void)w;
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_fit_to_pages(ws, 1, 0);
}

rpt_ref aw_tolerance_ref(const aw *w)
{
    return rpt_xl_ref(aw_sheet(w, AWL_SHEET_RULES), AW_TOL_ROW, AW_TOL_COL, true);
}

rpt_fmt_id aw_severity_fmt(aud_severity s)
{
    return s == AUD_ERROR ? RPT_F_BAD : s == AUD_WARNING ? RPT_F_WARN : RPT_F_NONE;
}

/* --------------------------------------------------------------- About */

/* The factor sets any enterprise searched, in first-use order, into a
 * malloc'd array (*out; the caller frees it); the count. */
static size_t aw_sets(const aw *w, const fset ***out)
{
    size_t n = 0, cap = 0;
    const fset **v = NULL;
    for (size_t i = 0; i < w->b->n; i++) {
        const aud_enterprise *e = w->b->ent[i];
        eng_order o = e->eng ? eng_search_order(e->eng) : (eng_order){NULL, 0};
        for (size_t k = 0; k < o.n; k++) {
            size_t j = 0;
            while (j < n && v[j] != o.sets[k])
                j++;
            if (j < n)
                continue;
            if (n == cap) {
                const fset **q = realloc(v, (cap = cap ? 2 * cap : 8) * sizeof *q);
                if (!q)
                    break;
                v = q;
            }
            v[n++] = o.sets[k];
        }
    }
    *out = v;
    return n;
}

/* An About pair whose value wraps in column B (100 characters wide): the row made tall enough for it. */
static void aw_about_pair(aw *w, rpt_about *a, const char *label, const char *value)
{
    if (a->ws)
        aw_wrap_height(w, a->ws, a->row, aw_text_width(value), 100);
    rpt_about_pair(a, label, value);
}

/* Writes the run, the rules and the settings on About. */
static void aw_about_run(aw *w, rpt_about *a)
{
    const aud_rules *rs = w->b->rules;
    char buf[2048];
    rpt_about_run(a, w->m);
    snprintf(buf, sizeof buf, "%zu", w->b->n);
    rpt_about_pair(a, aw_label(w, AWL_REPORTS), buf);
    rpt_fmt(buf, sizeof buf, "%s: %s (%s)", rs->id ? rs->id : "?", rs->title ? rs->title : "", rs->path);
    aw_about_pair(w, a, aw_label(w, AWL_RULES_FILE), buf);
    bool cli = w->b->tolerance != rs->tolerance;
    rpt_fmt(buf, sizeof buf, "%.6g %% (%s)", w->b->tolerance * 100,
            aw_label(w, cli ? AWL_TOLERANCE_FROM_CLI : AWL_TOLERANCE_FROM_FILE));
    rpt_about_pair(a, aw_label(w, AWL_TOLERANCE), buf);
    rpt_about_pair(a, aw_label(w, AWL_FAIL_ON), aw_severity(w, w->b->fail_on));
    aw_about_pair(w, a, aw_label(w, AWL_RISK_ORDER), aw_label(w, AWL_RISK_ORDER_TEXT));
    aw_about_pair(w, a, aw_label(w, AWL_LAYOUT), aw_label(w, w->stacked ? AWL_LAYOUT_STACKED : AWL_LAYOUT_SHEETS));
    rpt_about_language(a);
    aw_about_pair(w, a, aw_label(w, RPT_L_NOTES), aw_label(w, AWL_NOTES_TEXT));
}

/* Writes the About sheet: the run and settings, the factor sets, the inputs. */
static void aw_about(aw *w)
{
    static const double widths[] = {40, 100, 14, 150};
    rpt_about a;
    const fset **sets = NULL;
    size_t n = aw_sets(w, &sets);
    rpt_about_start(&a, &w->xl, NULL, widths, 4, aw_label(w, AWL_ABOUT_TITLE));
    if (a.ws)
        aw_print_setup(w, a.ws);
    aw_about_run(w, &a);
    rpt_about_gap(&a);
    rpt_about_sets(&a, sets, n);
    rpt_about_gap(&a);
    rpt_about_inputs(&a, w->m);
    free(sets);
}

/* ---------------------------------------------------------- the writer */

/* Writes the workbook; sheets in the order Summary, Findings, Results, the
 * recalculation sheets, Rules, About. */
int rpt_audit_xlsx(const aud_batch *b, const char *path, const rpt_meta *m, char *err, size_t errlen)
{
    aw w = {.b = b, .m = m, .zh = m->zh};
    char title[512];
    if (!rpt_xl_open(&w.xl, path, m, &aw_labels, err, errlen))
        return -1;
    rpt_fmt(title, sizeof title, "%s", aw_label(&w, AWL_DOC_TITLE));
    rpt_xl_properties(&w.xl, title, b->rules->id ? b->rules->id : "");
    rpt_xl_footer(&w.xl, title); /* every sheet's printed footer: the title and "Page N of M" */
    if (!aw_recalc_plan(&w))
        rpt_xl_check(&w.xl, LXW_ERROR_MEMORY_MALLOC_FAILED, "planning the recalculation sheets");
    else {
        aw_summary(&w);
        aw_findings(&w);
        aw_results(&w);
        aw_recalc(&w);
        aw_rules(&w);
        aw_about(&w);
    }
    free(w.place);
    return rpt_xl_close(&w.xl, path, err, errlen);
}

/* template_xlsx.c - the input workbook of `ghgcalc template`: forms, tables with drop-down lists, names beside the
 * keys. */
#include <stdio.h>
#include <string.h>

#include "rpt_about.h"
#include "rpt_xl.h"
#include "template.h"

/* The template's own labels. */
enum {
    TW_L_INSTRUCTIONS = RPT_L_COUNT,
    TW_L_FIELD,
    TW_L_VALUE,
    TW_L_EXPLANATION,
    TW_L_NOT_LISTED,
    TW_L_NOT_LISTED_MSG,
    TW_L_CLOSED_MSG,
    TW_L_NUMBER,
    TW_L_NUMBER_MSG,
    TW_L_WHOLE_MSG,
    TW_L_ABOUT_TITLE,
    TW_L_KIND,
    TW_L_END
};

static const rpt_text tw_texts[TW_L_END] = {
    [TW_L_INSTRUCTIONS] = {"Instructions", "说明"},
    [TW_L_FIELD] = {"Field", "项目"},
    [TW_L_VALUE] = {"Value", "填写内容"},
    [TW_L_EXPLANATION] = {"Explanation", "说明"},
    [TW_L_NOT_LISTED] = {"Not in the list", "不在列表中"},
    [TW_L_NOT_LISTED_MSG] = {"This value is not in the list. ghgcalc import checks it: keep it only if it is a "
                             "valid key or unit (docs/input-format.md).",
                             "该值不在列表中。ghgcalc import 会检查它:只有确为有效的代码或单位时才保留。"},
    [TW_L_CLOSED_MSG] = {"Pick a value from the list.", "请从列表中选择。"},
    [TW_L_NUMBER] = {"A number", "需要数值"},
    [TW_L_NUMBER_MSG] = {"Type a number without its unit or thousands separators.",
                         "请输入数值,不带单位和千位分隔符。"},
    [TW_L_WHOLE_MSG] = {"Type a whole number.", "请输入整数。"},
    [TW_L_ABOUT_TITLE] = {"About this template", "关于本模板"},
    [TW_L_KIND] = {"Template", "模板类型"},
};

static const rpt_labels tw_labels = {tw_texts, TW_L_END};

/* The workbook being written and the columns of the hidden Lists sheet. */
typedef struct {
    rpt_xl x;
    const tpl_data *d;
    lxw_format *pct_input; /* "5" shows as "5.0 %" and stays 5 */
    lxw_format *hdr_req;   /* header of a required column */
    lxw_format *hdr_opt;   /* header of an optional column */
    lxw_format *grey;      /* the name columns and the hints */
    lxw_col_t list_col[TPL_L_COUNT];
    size_t list_len[TPL_L_COUNT];
} tw_book;

/* The Lists sheet's name, used in the defined names. */
#define TW_LISTS "Lists"

/* ------------------------------------------------------------------ instructions */

/* The steps on the Instructions sheet, per kind: English and Chinese. */
static const rpt_text tw_steps_inventory[] = {
    {"How to use this workbook", "如何使用本工作簿"},
    {"1. Fill in the Inventory sheet: id, year and the factor sets (the defaults suit a city inventory).",
     "1. 填写“清单”表:编号、年份和因子集(默认因子集适用于城市清单)。"},
    {"2. Activities: one row per fuel or activity and IPCC category. Pick the category, the fuel or activity key "
     "and the unit from the drop-down lists; the name columns show what you picked.",
     "2. “活动数据”表:每种燃料或活动、每个 IPCC "
     "类别一行。从下拉列表选择类别、燃料或活动代码和单位;名称列会显示所选内容。"},
    {"3. Amounts are plain numbers (no units, no thousands separators); the unit goes in its own column. "
     "Uncertainty is +/- % at 95 % (type 5 for 5 %).",
     "3. 活动水平只填数值(不带单位和千位分隔符),单位填在单位列。不确定性为 95% 置信区间的 ±%(5% 填 5)。"},
    {"4. A measured NCV or emission factor (Tier 2) goes in the NCV / CO2 / CH4 / N2O columns with its unit and "
     "source; other terms (abatement, days, density, ...) in the 'Other parameter' columns.",
     "4. 实测的低位发热量或排放因子(方法 2)填在 NCV/CO2/CH4/N2O 列,并填写单位和来源;其他参数(abatement、days、"
     "density 等)填在“其他参数”列。"},
    {"5. Optional: Indirect (purchased electricity and heat), Notation keys, Reference approach.",
     "5. 可选:“外购电力热力”“注释键”“参考方法”。"},
    {"6. Save, then convert and compute:", "6. 保存后转换并计算:"},
    {"     ghgcalc import THIS.xlsx -o inventory.yaml", "     ghgcalc import 本文件.xlsx -o inventory.yaml"},
    {"     ghgcalc inventory inventory.yaml -o inventory-results.xlsx",
     "     ghgcalc inventory inventory.yaml -o inventory-results.xlsx --lang zh"},
    {"The import reports every cell to fix as FILE:Sheet!B7: error: ... and writes nothing until all are fixed. "
     "Each value in the YAML it writes keeps the cell it came from in a comment.",
     "导入会把每个需要修改的单元格报告为 文件:工作表!B7: error: ……,全部改正之前不写任何文件。生成的 YAML "
     "中每个值都以注释注明来源单元格。"},
    {"Not in this workbook: landfill sites (solid_waste, docs/fod.md), distance-based road transport, the forest "
     "stock-difference method and the mapping form of uncertainty: add them to the YAML the import writes.",
     "本工作簿不包括:垃圾填埋场(solid_waste,见 "
     "docs/fod.md)、按里程计算的道路运输、森林蓄积量差值法和不确定性的详细写法:"
     "请在导入生成的 YAML 中补充。"},
    {"Each sheet can also be saved as CSV (UTF-8 or GB18030) and imported: ghgcalc import Inventory.csv "
     "Activities.csv -o inventory.yaml.",
     "每个工作表也可以另存为 CSV(UTF-8 或 GB18030)再导入:ghgcalc import 清单.csv 活动数据.csv -o inventory.yaml。"},
};

static const rpt_text tw_steps_series[] = {
    {"How to use this workbook", "如何使用本工作簿"},
    {"1. Series: id, base year and price base year; the headline electricity method.",
     "1. “序列”表:编号、基准年、价格基年和电力折标主口径。"},
    {"2. Years: one row per year with its inventory file, GDP and population.",
     "2. “年度”表:每年一行,填写该年的清单文件、地区生产总值和人口。"},
    {"3. Energy: one row per year and fuel; the year links the row to the Years sheet.",
     "3. “能源消费”表:每年每个能源品种一行;年份与“年度”表对应。"},
    {"4. Save, then: ghgcalc import THIS.xlsx -o series.yaml and ghgcalc intensity series.yaml -o intensity.xlsx",
     "4. 保存后运行:ghgcalc import 本文件.xlsx -o series.yaml,然后 ghgcalc intensity series.yaml -o intensity.xlsx"},
    {"The series file must sit beside the inventories it names (paths are relative to it).",
     "序列文件须与其引用的清单文件放在一起(路径相对于序列文件)。"},
};

static const rpt_text tw_steps_report[] = {
    {"How to use this workbook", "如何使用本工作簿"},
    {"1. Report: id, year, enterprise and the declared totals (docs/audit.md).",
     "1. “报告”表:编号、年份、企业信息和申报的排放量(docs/audit.md)。"},
    {"2. Units, Fuels, Months: the guideline's annex C tables; the unit id (and fuel) link the rows.",
     "2. “机组”“燃料”“月度数据”:对应指南附表 C;机组编号(和燃料)把各行对应起来。"},
    {"3. Process, Purchased, Exported: process sources and purchased or exported energy.",
     "3. “过程排放”“购入电力热力”“输出电力热力”:过程排放源和购入或输出的能源。"},
    {"4. Save, then: ghgcalc import THIS.xlsx -o report.yaml --kind report, and audit the YAML.",
     "4. 保存后运行:ghgcalc import 本文件.xlsx -o report.yaml --kind report,再对 YAML 进行核查。"},
    {"Meters (calibration) are not in this workbook: add them to the YAML.",
     "计量器具(校准)信息不在本工作簿中:请在 YAML 中补充。"},
};

/* Print setup: A4 landscape, `wide` pages wide (0: as the columns fall), the
 * header rows repeated on each page from `head` (0: none). */
static void tw_print(lxw_worksheet *ws, uint16_t wide, lxw_row_t head)
{
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_set_landscape(ws);
    if (wide)
        worksheet_fit_to_pages(ws, wide, 0);
    if (head)
        worksheet_repeat_rows(ws, 0, head);
}

/* The lines `text` takes in a column `width` characters wide: a Chinese
 * character counts two, every other character one. */
static unsigned tw_lines(const char *text, double width)
{
    double units = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if (*p < 0x80)
            units += 1;
        else if (*p >= 0xE0)
            units += 2; /* the lead byte of a three-byte (CJK) character */
    return (unsigned)(units / (width * 0.95)) + 1;
}

/* Writes the Instructions sheet of kind `k`. */
static void tw_instructions(tw_book *b, const tpl_kind *k)
{
    lxw_worksheet *ws = rpt_xl_sheet(&b->x, rpt_xl_label(&b->x, TW_L_INSTRUCTIONS));
    const rpt_text *steps = tw_steps_inventory;
    size_t n = sizeof tw_steps_inventory / sizeof *tw_steps_inventory;
    if (strcmp(k->id, "series") == 0)
        steps = tw_steps_series, n = sizeof tw_steps_series / sizeof *tw_steps_series;
    else if (strcmp(k->id, "report") == 0)
        steps = tw_steps_report, n = sizeof tw_steps_report / sizeof *tw_steps_report;
    if (!ws)
        return;
    double w[] = {110};
    rpt_xl_widths(&b->x, ws, w, 1);
    tw_print(ws, 1, 0);
    for (size_t i = 0; i < n; i++) {
        const char *text = rpt_tr(&steps[i], b->x.zh);
        lxw_row_t r = (lxw_row_t)(i ? i + 1 : 0);
        rpt_xl_str(&b->x, ws, r, 0, text, i ? RPT_F_WRAP : RPT_F_TITLE);
        if (i) /* a spreadsheet does not grow a wrapped row by itself when it opens a file */
            worksheet_set_row(ws, r, 15.0 * tw_lines(text, w[0]), NULL);
    }
    lxw_row_t row = (lxw_row_t)n + 2;
    rpt_xl_str(&b->x, ws, row++, 0, rpt_tr(&(rpt_text){"Sheets:", "工作表:"}, b->x.zh), RPT_F_BOLD);
    for (size_t i = 0; i < k->nsheets; i++) {
        char line[512];
        const tpl_sheet *s = &k->sheets[i];
        rpt_fmt(line, sizeof line, "%s: %s", b->x.zh ? s->zh : s->en, b->x.zh ? s->title_zh : s->title_en);
        rpt_xl_str(&b->x, ws, row++, 0, line, RPT_F_WRAP);
    }
    worksheet_activate(ws);
}

/* ------------------------------------------------------------------ the Lists sheet */

/* Writes one column of list `l` from row 1 and defines its name over it. */
static void tw_list_column(tw_book *b, lxw_worksheet *ws, tpl_list l, const char *const *v, size_t n, lxw_col_t col)
{
    rpt_xl_str(&b->x, ws, 0, col, tpl_list_name(l), RPT_F_HEADER);
    for (size_t i = 0; i < n; i++)
        rpt_xl_str(&b->x, ws, (lxw_row_t)(i + 1), col, v[i], RPT_F_NONE);
    b->list_col[l] = col;
    b->list_len[l] = n;
    if (n) {
        char f[RPT_XL_FORMULA_MAX];
        snprintf(f, sizeof f, "=%s", rpt_xl_range(TW_LISTS, 1, col, (lxw_row_t)n, col, true).s);
        rpt_xl_check(&b->x, workbook_define_name(b->x.wb, tpl_list_name(l), f), "define a list name");
    }
}

/* Writes a list of items (code, English name, Chinese name, sets) from
 * column `col`, with the names "<List>" (codes) and "<List>Table" (all). */
static void tw_list_items(tw_book *b, lxw_worksheet *ws, tpl_list l, const tpl_item *v, size_t n, lxw_col_t col)
{
    static const char *const heads[] = {"en", "zh", "sets"};
    rpt_xl_str(&b->x, ws, 0, col, tpl_list_name(l), RPT_F_HEADER);
    for (lxw_col_t c = 0; c < 3; c++)
        rpt_xl_str(&b->x, ws, 0, col + 1 + c, heads[c], RPT_F_HEADER);
    for (size_t i = 0; i < n; i++) {
        lxw_row_t r = (lxw_row_t)(i + 1);
        rpt_xl_str(&b->x, ws, r, col, v[i].key, RPT_F_NONE);
        rpt_xl_str(&b->x, ws, r, col + 1, v[i].en ? v[i].en : v[i].key, RPT_F_NONE);
        rpt_xl_str(&b->x, ws, r, col + 2, v[i].zh ? v[i].zh : v[i].en ? v[i].en : v[i].key, RPT_F_NONE);
        rpt_xl_str(&b->x, ws, r, col + 3, v[i].sets, RPT_F_NONE);
    }
    b->list_col[l] = col;
    b->list_len[l] = n;
    if (!n)
        return;
    char f[RPT_XL_FORMULA_MAX], name[64];
    snprintf(f, sizeof f, "=%s", rpt_xl_range(TW_LISTS, 1, col, (lxw_row_t)n, col, true).s);
    rpt_xl_check(&b->x, workbook_define_name(b->x.wb, tpl_list_name(l), f), "define a list name");
    snprintf(f, sizeof f, "=%s", rpt_xl_range(TW_LISTS, 1, col, (lxw_row_t)n, col + 2, true).s);
    snprintf(name, sizeof name, "%sTable", tpl_list_name(l));
    rpt_xl_check(&b->x, workbook_define_name(b->x.wb, name, f), "define a list name");
}

/* The number of values of a NULL-terminated list. */
static size_t tw_count(const char *const *v)
{
    size_t n = 0;
    while (v && v[n])
        n++;
    return n;
}

/* How long each list is, before the sheets whose drop-downs refer to them are written. */
static void tw_plan_lists(tw_book *b)
{
    const tpl_data *d = b->d;
    b->list_len[TPL_L_CATEGORY] = d->ncategories;
    b->list_len[TPL_L_KEY] = d->nkeys;
    b->list_len[TPL_L_UNIT] = tw_count(tpl_units());
    b->list_len[TPL_L_SET] = d->nsets;
    b->list_len[TPL_L_GRID] = d->ngrids;
    b->list_len[TPL_L_GWP] = d->ngwps;
    for (int l = 0; l < TPL_L_COUNT; l++)
        if (tpl_list_values((tpl_list)l))
            b->list_len[l] = tw_count(tpl_list_values((tpl_list)l));
}

/* Writes the hidden Lists sheet: every list the template's drop-downs use. */
static void tw_lists(tw_book *b)
{
    lxw_worksheet *ws = rpt_xl_sheet(&b->x, TW_LISTS);
    if (!ws)
        return;
    const tpl_data *d = b->d;
    tw_list_items(b, ws, TPL_L_CATEGORY, d->categories, d->ncategories, 0);
    tw_list_items(b, ws, TPL_L_KEY, d->keys, d->nkeys, 5);
    lxw_col_t col = 10;
    tw_list_column(b, ws, TPL_L_UNIT, tpl_units(), tw_count(tpl_units()), col++);
    tw_list_column(b, ws, TPL_L_SET, d->sets, d->nsets, col++);
    tw_list_column(b, ws, TPL_L_GRID, d->grids, d->ngrids, col++);
    tw_list_column(b, ws, TPL_L_GWP, d->gwps, d->ngwps, col++);
    for (int l = 0; l < TPL_L_COUNT; l++) {
        const char *const *v = tpl_list_values((tpl_list)l);
        if (v)
            tw_list_column(b, ws, (tpl_list)l, v, tw_count(v), col++);
    }
    double w[] = {12, 40, 30, 30, 2, 34, 50, 30, 40};
    rpt_xl_widths(&b->x, ws, w, sizeof w / sizeof *w);
    worksheet_hide(ws);
}

/* ------------------------------------------------------------------ drop-downs and messages */

/* Adds the data validation of column `c` over rows r0..r1 of `ws`: a
 * drop-down list, a number check, or only the input message. */
static void tw_validate(tw_book *b, lxw_worksheet *ws, const tpl_col *c, lxw_row_t r0, lxw_row_t r1, lxw_col_t col)
{
    bool zh = b->x.zh;
    char formula[64], title[33]; /* Excel: at most 32 characters */
    lxw_data_validation v = {0};
    const char *help = zh ? c->help_zh : c->help_en;
    rpt_fmt(title, sizeof title, "%s", zh ? c->zh : c->en);
    if (c->list != TPL_L_NONE && b->list_len[c->list]) {
        snprintf(formula, sizeof formula, "=%s", tpl_list_name(c->list));
        v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        v.value_formula = formula;
        bool closed = tpl_list_closed(c->list);
        v.error_type = closed ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_WARNING;
        v.error_title = (char *)rpt_xl_label(&b->x, TW_L_NOT_LISTED);
        v.error_message = (char *)rpt_xl_label(&b->x, closed ? TW_L_CLOSED_MSG : TW_L_NOT_LISTED_MSG);
    } else if (c->type == TPL_NUM || c->type == TPL_INT) {
        v.validate = c->type == TPL_NUM ? LXW_VALIDATION_TYPE_DECIMAL : LXW_VALIDATION_TYPE_INTEGER;
        v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        v.minimum_number = c->type == TPL_NUM ? -1e300 : -2147483647.0;
        v.maximum_number = c->type == TPL_NUM ? 1e300 : 2147483647.0;
        v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
        v.error_title = (char *)rpt_xl_label(&b->x, TW_L_NUMBER);
        v.error_message = (char *)rpt_xl_label(&b->x, c->type == TPL_NUM ? TW_L_NUMBER_MSG : TW_L_WHOLE_MSG);
    } else if (help)
        v.validate = LXW_VALIDATION_TYPE_ANY;
    else
        return;
    if (help) {
        v.input_title = title;
        v.input_message = (char *)help;
    }
    lxw_error e = r0 == r1 ? worksheet_data_validation_cell(ws, r0, col, &v)
                           : worksheet_data_validation_range(ws, r0, col, r1, col, &v);
    rpt_xl_check(&b->x, e, "add a drop-down list");
}

/* The header text of column `c`: its name, with " *" when required. */
static void tw_head(const tw_book *b, const tpl_col *c, char *buf, size_t len)
{
    rpt_fmt(buf, len, "%s%s", b->x.zh ? c->zh : c->en, c->required ? " *" : "");
}

/* ------------------------------------------------------------------ sheets */

/* Writes a form sheet: label, value (with its drop-down and default), explanation. */
static void tw_form(tw_book *b, lxw_worksheet *ws, const tpl_sheet *s)
{
    bool zh = b->x.zh;
    rpt_xl_str(&b->x, ws, TPL_HEAD_ROW, 0, rpt_xl_label(&b->x, TW_L_FIELD), RPT_F_HEADER);
    rpt_xl_str(&b->x, ws, TPL_HEAD_ROW, 1, rpt_xl_label(&b->x, TW_L_VALUE), RPT_F_HEADER);
    rpt_xl_str(&b->x, ws, TPL_HEAD_ROW, 2, rpt_xl_label(&b->x, TW_L_EXPLANATION), RPT_F_HEADER);
    for (size_t i = 0; i < s->ncols; i++) {
        const tpl_col *c = &s->cols[i];
        lxw_row_t r = (lxw_row_t)(TPL_HEAD_ROW + 1 + i);
        char label[160];
        tw_head(b, c, label, sizeof label);
        rpt_xl_str(&b->x, ws, r, 0, label, c->required ? RPT_F_BOLD : RPT_F_NONE);
        if (c->def)
            rpt_xl_str(&b->x, ws, r, 1, c->def, RPT_F_NONE);
        else if (c->type == TPL_PCT && b->x.err == LXW_NO_ERROR)
            rpt_xl_check(&b->x, worksheet_write_blank(ws, r, 1, b->pct_input), "format a cell");
        const char *help = zh ? c->help_zh : c->help_en;
        if (help && b->x.err == LXW_NO_ERROR)
            rpt_xl_check(&b->x, worksheet_write_string(ws, r, 2, help, b->grey), "write a hint");
        tw_validate(b, ws, c, r, r, 1);
    }
    double w[] = {46, 30, 80};
    rpt_xl_widths(&b->x, ws, w, 3);
    worksheet_freeze_panes(ws, TPL_HEAD_ROW + 1, 1);
    tw_print(ws, 1, TPL_HEAD_ROW);
}

/* Writes the name formulas of column `col` (the name of the key in column `of`). */
static void tw_names(tw_book *b, lxw_worksheet *ws, const tpl_col *key, lxw_col_t col, lxw_col_t of)
{
    char f[RPT_XL_FORMULA_MAX];
    if (key->list != TPL_L_CATEGORY && key->list != TPL_L_KEY)
        return;
    for (lxw_row_t r = TPL_HEAD_ROW + 1; r <= TPL_HEAD_ROW + TPL_ROWS && b->x.err == LXW_NO_ERROR; r++) {
        const char *cell = rpt_xl_cell(r, of).s;
        snprintf(f, sizeof f, "=IF(%s=\"\",\"\",IFERROR(VLOOKUP(%s,%sTable,%d,FALSE),\"?\"))", cell, cell,
                 tpl_list_name(key->list), b->x.zh ? 3 : 2);
        rpt_xl_check(&b->x, worksheet_write_formula_str(ws, r, col, f, b->grey, ""), "write a name formula");
    }
}

/* Writes a table sheet: the header row, then TPL_ROWS rows with drop-downs, formats and name formulas. */
static void tw_table(tw_book *b, lxw_worksheet *ws, const tpl_sheet *s)
{
    lxw_row_t r0 = TPL_HEAD_ROW + 1, r1 = TPL_HEAD_ROW + TPL_ROWS;
    for (size_t i = 0; i < s->ncols && b->x.err == LXW_NO_ERROR; i++) {
        const tpl_col *c = &s->cols[i];
        lxw_col_t col = (lxw_col_t)i;
        char head[160];
        tw_head(b, c, head, sizeof head);
        rpt_xl_check(&b->x, worksheet_write_string(ws, TPL_HEAD_ROW, col, head, c->required ? b->hdr_req : b->hdr_opt),
                     "write a header");
        lxw_format *f = c->type == TPL_PCT ? b->pct_input : c->type == TPL_NAME ? b->grey : NULL;
        rpt_xl_check(&b->x, worksheet_set_column(ws, col, col, c->width ? c->width : 12, f), "set a column");
        if (c->type == TPL_NAME)
            tw_names(b, ws, &s->cols[c->name_of], col, (lxw_col_t)c->name_of);
        else
            tw_validate(b, ws, c, r0, r1, col);
    }
    worksheet_set_row(ws, TPL_HEAD_ROW, 32, NULL);
    worksheet_freeze_panes(ws, TPL_HEAD_ROW + 1, 1);
    /* Printed: the header and 40 rows to fill in by hand, three pages wide, the first column repeated. */
    tw_print(ws, (uint16_t)(s->ncols > 12 ? 3 : 1), TPL_HEAD_ROW);
    worksheet_repeat_columns(ws, 0, 0);
    worksheet_gridlines(ws, LXW_SHOW_ALL_GRIDLINES);
    worksheet_print_area(ws, 0, 0, TPL_HEAD_ROW + 40, (lxw_col_t)(s->ncols - 1));
    worksheet_autofilter(ws, TPL_HEAD_ROW, 0, r1, (lxw_col_t)(s->ncols - 1));
}

/* Writes sheet `s`: title, help line, then the form or table. */
static void tw_sheet(tw_book *b, const tpl_sheet *s)
{
    bool zh = b->x.zh;
    lxw_worksheet *ws = rpt_xl_sheet(&b->x, zh ? s->zh : s->en);
    if (!ws)
        return;
    rpt_xl_str(&b->x, ws, 0, 0, zh ? s->title_zh : s->title_en, RPT_F_TITLE);
    rpt_xl_str(&b->x, ws, 1, 0, zh ? s->help_zh : s->help_en, RPT_F_NONE);
    if (s->yaml)
        tw_table(b, ws, s);
    else
        tw_form(b, ws, s);
}

/* Creates the template's own formats; false when out of memory. */
static bool tw_formats(tw_book *b)
{
    b->pct_input = workbook_add_format(b->x.wb);
    b->hdr_req = workbook_add_format(b->x.wb);
    b->hdr_opt = workbook_add_format(b->x.wb);
    b->grey = workbook_add_format(b->x.wb);
    if (!b->pct_input || !b->hdr_req || !b->hdr_opt || !b->grey)
        return false;
    format_set_num_format(b->pct_input, "0.0\" %\"");
    lxw_format *h[2] = {b->hdr_req, b->hdr_opt};
    for (int i = 0; i < 2; i++) {
        format_set_bold(h[i]);
        format_set_text_wrap(h[i]);
        format_set_align(h[i], LXW_ALIGN_VERTICAL_TOP);
        format_set_border(h[i], LXW_BORDER_THIN);
        format_set_bg_color(h[i], i == 0 ? 0xFFE699 : 0xEDEDED); /* required: amber; optional: grey */
    }
    format_set_font_color(b->grey, 0x595959);
    return true;
}

/* The About sheet: the run and the factor sets the lists were read from. */
static void tw_about(tw_book *b, const tpl_kind *k, const rpt_meta *m)
{
    rpt_about a;
    double w[] = {28, 90};
    rpt_about_start(&a, &b->x, NULL, w, 2, rpt_xl_label(&b->x, TW_L_ABOUT_TITLE));
    rpt_about_run(&a, m);
    rpt_about_pair(&a, rpt_xl_label(&b->x, TW_L_KIND), k->id);
    rpt_about_language(&a);
    rpt_about_gap(&a);
    rpt_about_inputs(&a, m);
}

int rpt_template_xlsx(const tpl_kind *k, const tpl_data *d, const char *path, const rpt_meta *m, char *err,
                      size_t errlen)
{
    tw_book b = {.d = d};
    if (!rpt_xl_open(&b.x, path, m, &tw_labels, err, errlen))
        return -1;
    if (!tw_formats(&b))
        rpt_xl_check(&b.x, LXW_ERROR_MEMORY_MALLOC_FAILED, "create the template's formats");
    rpt_xl_properties(&b.x, b.x.zh ? "ghgcalc 输入模板" : "ghgcalc input template", k->id);
    tw_instructions(&b, k);
    tw_plan_lists(&b);
    for (size_t i = 0; i < k->nsheets; i++)
        tw_sheet(&b, &k->sheets[i]);
    tw_about(&b, k, m);
    tw_lists(&b);
    return rpt_xl_close(&b.x, path, err, errlen);
}

/* LeakSanitizer's built-in suppressions (read only by an ASan build, `make sanitize`): libxlsxwriter
 * 1.1.4 (Debian 12) never frees the formula of a list validation, a few bytes per drop-down, which the
 * later releases free (_free_data_validation). The library is built without frame pointers, so the
 * stack LeakSanitizer sees ends at its lxw_strdup: that is the frame named. ghgcalc never calls
 * lxw_strdup; a workbook it failed to close would still show its other leaks. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void) { return "leak:lxw_strdup\n"; }

/* ...and no "Suppressions used" table on stderr after every template. */
const char *__lsan_default_options(void);
const char *__lsan_default_options(void) { return "print_suppressions=0"; }

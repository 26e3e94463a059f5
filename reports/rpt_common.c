/* rpt_common.c - the label table, the texts of a Calculation row, and sector totals shared by every report. */
#include "rpt_common.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/category.h"
#include "../calc/nsum.h"

/* English and Chinese text of each label, indexed by rpt_label_id. */
static const char *const rpt_labels_table[RPT_L_COUNT][2] = {
    [RPT_L_TITLE] = {"Greenhouse gas inventory", "温室气体清单"},
    [RPT_L_INVENTORY] = {"Inventory", "清单"},
    [RPT_L_REGION] = {"Region", "地区"},
    [RPT_L_YEAR] = {"Year", "年份"},
    [RPT_L_GWP_SET] = {"GWP set", "全球增温潜势值"},
    [RPT_L_BY_GAS] = {"Emissions by gas", "按气体分排放量"},
    [RPT_L_BY_SECTOR] = {"Emissions by sector", "按部门分排放量"},
    [RPT_L_GAS] = {"Gas", "气体"},
    [RPT_L_EMISSION_T] = {"Emission (t)", "排放量 (t)"},
    [RPT_L_EMISSION_T_CO2E] = {"Emission (t CO2e)", "排放量 (t CO2当量)"},
    [RPT_L_TOTAL] = {"Total", "合计"},
    [RPT_L_MEMO_BIO] = {"Memo: biogenic CO2 (not in totals)", "信息项：生物质燃烧CO2（不计入合计）"},
    [RPT_L_SECTOR] = {"Sector", "部门"},
    [RPT_L_NAME] = {"Name", "名称"},
    [RPT_L_SHARE] = {"Share", "占比"},
    [RPT_L_CHART_SECTOR] = {"Emissions by sector (t CO2e)", "按部门分排放量 (t CO2当量)"},
    [RPT_L_CHART_GAS] = {"Emissions by gas (t CO2e)", "按气体分排放量 (t CO2当量)"},
    [RPT_L_CATEGORY] = {"Category", "类别"},
    [RPT_L_CO2_T] = {"CO2 (t)", "CO2 (t)"},
    [RPT_L_CH4_T] = {"CH4 (t)", "CH4 (t)"},
    [RPT_L_N2O_T] = {"N2O (t)", "N2O (t)"},
    [RPT_L_CO2E_T] = {"CO2e (t)", "CO2当量 (t)"},
    [RPT_L_MEMO_BIO_T] = {"Memo: biogenic CO2 (t)", "信息项：生物质CO2 (t)"},
    [RPT_L_RECORD_NO] = {"Record no.", "记录序号"},
    [RPT_L_INPUT] = {"Input", "输入位置"},
    [RPT_L_FUEL] = {"Fuel", "燃料"},
    [RPT_L_AMOUNT] = {"Amount", "活动水平"},
    [RPT_L_UNIT] = {"Unit", "单位"},
    [RPT_L_UNIT_FACTOR] = {"Unit factor", "单位换算系数"},
    [RPT_L_NCV] = {"NCV", "低位发热量"},
    [RPT_L_NCV_UNIT] = {"NCV unit", "低位发热量单位"},
    [RPT_L_ENERGY_TJ] = {"Energy (TJ)", "能量 (TJ)"},
    [RPT_L_EF] = {"EF", "排放因子"},
    [RPT_L_EF_UNIT] = {"EF unit", "排放因子单位"},
    [RPT_L_EF_FACTOR] = {"EF factor", "排放因子换算系数"},
    [RPT_L_OXIDATION] = {"Oxidation", "氧化率"},
    [RPT_L_EMISSION_T_GAS] = {"Emission (t gas)", "排放量 (t)"},
    [RPT_L_GWP] = {"GWP", "全球增温潜势"},
    [RPT_L_MEMO] = {"Memo (biogenic CO2)", "信息项（生物质CO2）"},
    [RPT_L_NCV_SOURCE] = {"NCV source", "低位发热量来源"},
    [RPT_L_EF_SOURCE] = {"EF source", "排放因子来源"},
    [RPT_L_OX_SOURCE] = {"Oxidation source", "氧化率来源"},
    [RPT_L_UNCERTAINTY] = {"Uncertainty (%)", "不确定性 (%)"},
    [RPT_L_DATA_SOURCE] = {"Data source", "数据来源"},
    [RPT_L_PARAMETER] = {"Parameter", "参数"},
    [RPT_L_VALUE] = {"Value", "数值"},
    [RPT_L_LOWER] = {"Lower", "下限"},
    [RPT_L_UPPER] = {"Upper", "上限"},
    [RPT_L_CONFIDENCE] = {"Confidence", "可信度"},
    [RPT_L_TIER] = {"Tier", "方法层级"},
    [RPT_L_SET] = {"Set", "因子集"},
    [RPT_L_REFERENCE] = {"Reference", "来源"},
    [RPT_L_NOTE] = {"Note", "备注"},
    [RPT_L_DEFINED_AT] = {"Defined at", "定义位置"},
    [RPT_L_ALL] = {"all", "全部"},
    [RPT_L_RECORD_OVERRIDE] = {"(record override)", "（记录自带）"},
    [RPT_L_TOOL] = {"Tool", "工具"},
    [RPT_L_VERSION] = {"Version", "版本"},
    [RPT_L_COMMAND] = {"Command line", "命令行"},
    [RPT_L_INV_TITLE] = {"Title", "标题"},
    [RPT_L_GWP_TITLE] = {"GWP set title", "全球增温潜势值说明"},
    [RPT_L_FACTOR_SETS] = {"Factor sets, in search order", "排放因子集（按检索顺序）"},
    [RPT_L_ID] = {"Id", "标识"},
    [RPT_L_SOURCE] = {"Source", "来源"},
    [RPT_L_INPUT_FILES] = {"Input files", "输入文件"},
    [RPT_L_PATH] = {"Path", "路径"},
    [RPT_L_SHA256] = {"SHA-256", "SHA-256"},
    [RPT_L_LANGUAGE] = {"Language", "语言"},
    [RPT_L_LANGUAGE_NAME] = {"English", "中文"},
    [RPT_L_NOTES] = {"Notes", "说明"},
    [RPT_L_METHOD_NOTE] =
        {"Emissions per gas = activity x unit factor x NCV x EF x EF factor x oxidation; CO2e = emission x GWP "
         "(IPCC 2006 Vol.2 Ch.1-2 sectoral approach). Biogenic CO2 is reported as a memo item and excluded from "
         "totals. Totals use compensated (Neumaier) summation.",
         "各气体排放量 = 活动水平 × 单位换算系数 × 低位发热量 × 排放因子 × 排放因子换算系数 × 氧化率；"
         "CO2当量 = 排放量 × 全球增温潜势（IPCC 2006 第2卷第1-2章 部门方法）。生物质燃烧产生的CO2作为信息项"
         "报告，不计入合计。合计采用补偿求和（Neumaier）。"},
    [RPT_L_INV_NOTES] = {"Inventory notes", "清单备注"},
    [RPT_L_ENERGY_INPUT] = {"(energy input)", "（能量输入）"},
    [RPT_L_OX_DEFAULT] = {"default: complete oxidation (IPCC 2006 Vol.2 Ch.1)",
                          "默认：完全氧化（IPCC 2006 第2卷第1章）"},
};

const rpt_label_id rpt_calc_labels[RPT_C_COUNT] = {
    RPT_L_RECORD_NO,  RPT_L_INPUT,          RPT_L_CATEGORY,  RPT_L_SECTOR,          RPT_L_FUEL,
    RPT_L_GAS,        RPT_L_AMOUNT,         RPT_L_UNIT,      RPT_L_UNIT_FACTOR,     RPT_L_NCV,
    RPT_L_NCV_UNIT,   RPT_L_ENERGY_TJ,      RPT_L_EF,        RPT_L_EF_UNIT,         RPT_L_EF_FACTOR,
    RPT_L_OXIDATION,  RPT_L_EMISSION_T_GAS, RPT_L_GWP,       RPT_L_EMISSION_T_CO2E, RPT_L_MEMO,
    RPT_L_NCV_SOURCE, RPT_L_EF_SOURCE,      RPT_L_OX_SOURCE, RPT_L_UNCERTAINTY,     RPT_L_DATA_SOURCE,
};

/* Looks up label `id`; an id outside the table (or a missing entry) gives
 * "", so a report never prints NULL. */
const char *rpt_label(rpt_label_id id, bool zh)
{
    if ((unsigned)id >= RPT_L_COUNT)
        return "";
    const char *s = rpt_labels_table[id][zh ? 1 : 0];
    return s ? s : "";
}

/* The source of a factor hit: its set and reference; empty without a
 * value. */
static rpt_src rpt_hit_source(const eng_hit *h)
{
    if (!h->v)
        return (rpt_src){NULL, NULL};
    return (rpt_src){h->set_id ? h->set_id : "", h->v->ref && *h->v->ref ? h->v->ref : NULL};
}

/* Joins set and ref with ": "; see rpt_common.h. */
char *rpt_src_join(const rpt_src *s, char *stack, size_t stack_len)
{
    if (!s->set) {
        stack[0] = '\0';
        return stack;
    }
    size_t need = strlen(s->set) + (s->ref ? 2 + strlen(s->ref) : 0) + 1;
    char *buf = need <= stack_len ? stack : malloc(need);
    if (buf)
        snprintf(buf, need, "%s%s%s", s->set, s->ref ? ": " : "", s->ref ? s->ref : "");
    return buf;
}

/* Fills the text cells of line `l`: the input position, sector, units,
 * memo flag and the three sources. The oxidation source is given for CO2
 * only; without an oxidation factor it names the default of 1. */
void rpt_line_text_fill(const eng_result *r, const eng_line *l, bool zh, rpt_line_text *t)
{
    const inv_record *rec = inv_rec(eng_inventory(r), l->rec);
    const eng_res *res = l->res;
    rpt_record_where(r, l->rec, t->input, sizeof t->input);
    cat_ancestor(rec->category, RPT_SECTOR_DEPTH, t->sector, sizeof t->sector);
    t->ncv_unit = res->energy_input || !res->ncv.v ? rpt_label(RPT_L_ENERGY_INPUT, zh) : res->ncv.v->unit_text;
    t->ef_unit = res->ef[l->gas].v ? res->ef[l->gas].v->unit_text : "";
    t->memo = l->memo ? RPT_MEMO_YES : RPT_MEMO_NO;
    t->ncv_src = rpt_hit_source(&res->ncv);
    t->ef_src = rpt_hit_source(&res->ef[l->gas]);
    t->ox_src = (rpt_src){NULL, NULL};
    if (l->gas == GAS_CO2 && res->oxid.v)
        t->ox_src = rpt_hit_source(&res->oxid);
    else if (l->gas == GAS_CO2)
        t->ox_src = (rpt_src){rpt_label(RPT_L_OX_DEFAULT, zh), NULL};
}

/* Steps over one sector's categories; see rpt_common.h. Sorted codes keep a
 * sector together: every code under "1.A.1" starts with "1.A.1." and no
 * valid code sorts between "1.A.1" and those. */
bool rpt_sector_next(const eng_cat_total *cats, size_t n, size_t *i, size_t *first, char *code, size_t len)
{
    if (*i >= n)
        return false;
    char other[64];
    *first = *i;
    cat_ancestor(cats[*i].category, RPT_SECTOR_DEPTH, code, len);
    for ((*i)++; *i < n; (*i)++) {
        cat_ancestor(cats[*i].category, RPT_SECTOR_DEPTH, other, sizeof other);
        if (strcmp(other, code) != 0)
            break;
    }
    return true;
}

/* Adds up cats[first..end) with compensated sums, category by category in
 * order, exactly as eng_total_under() does. */
eng_cat_total rpt_group_total(const eng_cat_total *cats, size_t first, size_t end, const char *code)
{
    eng_cat_total t = {.category = code};
    nsum s[GAS_COUNT] = {{0}}, co2e = {0}, memo = {0}, energy = {0};
    for (size_t i = first; i < end; i++) {
        for (int g = 0; g < GAS_COUNT; g++)
            nsum_add(&s[g], cats[i].t[g]);
        nsum_add(&co2e, cats[i].t_co2e);
        nsum_add(&memo, cats[i].memo_bio_co2_t);
        nsum_add(&energy, cats[i].energy_tj);
        t.records += cats[i].records;
    }
    for (int g = 0; g < GAS_COUNT; g++)
        t.t[g] = nsum_value(&s[g]);
    t.t_co2e = nsum_value(&co2e);
    t.memo_bio_co2_t = nsum_value(&memo);
    t.energy_tj = nsum_value(&energy);
    return t;
}

/* Sums every non-memo line's CO2e per gas over all records. */
void rpt_gas_co2e(const eng_result *r, double out_t_co2e[GAS_COUNT])
{
    nsum s[GAS_COUNT] = {{0}};
    eng_line lines[GAS_COUNT];
    const inventory *inv = eng_inventory(r);
    for (size_t i = 0; i < inv->n; i++) {
        size_t n = eng_lines(r, i, lines);
        for (size_t k = 0; k < n; k++)
            if (!lines[k].memo)
                nsum_add(&s[lines[k].gas], lines[k].emission_t_co2e);
    }
    for (int g = 0; g < GAS_COUNT; g++)
        out_t_co2e[g] = nsum_value(&s[g]);
}

/* Counts the lines of every record. */
size_t rpt_line_count(const eng_result *r)
{
    eng_line lines[GAS_COUNT];
    const inventory *inv = eng_inventory(r);
    size_t total = 0;
    for (size_t i = 0; i < inv->n; i++)
        total += eng_lines(r, i, lines);
    return total;
}

/* Writes "path:line" of record i; the path alone when the line is unknown. */
void rpt_record_where(const eng_result *r, size_t i, char *buf, size_t len)
{
    const inventory *inv = eng_inventory(r);
    const inv_record *rec = inv_rec(inv, i);
    const char *path = inv->path ? inv->path : "";
    if (rec->at.line)
        rpt_fmt(buf, len, "%s:%u", path, rec->at.line);
    else
        rpt_fmt(buf, len, "%s", path);
}

/* Formats into buf; when the text was cut, drops a trailing incomplete
 * UTF-8 sequence (a lead byte followed by fewer continuation bytes than it
 * announces). */
void rpt_fmt(char *buf, size_t len, const char *fmt, ...)
{
    if (len == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n < len)
        return;
    size_t end = strlen(buf), lead = end;
    while (lead > 0 && end - lead < 4 && ((unsigned char)buf[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead == 0)
        return;
    unsigned char c = (unsigned char)buf[lead - 1];
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (end - (lead - 1) < need)
        buf[lead - 1] = '\0';
}

/* Closes f and turns a failed write or close into a message. */
int rpt_fclose(FILE *f, const char *path, char *err, size_t errlen)
{
    int bad = ferror(f);
    int saved = errno;
    if (fclose(f) != 0 && !bad) {
        bad = 1;
        saved = errno;
    }
    if (!bad)
        return 0;
    snprintf(err, errlen, "writing '%s': %s", path, strerror(saved ? saved : EIO));
    return -1;
}

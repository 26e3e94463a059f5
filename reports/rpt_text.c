/* rpt_text.c - the generic labels, the label lookup every writer uses, and the text helpers of every report. */
#include "rpt_text.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* English and Chinese text of each generic label, indexed by its id. */
static const rpt_text rpt_generic_labels[RPT_L_COUNT] = {
    [RPT_L_TOOL] = {"Tool", "工具"},
    [RPT_L_VERSION] = {"Version", "版本"},
    [RPT_L_COMMAND] = {"Command line", "命令行"},
    [RPT_L_TITLE] = {"Title", "标题"},
    [RPT_L_REGION] = {"Region", "地区"},
    [RPT_L_YEAR] = {"Year", "年份"},
    [RPT_L_LANGUAGE] = {"Language", "语言"},
    [RPT_L_LANGUAGE_NAME] = {"English", "中文"},
    [RPT_L_NOTES] = {"Notes", "说明"},
    [RPT_L_FACTOR_SETS] = {"Factor sets, in search order", "排放因子集（按检索顺序）"},
    [RPT_L_ID] = {"Id", "标识"},
    [RPT_L_SOURCE] = {"Source", "来源"},
    [RPT_L_INPUT_FILES] = {"Input files", "输入文件"},
    [RPT_L_PATH] = {"Path", "路径"},
    [RPT_L_SHA256] = {"SHA-256", "SHA-256"},
    [RPT_L_PAGE] = {"Page &P of &N", "第 &P 页，共 &N 页"},
    [RPT_L_ABOUT_SHEET] = {"About", "关于"},
};

/* Common units of inputs and their Chinese names (GB 3100 prefixes as the
 * statistical yearbooks write them: 万 = 10^4, 亿 = 10^8). */
static const rpt_text rpt_unit_names[] = {
    {"yuan", "元"},           {"10^4 yuan", "万元"},       {"10^8 yuan", "亿元"},
    {"person", "人"},         {"persons", "人"},           {"10^4 person", "万人"},
    {"10^4 persons", "万人"}, {"tce", "吨标准煤"},         {"10^4 tce", "万吨标准煤"},
    {"kWh", "千瓦时"},        {"10^4 kWh", "万千瓦时"},    {"10^8 kWh", "亿千瓦时"},
    {"t", "吨"},              {"10^4 t", "万吨"},          {"10^4 Nm3", "万立方米"},
};

const char *rpt_unit_name(const char *u, bool zh)
{
    for (size_t i = 0; zh && u && i < sizeof rpt_unit_names / sizeof *rpt_unit_names; i++)
        if (strcmp(u, rpt_unit_names[i].en) == 0)
            return rpt_unit_names[i].zh;
    return u;
}

/* Picks the language; a missing Chinese text falls back to English. */
const char *rpt_tr(const rpt_text *t, bool zh)
{
    const char *s = zh && t->zh ? t->zh : t->en;
    return s ? s : "";
}

/* Generic ids index rpt_generic_labels, the others the writer's table. */
const char *rpt_label(const rpt_labels *own, rpt_label_id id, bool zh)
{
    if (id < RPT_L_COUNT)
        return rpt_tr(&rpt_generic_labels[id], zh);
    if (!own || id >= own->n)
        return "";
    return rpt_tr(&own->text[id], zh);
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

void rpt_num_text(double v, char *buf, size_t len)
{
    /* Whole numbers (amounts, GWPs, many factors) need no digit search: below
     * 1e15 (under 2^53) a whole double is an exact integer and %lld prints it
     * in its fewest digits. */
    if (v == trunc(v) && fabs(v) < 1e15) {
        snprintf(buf, len, "%lld", (long long)v);
        if (v == 0 && signbit(v))
            snprintf(buf, len, "-0");
        return;
    }
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, len, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

/* Joins set and ref with ": "; see rpt_text.h. */
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

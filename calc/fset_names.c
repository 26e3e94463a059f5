/* fset_names.c - the English and Chinese names of factor entries: `name:`, `name_zh:`, or "Raw coal (原煤)" split. */
#include <stdio.h>
#include <string.h>

#include "factors.h"
#include "pool.h"

/* Whether s[0..n) holds a byte of a multi-byte UTF-8 character (Chinese text). */
static bool fset_has_cjk(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return true;
    return false;
}

/* The parenthesised part " (...)" of `label` that holds Chinese text: its
 * opening " (" in *open and its ")" in *close; false when there is none. */
static bool fset_zh_part(const char *label, const char **open, const char **close)
{
    *open = label ? strstr(label, " (") : NULL;
    *close = *open ? strchr(*open, ')') : NULL;
    return *open && *close && fset_has_cjk(*open, (size_t)(*close - *open));
}

/* The Chinese text between " (" and ")", interned in `pool`. */
const char *fset_label_zh(const char *label, struct pool *mem)
{
    const char *open, *close;
    if (!fset_zh_part(label, &open, &close))
        return NULL;
    return pool_intern(mem, open + 2, (size_t)(close - open - 2));
}

/* The label without its Chinese part is the English name; `name_zh:` (kept
 * in label_zh, or taken from the label when loaded) the Chinese one. */
void fset_entry_names(const fset_entry *e, char *en, size_t enlen, char *zh, size_t zhlen)
{
    const char *open, *close;
    if (fset_zh_part(e->label, &open, &close))
        snprintf(en, enlen, "%.*s%s", (int)(open - e->label), e->label, close + 1);
    else
        snprintf(en, enlen, "%s", e->label ? e->label : e->key);
    snprintf(zh, zhlen, "%s", e->label_zh ? e->label_zh : en);
}

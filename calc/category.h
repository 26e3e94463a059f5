/* category.h - IPCC 2006 category codes with their names in English and Chinese. */
#ifndef GHG_CATEGORY_H
#define GHG_CATEGORY_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    const char *code; /* "1.A.1.a" */
    const char *en;   /* "Main activity electricity and heat production" */
    const char *zh;   /* "电力和热力生产" */
} cat_info;

/* The entry for `code`, or NULL when the code is not in the IPCC 2006 list. */
const cat_info *cat_lookup(const char *code);

/* The known categories in table order (cat_at(i) for i < cat_count()). */
size_t cat_count(void);
const cat_info *cat_at(size_t i);

/* The closest known code, for "did you mean". */
const char *cat_suggest(const char *code);

/* True when `prefix` is `code` or one of its parents ("1.A.1" of "1.A.1.a"):
 * a factor given for a parent applies to its children. */
bool cat_under(const char *code, const char *prefix);

/* Number of dotted levels: "1" 1, "1.A" 2, "1.A.1" 3, "1.A.1.a" 4. */
unsigned cat_depth(const char *code);

/* The ancestor of `code` at `depth` levels, written into buf ("1.A.1.a", 3 ->
 * "1.A.1"); the code itself when it is shallower. */
void cat_ancestor(const char *code, unsigned depth, char *buf, size_t len);

/* Name in English or Chinese ("en"/"zh"); the code when unknown. */
const char *cat_name(const char *code, bool zh);

#endif

/* template.h - the input workbook (`ghgcalc template`): one sheet per section of the YAML format, with drop-down lists.
 */
#ifndef GHG_TEMPLATE_H
#define GHG_TEMPLATE_H

#include <stddef.h>

#include "../calc/tpl_spec.h"
#include "rpt_meta.h"

/* Writes the input template of kind `k` to `path`: an Instructions sheet,
 * the kind's sheets (forms and tables with headers, drop-down lists, input
 * messages and name columns), a hidden Lists sheet with the values of `d`,
 * and the About sheet. Returns 0, or -1 with a message in err. */
int rpt_template_xlsx(const tpl_kind *k, const tpl_data *d, const char *path, const rpt_meta *m, char *err,
                      size_t errlen);

#endif

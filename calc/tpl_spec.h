/* tpl_spec.h - the input templates' layout (sheets, columns, lists), shared by the template writer and the import. */
#ifndef GHG_TPL_SPEC_H
#define GHG_TPL_SPEC_H

#include <stdbool.h>
#include <stddef.h>

/* What a cell holds and how the import writes it into YAML. */
typedef enum {
    TPL_TEXT,  /* free text: a quoted YAML string */
    TPL_WORD,  /* a key, code or unit (from a drop-down list): a quoted string, spaces trimmed */
    TPL_NUM,   /* a number: written with the digits that read back as the same double */
    TPL_INT,   /* a whole number (a year, a month) */
    TPL_PCT,   /* a percentage: 5 or "5%" or 5 % in a percent-formatted cell, written 5% */
    TPL_YESNO, /* yes/no (是/否, true/false, 1/0, TRUE/FALSE): written true or false */
    TPL_GASES, /* gases, comma-separated ("ch4, n2o"): a YAML list */
    TPL_DATE,  /* a date (an Excel date or YYYY-MM-DD): written YYYY-MM-DD */
    TPL_NAME   /* a formula showing the name of the key in another column: not read */
} tpl_type;

/* The drop-down lists of a template (on its hidden Lists sheet). */
typedef enum {
    TPL_L_NONE,
    TPL_L_CATEGORY,    /* IPCC 2006 category codes (calc/category.c), with en and zh names */
    TPL_L_KEY,         /* fuel and activity keys of the factor sets found, with names */
    TPL_L_UNIT,        /* common units (any unit of docs/input-format.md is accepted) */
    TPL_L_GAS,         /* co2, ch4, n2o, ... */
    TPL_L_SET,         /* factor set ids found */
    TPL_L_GWP,         /* GWP set ids */
    TPL_L_NOTATION,    /* NO NE NA IE C */
    TPL_L_IND_KIND,    /* electricity, heat */
    TPL_L_VIEW,        /* consumption, net_import */
    TPL_L_GRID,        /* electricity grids of the factor sets */
    TPL_L_YESNO,       /* yes, no */
    TPL_L_PARAM,       /* factor parameters a record may override (abatement, days, density, ...) */
    TPL_L_PRICES,      /* constant, current */
    TPL_L_METHOD,      /* calorific, coal_rate */
    TPL_L_ENERGY_KIND, /* fossil, primary_electricity, net_import_electricity, heat */
    TPL_L_INDUSTRY,    /* power, cement, steel, chemicals, other */
    TPL_L_PROCESS,     /* clinker, raw_meal, carbonate, ... */
    TPL_L_STATE,       /* as_fired, as_delivered */
    TPL_L_BASIS,       /* as_received, air_dried, dry */
    TPL_L_HOW,         /* self_tested, commissioned, supplier, not_measured */
    TPL_L_PRODUCT,     /* condensing, chp */
    TPL_L_COUNT
} tpl_list;

/* One column of a table sheet, or one row of a form sheet. */
typedef struct {
    const char *key;               /* the YAML path under the record ("amount", "ncv.value"); "$1" the name of parameter
                                      slot 1 ("$1.value" its value); "@years.year" links a row to its parent's item; NULL
                                      for a name column */
    const char *en, *zh;           /* header (table) or label (form) */
    const char *help_en, *help_zh; /* shown when the cell is selected; NULL for none */
    tpl_type type;
    tpl_list list;
    bool required;
    unsigned char width; /* characters */
    signed char name_of; /* TPL_NAME: index of the column whose key it names */
    const char *def;     /* form: the value filled in, or NULL */
} tpl_col;

/* One sheet of a template. */
typedef struct {
    const char *en, *zh; /* sheet names */
    const char *title_en, *title_zh;
    const char *help_en, *help_zh; /* one line under the title */
    const char *yaml;              /* table: the path of its list ("activities", "reference_approach.fuels",
                                      "years.energy" for rows under a parent's items); NULL for a form */
    const tpl_col *cols;
    size_t ncols;
    bool required; /* the import needs this sheet */
} tpl_sheet;

/* A template kind: inventory, series or report. */
typedef struct {
    const char *id;    /* "inventory" */
    const char *first; /* the YAML file's first key ("inventory", "series", "report") */
    const tpl_sheet *sheets;
    size_t nsheets;
} tpl_kind;

/* A value of a drop-down list with its names (a category, a fuel or activity key). */
typedef struct {
    const char *key;
    const char *en, *zh; /* names; zh may repeat en where there is no Chinese name */
    const char *sets;    /* keys: the factor sets that have it ("ipcc2006-energy, china-energy"), or NULL */
} tpl_item;

/* What the lists of a template are made of: read from category.c and the
 * factor sets found in the factor folders (cmd_template.c). */
typedef struct {
    const tpl_item *categories;
    size_t ncategories;
    const tpl_item *keys; /* fuel and activity keys, sorted */
    size_t nkeys;
    const char *const *sets; /* factor set ids */
    size_t nsets;
    const char *const *grids; /* electricity grids */
    size_t ngrids;
    const char *const *gwps; /* GWP set ids */
    size_t ngwps;
} tpl_data;

/* Rows of a table sheet that get drop-downs, formats and name formulas. */
#define TPL_ROWS 500u

/* The row (0-based) of a table sheet's header; data starts on the next. */
#define TPL_HEAD_ROW 2u

/* The kind named `id`, or NULL. */
const tpl_kind *tpl_kind_named(const char *id);

/* Every kind (tpl_kind_at(i) for i < tpl_kind_count()). */
size_t tpl_kind_count(void);
const tpl_kind *tpl_kind_at(size_t i);

/* The fixed values of a closed list (gases, notation keys, yes/no, ...),
 * NULL-terminated; NULL for the lists taken from the factor sets or
 * category.c (TPL_L_CATEGORY, TPL_L_KEY, TPL_L_SET, TPL_L_GRID, TPL_L_GWP)
 * and for TPL_L_UNIT, which is only a suggestion (tpl_units). */
const char *const *tpl_list_values(tpl_list l);

/* The units offered in the unit drop-down, NULL-terminated. */
const char *const *tpl_units(void);

/* The name of list `l` on the Lists sheet and as a defined name ("Categories"). */
const char *tpl_list_name(tpl_list l);

/* Whether a value outside list `l` is refused by the import (a closed
 * vocabulary) rather than left to the loader (keys, units, categories). */
bool tpl_list_closed(tpl_list l);

#endif

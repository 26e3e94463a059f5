/* units_table.c - the unit words the parser knows, each with its dimension and scale in base units, and their sources. */
#include "units_table.h"

/* ---- scale constants that are not plain SI prefixes ------------------- */

/* International Table calorie: 1 cal_IT = 4.1868 J exactly (Fifth
 * International Conference on the Properties of Steam, London 1956); the
 * calorie used by Chinese and IEA energy statistics. */
#define CAL_J 4.1868

/* 1 Wh = 3600 J (one watt for one hour). */
#define WH_J 3600.0

/* 1 kgce = 29.3076 MJ: GB/T 2589-2020 (综合能耗计算通则) fixes the net
 * calorific value of standard coal at 29 307.6 kJ/kg (= 7000 kcal_IT/kg). */
#define KGCE_J 29.3076e6

/* 1 toe = 41.868 GJ = 10^7 kcal_IT: IEA / Eurostat / UN energy statistics. */
#define TOE_J 41.868e9

/* 1 mu (市亩) = 1/15 ha = 666.67 m2: 15 mu to the hectare (Chinese land
 * statistics). */
#define MU_M2 (1e4 / 15.0)

/* 1 yr = 365 d = 31 536 000 s: the IPCC 2006 Guidelines turn daily rates
 * into annual ones with 365 days/yr; "a" is the annum of Chinese standards. */
#define YEAR_S (365.0 * 86400.0)

/* ---- atoms ------------------------------------------------------------ */

const units_atom units_atoms[] = {
    /* mass, base kg */
    {"g", UNITS_DIM_MASS, 1, 1e-3},           /* gram = 10^-3 kg */
    {"kg", UNITS_DIM_MASS, 1, 1.0},           /* kilogram = 1 kg */
    {"t", UNITS_DIM_MASS, 1, 1e3},            /* tonne = 10^3 kg */
    {"tonne", UNITS_DIM_MASS, 1, 1e3},        /* tonne = 10^3 kg */
    {"tonnes", UNITS_DIM_MASS, 1, 1e3},       /* tonnes = 10^3 kg */
    {"kt", UNITS_DIM_MASS, 1, 1e6},           /* kilotonne = 10^6 kg */
    {"Mt", UNITS_DIM_MASS, 1, 1e9},           /* megatonne = 10^9 kg */
    {"Gt", UNITS_DIM_MASS, 1, 1e12},          /* gigatonne = 10^12 kg */
    {"Mg", UNITS_DIM_MASS, 1, 1e3},           /* megagram = t = 10^3 kg */
    {"Gg", UNITS_DIM_MASS, 1, 1e6},           /* gigagram = kt = 10^6 kg */
    {"Tg", UNITS_DIM_MASS, 1, 1e9},           /* teragram = Mt = 10^9 kg */
    {"吨", UNITS_DIM_MASS, 1, 1e3},           /* tonne = 10^3 kg */
    {"千克", UNITS_DIM_MASS, 1, 1.0},         /* kilogram = 1 kg */
    {"公斤", UNITS_DIM_MASS, 1, 1.0},         /* kilogram = 1 kg */
    {"万吨", UNITS_DIM_MASS, 1, 1e7},         /* 10^4 t = 10^7 kg */

    /* energy, base J */
    {"J", UNITS_DIM_ENERGY, 1, 1.0},          /* joule = 1 J */
    {"kJ", UNITS_DIM_ENERGY, 1, 1e3},         /* kilojoule = 10^3 J */
    {"MJ", UNITS_DIM_ENERGY, 1, 1e6},         /* megajoule = 10^6 J */
    {"GJ", UNITS_DIM_ENERGY, 1, 1e9},         /* gigajoule = 10^9 J */
    {"TJ", UNITS_DIM_ENERGY, 1, 1e12},        /* terajoule = 10^12 J */
    {"PJ", UNITS_DIM_ENERGY, 1, 1e15},        /* petajoule = 10^15 J */
    {"Wh", UNITS_DIM_ENERGY, 1, WH_J},        /* watt hour = 3600 J */
    {"kWh", UNITS_DIM_ENERGY, 1, 1e3 * WH_J}, /* 3.6 * 10^6 J */
    {"MWh", UNITS_DIM_ENERGY, 1, 1e6 * WH_J}, /* 3.6 * 10^9 J */
    {"GWh", UNITS_DIM_ENERGY, 1, 1e9 * WH_J}, /* 3.6 * 10^12 J */
    {"TWh", UNITS_DIM_ENERGY, 1, 1e12 * WH_J},/* 3.6 * 10^15 J */
    {"千瓦时", UNITS_DIM_ENERGY, 1, 1e3 * WH_J},  /* kWh = 3.6 * 10^6 J */
    {"度", UNITS_DIM_ENERGY, 1, 1e3 * WH_J},      /* kWh = 3.6 * 10^6 J */
    {"万千瓦时", UNITS_DIM_ENERGY, 1, 1e7 * WH_J},  /* 10^4 kWh = 3.6 * 10^10 J */
    {"亿千瓦时", UNITS_DIM_ENERGY, 1, 1e11 * WH_J}, /* 10^8 kWh = 3.6 * 10^14 J */
    {"cal", UNITS_DIM_ENERGY, 1, CAL_J},      /* IT calorie = 4.1868 J */
    {"kcal", UNITS_DIM_ENERGY, 1, 1e3 * CAL_J},  /* 4186.8 J */
    {"Mcal", UNITS_DIM_ENERGY, 1, 1e6 * CAL_J},  /* 4.1868 * 10^6 J */
    {"Gcal", UNITS_DIM_ENERGY, 1, 1e9 * CAL_J},  /* 4.1868 * 10^9 J */
    {"gce", UNITS_DIM_ENERGY, 1, 1e-3 * KGCE_J}, /* g coal eq. = 29 307.6 J */
    {"kgce", UNITS_DIM_ENERGY, 1, KGCE_J},       /* 29.3076 * 10^6 J */
    {"tce", UNITS_DIM_ENERGY, 1, 1e3 * KGCE_J},  /* 29.3076 * 10^9 J */
    {"ktce", UNITS_DIM_ENERGY, 1, 1e6 * KGCE_J}, /* 29.3076 * 10^12 J */
    {"Mtce", UNITS_DIM_ENERGY, 1, 1e9 * KGCE_J}, /* 29.3076 * 10^15 J */
    {"千克标准煤", UNITS_DIM_ENERGY, 1, KGCE_J},      /* kgce */
    {"吨标准煤", UNITS_DIM_ENERGY, 1, 1e3 * KGCE_J},  /* tce */
    {"万吨标准煤", UNITS_DIM_ENERGY, 1, 1e7 * KGCE_J},/* 10^4 tce = 2.93076 * 10^14 J */
    {"千克标煤", UNITS_DIM_ENERGY, 1, KGCE_J},        /* kgce: the statistics' short form of 千克标准煤 */
    {"吨标煤", UNITS_DIM_ENERGY, 1, 1e3 * KGCE_J},    /* tce (吨标准煤) */
    {"万吨标煤", UNITS_DIM_ENERGY, 1, 1e7 * KGCE_J},  /* 10^4 tce (万吨标准煤) */
    {"toe", UNITS_DIM_ENERGY, 1, TOE_J},         /* 41.868 * 10^9 J */
    {"ktoe", UNITS_DIM_ENERGY, 1, 1e3 * TOE_J},  /* 41.868 * 10^12 J */
    {"Mtoe", UNITS_DIM_ENERGY, 1, 1e6 * TOE_J},  /* 41.868 * 10^15 J */

    /* volume, base m3. Nm3 (normal cubic metre) has the scale of m3: the
     * reference state (0 or 20 degC, 101.325 kPa) is the business of the
     * factor that is expressed per Nm3, not of the unit system. */
    {"m3", UNITS_DIM_LENGTH, 3, 1.0},         /* cubic metre = 1 m3 */
    {"Nm3", UNITS_DIM_LENGTH, 3, 1.0},        /* normal cubic metre = 1 m3 */
    {"L", UNITS_DIM_LENGTH, 3, 1e-3},         /* litre = 10^-3 m3 */
    {"kL", UNITS_DIM_LENGTH, 3, 1.0},         /* kilolitre = 1 m3 */
    {"ML", UNITS_DIM_LENGTH, 3, 1e3},         /* megalitre = 10^3 m3 */
    {"立方米", UNITS_DIM_LENGTH, 3, 1.0},     /* cubic metre = 1 m3 */
    {"万立方米", UNITS_DIM_LENGTH, 3, 1e4},   /* 10^4 m3 */
    {"亿立方米", UNITS_DIM_LENGTH, 3, 1e8},   /* 10^8 m3 */

    /* money, base yuan */
    {"yuan", UNITS_DIM_MONEY, 1, 1.0},        /* yuan = 1 CNY */
    {"CNY", UNITS_DIM_MONEY, 1, 1.0},         /* yuan = 1 CNY */
    {"RMB", UNITS_DIM_MONEY, 1, 1.0},         /* yuan = 1 CNY */
    {"元", UNITS_DIM_MONEY, 1, 1.0},          /* yuan = 1 CNY */
    {"万元", UNITS_DIM_MONEY, 1, 1e4},        /* 10^4 yuan */
    {"亿元", UNITS_DIM_MONEY, 1, 1e8},        /* 10^8 yuan */

    /* count, base one item */
    {"head", UNITS_DIM_COUNT, 1, 1.0},        /* one animal */
    {"person", UNITS_DIM_COUNT, 1, 1.0},      /* one person */
    {"persons", UNITS_DIM_COUNT, 1, 1.0},     /* one person */
    {"item", UNITS_DIM_COUNT, 1, 1.0},        /* one item */
    {"头", UNITS_DIM_COUNT, 1, 1.0},          /* one animal */
    {"人", UNITS_DIM_COUNT, 1, 1.0},          /* one person */
    {"万人", UNITS_DIM_COUNT, 1, 1e4},        /* 10^4 persons */

    /* area, base m2 */
    {"m2", UNITS_DIM_LENGTH, 2, 1.0},         /* square metre = 1 m2 */
    {"km2", UNITS_DIM_LENGTH, 2, 1e6},        /* square kilometre = 10^6 m2 */
    {"ha", UNITS_DIM_LENGTH, 2, 1e4},         /* hectare = 10^4 m2 */
    {"mu", UNITS_DIM_LENGTH, 2, MU_M2},       /* mu = 1/15 ha = 666.67 m2 */
    {"亩", UNITS_DIM_LENGTH, 2, MU_M2},       /* mu = 1/15 ha = 666.67 m2 */

    /* length, base m */
    {"m", UNITS_DIM_LENGTH, 1, 1.0},          /* metre = 1 m */
    {"km", UNITS_DIM_LENGTH, 1, 1e3},         /* kilometre = 10^3 m */
    {"千米", UNITS_DIM_LENGTH, 1, 1e3},       /* kilometre = 10^3 m */
    {"公里", UNITS_DIM_LENGTH, 1, 1e3},       /* kilometre = 10^3 m */

    /* time, base s */
    {"s", UNITS_DIM_TIME, 1, 1.0},            /* second = 1 s */
    {"h", UNITS_DIM_TIME, 1, 3600.0},         /* hour = 3600 s */
    {"d", UNITS_DIM_TIME, 1, 86400.0},        /* day = 86 400 s */
    {"day", UNITS_DIM_TIME, 1, 86400.0},      /* day = 86 400 s */
    {"yr", UNITS_DIM_TIME, 1, YEAR_S},        /* 365 d = 31 536 000 s */
    {"year", UNITS_DIM_TIME, 1, YEAR_S},      /* 365 d = 31 536 000 s */
    {"a", UNITS_DIM_TIME, 1, YEAR_S},         /* annum = 365 d */

    /* dimensionless */
    {"%", UNITS_DIM_MASS, 0, 0.01},           /* percent = 0.01 */
    {"1", UNITS_DIM_MASS, 0, 1.0},            /* pure number = 1 */
    {"fraction", UNITS_DIM_MASS, 0, 1.0},     /* pure number = 1 */
    {"ratio", UNITS_DIM_MASS, 0, 1.0},        /* pure number = 1 */
};

const size_t units_natoms = sizeof units_atoms / sizeof units_atoms[0];

/* ---- species and multipliers ------------------------------------------ */

const units_species units_species_table[] = {
    {"C", "C"},         {"CO2", "CO2"},     {"CO2e", "CO2e"},
    {"CO2-eq", "CO2e"}, {"CO2eq", "CO2e"},  {"CO2-e", "CO2e"},
    {"CH4", "CH4"},     {"CH4-C", "CH4-C"}, {"N2O", "N2O"},
    {"N2O-N", "N2O-N"}, {"N", "N"},
    /* what an amount is of, for units like kg CH4/kg BOD or t C/t DM */
    {"BOD", "BOD"},     {"COD", "COD"},     {"DM", "DM"},
};

const size_t units_nspecies = sizeof units_species_table / sizeof units_species_table[0];

_Static_assert(sizeof "N2O-N" <= UNITS_SPECIES_MAX &&
               sizeof "CH4-C" <= UNITS_SPECIES_MAX,
               "UNITS_SPECIES_MAX too small for the species names");

/* Chinese multipliers glued before an atom: 万t = 10^4 t, 亿kWh = 10^8 kWh. */
const units_multiplier units_multipliers[] = {
    {"万", 1e4},
    {"亿", 1e8},
};

const size_t units_nmultipliers = sizeof units_multipliers / sizeof units_multipliers[0];

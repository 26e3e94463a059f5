/* test_audit_cases.h - the rows of test_audit.c: for each rule, reports it fires on and reports it does not. */
#ifndef GHG_TEST_AUDIT_CASES_H
#define GHG_TEST_AUDIT_CASES_H

/* One row: the rule, the template and its overrides, whether the rule
 * fires, the declared and verified values of its first finding (NAN: not
 * checked) and the text at which the finding's value starts (NULL: not
 * checked). The hand arithmetic is in the comment of each row; the
 * templates' own arithmetic is above their text in test_audit.c. */
typedef struct {
    const char *rule;
    tmpl_id tmpl;
    const char *over;
    bool fires;
    double declared, verified;
    const char *at;
} rule_case;

#define N NAN
static const rule_case rule_cases[] = {
    /* recompute.source: F 2,250,000 against 2,282,544.00 is 1.43 % off (tolerance 0.5 %) */
    {"recompute.source", T_POWER, "F=2250000.00\n", true, 2250000.00, 2282544.00, "2250000.00"},
    /* 2,290,000 is 0.33 % off: within the tolerance */
    {"recompute.source", T_POWER, "F=2290000.00\n", false, N, N, NULL},
    /* clinker 1,500,000 t x 0.55 = 825,000 declared; CaO/MgO give 1,500,000 x 0.531956 = 797,933.80 */
    {"recompute.source", T_CEMENT, "EF=0.5500\nEC=825000.00\n", true, 825000.00, 797933.7987790111, "825000.00"},
    /* purchased electricity 60,000 declared; 100,000 MWh x 0.5306 = 53,060.00 */
    {"recompute.source", T_CEMENT, "EE=60000.00\n", true, 60000.00, 53060.00, "60000.00"},

    /* recompute.total: 2,300,000 against 2,282,544.00 (+0.76 %) */
    {"recompute.total", T_POWER, "TOTAL=2300000.00\n", true, 2300000.00, 2282544.00, "2300000.00"},
    {"recompute.total", T_POWER, "TOTAL=2290000.00\n", false, N, N, NULL},

    /* recompute.parameter: annual NCV 20.500 against the weighted 20.000 (2.5 %) */
    {"recompute.parameter", T_POWER, "NCVA=20.500\n", true, 20.5, 20.0, "20.500"},
    {"recompute.parameter", T_POWER, "NCVA=20.080\n", false, N, N, NULL}, /* 0.4 % */
    /* D 0.02700 against B/C = 0.5240 / 20.000 = 0.02620 */
    {"recompute.parameter", T_POWER, "D=0.02700\n", true, 0.027, 0.0262, "0.02700"},
    /* clinker factor 0.55 against 0.65 x 44.009/56.077 + 0.02 x 44.009/40.304 = 0.531956 */
    {"recompute.parameter", T_CEMENT, "EF=0.5500\nEC=825000.00\n", true, 0.55, 0.5319558658526741, NULL},

    /* sum.total: total 2,382,544 declared, combustion 2,282,544 */
    {"sum.total", T_POWER, "TOTAL=2382544.00\n", true, 2382544.00, 2282544.00, "2382544.00"},
    /* unit Q 2,300,000 declared, its fuel's F 2,282,544 */
    {"sum.total", T_POWER, "Q=2300000.00\n", true, 2300000.00, 2282544.00, "2300000.00"},
    {"sum.total", T_POWER, "", false, N, N, NULL},

    /* sum.months: A 1,250,000 declared, the months 12 x 100,000 = 1,200,000 */
    {"sum.months", T_POWER, "AMT=1250000\n", true, 1250000, 1200000, "1250000"},
    {"sum.months", T_POWER, "AMT=1203000\n", false, N, N, NULL}, /* 0.25 % */

    /* data.unit_slip: Q in kg: 2,282,544,000 = 1000 x 2,282,544 */
    {"data.unit_slip", T_POWER, "Q=2282544000.00\n", true, 2282544000.0, 2282544.00, "2282544000.00"},
    /* A 12,000,000,000 = 10^4 x the months' 1,200,000 */
    {"data.unit_slip", T_POWER, "AMT=12000000000\n", true, 12000000000.0, 1200000, "12000000000"},
    /* x 100 is no unit slip (recompute.source reports it) */
    {"data.unit_slip", T_POWER, "Q=228254400.00\n", false, N, N, NULL},

    /* data.fraction: March moisture written 10 (no %) */
    {"data.fraction", T_POWER, "M_MOIST@3=10\n", true, 10, N, "10, ash"},
    {"data.fraction", T_POWER, "M_MOIST@3=10%\n", false, N, N, NULL},

    /* basic.credit_code: the check character of 91220201MA0000001 is 8 (GB 32100), not 9 */
    {"basic.credit_code", T_POWER, "CODE=91220201MA00000019\n", true, N, N, "\"91220201MA00000019\""},
    {"basic.credit_code", T_POWER, "CODE=91220201MA0000001\n", true, N, N, NULL}, /* 17 characters */
    {"basic.credit_code", T_POWER, "", false, N, N, NULL},

    /* basic.unit_class: coal_ge400 needs 400 MW or more: 350 MW */
    {"basic.unit_class", T_POWER, "CAP=350\n", true, 350, N, "coal_ge400"},
    {"basic.unit_class", T_POWER, "CLASS=coal_lt400\nCAP=399\n", false, N, N, NULL},
    {"basic.unit_class", T_POWER, "CLASS=coal_lt400\nCAP=400\n", true, 400, N, NULL}, /* below 400: exclusive */

    /* range.gas_carbon: April 6.500 tC/10^4 Nm3 (4.37-6.10) */
    {"range.gas_carbon", T_GAS, "M_C@4=6.500\n", true, 6.5, N, "6.500"},
    {"range.gas_carbon", T_GAS, "M_C@4=6.100\n", false, N, N, NULL}, /* the bound itself */

    /* range.gas_ncv: September 400.0 GJ/10^4 Nm3 (285.0-398.3) */
    {"range.gas_ncv", T_GAS, "M_NCV@9=400.0\n", true, 400.0, N, "400.0"},
    {"range.gas_ncv", T_GAS, "M_NCV@9=398.3\n", false, N, N, NULL},

    /* range.solid_ncv: gangue at 12.000 GJ/t, February 13.000 GJ/t = 13,000 kJ/kg (4,500-12,550);
     * the year (11 x 12.000 + 13.000) / 12 = 12.083 */
    {"range.solid_ncv", T_POWER, "FUEL=coal_gangue\nM_NCV=12.000\nNCVA=12.083\nM_NCV@2=13.000\n", true, 13000, N,
     "13.000"},
    {"range.solid_ncv", T_POWER, "FUEL=coal_gangue\nM_NCV=12.000\nNCVA=12.046\nM_NCV@2=12.550\n", false, N, N, NULL},

    /* range.coal_carbon_per_heat: 0.5800 / 20.000 = 0.02900 tC/GJ = 29.0 tC/TJ, +10.77 % off 26.18 */
    {"range.coal_carbon_per_heat", T_POWER, "M_C=0.5800\nCA=0.5800\nD=0.02900\n", true, 29.0, 26.18, NULL},
    /* 0.5700 / 20.000 = 28.5 tC/TJ: +8.86 % */
    {"range.coal_carbon_per_heat", T_POWER, "M_C=0.5700\nCA=0.5700\nD=0.02850\n", false, N, N, NULL},

    /* range.coal_daf_carbon: May 0.5240 / (1 - 10 % - 40 %) = 1.048 (bituminous 0.74-0.92) */
    {"range.coal_daf_carbon", T_POWER, "M_ASH@5=40%\n", true, 1.048, N, NULL},
    {"range.coal_daf_carbon", T_POWER, "", false, N, N, NULL}, /* 0.5240 / 0.70 = 0.74857 */

    /* range.oxidation: a power plant's coal at 98 % (the guideline's 99 %) */
    {"range.oxidation", T_POWER, "OX=98%\n", true, 0.98, 0.99, "98%"},
    {"range.oxidation", T_STEEL, "OX=99%\n", true, 0.99, 1.0, "99%"}, /* steel Eq. 1: no oxidation, 100 % */
    {"range.oxidation", T_STEEL, "", false, N, N, NULL},

    /* range.grid_factor: 0.5810 declared, the national 2023 factor 0.5306 */
    {"range.grid_factor", T_CEMENT, "GF=0.5810\nEE=58100.00\n", true, 0.581, 0.5306, "0.5810"},
    {"range.grid_factor", T_CEMENT, "GF=0.5310\nEE=53100.00\n", false, N, N, NULL}, /* 0.075 % */

    /* method.basis_mismatch: carbon air dried, NCV as received; or both air dried */
    {"method.basis_mismatch", T_POWER, "CB=air_dried\n", true, N, N, NULL},
    {"method.basis_mismatch", T_POWER, "NCVB=air_dried\nCB=air_dried\n", true, N, N, NULL},
    {"method.basis_mismatch", T_POWER, "", false, N, N, NULL},

    /* method.state_mismatch: weighed as fired, analysed as delivered */
    {"method.state_mismatch", T_POWER, "SSTATE=as_delivered\n", true, N, N, NULL},
    {"method.state_mismatch", T_POWER, "", false, N, N, NULL},

    /* method.default_where_measured: July's carbon not measured */
    {"method.default_where_measured", T_POWER, "M_CARB@7=carbon_how: not_measured\n", true, N, N, NULL},
    {"method.default_where_measured", T_POWER, "", false, N, N, NULL},

    /* method.measured_where_default: coke NCV measured 29.000 GJ/t (the default 28.435) */
    {"method.measured_where_default", T_STEEL, "M_NCVX=ncv: 29.000, ncv_how: self_tested\n", true, 29.0, 28.435, NULL},
    /* coke D 0.03000 declared (the default 0.02942) */
    {"method.measured_where_default", T_STEEL, "D=0.03000\n", true, 0.03, 0.02942, NULL},
    {"method.measured_where_default", T_STEEL, "", false, N, N, NULL},

    /* method.months_missing: December left out */
    {"method.months_missing", T_POWER, "SKIP@12=1\n", true, N, N, NULL},
    {"method.months_missing", T_POWER, "", false, N, N, NULL},

    /* method.lab_late: sampled 2023-03-20, reported 2023-05-01: 11 + 30 + 1 = 42 days (> 40) */
    {"method.lab_late", T_POWER, "M_REP@3=2023-05-01\n", true, 42, N, "2023-05-01"},
    /* reported 2023-04-29: 11 + 29 = 40 days, not more than 40 */
    {"method.lab_late", T_POWER, "M_REP@3=2023-04-29\n", false, N, N, NULL},

    /* method.meter_uncalibrated: never calibrated: 1,200,000 x (1 + 0.5 %) = 1,206,000 */
    {"method.meter_uncalibrated", T_POWER, "FUELX=meter: {calibration: never, required_accuracy: 0.5%}\n", true,
     1200000, 1206000, "{calibration: never"},
    /* late, October-December uncovered: 9 x 100,000 + 3 x 100,000 x 1.005 = 1,201,500 */
    {"method.meter_uncalibrated", T_POWER,
     "FUELX=meter: {calibration: late, required_accuracy: 0.5%, uncovered_months: [10, 11, 12]}\n", true, 1200000,
     1201500, NULL},
    /* accuracy 1.5 % found, 0.5 % required: x [1 + (1.5 % - 0.5 %)] = 1,212,000 */
    {"method.meter_uncalibrated", T_POWER, "FUELX=meter: {calibration: ok, required_accuracy: 0.5%, accuracy: 1.5%}\n",
     true, 1200000, 1212000, NULL},
    {"method.meter_uncalibrated", T_POWER, "FUELX=meter: {calibration: ok, required_accuracy: 0.5%, accuracy: 0.5%}\n",
     false, N, N, NULL},
    /* production never calibrated: 2,660,000 MWh x (1 - 0.5 %) = 2,646,700 */
    {"method.meter_uncalibrated", T_POWER,
     "GEN={value: 2660000, unit: MWh, meter: {calibration: never, required_accuracy: 0.5%}}\n", true, 2660000, 2646700,
     NULL},

    /* consistency.chp_efficiency: (2,660,000 x 3.6 + 15,000,000) / 24,000,000 = 1.024 */
    {"consistency.chp_efficiency", T_POWER, "PRODUCT=chp\nUNITX=heat_supplied: 15000000\n", true, 1.024, N, NULL},
    /* (9,576,000 + 10,000,000) / 24,000,000 = 0.8157 */
    {"consistency.chp_efficiency", T_POWER, "PRODUCT=chp\nUNITX=heat_supplied: 10000000\n", false, N, N, NULL},

    /* consistency.condensing_efficiency: 3,100,000 x 3.6 / 24,000,000 = 0.465 (>= 0.46) */
    {"consistency.condensing_efficiency", T_POWER, "GEN=3100000\n", true, 0.465, N, "3100000"},
    {"consistency.condensing_efficiency", T_POWER, "GEN=3050000\n", false, N, N, NULL}, /* 0.4575 */
    {"consistency.condensing_efficiency", T_GAS, "", false, N, N, NULL},                /* 0.55, but a combined cycle */

    /* consistency.generation: 500 MW x 7000 h x 80 % = 2,800,000 against 2,660,000 (5.3 %) */
    {"consistency.generation", T_POWER, "LF=80%\n", true, 2660000, 2800000, "2660000"},
    /* 500 x 7000 x 76.5 % = 2,677,500: 0.65 % (threshold 1 %) */
    {"consistency.generation", T_POWER, "LF=76.5%\n", false, N, N, NULL},

    /* consistency.utilisation_hours: 7000 declared = the running hours */
    {"consistency.utilisation_hours", T_POWER, "UNITX=utilisation_hours: 7000\n", true, 7000, N, NULL},
    /* 2,660,000 / 500 = 5320 h against 5000 running hours */
    {"consistency.utilisation_hours", T_POWER, "HOURS=5000\n", true, 5320, N, NULL},
    {"consistency.utilisation_hours", T_POWER, "", false, N, N, NULL},

    /* consistency.running_hours: 8761 h in 2023 (365 x 24 = 8760) */
    {"consistency.running_hours", T_POWER, "HOURS=8761\n", true, 8761, N, "8761"},
    {"consistency.running_hours", T_POWER, "HOURS=8760\n", false, N, N, NULL},

    /* consistency.chp_class: a condensing unit supplying 5000 GJ of heat */
    {"consistency.chp_class", T_POWER, "UNITX=heat_supplied: 5000\n", true, 5000, N, "condensing"},
    {"consistency.chp_class", T_POWER, "PRODUCT=chp\nUNITX=heat_supplied: 5000\n", false, N, N, NULL},

    /* consistency.intensity: 2,282,544 / 1,900,000 = 1.20134 t CO2/MWh (band 0.74-1.14) */
    {"consistency.intensity", T_POWER, "GEN=1900000\n", true, 1.2013389473684211, N, NULL},
    /* cement: (401,732.10 + 797,933.80 + 8,433.33) / 2,000,000 t clinker = 0.60405 (band 0.70-1.00) */
    {"consistency.intensity", T_CEMENT, "CLK=2000000\n", true, 0.6040496160561722, N, NULL},
    {"consistency.intensity", T_CEMENT, "", false, N, N, NULL},

    /* consistency.yoy: 2,282,544 against 1,800,000 in 2022 (+26.8 %, threshold 20 %) */
    {"consistency.yoy", T_POWER, "PREVT=1800000\n", true, 2282544, 1800000, NULL},
    {"consistency.yoy", T_POWER, "", false, N, N, NULL}, /* +3.75 % */

    /* consistency.yoy_intensity: 2,282,544 / 2,660,000 = 0.85810 against 2,200,000 / 3,200,000 = 0.6875 */
    {"consistency.yoy_intensity", T_POWER, "PREVG=3200000\n", true, 0.8580992481203008, 0.6875, NULL},
    {"consistency.yoy_intensity", T_POWER, "", false, N, N, NULL}, /* +1.41 % */

    /* completeness.required_source: a steel works deducting pig iron but not its crude steel */
    {"completeness.required_source", T_STEEL,
     "STEELX={id: pig-iron, kind: carbon_product, material: pig_iron, unit: t, amount: 100000, ef: 0.172, "
     "emissions: 17200}\n",
     true, N, N, "steel, route"},
    /* an ammonia plant without a feedstock source */
    {"completeness.required_source", T_AMMONIA,
     "FEED={id: flux, kind: carbonate, material: limestone, unit: t, amount: 10, ef: 0.44, emissions: 4.4}\n", true, N,
     N, NULL},
    {"completeness.required_source", T_STEEL, "", false, N, N, NULL},
    {"completeness.required_source", T_AMMONIA, "", false, N, N, NULL},
};
#undef N

#endif

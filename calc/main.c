/* main.c - the ghgcalc command table: one row per command, each defined in its own calc/cmd_*.c. */
#include "cli.h"

extern const cli_command cmd_inventory, cmd_intensity, cmd_project, cmd_audit, cmd_check, cmd_factors, cmd_template,
    cmd_import;

int main(int argc, char **argv)
{
    static const cli_command *const commands[] = {&cmd_inventory, &cmd_intensity, &cmd_project,  &cmd_audit,
                                                  &cmd_check,     &cmd_factors,   &cmd_template, &cmd_import};
    return cli_main(argc, argv, commands, sizeof commands / sizeof *commands);
}

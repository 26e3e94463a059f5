/* cmd_import.c - placeholder while the import is written. */
#include "cli.h"
static int imp_cmd_run(void *opts, const cli_command *const *all, size_t nall)
{
    (void)opts; (void)all; (void)nall;
    return CLI_INPUT;
}
const cli_command cmd_import = {"import", "x", "x\n", NULL, sizeof(cli_base), imp_cmd_run, NULL};

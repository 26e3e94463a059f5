/* yaml_events.c - the YAML half of the benchmark's "limit": a bare libyaml
 * event loop over a file, as fast as libyaml can read it (no tree, no
 * checks). Prints the event and scalar counts of all the files together.
 * usage: yaml_events FILE.yaml... */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

/* Parses one file; adds its counts. Returns 0, or 2 on an error. */
static int parse_file(const char *path, unsigned long long *events, unsigned long long *scalars,
                      unsigned long long *bytes)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 2;
    }
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p)) {
        fclose(f);
        return 2;
    }
    yaml_parser_set_input_file(&p, f);
    int rc = 0;
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev)) {
            fprintf(stderr, "%s:%zu: %s\n", path, p.problem_mark.line + 1, p.problem ? p.problem : "error");
            rc = 2;
            break;
        }
        (*events)++;
        if (ev.type == YAML_SCALAR_EVENT) {
            (*scalars)++;
            *bytes += ev.data.scalar.length;
        }
        int done = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
        if (done)
            break;
    }
    yaml_parser_delete(&p);
    fclose(f);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: yaml_events FILE.yaml...\n");
        return 2;
    }
    unsigned long long events = 0, scalars = 0, bytes = 0;
    for (int i = 1; i < argc; i++)
        if (parse_file(argv[i], &events, &scalars, &bytes))
            return 2;
    printf("%llu events, %llu scalars, %llu scalar bytes\n", events, scalars, bytes);
    return 0;
}

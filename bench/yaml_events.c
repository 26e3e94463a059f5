/* yaml_events.c - the YAML half of the benchmark's "limit": a bare libyaml
 * event loop over a file, as fast as libyaml can read it (no tree, no
 * checks). Prints the event and scalar counts.
 * usage: yaml_events FILE.yaml */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: yaml_events FILE.yaml\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p))
        return 2;
    yaml_parser_set_input_file(&p, f);
    unsigned long long events = 0, scalars = 0, bytes = 0;
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev)) {
            fprintf(stderr, "%s:%zu: %s\n", argv[1], p.problem_mark.line + 1, p.problem ? p.problem : "error");
            return 2;
        }
        events++;
        if (ev.type == YAML_SCALAR_EVENT) {
            scalars++;
            bytes += ev.data.scalar.length;
        }
        int done = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
        if (done)
            break;
    }
    yaml_parser_delete(&p);
    fclose(f);
    printf("%llu events, %llu scalars, %llu scalar bytes\n", events, scalars, bytes);
    return 0;
}

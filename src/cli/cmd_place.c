/* SPDX-License-Identifier: MIT */
/* The office's places (dpf/place.h): the townships and their villages with their codes,
 * listed by anyone, added and edited by the manager. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "dpf/i18n.h"
#include "dpf/place.h"

struct listing {
    struct cli *c;
    int with_villages;
    long n;
    struct dpf_err *err;
};

static int print_village(const char *name, const char *code, void *ctx)
{
    char buf[128];
    long *n = ctx;

    printf("    %-14s%s\n", *code ? code : "-", cli_safe(name, buf, sizeof buf));
    ++*n;
    return 0;
}

static int print_township(const char *name, const char *code, void *ctx)
{
    struct listing *l = ctx;
    char buf[128];
    long villages = 0;

    printf("%-18s%s\n", *code ? code : "-", cli_safe(name, buf, sizeof buf));
    l->n++;
    if (l->with_villages &&
        place_names(l->c->db, name, print_village, &villages, l->err) != DPF_OK)
        return 1;
    return 0;
}

static int cmd_place_list(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    struct dpf_err err = { 0 };
    struct listing l = { c, 1, 0, &err };
    long villages = 0;
    int rc;

    (void)self;
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (a->noperands) {
        char t[PLACE_NAME_MAX * 4 + 1];
        if ((rc = place_find(c->db, NULL, a->operands[0], t, NULL, NULL, &err)) == DPF_OK)
            rc = place_names(c->db, t, print_village, &villages, &err);
        return rc == DPF_OK ? EXIT_OK : cli_fail(&err);
    }
    rc = place_names(c->db, NULL, print_township, &l, &err);
    if (rc == DPF_OK && err.code)
        rc = err.code;
    if (rc != DPF_OK)
        return cli_fail(&err);
    if (l.n == 0)
        printf(_("No places yet: add them with `dpf place add`, import them (`dpf import "
                 "places`), or take a register's with `dpf import persons FILE --new-places`\n"));
    return EXIT_OK;
}

static int cmd_place_find(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    char t[PLACE_NAME_MAX * 4 + 1], v[PLACE_NAME_MAX * 4 + 1], code[16], buf[128];
    struct dpf_err err;

    (void)self;
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if (place_find(c->db, cli_str(a, "township"), a->operands[0], t, v, code, &err) != DPF_OK)
        return cli_fail(&err);
    printf("%-18s%s", *code ? code : "-", cli_safe(t, buf, sizeof buf));
    printf(*v ? " %s\n" : "\n", cli_safe(v, buf, sizeof buf));
    return EXIT_OK;
}

static int cmd_place_add(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    const char *township = cli_str(a, "township"), *code = cli_str(a, "code");
    struct dpf_err err;
    int rc;

    (void)self;
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if ((rc = db_begin(c->db, &err)) == DPF_OK)
        rc = db_end(c->db, place_add(c->db, township, a->operands[0], code, &err), &err);
    if (rc != DPF_OK)
        return cli_fail(&err);
    if (township)
        printf(_("Added the village %s of %s\n"), a->operands[0], township);
    else
        printf(_("Added the township %s\n"), a->operands[0]);
    return EXIT_OK;
}

static int cmd_place_edit(struct cli *c, const struct cli_cmd *self, const struct cli_args *a)
{
    struct dpf_err err;
    int rc;

    if (!cli_has(a, "code") && !cli_has(a, "name"))
        return cli_usage(self, _("give --code or --name"));
    if (cli_open(c, 0) != EXIT_OK)
        return EXIT_FAIL;
    if ((rc = db_begin(c->db, &err)) == DPF_OK)
        rc = db_end(c->db, place_edit(c->db, cli_str(a, "township"), a->operands[0],
                                      cli_str(a, "name"), cli_str(a, "code"), &err), &err);
    if (rc != DPF_OK)
        return cli_fail(&err);
    printf(_("Changed %s\n"), cli_has(a, "name") ? cli_str(a, "name") : a->operands[0]);
    return EXIT_OK;
}

static const struct cli_opt find_opts[] = {
    { "township", CK_TEXT, 0, NULL, N_("a village of this township"), NULL, 0 },
    { 0 },
};

static const struct cli_opt add_opts[] = {
    { "township", CK_TEXT, 0, NULL, N_("add a village of this township"), NULL, 0 },
    { "code", CK_TEXT, 0, "DIGITS", N_("its code: 9 digits for a township, 12 for a village"),
      NULL, 0 },
    { 0 },
};

static const struct cli_opt edit_opts[] = {
    { "township", CK_TEXT, 0, NULL, N_("the place is a village of this township"), NULL, 0 },
    { "code", CK_TEXT, 0, "DIGITS", N_("its new code (\"\": none)"), NULL, 0 },
    { "name", CK_TEXT, 0, NULL, N_("its new name (refused while persons are registered at it)"),
      NULL, 0 },
    { 0 },
};

/* The place commands (cli.h: how to add a command). */
const struct cli_cmd cli_place_rows[] = {
    { .group = "place", .name = "list", .operands = "[TOWNSHIP]", .max_operands = 1,
      .need = NEED_READ,
      .summary = N_("The places in code order: townships with their villages, or one township's"),
      .help = N_("- stands for a code not given yet (`dpf place edit NAME --code ...`)."),
      .run = cmd_place_list },
    { .group = "place", .name = "find", .operands = "NAME|CODE", .min_operands = 1,
      .max_operands = 1, .need = NEED_READ, .opts = find_opts,
      .summary = N_("Find a place by name or code; an unknown name gets the nearest ones"),
      .run = cmd_place_find },
    { .group = "place", .name = "add", .operands = "NAME", .min_operands = 1, .max_operands = 1,
      .need = NEED_MANAGE, .opts = add_opts,
      .summary = N_("Add a township, or with --township a village of it"),
      .run = cmd_place_add },
    { .group = "place", .name = "edit", .operands = "NAME", .min_operands = 1,
      .max_operands = 1, .need = NEED_MANAGE, .opts = edit_opts,
      .summary = N_("Give a place its code or a new name"),
      .run = cmd_place_edit },
    { 0 },
};

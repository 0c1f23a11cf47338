/* SPDX-License-Identifier: MIT */
/* Who may run which command: one table, read by cli_open before any command touches the
 * database. A command not listed only reads (every user may). */
#include <string.h>
#include "cli.h"

static const struct {
    const char *name, *object;
    enum cap cap;
} caps[] = {
    { "import", "persons", CAP_REGISTER },      { "import", "assessments", CAP_REGISTER },
    { "import", "agreements", CAP_REGISTER },   { "import", "services", CAP_REGISTER },
    { "import", "rescues", CAP_REGISTER },      { "import", "claims", CAP_REGISTER },
    { "person", "status", CAP_REGISTER },       { "update", "record", CAP_REGISTER },
    { "rehab", "delete", CAP_REGISTER },        { "insurance", "add", CAP_REGISTER },
    { "insurance", "remove", CAP_REGISTER },    { "insurance", "move", CAP_REGISTER },
    { "import", "enrolments", CAP_REVIEW },     { "import", "payments", CAP_REVIEW },
    { "subsidy", "apply", CAP_REVIEW },         { "subsidy", "advance", CAP_REVIEW },
    { "subsidy", "refuse", CAP_REVIEW },        { "subsidy", "stop", CAP_REVIEW },
    { "subsidy", "review", CAP_REVIEW },        { "subsidy", "approve", CAP_REVIEW },
    { "subsidy", "roster", CAP_REVIEW },
    { "import", "rules", CAP_MANAGE },          { "import", "institutions", CAP_MANAGE },
    { "import", "projects", CAP_MANAGE },       { "insurance", "policy", CAP_MANAGE },
    { "insurance", "cover", CAP_MANAGE },       { "insurance", "build", CAP_MANAGE },
    { "insurance", "confirm", CAP_MANAGE },     { "report", "annual", CAP_MANAGE },
    { "report", "period", CAP_MANAGE },
    { "user", NULL, CAP_ADMIN },                { "backup", NULL, CAP_ADMIN },
    { "restore", NULL, CAP_ADMIN },             { "audit", NULL, CAP_ADMIN },
};

enum cap cli_cap(const struct cli_cmd *cmd)
{
    for (size_t i = 0; cmd && i < sizeof caps / sizeof caps[0]; i++)
        if (strcmp(cmd->name, caps[i].name) == 0 &&
            (!caps[i].object || (cmd->object && strcmp(cmd->object, caps[i].object) == 0)))
            return caps[i].cap;
    return CAP_READ;
}

/* SPDX-License-Identifier: MIT */
/* gettext glue. Message ids are English; po/zh_CN.po holds the Simplified Chinese UI. */
#ifndef DPF_I18N_H
#define DPF_I18N_H

#include <libintl.h>

#define _(s) dgettext("dpf", s)
#define N_(s) (s)

/* Chooses the UI language (lang may be NULL: follow the locale, Chinese on a C/POSIX
 * locale) and binds the catalogue found next to the executable or in DPF_LOCALEDIR. */
void i18n_init(const char *lang, const char *argv0);

#endif

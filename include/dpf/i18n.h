/* SPDX-License-Identifier: MIT */
/* gettext glue. Message ids are English; po/zh_CN.po holds the Simplified Chinese UI. */
#ifndef DPF_I18N_H
#define DPF_I18N_H

#include <libintl.h>

#define _(s) dgettext("dpf", s)
#define N_(s) (s)

/* Chooses the UI language (lang may be NULL: follow the locale, Chinese on a C/POSIX
 * locale) and binds the catalogue found next to the executable or in DPF_LOCALEDIR.
 * Returns 0, or -1 when lang names no language dpf has (i18n_languages): the locale's
 * language is then chosen, for the message that says so. */
int i18n_init(const char *lang, const char *argv0);

/* The languages --lang accepts, separated by spaces: "en zh_CN zh_TW zh_HK". */
const char *i18n_languages(void);

/* The OpenCC configuration that turns Simplified text into the UI's Traditional characters
 * (s2twp.json for zh_TW, s2hk.json for zh_HK), or NULL when the UI is not Traditional. */
const char *i18n_opencc(void);

#endif

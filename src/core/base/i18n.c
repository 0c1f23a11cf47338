/* SPDX-License-Identifier: MIT */
/* Picks the UI language. The office works in Chinese, so a terminal whose locale names no
 * language (C, POSIX, C.UTF-8: common over SSH) gets Simplified Chinese; a locale that names
 * one (en_US.UTF-8, zh_TW.UTF-8) is followed; --lang overrides both, and must name English
 * or a catalogue the build made (DPF_LINGUAS: zh_CN, and zh_TW, zh_HK made from it). */
#include <libgen.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dpf/i18n.h"
#include "dpf/priv.h"

#ifndef DPF_LINGUAS
#define DPF_LINGUAS "zh_CN"
#endif

static int names_language(const char *v)
{
    return v && *v && strcmp(v, "C") != 0 && strcmp(v, "POSIX") != 0 &&
           strncmp(v, "C.", 2) != 0;
}

/* The catalogue: DPF_LOCALEDIR, else next to the executable (build/locale), else the
 * installed one. Running setgid, only the installed one: a catalogue the user chose would
 * choose the printf formats of a program holding the group's rights. */
static void bind_catalogue(const char *argv0)
{
    const char *dir = priv_getenv("DPF_LOCALEDIR");
    char exe[PATH_MAX], path[PATH_MAX + 16];
    ssize_t n;

    if (!dir && !priv_setgid()) {
        n = readlink("/proc/self/exe", exe, sizeof exe - 1);
        if (n > 0) {
            exe[n] = '\0';
        } else if (argv0 && strlen(argv0) < sizeof exe) {
            strcpy(exe, argv0);
        } else {
            exe[0] = '\0';
        }
        if (exe[0] && access(exe, F_OK) == 0) {
            snprintf(path, sizeof path, "%s/locale", dirname(exe));
            dir = path;
        }
    }
    if (!dir || access(dir, F_OK) != 0)
        dir = DPF_LOCALEDIR;
    bindtextdomain("dpf", dir);
    bind_textdomain_codeset("dpf", "UTF-8");
}

const char *i18n_languages(void)
{
    return "en " DPF_LINGUAS;
}

/* 1 if one name of a LANGUAGE list (n bytes of it) is English or a built catalogue's, the
 * encoding or modifier aside: en, en_GB, zh_TW, zh_TW.UTF-8. */
static int known_name(const char *name, size_t n)
{
    const char *list = DPF_LINGUAS;
    size_t len = strcspn(name, ".@:");

    if (len > n)
        len = n;
    if (len == 0)
        return 0;
    if ((len == 2 || (len == 5 && name[2] == '_')) && strncmp(name, "en", 2) == 0)
        return 1;
    while (*list) {
        size_t w = strcspn(list, " ");
        if (w == len && strncmp(list, name, len) == 0)
            return 1;
        list += w;
        list += strspn(list, " ");
    }
    return 0;
}

/* 1 if every name of a --lang value (zh_TW, or a LANGUAGE list zh_TW:zh_CN) is known. */
static int known_language(const char *lang)
{
    while (*lang) {
        size_t n = strcspn(lang, ":");
        if (!known_name(lang, n))
            return 0;
        lang += n;
        lang += strspn(lang, ":");
    }
    return 1;
}

const char *i18n_opencc(void)
{
    const char *l = getenv("LANGUAGE");

    if (!l)
        return NULL;
    if (strncmp(l, "zh_TW", 5) == 0 && strchr(".@:", l[5]))
        return "s2twp.json";
    if (strncmp(l, "zh_HK", 5) == 0 && strchr(".@:", l[5]))
        return "s2hk.json";
    return NULL;
}

int i18n_init(const char *lang, const char *argv0)
{
    const char *msgs;
    int rc = 0;

    if (lang && !known_language(lang)) {
        lang = NULL;                    /* the locale's language says that it is unknown */
        rc = -1;
    }
    /* glibc's gettext ignores a language name with a '/' when setgid; so does --lang. */
    if (lang && *lang && !(priv_setgid() && strchr(lang, '/'))) {
        setenv("LANGUAGE", lang, 1);
    } else if (!getenv("LANGUAGE") || !*getenv("LANGUAGE")) {
        msgs = getenv("LC_ALL");
        if (!msgs || !*msgs)
            msgs = getenv("LC_MESSAGES");
        if (!msgs || !*msgs)
            msgs = getenv("LANG");
        /* Set LANGUAGE from the locale's name too: the locale itself (zh_CN.UTF-8) is often
         * not installed, and gettext still follows LANGUAGE under C.UTF-8. */
        if (!names_language(msgs)) {
            setenv("LANGUAGE", "zh_CN", 1);
        } else {
            /* Any Chinese locale falls back to the Simplified catalogue, not to English. */
            char name[48];
            int n = (int)strcspn(msgs, ".@");
            snprintf(name, sizeof name, "%.*s%s", n > 20 ? 20 : n, msgs,
                     strncmp(msgs, "zh", 2) == 0 ? ":zh_CN" : "");
            setenv("LANGUAGE", name, 1);
        }
    }
    if (!setlocale(LC_ALL, ""))
        setlocale(LC_ALL, "C.UTF-8");
    /* gettext ignores LANGUAGE under the plain "C" locale; C.UTF-8 keeps UTF-8 output. */
    if (strcmp(setlocale(LC_MESSAGES, NULL), "C") == 0)
        setlocale(LC_ALL, "C.UTF-8");
    bind_catalogue(argv0);
    return rc;
}

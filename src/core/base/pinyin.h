/* SPDX-License-Identifier: MIT */
/* Names by sound: the keys a name is sorted and searched by, from the pinyin table
 * (pinyin_table.h). A name's first character is read as a surname (曾 zeng, not ceng; 单
 * shan, not dan) where the table has a surname reading; its common reading is then kept as
 * an alternate, so a search by either finds the person.
 *
 * The sort key gives each unit of the name (a Han character, a run of Latin letters and
 * digits, any other character) separated by a space: a Han character as its toneless
 * syllable, tone digit and the character itself ("wang2王 xiao3小"), so names order by
 * syllable (wan < wang: the digit sorts before any letter), then tone, then character, and
 * each surname stays together. Punctuation and spaces give nothing. The key of a prefix of
 * a name is a prefix of the name's key, so a search by the first characters of a name
 * walks the key's index. */
#ifndef DPF_PINYIN_H
#define DPF_PINYIN_H

#include <sqlite3.h>

enum { PINYIN_KEY_CAP = 512, PINYIN_SPELL_CAP = 256 };

struct pinyin_name {
    char key[PINYIN_KEY_CAP];           /* the sort key: "zeng1曾 xiao3小 xian2贤" */
    char spell[PINYIN_SPELL_CAP];       /* full pinyin, no tones: "zengxiaoxian" */
    char initials[PINYIN_SPELL_CAP];    /* "zxx" */
    char spell_alt[PINYIN_SPELL_CAP];   /* with the first character's common reading when */
    char initials_alt[PINYIN_SPELL_CAP];/* it differs ("cengxiaoxian", "cxx"); else "" */
};

/* The keys of a name (UTF-8; any other bytes are kept as they are in the sort key). */
void pinyin_name(const char *name, struct pinyin_name *out);

/* Whether a search text is to be read as pinyin (Latin letters, maybe with digits and
 * spaces), not as the start of a name's characters; out then holds it in lower case without
 * spaces (cap bytes). */
int pinyin_query(const char *q, char *out, size_t cap);

/* Registers dpf_pinyin(name, part) on h: part 0 the sort key, 1 spell, 2 initials,
 * 3 spell_alt, 4 initials_alt (NULL when empty), for the migration that fills them. */
int pinyin_sql_register(sqlite3 *h);

#endif

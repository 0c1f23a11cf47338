/* SPDX-License-Identifier: MIT */
/* The pinyin readings of the CJK Unified Ideographs, generated at build time by
 * scripts/pinyin_gen.c into $(BUILD)/pinyin_gen.c. A reading is syllable * 8 + tone (1..4,
 * 5 the neutral tone), the syllable an index into pinyin_syllables (sorted, so indexes
 * order as the syllables' text); 0 is no reading. Read through pinyin.h. */
#ifndef DPF_PINYIN_TABLE_H
#define DPF_PINYIN_TABLE_H

#define PINYIN_FIRST 0x4E00
#define PINYIN_NCHARS (0x9FFF - 0x4E00 + 1)

struct pinyin_surname {
    unsigned cp;
    unsigned short reading;
};

extern const char *const pinyin_syllables[];
/* The common reading of U+4E00 + i. */
extern const unsigned short pinyin_common[PINYIN_NCHARS];
/* The characters read otherwise as a surname (单 shan, 曾 zeng), by code point. */
extern const struct pinyin_surname pinyin_surnames[];
extern const int pinyin_nsurnames;

#endif

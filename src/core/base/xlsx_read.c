/* SPDX-License-Identifier: MIT */
/* Opening an .xlsx (see xlsx_read.h): the zip, the sheet chosen through xl/workbook.xml and
 * its relationships, the shared strings and which cell styles are dates. Every part is read
 * through expat in chunks from zip_fread; only the shared strings' text and one flag per
 * cell style are kept. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dpf/i18n.h"
#include "xlsx_read.h"

enum { MAX_SHEETS = 256, MAX_RELS = 1024, MAX_FORMATS = 4096, MAX_XF = 65536 };

/* Parses the zip entry through p, chunk by chunk. DPF_ENOTFOUND if there is no such entry
 * (err unset); any other failure sets err, naming the file. */
static int parse_entry(struct xlsx *x, XML_Parser p, const char *entry, struct dpf_err *err)
{
    zip_file_t *zf = zip_fopen(x->zip, entry, 0);
    zip_int64_t n;
    int rc = DPF_OK;

    if (!zf) {
        zip_error_t *ze = zip_get_error(x->zip);
        if (zip_error_code_zip(ze) == ZIP_ER_NOENT)
            return DPF_ENOTFOUND;
        if (zip_error_code_zip(ze) == ZIP_ER_NOPASSWD || zip_error_code_zip(ze) == ZIP_ER_WRONGPASSWD ||
            zip_error_code_zip(ze) == ZIP_ER_ENCRNOTSUPP)
            return dpf_err_set(err, DPF_EINVAL, NULL, _("%s: the workbook is encrypted; save "
                                                        "it without a password and import "
                                                        "again"), x->name);
        return dpf_err_set(err, DPF_EINVAL, NULL, _("%s: the workbook is damaged (%s)"), x->name,
                           zip_error_strerror(ze));
    }
    x->p = p;
    do {
        n = zip_fread(zf, x->chunk, sizeof x->chunk);
        if (n < 0) {
            rc = dpf_err_set(err, DPF_EINVAL, NULL, _("%s: the workbook is damaged (%s)"),
                             x->name, zip_file_strerror(zf));
            break;
        }
        if (XML_Parse(p, x->chunk, (int)n, n == 0) != XML_STATUS_OK) {
            if (x->failed)
                *err = x->err;
            else
                dpf_err_set(err, DPF_EINVAL, NULL, _("%s: the workbook is damaged (%s: %s)"),
                            x->name, entry, XML_ErrorString(XML_GetErrorCode(p)));
            rc = err->code;
            break;
        }
    } while (n > 0);
    x->p = NULL;
    zip_fclose(zf);
    return rc;
}

/* Parses one part with a start handler (and an end and a text handler, if given). */
static int parse_part(struct xlsx *x, const char *entry, void *ud, XML_StartElementHandler start,
                      XML_EndElementHandler end, XML_CharacterDataHandler text,
                      struct dpf_err *err)
{
    XML_Parser p = xlsx_parser(x);
    int rc;

    if (!p)
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    if (ud)
        XML_SetUserData(p, ud);
    XML_SetElementHandler(p, start, end);
    XML_SetCharacterDataHandler(p, text);
    rc = parse_entry(x, p, entry, err);
    XML_ParserFree(p);
    return rc;
}

/* ---- the workbook: its sheets, their parts ---- */

struct sheets {
    struct xlsx *x;
    int n;
    char *name[MAX_SHEETS], *rid[MAX_SHEETS];
    int nrels;
    char *id[MAX_RELS], *target[MAX_RELS], *type[MAX_RELS];
};

static void XMLCALL workbook_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
    struct sheets *s = ud;
    const char *local = xlsx_local(el), *v;

    if (strcmp(local, "workbookPr") == 0 && (v = xlsx_attr(atts, "date1904")))
        s->x->date1904 = strcmp(v, "1") == 0 || strcmp(v, "true") == 0;
    if (strcmp(local, "sheet") != 0 || s->n >= MAX_SHEETS)
        return;
    s->name[s->n] = strdup((v = xlsx_attr(atts, "name")) ? v : "");
    s->rid[s->n] = strdup((v = xlsx_attr(atts, "id")) ? v : "");
    s->n++;
}

static void XMLCALL rels_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
    struct sheets *s = ud;
    const char *id = xlsx_attr(atts, "Id"), *t = xlsx_attr(atts, "Target");
    const char *type = xlsx_attr(atts, "Type");

    if (strcmp(xlsx_local(el), "Relationship") != 0 || !id || !t || s->nrels >= MAX_RELS)
        return;
    s->id[s->nrels] = strdup(id);
    s->target[s->nrels] = strdup(t);
    s->type[s->nrels] = strdup(type ? type : "");
    s->nrels++;
}

static void sheets_free(struct sheets *s)
{
    for (int i = 0; i < s->n; i++)
        free(s->name[i]), free(s->rid[i]);
    for (int i = 0; i < s->nrels; i++)
        free(s->id[i]), free(s->target[i]), free(s->type[i]);
}

/* A relationship's target as a zip entry: relative to xl/, or absolute from the root. */
static void entry_of(char *out, size_t n, const char *target)
{
    if (target[0] == '/')
        snprintf(out, n, "%s", target + 1);
    else
        snprintf(out, n, "xl/%s", target);
}

/* The entry of the part whose relationship type ends with kind ("/sharedStrings"), or the
 * usual one. */
static void part_of(const struct sheets *s, const char *kind, const char *usual, char *out,
                    size_t n)
{
    size_t k = strlen(kind);

    snprintf(out, n, "%s", usual);
    for (int i = 0; i < s->nrels; i++) {
        size_t t = strlen(s->type[i]);
        if (t >= k && strcmp(s->type[i] + t - k, kind) == 0)
            entry_of(out, n, s->target[i]);
    }
}

/* The entry of the sheet named name (NULL: the first); the missing sheet's error lists them. */
static int sheet_entry(struct xlsx *x, const struct sheets *s, const char *name, char *out,
                       size_t n, struct dpf_err *err)
{
    int i = 0;

    if (s->n == 0 || !s->name[0] || !s->rid[0])
        return dpf_err_set(err, DPF_EINVAL, NULL, _("%s: the workbook has no sheet"), x->name);
    if (name) {
        while (i < s->n && (!s->name[i] || strcmp(s->name[i], name) != 0))
            i++;
        if (i == s->n) {
            struct strbuf list;
            sb_init(&list);
            for (int j = 0; j < s->n; j++)
                sb_printf(&list, "%s\"%s\"", j ? ", " : "", s->name[j] ? s->name[j] : "");
            dpf_err_set(err, DPF_EINVAL, NULL, _("%s: no sheet named \"%s\"; its sheets are %s"),
                        x->name, name, sb_str(&list));
            sb_free(&list);
            return DPF_EINVAL;
        }
    }
    for (int r = 0; r < s->nrels; r++)
        if (s->rid[i] && strcmp(s->id[r], s->rid[i]) == 0) {
            entry_of(out, n, s->target[r]);
            return DPF_OK;
        }
    return dpf_err_set(err, DPF_EINVAL, NULL, _("%s: the workbook is damaged (sheet \"%s\" "
                                                "has no part)"), x->name, s->name[i]);
}

/* ---- shared strings ---- */

struct sst {
    struct xlsx *x;
    int in_si, in_t, in_phonetic;
    size_t start;
};

static int ss_add(struct xlsx *x, const char *s, size_t n)
{
    if (x->ss_len + n + 1 > XLSX_MAX_SHARED)
        return -1;
    if (x->ss_len + n + 1 > x->ss_cap) {
        size_t cap = x->ss_cap ? x->ss_cap : 1 << 16;
        char *t;
        while (cap < x->ss_len + n + 1)
            cap *= 2;
        if (!(t = realloc(x->ss_text, cap)))
            return -1;
        x->ss_text = t;
        x->ss_cap = cap;
    }
    memcpy(x->ss_text + x->ss_len, s, n);
    x->ss_len += n;
    return 0;
}

static void XMLCALL sst_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
    struct sst *s = ud;
    const char *local = xlsx_local(el);
    (void)atts;

    if (strcmp(local, "si") == 0) {
        s->in_si = 1;
        s->start = s->x->ss_len;
    } else if (strcmp(local, "rPh") == 0) {
        s->in_phonetic = 1;             /* a reading aid, not the text */
    } else if (strcmp(local, "t") == 0 && s->in_si && !s->in_phonetic) {
        s->in_t = 1;
    }
}

static void XMLCALL sst_text(void *ud, const XML_Char *t, int n)
{
    struct sst *s = ud;

    if (s->in_t && ss_add(s->x, t, (size_t)n) != 0)
        xlsx_fail(s->x, DPF_EINVAL, _("%s: the sheet is too large (its strings pass %d MB)"),
                  s->x->name, XLSX_MAX_SHARED >> 20);
}

static void XMLCALL sst_end(void *ud, const XML_Char *el)
{
    struct sst *s = ud;
    struct xlsx *x = s->x;
    const char *local = xlsx_local(el);

    if (strcmp(local, "t") == 0) {
        s->in_t = 0;
    } else if (strcmp(local, "rPh") == 0) {
        s->in_phonetic = 0;
    } else if (strcmp(local, "si") == 0 && s->in_si) {
        s->in_si = 0;
        if (ss_add(x, "", 1) != 0) {
            xlsx_fail(x, DPF_EINVAL, _("%s: the sheet is too large (its strings pass %d MB)"),
                      x->name, XLSX_MAX_SHARED >> 20);
            return;
        }
        if (x->ss_n == x->ss_at_cap) {
            long cap = x->ss_at_cap ? x->ss_at_cap * 2 : 1024;
            size_t *a = realloc(x->ss_at, (size_t)cap * sizeof *a);
            if (!a) {
                xlsx_fail(x, DPF_ENOMEM, _("Out of memory"));
                return;
            }
            x->ss_at = a;
            x->ss_at_cap = cap;
        }
        x->ss_at[x->ss_n++] = s->start;
        xlsx_unescape(x->ss_text + s->start);
    }
}

/* ---- styles: which cell formats are dates ---- */

struct styles {
    struct xlsx *x;
    int in_xfs;
    int nfmt;
    int fmt_id[MAX_FORMATS];
    unsigned char fmt_date[MAX_FORMATS];
};

/* Excel's built-in date and time formats, with the Chinese (and other CJK) locale's. */
static int builtin_date(int id)
{
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
           (id >= 50 && id <= 58);
}

static void XMLCALL styles_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
    struct styles *s = ud;
    struct xlsx *x = s->x;
    const char *local = xlsx_local(el), *id = xlsx_attr(atts, "numFmtId");

    if (strcmp(local, "cellXfs") == 0) {
        s->in_xfs = 1;
    } else if (strcmp(local, "numFmt") == 0 && id && s->nfmt < MAX_FORMATS) {
        const char *code = xlsx_attr(atts, "formatCode");
        s->fmt_id[s->nfmt] = atoi(id);
        s->fmt_date[s->nfmt++] = (unsigned char)book_format_is_date(code ? code : "");
    } else if (strcmp(local, "xf") == 0 && s->in_xfs && x->nxf < MAX_XF) {
        int f = id ? atoi(id) : 0, date = builtin_date(f);
        unsigned char *d;
        for (int i = 0; i < s->nfmt; i++)
            if (s->fmt_id[i] == f)
                date = s->fmt_date[i];
        if ((x->nxf & 255) == 0) {
            if (!(d = realloc(x->xf_date, (size_t)x->nxf + 256))) {
                xlsx_fail(x, DPF_ENOMEM, _("Out of memory"));
                return;
            }
            x->xf_date = d;
        }
        x->xf_date[x->nxf++] = (unsigned char)date;
    }
}

static void XMLCALL styles_end(void *ud, const XML_Char *el)
{
    struct styles *s = ud;
    if (strcmp(xlsx_local(el), "cellXfs") == 0)
        s->in_xfs = 0;
}

/* ---- the reader ---- */

static void xlsx_free(void *reader)
{
    struct xlsx *x = reader;

    if (!x)
        return;
    xlsx_sheet_close(x);
    if (x->zip)
        zip_discard(x->zip);
    free(x->name);
    free(x->ss_text);
    free(x->ss_at);
    free(x->xf_date);
    sb_free(&x->raw);
    free(x);
}

static const struct book_ops xlsx_ops = { xlsx_sheet_next, xlsx_free };

/* Reads what the sheet needs held in memory, then starts streaming it. */
static int xlsx_load(struct xlsx *x, const char *sheet, struct dpf_err *err)
{
    struct sheets s = { .x = x };
    struct sst sst = { .x = x };
    struct styles *st = calloc(1, sizeof *st);
    char entry[512];
    int rc;

    if (!st)
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    st->x = x;
    rc = parse_part(x, "xl/workbook.xml", &s, workbook_start, NULL, NULL, err);
    if (rc == DPF_ENOTFOUND)
        rc = dpf_err_set(err, DPF_EINVAL, NULL, _("%s: not an Excel workbook (a zip without "
                                                  "xl/workbook.xml)"), x->name);
    if (rc == DPF_OK)
        rc = parse_part(x, "xl/_rels/workbook.xml.rels", &s, rels_start, NULL, NULL, err);
    if (rc == DPF_OK)
        rc = sheet_entry(x, &s, sheet, entry, sizeof entry, err);
    if (rc == DPF_OK) {
        char part[512];
        part_of(&s, "/styles", "xl/styles.xml", part, sizeof part);
        if ((rc = parse_part(x, part, st, styles_start, styles_end, NULL, err)) == DPF_ENOTFOUND)
            rc = DPF_OK;
        part_of(&s, "/sharedStrings", "xl/sharedStrings.xml", part, sizeof part);
        if (rc == DPF_OK &&
            (rc = parse_part(x, part, &sst, sst_start, sst_end, sst_text, err)) == DPF_ENOTFOUND)
            rc = DPF_OK;
    }
    if (rc == DPF_ENOTFOUND)
        rc = dpf_err_set(err, DPF_EINVAL, NULL, _("%s: the workbook is damaged (a part is "
                                                  "missing)"), x->name);
    if (rc == DPF_OK)
        rc = xlsx_sheet_open(x, entry, err);
    sheets_free(&s);
    free(st);
    return rc;
}

int xlsx_open_zip(void **reader, const struct book_ops **ops, void *zip, const char *name,
                  const char *sheet, struct dpf_err *err)
{
    struct xlsx *x = calloc(1, sizeof *x);
    int rc;

    *reader = NULL;
    if (!x || !(x->name = strdup(name))) {
        free(x);
        zip_discard(zip);
        return dpf_err_set(err, DPF_ENOMEM, NULL, _("Out of memory"));
    }
    x->zip = zip;
    sb_init(&x->raw);
    if ((rc = xlsx_load(x, sheet, err)) != DPF_OK) {
        xlsx_free(x);
        return rc;
    }
    *reader = x;
    *ops = &xlsx_ops;
    return DPF_OK;
}

int xlsx_open(void **reader, const struct book_ops **ops, const char *path, const char *sheet,
              struct dpf_err *err)
{
    int ze = 0;
    zip_t *zip = zip_open(path, ZIP_RDONLY, &ze);

    *reader = NULL;
    if (!zip) {
        zip_error_t e;
        int rc;
        zip_error_init_with_code(&e, ze);
        rc = dpf_err_set(err, DPF_EINVAL, NULL, _("%s: the workbook is damaged (%s)"), path,
                         zip_error_strerror(&e));
        zip_error_fini(&e);
        return rc;
    }
    return xlsx_open_zip(reader, ops, zip, path, sheet, err);
}

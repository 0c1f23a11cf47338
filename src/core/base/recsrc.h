/* SPDX-License-Identifier: MIT */
/* Where an import's records come from: a CSV file, or a workbook's sheet (.xlsx, .xls: book.h)
 * chosen by the file's first bytes, as the same records. In process (the file read and
 * parsed here), or, when dpf runs setgid (and for every workbook), from a child process that
 * has dropped the data's group for good, opened the file as the user, parsed it and streams
 * the records over a pipe: a file made to exploit the parser meets a process that can reach
 * nothing the user cannot (privilege separation, as OpenSSH does it), and a workbook's XML
 * is parsed beside the import's checks and inserts. The engine reads both alike; not for
 * front ends. */
#ifndef DPF_RECSRC_H
#define DPF_RECSRC_H

#include <stdio.h>
#include <sys/types.h>
#include "dpf/csv.h"
#include "dpf/textfile.h"

struct recsrc {
    const char *path;           /* borrowed: for messages */
    enum text_encoding found;   /* the file's encoding, once open */
    int child;                  /* records come from a child */
    /* in process */
    struct textfile tf;
    struct csv_reader rd;
    struct book *book;          /* a workbook's sheet instead of tf and rd */
    /* from a child */
    pid_t pid;
    FILE *in;                   /* the pipe's reading end, buffered */
    int done;                   /* the child said the file ended */
    char *buf;                  /* the current record's fields, NUL-separated */
    size_t cap;
    char **fields;
    int fields_cap;
};

/* Whether records come from a child: when setgid, and in a test build when
 * DPF_TEST_PARSE_CHILD=1 (so that the tests run the child without being installed). */
int recsrc_use_child(void);

/* Opens and reads path (as the user) in the chosen way; an unreadable or undecodable file
 * is an error here, as textfile_load says it, and so is a workbook that cannot be read or
 * has no such sheet (sheet: NULL for the first; given for a CSV, an error). On failure s
 * needs no recsrc_close. */
int recsrc_open(struct recsrc *s, const char *path, enum text_encoding enc, const char *sheet,
                struct dpf_err *err);

/* As csv_next: 1 a record, 0 the end, -1 a malformed record (rec->line, rec->bad_column and
 * err say where and why; the next call goes on); and -2 when the source itself failed (the
 * child died or was killed, or sent what it should not): err says so, and nothing of the
 * file may be kept. */
int recsrc_next(struct recsrc *s, struct csv_record *rec, struct dpf_err *err);

/* Releases s; a child that has not finished is killed and reaped, never waited for. */
void recsrc_close(struct recsrc *s);

/* The file read in this process, whichever process that is (the child reads it so too). */
int recsrc_local_open(struct recsrc *s, const char *path, enum text_encoding enc,
                      const char *sheet, struct dpf_err *err);
int recsrc_local_next(struct recsrc *s, struct csv_record *rec, struct dpf_err *err);
void recsrc_local_close(struct recsrc *s);

/* recsrc_child.c: the child's side and the pipe's format. */
int recsrc_child_open(struct recsrc *s, const char *path, enum text_encoding enc,
                      const char *sheet, struct dpf_err *err);
int recsrc_child_next(struct recsrc *s, struct csv_record *rec, struct dpf_err *err);
void recsrc_child_close(struct recsrc *s);

#endif

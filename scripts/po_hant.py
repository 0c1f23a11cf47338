#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A Traditional Chinese catalogue made from the Simplified one: po_hant.py CONFIG LANG < zh_CN.po
> LANG.po. Only the translations (msgstr and its continuation lines) go through OpenCC
(CONFIG: s2twp.json for Taiwan, s2hk.json for Hong Kong), all of them in one `opencc` run;
msgids, comments and the header's fields stay as they are, except Language and Language-Team.
Format directives and escapes are ASCII, which OpenCC leaves alone; the Makefile checks the
result with msgfmt --check."""
import re
import subprocess
import sys

STRING = re.compile(r'^(msgstr(?:\[\d+\])?\s+|)(".*")\s*$')


def main():
    config, lang = sys.argv[1], sys.argv[2]
    lines = sys.stdin.read().split("\n")
    in_msgstr, header, picked = False, False, []
    for i, line in enumerate(lines):
        if line.startswith("msgid "):
            in_msgstr, header = False, line == 'msgid ""' and not picked and i < 10
            continue
        if line.startswith("msgstr"):
            in_msgstr = True
        elif not line.startswith('"'):
            in_msgstr = False
        m = STRING.match(line)
        if in_msgstr and m and not header:
            picked.append((i, m.group(1), m.group(2)))
    text = "\n".join(s for _, _, s in picked) + "\n"
    out = subprocess.run(["opencc", "-c", config], input=text, capture_output=True,
                         text=True, check=True).stdout.split("\n")
    if len(out) < len(picked):
        sys.exit("po_hant.py: opencc changed the number of lines")
    for (i, keyword, _), converted in zip(picked, out):
        lines[i] = keyword + converted
    body = "\n".join(lines)
    body = re.sub(r'"Language: [^\\]*\\n"', '"Language: %s\\\\n"' % lang, body, count=1)
    body = re.sub(r'"Language-Team: [^\\]*\\n"', '"Language-Team: %s\\\\n"' % lang, body,
                  count=1)
    sys.stdout.write(body)


if __name__ == "__main__":
    main()

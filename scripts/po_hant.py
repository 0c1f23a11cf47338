#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A Traditional Chinese catalogue made from the Simplified one: po_hant.py CONFIG LANG < zh_CN.po
> LANG.po. Only the translations go through OpenCC (CONFIG: s2twp.json for Taiwan, s2hk.json
for Hong Kong), all of them in one `opencc` run, each msgstr whole on one line (a phrase split
over two lines of the .po is still seen as one); msgids, comments and the header's fields stay
as they are, except Language and Language-Team. Format directives and escapes are ASCII,
which OpenCC leaves alone; the Makefile checks the result with msgfmt --check."""
import re
import subprocess
import sys

STRING = re.compile(r'^"(.*)"\s*$')
KEYWORD = re.compile(r'^(msgstr(?:\[\d+\])?)\s+"(.*)"\s*$')

# Where OpenCC's phrases read this program's words wrongly: 地名表 (the place list) is not a
# famous watch (錶); 社区 is a residential community, not an online one (社群); 区划代码 is an
# administrative code, not program code (程式碼).
FIXES = {
    "s2twp.json": [("錶", "表"), ("社群", "社區"), ("程式碼", "代碼")],
    "s2hk.json": [("錶", "表")],
}


def messages(lines):
    """(first, last, keyword, text) of every msgstr but the header's: lines first..last hold
    it, text is its pieces joined (still escaped)."""
    i, out, header = 0, [], True
    while i < len(lines):
        m = KEYWORD.match(lines[i])
        if not m:
            i += 1
            continue
        first, pieces = i, [m.group(2)]
        i += 1
        while i < len(lines) and STRING.match(lines[i]):
            pieces.append(STRING.match(lines[i]).group(1))
            i += 1
        if header:          # the first msgstr is the header's (msgid "")
            header = False
            continue
        out.append((first, i - 1, m.group(1), "".join(pieces)))
    return out


def main():
    config, lang = sys.argv[1], sys.argv[2]
    lines = sys.stdin.read().split("\n")
    found = messages(lines)
    text = "\n".join(t for _, _, _, t in found) + "\n"
    out = subprocess.run(["opencc", "-c", config], input=text, capture_output=True,
                         text=True, check=True).stdout.split("\n")
    if len(out) < len(found):
        sys.exit("po_hant.py: opencc changed the number of lines")
    for (first, last, keyword, _), converted in reversed(list(zip(found, out))):
        for wrong, right in FIXES.get(config, []):
            converted = converted.replace(wrong, right)
        lines[first:last + 1] = ['%s "%s"' % (keyword, converted)]
    body = "\n".join(lines)
    body = re.sub(r'"Language: [^\\]*\\n"', '"Language: %s\\\\n"' % lang, body, count=1)
    body = re.sub(r'"Language-Team: [^\\]*\\n"', '"Language-Team: %s\\\\n"' % lang, body,
                  count=1)
    sys.stdout.write(body)


if __name__ == "__main__":
    main()

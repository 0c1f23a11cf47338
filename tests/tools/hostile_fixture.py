#!/usr/bin/python3
"""Writes hostile import files into DIR: persons with an emoji, a combining accent, a control
character, a 40-character name and a 5,000-character address (hostile.csv); a NUL byte
inside a row (nul.csv); a 3 MB single line with no newline (oneline.csv). Usage: DIR."""
import sys

W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def rid(seq):
    b = "34150319700101%03d" % seq
    return b + "10X98765432"[sum(int(d) * w for d, w in zip(b, W)) % 11]


out = sys.argv[1]
head = "残疾人证号,姓名,残疾类别,残疾等级,乡镇街道,村社区,详细地址\n"
rows = [(1, "王🙂"), (2, "Zoe\u0301"), (3, "李\x07四"), (4, "赵" + "长" * 40), (5, "钱五")]
text = head
for seq, name in rows:
    text += "%s41,%s,4,1,新安镇,永兴村,%s\n" % (rid(seq), name,
                                               "新安镇" + "路" * (5000 if seq == 5 else 1))
open(out + "/hostile.csv", "w", encoding="utf-8-sig").write(text)
open(out + "/nul.csv", "wb").write(("\ufeff" + head).encode()
                                   + ("%s41,孙\x00六,4,1,新安镇,永兴村,x\n" % rid(6)).encode())
open(out + "/oneline.csv", "w").write("x" * 3000000)

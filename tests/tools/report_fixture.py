#!/usr/bin/python3
"""Writes the files of a small district with known figures for the report test: 160 persons
in two townships (every fourth registered poor), needs assessments for 153 of them with
康复训练 (59 of those also with 辅助器具), two projects whose targets make the rates 153/146
(104.79%) and 59/22 (268.18%), and two insurance claims (one paid). Usage: DIR."""
import sys

W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def resident_id(seq):
    base = "34150319700101%03d" % seq
    return base + "10X98765432"[sum(int(d) * w for d, w in zip(base, W)) % 11]


out = sys.argv[1]
certs = []
with open(out + "/persons.csv", "w", encoding="utf-8-sig") as f:
    f.write("残疾人证号,姓名,残疾类别,残疾等级,乡镇街道,村社区,建档立卡,因病致贫,发证日期\n")
    for i in range(160):
        category, level = 1 + i % 7, 1 + i % 4
        cert = "%s%d%d" % (resident_id(i + 1), category, level)
        certs.append(cert)
        town = "江家店镇" if i % 2 == 0 else "苏埠镇"
        f.write("%s,人%03d,%d,%d,%s,永兴村,%s,%s,2020-03-01\n"
                % (cert, i, category, level, town, "是" if i % 4 == 0 else "否",
                   "是" if i % 10 == 0 else "否"))
with open(out + "/assessments.csv", "w", encoding="utf-8-sig") as f:
    f.write("残疾人证号,姓名,评估日期,评估方式,评估人,评估机构,康复需求,辅具需求,备注\n")
    for i in range(153):
        needs = "康复训练、辅助器具" if i < 59 else "康复训练"
        date = "2026-03-%02d" % (1 + i % 28) if i < 100 else "2026-05-%02d" % (1 + i % 28)
        f.write("%s,人%03d,%s,上门,王医生,,%s,%s,\n"
                % (certs[i], i, date, needs, "轮椅" if i < 59 else ""))
with open(out + "/projects.csv", "w", encoding="utf-8-sig") as f:
    f.write("年度,项目名称,任务数,统计来源,统计类别,资金渠道,补贴项目,计数方式,备注\n")
    f.write("2026,康复需求评估,146,需求评估,康复训练,,,人数,\n")
    f.write("2026,辅具需求评估,22,需求评估,辅助器具,,,人数,\n")
with open(out + "/claims.csv", "w", encoding="utf-8-sig") as f:
    f.write("残疾人证号,姓名,事故日期,报案日期,事故地点,事故经过,身故,已收材料,理赔状态,状态日期,"
            "拒赔或撤销原因,备注,理赔项目,住院天数,申请金额,核定金额,赔付金额\n")
    f.write("%s,人000,2026-04-10,2026-04-11,家中,摔伤,否,\"1,2,3,4,5,6,7\",已赔付,2026-05-01,,,"
            "意外医疗,,8600,8200,8200\n" % certs[0])
    f.write("%s,人004,2026-05-10,2026-05-11,田间,扭伤,否,,,,,,意外医疗,,2000,,\n" % certs[4])

/* SPDX-License-Identifier: MIT */
/* Word lists for the synthetic district. Township names are real places' styles; the people
 * are combinations of common surnames and given-name characters, none of them real. */
#ifndef DPF_DEMO_NAMES_H
#define DPF_DEMO_NAMES_H

static const char *const demo_townships[] = {
    "江家店镇", "石板冲乡", "苏埠镇", "韩摆渡镇", "新安镇", "顺河镇", "独山镇", "石婆店镇",
    "城南镇", "丁集镇", "固镇镇", "徐集镇", "分路口镇", "青山乡", "单王乡", "罗集乡",
    "西河口乡", "小华山街道", "鼓楼街道", "西市街道",
};

static const char *const demo_village_heads[] = {
    "永兴", "砚瓦", "桃园", "黄墩", "双河", "新塘", "龙井", "杨湾", "竹林", "清水", "大店",
    "马岗", "柳树", "石桥", "花园", "红星", "东岳", "金桥", "枫香", "三元", "河口", "长岭",
    "白沙", "高庙", "松林", "凤凰", "王集", "平岗", "荷塘", "团结",
};

static const char *const demo_surnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
    "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
    "彭", "曾", "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余", "于", "杜", "叶", "程", "魏",
    "苏", "吕", "丁", "任", "卢", "姚", "沈", "钟", "姜", "崔", "谭", "陆", "范", "汪", "廖",
};

static const char *const demo_given_male[] = {
    "伟", "强", "军", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "斌", "波", "华", "建国",
    "国强", "志强", "海", "林", "峰", "磊", "鹏", "宇", "浩", "俊", "德华", "永", "春生",
    "长江", "金山", "宏", "家乐", "子豪", "文", "振", "玉林", "树", "根", "福", "传",
};

static const char *const demo_given_female[] = {
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀英", "桂英", "玲", "燕", "红", "萍",
    "梅", "琳", "婷", "雪", "慧", "兰", "凤", "翠", "秀兰", "玉兰", "春梅", "小红", "佳怡",
    "欣", "雨涵", "梓涵", "金凤", "素珍", "淑", "云", "晓", "倩",
};

static const char *const demo_ethnicities[] = { "汉族", "汉族", "汉族", "汉族", "回族" };

static const char *const demo_streets[] = { "路", "街", "巷", "组" };

#define DEMO_N(a) ((int)(sizeof(a) / sizeof((a)[0])))

#endif

#!/usr/bin/env bash
# Screen tests: the real `dpf` in a tmux session of a fixed size, driven with send-keys and
# read back with capture-pane. Each case waits for text to appear (never a fixed sleep
# alone) and checks what the clerk would see. Prints "tui: N passed, N failed".
set -u
build=$(cd "${1:-build}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/dpf-tui-XXXXXX)
sock="dpf-test-$$"          # one tmux server per case: see start
passed=0 failed=0 case_ok=1 name=""
export DPF_NOW="2026-06-30 10:00:00" DPF_LOCALEDIR="$build/locale"
# VALGRIND=1: the screens run under valgrind (memcheck); each case's log must end with no
# errors and no definite leaks. Waits are longer then (TUI_WAIT tenths of a second).
wrap=""
if [ "${VALGRIND:-0}" = 1 ]; then
    wrap="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --log-file=$work/vg.%p.log"
fi

tm() { tmux -L "$sock-$name" -f /dev/null "$@"; }
screen() { tm capture-pane -p -t t 2>/dev/null; }
cleanup() { tm kill-server 2>/dev/null; rm -rf "$work"; }
# A case's server is stopped when the case ends.
end_case() { tm kill-server 2>/dev/null; }
trap cleanup EXIT

# start W H [ENV...]: dpf on the case's database in a new session of W x H cells (with the
# global options in dpf_opts, if set).
start() {
    local w=$1 h=$2
    shift 2
    tm new-session -d -s t -x "$w" -y "$h" \
        "env -u LC_ALL -u LC_CTYPE LANG=C.UTF-8 $* $wrap '$build/dpf' ${dpf_opts:-} --db '$work/$name.db'; echo \"[exit \$?]\"; sleep 60"
}

# wait_until WHY COMMAND...: until COMMAND succeeds (up to 10 s), else fail with WHY.
wait_until() {
    local why=$1
    shift
    for _ in $(seq "${TUI_WAIT:-100}"); do
        "$@" && return 0
        sleep 0.1
    done
    fail "$why"
    return 1
}
shows() { screen | grep -qF -- "$1"; }
line_matches() { screen | grep -qE -- "$1"; }
row4_is() { [ "$(screen | sed -n 4p)" = "$1" ]; }
row4_is_not() { [ "$(screen | sed -n 4p)" != "$1" ]; }
row4_drawn() { [ -n "$(screen | sed -n 4p | tr -d ' ')" ]; }
# wait_for TEXT: until the screen shows TEXT (up to 10 s, for the sanitizer builds).
wait_for() { wait_until "screen never showed: $1" shows "$1"; }
# The screen whose title (line 1) holds TEXT is up: a menu line naming the screen is not it.
titled() { screen | head -1 | grep -qF -- "$1"; }
wait_title() { wait_until "the screen titled $1 never came" titled "$1"; }

keys() { tm send-keys -t t "$@"; }
type_text() { tm send-keys -t t -l "$1"; }
fail() {
    case_ok=0
    echo "tui: $name: $*"
    screen | sed 's/^/    | /'
}
# line_has PATTERN: some line of the screen matches the regex (waited for, up to the timeout).
line_has() { wait_until "no line matching: $1" line_matches "$1"; }
no_line() { screen | grep -qE -- "$1" && fail "unexpected line matching: $1"; return 0; }
sql() { sqlite3 "$work/$name.db" "$1"; }
# The clock of the test build starts at DPF_NOW and runs on. clock_start [DPF_NOW]: notes
# when a session's clock starts (call it before start); clock_since STAMP: true when STAMP
# lies between that start and the clock's reading now.
clock_start() { clock_from=${1:-$DPF_NOW}; clock_t0=$(date +%s); }
clock_since() {
    local now
    now=$(date -u -d "@$(( $(date -u -d "$clock_from" +%s) + $(date +%s) - clock_t0 + 1 ))" '+%F %T')
    [[ ! "$1" < "$clock_from" && ! "$1" > "$now" ]]
}
# audit_at ID_NO ACTION: the time of that person's audit row with ACTION.
audit_at() {
    sql "SELECT a.at FROM audit a JOIN person p ON p.id = a.entity_id
         WHERE a.entity = 'person' AND p.id_no = '$1' AND a.action = '$2'"
}

run_case() {
    name=$1
    case_ok=1
    "$build/dpf" --db "$work/$name.db" demo --persons 300 > /dev/null
    "case_$name"
    end_case
    if [ $case_ok = 1 ]; then
        echo "tui: $name ok"
        passed=$((passed + 1))
    else
        echo "tui: $name FAILED"
        failed=$((failed + 1))
    fi
}

# new_person_form W H: dpf started at W x H, the register opened and F2 pressed: the empty
# form for a new person is up.
new_person_form() {
    start "$1" "$2"
    wait_for "主菜单" || return 1
    keys Enter
    wait_title "持证残疾人名单" || return 1
    keys F2
    wait_title "新增人员"
}

# A clerk adds a person with Chinese input, meets an inline error, saves, finds the
# person by search as you type, records the death, reads the history, resizes, quits.
case_register_80x24() {
    local added changed
    clock_start
    start 80 24
    wait_for "主菜单" || return
    line_has "1\. 登记管理"
    line_has "^F1帮助 .*F10退出"
    keys Enter
    wait_for "持证残疾人名单" || return
    line_has "^[ >]姓名 +残疾人证号 +性别"
    keys F2
    wait_for "新增人员" || return
    type_text "34150319900101123941"             # check character 9 is wrong (5)
    keys Tab
    wait_for "校验位" || return
    line_has "^!残疾人证号\* +34150319900101123941 +残疾人证号：身份证号：校验位"
    keys BTab C-u
    type_text "34150319900101123541"
    keys Tab
    type_text "张小明"
    keys Tab Tab Tab Tab Tab Tab
    type_text "新安镇"
    keys Tab
    type_text "黄墩村"
    keys Tab Tab
    type_text "139056412"                        # neither a mobile nor a landline
    keys Tab
    wait_for "联系电话：“139056412”" || return
    keys BTab C-u
    type_text "13905641234"
    keys F2
    wait_for "已保存：张小明" || return
    line_has "共 301 人"
    type_text "张小"
    wait_for "查找： 张小" || return
    line_has "^[ >]张小明 +341503\*{8}123541 +男 +肢体 +一级 +在册 +新安镇"
    [ "$(screen | grep -c '^[ >]张')" -ge 1 ] || fail "no row for the search"
    keys C-u
    type_text "1390564123"                       # the phone number finds the person too
    wait_for "查找： 1390564123" || return
    line_has "^[ >]张小明 +341503\*{8}123541"
    keys F6
    wait_for "变更状态：张小明" || return
    type_text "死亡"
    keys Tab
    type_text "2026-06-01"
    keys Tab
    type_text "病故"
    keys F2
    wait_for "状态已变更：张小明" || return
    line_has "^[ >]张小明 +341503\*{8}123541 +男 +肢体 +一级 +死亡"
    keys F7
    wait_for "张小明（341503********123541）的操作记录" || return
    # Each row shows the time of its own action: the clock runs on through the session.
    added=$(audit_at 341503199001011235 insert)
    changed=$(audit_at 341503199001011235 status)
    clock_since "$added" && clock_since "$changed" && [[ ! "$changed" < "$added" ]] ||
        fail "audit times $added, $changed: not in order within the session"
    line_has "^$added  .*  登记$"
    line_has "^    姓名: 张小明$"
    line_has "^$changed  .*  状态变更$"
    line_has "^    状态: 在册 -> 死亡$"
    line_has "^    状态日期: 2026-06-01$"
    keys Escape
    wait_for "持证残疾人名单" || return
    tm resize-window -t t -x 120 -y 40
    wait_for "联系电话" || return                 # the phone column fits at 120 columns
    line_has "^[ >]张小明 .*死亡 +新安镇 +黄墩村 +13905641234"
    tm resize-window -t t -x 60 -y 20
    wait_for "终端窗口太小" || return
    tm resize-window -t t -x 80 -y 24
    wait_for "持证残疾人名单" || return
    no_line "联系电话"
    keys Escape Escape
    wait_for "主菜单" || return
    keys F10
    wait_for "[exit 0]" || return
    [ "$(sql "SELECT status || ' ' || status_date || ' ' || status_reason FROM person WHERE name = '张小明'")" = "2 2026-06-01 病故" ] \
        || fail "the database does not hold the death"
    [ "$(sql "SELECT count(*) FROM audit a JOIN person p ON p.id = a.entity_id WHERE p.name = '张小明'")" = 2 ] \
        || fail "expected two audit rows"
}

# Leaving a form with changes asks first; a refused save stays in the form.
case_discard_and_save_errors() {
    new_person_form 80 24 || return
    keys Tab
    type_text "李四"
    keys F2                                       # no certificate number
    wait_for "残疾人证号不能为空" || return
    line_has "^新增人员|新增人员"
    keys Escape
    wait_for "放弃所做的修改？" || return
    keys n
    wait_until "the question stayed after N" eval '! shows "放弃所做的修改？"' || return
    line_has "^姓名\* +李四"
    keys Escape
    wait_for "放弃所做的修改？" || return
    keys y
    wait_for "持证残疾人名单" || return
    line_has "共 300 人"
}

# The list at 120x40: filters, and paging forward and back by keyset.
case_list_120x40() {
    start 120 40
    wait_for "主菜单" || return
    keys Enter
    wait_for "持证残疾人名单" || return
    wait_until "the list's first row never drew" row4_drawn || return   # slow under valgrind
    first=$(screen | sed -n 4p)
    keys NPage
    wait_until "PgDn did not page" row4_is_not "$first" || return
    keys PPage
    wait_until "PgUp did not come back to the first page" row4_is "$first" || return
    keys F5
    wait_for "筛选名单" || return
    keys Tab Tab                                 # past 乡镇街道 and 村社区
    type_text "肢体"
    keys Tab
    type_text "一级"
    keys F2
    wait_for "残疾类别=肢体 残疾等级=一级" || return
    rows=$(screen | sed -n '4,37p' | grep -c '^.' || true)
    limb=$(screen | sed -n '4,37p' | grep -cE ' 肢体 +一级 ' || true)
    [ "$rows" -gt 0 ] && [ "$rows" = "$limb" ] || fail "the filter let through other rows ($limb of $rows)"
    want=$(sql "SELECT min(count(*), 35) FROM person WHERE category = 4 AND level = 1")
    [ "$rows" = "$want" ] || fail "expected $want rows, saw $rows"
    keys F10 F10
    wait_for "[exit 0]"
}

# The staff's month: a person paid in May is reported dead in the register; the June review
# finds the stop, the reviewer confirms it, approves the month and finds the roster locked.
case_subsidy_review_80x24() {
    local cert who paid before row head
    cert=$(sql "SELECT p.cert_no FROM roster_line r JOIN person p ON p.id = r.person_id
                WHERE r.month = '2026-05' AND r.programme_id = 2 AND r.amount > 0 AND NOT EXISTS
                  (SELECT 1 FROM enrolment e WHERE e.person_id = p.id AND e.programme_id <> 2)
                ORDER BY p.id LIMIT 1")
    who=$(sql "SELECT name FROM person WHERE cert_no = '$cert'")
    # The demo's own deaths and moves dated in June are stops of June already.
    before=$("$build/dpf" --db "$work/$name.db" subsidy review --month 2026-06 |
             sed -n 's/^不再符合条件：\([0-9]*\) 人.*/\1/p')
    before=${before:-0}
    "$build/dpf" --db "$work/$name.db" person status "$cert" --status 死亡 --date 2026-05-15 \
        > /dev/null || { fail "could not record the death"; return; }
    start 80 24
    wait_for "主菜单" || return
    line_has "2\. 补贴"
    keys Down Enter
    wait_for "2026-06" || return
    line_has "未审批"
    line_has "^\[停发 $((before + 1))\] "
    line_has "^[ >]重度残疾人护理补贴 +$who +[0-9]{6}\*{8}[0-9]{3}[0-9X] +死亡 +2026-05-15 2026-06"
    # The cursor starts on the first stop: down to the death's line.
    row=$(screen | grep -nE "^[ >][^ ]+ +$who +[0-9]{6}\*{8}[0-9]{3}[0-9X] +死亡 +2026-05-15" | cut -d: -f1)
    head=$(screen | grep -nE "^[ >]补贴项目 +姓名 " | head -1 | cut -d: -f1)
    for _ in $(seq $((row - head - 1))); do keys Down; done
    keys F6
    wait_for "已停发：$who" || return
    line_has "^\[停发 $before\] "
    no_line "^[ >]重度残疾人护理补贴 +$who "
    paid=$(screen | sed -n 's/.*名册 \([0-9]*\).*/\1/p')
    keys F9
    wait_for "审批 2026-06" || return
    keys y
    wait_for "已审批" || return
    line_has "名册已锁定"
    keys F6
    wait_for "名册已锁定" || return
    keys F10
    wait_for "主菜单" || return
    keys F10
    wait_for "[exit 0]" || return
    [ "$(sql "SELECT count(*) FROM subsidy_month WHERE month = '2026-06' AND source = 1")" = 1 ] \
        || fail "June is not approved in the database"
    [ "$(sql "SELECT step || ' ' || stop_month || ' ' || reason FROM enrolment e JOIN person p
              ON p.id = e.person_id WHERE p.cert_no = '$cert'")" = "6 2026-06 1" ] \
        || fail "the stop is not stored"
    [ "$(sql "SELECT count(*) FROM roster_line r JOIN person p ON p.id = r.person_id
              WHERE r.month = '2026-06' AND p.cert_no = '$cert'")" = 0 ] \
        || fail "the dead person is on the June roster"
    [ "$(sql "SELECT count(*) FROM roster_line WHERE month = '2026-06' AND amount > 0")" = "$paid" ] \
        || fail "the roster stored is not the $paid lines the screen showed"
}

# A clerk records a needs assessment and a service for a person who had none this year,
# meets the service-before-assessment error, and sees the year's rates change.
case_rehab_rates_80x24() {
    local id who needs served before after
    id=$(sql "SELECT id_no FROM person WHERE status = 1 AND id NOT IN
              (SELECT person_id FROM assessment) ORDER BY id LIMIT 1")
    who=$(sql "SELECT name FROM person WHERE id_no = '$id'")
    needs=$(sql "SELECT count(*) FROM assessment WHERE year = 2026 AND needs <> ''")
    served=$(sql "SELECT count(DISTINCT person_id) FROM service WHERE year = 2026")
    before=$(awk -v s="$served" -v n="$needs" 'BEGIN { printf("%.2f%%", int(s * 10000 / n + 0.5) / 100) }')
    after=$(awk -v s="$((served + 1))" -v n="$((needs + 1))" 'BEGIN { printf("%.2f%%", int(s * 10000 / n + 0.5) / 100) }')
    start 80 24
    wait_for "主菜单" || return
    line_has "4\. 精准康复"
    keys 4
    wait_for "2026 年康复情况" || return
    line_has "^[ >]全区 +$needs +$served +$before "
    keys Escape
    wait_for "主菜单" || return
    keys 1
    wait_for "持证残疾人名单" || return
    type_text "$id"
    wait_for "查找： $id" || return
    keys F9
    wait_for "${who}的康复档案" || return
    line_has "没有康复记录"
    keys F2
    wait_for "需求评估: $who" || return
    keys Tab
    type_text "上门"
    keys Tab
    type_text "李医生"
    keys Tab Tab
    type_text "康复训练"
    keys F2
    wait_for "已保存" || return
    line_has "^[ >]评估 +2026-06-30 +上门 康复训练"
    keys F4
    wait_for "服务: $who" || return
    keys C-u
    type_text "2026-01-15"
    keys Tab
    type_text "永兴村卫生室"
    keys Tab
    type_text "康复训练"
    keys Tab
    type_text "运动功能训练"
    keys F2
    wait_for "2026-01-15 早于" || return         # the service is dated before the assessment
    keys C-u                                    # the form is on the line in error
    type_text "2026-06-30"
    keys F2
    wait_for "已保存" || return
    line_has "^[ >]服务 +2026-06-30 +永兴村卫生室 +康复训练 运动功能训练"
    keys Escape
    wait_for "持证残疾人名单" || return
    keys Escape Escape                          # the search, then the list
    wait_for "主菜单" || return
    keys 4
    wait_for "2026 年康复情况" || return
    line_has "^[ >]全区 +$((needs + 1)) +$((served + 1)) +$after "
    keys F1
    wait_for "帮助" || return
    line_has "康复服务率"
    keys Escape F10
    wait_for "主菜单" || return
    keys F10
    wait_for "[exit 0]" || return
    [ "$(sql "SELECT count(*) FROM assessment a JOIN person p ON p.id = a.person_id
              WHERE p.id_no = '$id' AND a.year = 2026 AND a.needs = '1' AND a.method = 1")" = 1 ] \
        || fail "the assessment is not stored"
    [ "$(sql "SELECT count(*) FROM service s JOIN person p ON p.id = s.person_id
              WHERE p.id_no = '$id' AND s.served_on = '2026-06-30' AND s.kind = 1")" = 1 ] \
        || fail "the service is not stored"
    [ "$(sql "SELECT count(*) FROM audit a JOIN person p ON p.id = a.entity_id WHERE p.id_no = '$id'
              AND a.action IN ('assessment_add', 'service_add')")" = 2 ] \
        || fail "the person's history lacks the two records"
}

# A terminal that is not UTF-8 gets a message, not garbage.
# A clerk opens a person's insurance from the register (F11), reports an accident, meets the
# cap and the missing documents, moves the claim 报案 → 材料收集 → 已报保险公司 → 已赔付,
# and sees the year's figures (paid claims and total paid) change; the database is checked.
case_insurance_claim_80x24() {
    local id who policy insured today paid_n total after claim
    policy="(SELECT id FROM policy WHERE year = 2026)"
    id=$(sql "SELECT p.id_no FROM insured i JOIN person p ON p.id = i.person_id
              WHERE i.policy_id = $policy AND p.status = 1
              AND p.id NOT IN (SELECT person_id FROM claim) ORDER BY p.id LIMIT 1")
    who=$(sql "SELECT name FROM person WHERE id_no = '$id'")
    insured=$(sql "SELECT count(*) FROM insured WHERE policy_id = $policy")
    # insured today (2026-06-30, within the policy): not the dead, moved or cancelled
    today=$(sql "SELECT count(*) FROM insured i JOIN person p ON p.id = i.person_id
                 WHERE i.policy_id = $policy AND i.from_on <= '2026-06-30'
                 AND (i.to_on IS NULL OR i.to_on >= '2026-06-30')
                 AND (p.status = 1 OR p.status_date > '2026-06-30')")
    paid_n=$(sql "SELECT count(*) FROM claim WHERE policy_id = $policy AND status = 4")
    total=$(sql "SELECT sum(i.paid) FROM claim c JOIN claim_item i ON i.claim_id = c.id
                 WHERE c.policy_id = $policy AND c.status = 4")
    after=$(/usr/bin/python3 -c "print(f'{($total + 800000) / 100:,.2f}')")
    total=$(/usr/bin/python3 -c "print(f'{$total / 100:,.2f}')")
    start 80 24
    wait_for "主菜单" || return
    line_has "5\. 意外伤害保险"
    keys 5
    wait_for "意外伤害保险：保单" || return
    line_has "^[ >]2026 +中国人民.* +$insured +$today +[0-9,.]+ +已确认"
    keys F8
    wait_for "2026 年度意外伤害保险" || return
    line_has "^[ >]全区 +$insured +[0-9,.]+ +[0-9]+ +$paid_n .* $total "
    keys Escape
    wait_for "意外伤害保险：保单" || return
    keys Escape
    wait_for "主菜单" || return
    keys 1
    wait_for "持证残疾人名单" || return
    type_text "$id"
    wait_for "查找： $id" || return
    keys F11
    wait_for "${who}的意外伤害保险" || return
    line_has "参保：2026: 2026-03-30"
    keys F2
    wait_for "事故报案" || return
    type_text "2026-06-20"
    keys Tab Tab
    type_text "田间"
    keys Tab Tab Tab Tab Tab Tab Tab Tab        # to 意外医疗's amount claimed
    type_text "13000"
    keys F2
    wait_until "no cap error at the line" line_matches "意外医疗 申请金额 +13000 +意外医疗：13,000.00 元超" || return  # the cap, at its line
    keys C-u
    type_text "8000"
    keys F2
    wait_for "已保存" || return
    line_has "^[ >][0-9]+ +$who .* 2026-06-20 +报案 +0 +8,000.00"
    claim=$(sql "SELECT max(id) FROM claim")
    for step in 材料收集 已报保险公司; do
        keys F4
        wait_for "将理赔转到" || return
        keys F2
        wait_for "日期是哪一天" || return
        keys F2
        wait_for " $step " || return
    done
    keys F4
    wait_for "将理赔转到" || return
    line_has "已赔付"                           # the next step is offered
    keys F2
    wait_for "日期是哪一天" || return
    keys F2
    wait_for "以下材料收齐前不能赔付" || return
    keys Enter
    wait_for "理赔 #$claim" || return
    keys Tab Tab Tab Tab Tab
    type_text "1,2,3,4,5,6,7"
    keys Tab Tab Tab Tab Tab Tab                # to 意外医疗's approved amount
    type_text "8000"
    keys Tab
    type_text "8000"
    keys F2
    wait_for "理赔 #$claim 已保存" || return
    keys F4
    wait_for "将理赔转到" || return
    keys F2
    wait_for "日期是哪一天" || return
    keys F2
    wait_for " 已赔付 " || return
    line_has "^[ >]$claim +$who .* 已赔付 +0 +8,000.00 +8,000.00"
    keys F8
    wait_for "2026 年度意外伤害保险" || return
    line_has "^[ >]全区 +$insured +[0-9,.]+ +[0-9]+ +$((paid_n + 1)) .* $after "
    [ "$(sql "SELECT status FROM claim WHERE id = $claim")" = 4 ] || fail "claim not paid"
    [ "$(sql "SELECT group_concat(status) FROM claim_step WHERE claim_id = $claim")" = "1,2,3,4" ] ||
        fail "steps: $(sql "SELECT group_concat(status) FROM claim_step WHERE claim_id = $claim")"
    [ "$(sql "SELECT count(*) FROM audit WHERE entity = 'person' AND action LIKE 'claim_%'
              AND entity_id = (SELECT person_id FROM claim WHERE id = $claim)")" = 5 ] ||
        fail "audit rows of the claim"
}

# A year of 2,000 claims: paged down to the end, the list shows the oldest claim, the last
# row (no fixed cap drops rows). The claims are copies of a demo claim reported 2026-04-01;
# the first is reported a day earlier, so it sorts last.
case_claims_2000_120x40() {
    local last
    sql "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 2000)
         INSERT INTO claim (policy_id, person_id, accident_on, reported_on, place, status,
                            status_on)
         SELECT c.policy_id, c.person_id, CASE x WHEN 1 THEN '2026-03-30' ELSE '2026-04-01' END,
                CASE x WHEN 1 THEN '2026-03-31' ELSE '2026-04-01' END, 'x', 1,
                CASE x WHEN 1 THEN '2026-03-31' ELSE '2026-04-01' END
         FROM n, (SELECT * FROM claim ORDER BY id LIMIT 1) c ORDER BY x"
    last=$(sql "SELECT id FROM claim WHERE reported_on = '2026-03-31'")
    [ "$(sql "SELECT count(*) FROM claim")" -ge 2000 ] || { fail "claims not made"; return; }
    start 120 40
    wait_for "主菜单" || return
    keys 5
    wait_for "意外伤害保险：保单" || return
    keys F7
    wait_for "2026 年度保单的理赔" || return
    for _ in 1 2 3 4 5 6 7; do
        keys NPage NPage NPage NPage NPage NPage NPage NPage NPage NPage
    done
    line_has "^[ >]$last +.* 2026-03-30 +报案 "
    # F5 steps the filter through all, in progress, then each status in turn.
    keys F5
    wait_for "状态：处理中" || return
    keys F5
    wait_for "状态：报案" || return
    line_has "^[ >]2000 +.* 2026-04-01 +报案 "
    no_line "[0-9] +(材料收集|已赔付|拒赔) "
    keys F5
    wait_for "状态：材料收集" || return
    no_line "[0-9] +报案 "
}

# The selected row (its screen line by number, 1-based) is drawn in reverse video.
sel_on_line() { tm capture-pane -p -e -t t | sed -n "${1}p" | grep -q $'\e\\[[0-9;]*7m'; }
# A reverse-video line that starts with TEXT: the selected row, on the screen.
sel_shows() { tm capture-pane -p -e -t t | sed 's/\x1b\[[0-9;]*m/\x01&/g' |
              grep -a $'\e\\[[0-9;]*7m' | sed 's/\x1b\[[0-9;]*m//g; s/\x01//g' | grep -qF -- "$1"; }
# keeps_selection FIRST DOWNS [KEY]: on a list whose first row is screen line FIRST at 120x40,
# moves the selection DOWNS rows down; that row stays selected and on the screen when the
# terminal shrinks to 80x24 and when it grows back. The row is known by the part of it the
# regex KEY matches, else by its first 10 characters.
keeps_selection() {
    local line=$(($1 + $2)) key
    for _ in $(seq "$2"); do keys Down; done
    wait_until "selection never reached line $line" sel_on_line "$line" || return 1
    if [ -n "${3:-}" ]; then
        key=$(screen | sed -n "${line}p" | grep -oE -- "$3" | head -1)
        [ -n "$key" ] || { fail "line $line has no $3"; return 1; }
    else
        key=$(screen | sed -n "${line}p" | cut -c1-11)
    fi
    resize_to 80 24 || return 1
    wait_until "at 80x24 the selected row is not on the screen: $key" sel_shows "$key" || return 1
    resize_to 120 40 || return 1
    wait_until "at 120x40 again the selected row is not on the screen: $key" sel_shows "$key"
}

# The screen is the same twice, half a second apart: the keys sent have all been read.
settled() { local a; a=$(screen); sleep 0.5; [ "$a" = "$(screen)" ]; }
# resize_to W H: resizes the terminal and waits until dpf has laid its screen out again (the
# key bar on the last line), so that no key is read against the old size.
bar_on() { screen | sed -n "${1}p" | grep -q "F1帮助"; }
resize_to() {
    tm resize-window -t t -x "$1" -y "$2"
    wait_until "dpf never laid the screen out at $1x$2" bar_on "$2"
}

# Every list keeps its selected row on the screen through a resize (claims, policies,
# institutions); while the terminal is too small, F2 does nothing unseen.
case_resize_lists() {
    sql "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 40)
         INSERT INTO claim (policy_id, person_id, accident_on, reported_on, place, status,
                            status_on)
         SELECT c.policy_id, c.person_id, '2026-04-01', '2026-04-01', 'x', 1, '2026-04-01'
         FROM n, (SELECT * FROM claim ORDER BY id LIMIT 1) c;
         WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 40)
         INSERT INTO policy (year, insurer, policy_no, premium, starts_on, ends_on)
         SELECT 1980 + x, insurer, policy_no || x, premium, (1980 + x) || '-01-01',
                (1980 + x) || '-12-31'
         FROM n, (SELECT * FROM policy ORDER BY id LIMIT 1);
         WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 20)
         INSERT INTO institution (name, kind, township) SELECT '机构' || x, 1, '新安镇' FROM n"
    start 120 40
    wait_title "主菜单" || return
    keys 5
    wait_title "意外伤害保险：保单" || return
    wait_until "policies: the first row is not selected on line 3" sel_on_line 3 || return
    keeps_selection 3 28 || return
    keys Home F7                                  # the claims of the newest policy's year
    wait_title "2026 年度保单的理赔" || return
    keeps_selection 4 28 || return
    keys Escape Escape
    wait_title "主菜单" || return
    keys 4
    wait_title "2026 年康复情况" || return
    keys F7
    wait_title "康复机构" || return
    keeps_selection 3 28 || return
    keys Escape Escape
    wait_title "主菜单" || return
    keys 1
    wait_title "持证残疾人名单" || return
    tm resize-window -t t -x 60 -y 20
    wait_for "终端窗口太小" || return
    keys F2 Enter 3
    sleep 0.3
    tm resize-window -t t -x 120 -y 40
    wait_title "持证残疾人名单" || return
    no_line "新增人员"
    keys Escape
    wait_title "主菜单" || return
}

# The screens on the run loop keep their place through a resize: the register (paged by
# keyset, deep in the list), the rehabilitation rates and projects, the insurance figures
# (the report's tables through the list adapter) and the report's text, whose first line
# shown stays on the screen.
case_resize_screens_120x40() {
    local key top
    start 120 40
    wait_title "主菜单" || return
    keys 1
    wait_title "持证残疾人名单" || return
    keeps_selection 4 30 || return
    keys Home NPage NPage NPage Down Down            # the fourth page, two rows below its top
    wait_until "register: the selection never reached line 6" sel_on_line 6 || return
    key=$(screen | sed -n 6p | cut -c1-11)
    resize_to 80 24 || return
    wait_until "register at 80x24: the selected row is not on the screen: $key" \
        sel_shows "$key" || return
    resize_to 120 40 || return
    wait_until "register at 120x40 again: the selected row is not on the screen: $key" \
        sel_shows "$key" || return
    keys Escape
    wait_title "主菜单" || return
    keys 4
    wait_title "2026 年康复情况" || return
    keeps_selection 4 20 || return
    keys F8
    wait_title "2026 年康复项目" || return
    keeps_selection 3 4 || return
    keys Escape Escape 5
    wait_title "意外伤害保险：保单" || return
    keys F8
    wait_title "2026 年度意外伤害保险" || return
    keeps_selection 4 18 || return
    keys Escape Escape 6
    wait_title "示范区残疾人工作 2026 年度报表" || return
    for _ in $(seq 30); do keys Down; done
    wait_until "the report never scrolled" eval '! screen | sed -n 2p | grep -qF "2026-01-01 — 2026-12-31"' || return
    wait_until "the report never stopped scrolling" settled || return
    top=$(screen | sed -n 2p | sed 's/ *$//')
    [ -n "$top" ] || top=$(screen | sed -n 3p | sed 's/ *$//')
    resize_to 80 24 || return
    wait_for "$top" || return
    resize_to 120 40 || return
    wait_for "$top" || return
    keys Escape
    wait_title "主菜单" || return
}

# A person with 70 enrolments (refused applications made by SQL) has them all on the
# subsidies page, which pages to the oldest (no fixed cap drops a person's enrolments).
case_enrol_70_120x40() {
    local id who prog
    id=$(sql "SELECT id_no FROM person WHERE status = 1
              AND id NOT IN (SELECT person_id FROM enrolment) ORDER BY id LIMIT 1")
    who=$(sql "SELECT name FROM person WHERE id_no = '$id'")
    prog=$(sql "SELECT name FROM programme ORDER BY id LIMIT 1")
    sql "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 70)
         INSERT INTO enrolment (programme_id, person_id, step, applied_on, applied_by,
                                start_month, closed_on, closed_by, reason_note)
         SELECT (SELECT min(id) FROM programme), p.id, 5,
                CASE x WHEN 1 THEN '2001-01-01' ELSE '2002-01-01' END, 'root',
                CASE x WHEN 1 THEN '2001-01' ELSE '2002-01' END, '2002-01-02', 'root', 'x'
         FROM n, person p WHERE p.id_no = '$id' ORDER BY x"
    [ "$(sql "SELECT count(*) FROM enrolment e JOIN person p ON p.id = e.person_id
              WHERE p.id_no = '$id'")" = 70 ] || { fail "enrolments not made"; return; }
    start 120 40
    wait_for "主菜单" || return
    keys Enter
    wait_for "持证残疾人名单" || return
    type_text "$id"
    wait_for "查找： $id" || return
    line_has "^[ >]$who "
    keys F8
    wait_for "${who}的补贴" || return
    keys NPage NPage NPage NPage
    line_has "^[ >]$prog +不予通过 +2001-01 +x +2001-01-01"
}

# A person's own pages keep the selected row on the screen through a resize: their claims
# (F11), subsidies (F8) and rehabilitation (F9), 40 rows each, made by SQL.
case_resize_person_pages_120x40() {
    local id who
    id=$(sql "SELECT id_no FROM person WHERE status = 1
              AND id NOT IN (SELECT person_id FROM enrolment) ORDER BY id LIMIT 1")
    who=$(sql "SELECT name FROM person WHERE id_no = '$id'")
    sql "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 40)
         INSERT INTO claim (policy_id, person_id, accident_on, reported_on, place, status,
                            status_on)
         SELECT c.policy_id, p.id, '2026-04-01', '2026-04-01', 'x', 1, '2026-04-01'
         FROM n, (SELECT * FROM claim ORDER BY id LIMIT 1) c, person p WHERE p.id_no = '$id';
         WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 40)
         INSERT INTO enrolment (programme_id, person_id, step, applied_on, applied_by,
                                start_month, closed_on, closed_by, reason_note)
         SELECT (SELECT min(id) FROM programme), p.id, 5, '2002-01-01', 'root', '2002-01',
                '2002-01-02', 'root', 'x'
         FROM n, person p WHERE p.id_no = '$id';
         WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 40)
         INSERT INTO service (person_id, year, served_on, institution_id, kind, item, cost)
         SELECT p.id, 2026, '2026-03-01', (SELECT min(id) FROM institution), 1, '服务' || x, 100
         FROM n, person p WHERE p.id_no = '$id'"
    start 120 40
    wait_title "主菜单" || return
    keys Enter
    wait_title "持证残疾人名单" || return
    type_text "$id"
    wait_for "查找： $id" || return
    line_has "^[ >]$who "
    keys F11
    wait_title "${who}的意外伤害保险" || return
    keeps_selection 4 28 || return
    keys Escape
    wait_title "持证残疾人名单" || return
    keys F8
    wait_title "${who}的补贴" || return
    keeps_selection 3 28 || return
    keys Escape
    wait_title "持证残疾人名单" || return
    keys F9
    wait_title "${who}的康复" || return
    keeps_selection 3 28
}

# A manager opens the reports, sees the year's targets with their rates, changes to the
# first half-year (completion counted up to 30 June), and exports the workbook, which is read
# back: its sheets and a rate stored with the 0.00% format. Exporting to the same name again
# asks before replacing.
case_report_80x24() {
    local name1 target done rate
    name1=$(sql "SELECT name FROM project WHERE year = 2026 ORDER BY id LIMIT 1 OFFSET 3")
    target=$(sql "SELECT target FROM project WHERE year = 2026 AND name = '$name1'")
    start 80 24
    wait_for "主菜单" || return
    line_has "6\. 年度报表"
    keys 6
    wait_for "示范区残疾人工作 2026 年度报表" || return
    line_has "^$name1 +$target +[0-9]+ +[0-9]+\.[0-9]{2}% "
    done=$(screen | grep -E "^$name1 " | awk '{ print $3 }')
    rate=$(screen | grep -E "^$name1 " | awk '{ print $4 }')
    keys F6
    wait_for "统计期间开始日期" || return
    keys F2
    wait_for "统计期间结束日期" || return
    keys C-u
    type_text "2026-06-30"
    keys F2
    wait_for "2026-01-01 — 2026-06-30" || return
    line_has "^$name1 +$target +$done "      # the demo's records are all dated by 30 June
    keys F3
    wait_for "导出报表" || return
    keys C-u
    type_text "$work/half.xlsx"
    keys F2
    wait_for "已将报表写入" || return
    /usr/bin/python3 - "$work/half.xlsx" "$name1" "$rate" <<'PY' || fail "the exported workbook"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames[:3] == ["封面", "目标任务", "持证情况"], wb.sheetnames
assert "完成率图" in [c.title for c in wb.chartsheets]
row = [r for r in wb["目标任务"].iter_rows(min_row=3) if r[0].value == sys.argv[2]][0]
assert row[3].number_format == "0.00%", row[3].number_format
assert "{:.2%}".format(row[3].value) == sys.argv[3], (row[3].value, sys.argv[3])
PY
    # Exporting again to the same name asks first: No keeps the file (same inode), Yes
    # replaces it whole (a new inode, renamed into place).
    local inode answer
    inode=$(stat -c %i "$work/half.xlsx")
    for answer in n y; do
        keys F3
        wait_for "导出报表" || return
        keys C-u
        type_text "$work/half.xlsx"
        keys F2
        wait_for "已存在。替换吗？" || return
        keys $answer
        [ $answer = y ] || wait_for "未写入：已保留" || return
        [ $answer = y ] || [ "$(stat -c %i "$work/half.xlsx")" = "$inode" ] ||
            fail "No replaced the file"
    done
    wait_for "已将报表写入" || return
    [ "$(stat -c %i "$work/half.xlsx")" != "$inode" ] || fail "Yes did not replace the file"
    /usr/bin/python3 -c "import openpyxl, sys; openpyxl.load_workbook(sys.argv[1])" \
        "$work/half.xlsx" || fail "the replaced workbook does not open"
}

# The monthly review's roster, the programmes and the main menu keep the selected row on the
# screen when the terminal shrinks from 120x40 to 80x24 and grows back.
case_resize_subsidy_120x40() {
    local size
    sql "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 40)
         INSERT INTO programme (code, name, active) SELECT 'zz' || x, '试点项目' || x, 0 FROM n"
    start 120 40
    wait_title "主菜单" || return
    keys 2
    wait_title "每月补贴审核 2026-06" || return
    keys Tab Tab Tab Tab Tab Tab                  # the roster: a few hundred lines
    wait_for "银行账号" || return
    wait_until "roster: the first row is not selected on line 5" sel_on_line 5 || return
    # A roster line is one person in one programme: the programme, name and ID say which.
    keeps_selection 5 28 '^.*[0-9]{6}\*{8}[0-9]{3}[0-9X]' || return
    keys Escape
    wait_title "主菜单" || return
    keys 3
    wait_title "补贴项目" || return
    wait_until "programmes: the first row is not selected on line 3" sel_on_line 3 || return
    keeps_selection 3 28 || return
    keys Escape
    wait_title "主菜单" || return
    keys Down Down Down
    wait_until "menu: the fourth module is not selected on line 8" sel_on_line 8 || return
    sel_shows "4. 精准康复" || { fail "menu: the selected line is not the fourth module"; return; }
    for size in "80 24" "120 40"; do
        tm resize-window -t t -x "${size% *}" -y "${size#* }"
        wait_until "menu at ${size/ /x}: the fourth module is not selected on line 8" \
            sel_on_line 8 || return
        sel_shows "4. 精准康复" || { fail "menu at ${size/ /x}: another line is selected"; return; }
    done
    keys F10
    wait_for "[exit 0]"
}

# A township not on the place list (issue 20) is refused when the form is saved, as the
# field's error, with the nearest names of the list (only the message's beginning is read:
# at 80 columns it may be cut).
case_place_refused_80x24() {
    new_person_form 80 24 || return
    type_text "34150319900101123541"
    keys Tab
    type_text "张小明"
    keys Tab Tab Tab Tab Tab Tab
    type_text "不存在镇"
    keys F2
    wait_for "不存在镇 不在地名表中" || return
    line_has "^!乡镇街道\* +不存在镇 +不存在镇 不在地名表中；相近"
    no_line "已保存"
    keys Escape
    wait_for "放弃所做的修改？" || return
    keys y
    wait_for "持证残疾人名单" || return
    line_has "共 300 人"
}

# A reviewer (审核员) may read the register but not change it: F2 is refused with the reason
# on the status line and no form opens; the main menu still works.
case_role_refused_80x24() {
    sql "UPDATE app_user SET role = 2 WHERE login = '$(id -un)'"
    start 80 24
    wait_for "主菜单" || return
    keys 1
    wait_for "持证残疾人名单" || return
    keys F2
    wait_for "无权操作" || return
    line_has "无权操作：.* 是审核员"
    no_line "^dpf  新增"
    keys Escape
    wait_for "主菜单" || return
}

# Pickers and whole messages at 80x24: the certificate number fills the lines it gives
# (shown as derived); the category is chosen from the picker, narrowed by typing; the long
# error of a category that contradicts the certificate is read whole, to its end; F1 on a
# line lists its choices; a flag is set through the picker (Space) and the person saved.
case_form_pickers_80x24() {
    new_person_form 80 24 || return
    type_text "34150319900101123562"             # category 6 (精神), level 2
    keys Tab
    wait_for "（由证号得出）" || return
    line_has "^性别 +男 +（由证号得出）"
    line_has "^出生日期 +1990-01-01 +（由证号得出）"
    line_has "^残疾类别 +精神 +（由证号得出）"
    line_has "^残疾等级 +二级 +（由证号得出）"
    line_has "F4选择"
    type_text "王小五"
    keys Tab Tab Tab Tab                         # to 残疾类别
    keys F4
    wait_for "查找：" || return
    line_has "6 精神"
    line_has "4 肢体"
    type_text "肢"
    wait_until "typing did not narrow the picker" eval '! line_matches "│[ >]6 精神"' || return
    keys Enter
    wait_until "the category was not taken from the picker" line_matches "^残疾类别 +肢体( |$)" || return
    keys Tab Tab                                 # to 乡镇街道
    type_text "新安镇"
    keys F2
    # The whole error, to its last words, though it is longer than the status line.
    wait_for "残疾人证号：残疾类别码 6（精神）与残疾类别“肢体”不一致" || return
    keys Tab Tab Tab Tab Tab                     # back to 残疾类别
    keys Space
    wait_for "查找：" || return
    type_text "精"
    wait_until "typing did not narrow the picker" eval '! line_matches "│[ >]4 肢体"' || return
    keys Enter
    wait_until "the category was not taken from the picker" line_matches "^残疾类别 +精神( |$)" || return
    keys Tab                                     # 残疾等级
    keys F1
    wait_for "可选：" || return
    line_has "^残疾等级$"
    line_has "^  1 一级$"
    line_has "^  4 四级$"
    line_has "F4 或空格"
    keys Escape
    wait_until "help did not go back to the form" line_matches "^残疾等级 +二级" || return
    keys Tab Tab Tab Tab Tab Tab Tab Tab         # to 低保
    keys Space
    wait_for "查找：" || return
    line_has "是"
    keys Enter
    wait_until "the flag was not taken from the picker" line_matches "^低保 +是( |$)" || return
    keys F2
    wait_for "已保存：王小五" || return
    [ "$(sql "SELECT gender || ' ' || birth_date || ' ' || category || ' ' || level || ' ' || dibao
              FROM person WHERE name = '王小五'")" = "1 1990-01-01 6 2 1" ] ||
        fail "the database holds: $(sql "SELECT gender, birth_date, category, level, dibao FROM person WHERE name = '王小五'")"
}

# A person added with the township and the village chosen from the place list: the picker
# lists the townships in code order and narrows as the clerk types; the villages are those
# of the township chosen. A rehabilitation institution's township likewise, after a typo is
# refused with the nearest name.
case_place_picker_80x24() {
    local first village
    first=$(sql "SELECT name FROM place WHERE parent IS NULL ORDER BY code LIMIT 1")
    village=$(sql "SELECT v.name FROM place v JOIN place t ON t.id = v.parent
                   WHERE t.name = '新安镇' ORDER BY v.code LIMIT 1")
    [ -n "$village" ] || { fail "the demo has no villages of 新安镇"; return; }
    new_person_form 80 24 || return
    type_text "34150319900101123542"             # category 4 (肢体), level 2
    keys Tab
    wait_for "（由证号得出）" || return
    type_text "赵小六"
    keys Tab Tab Tab Tab Tab Tab                 # to 乡镇街道
    keys Tab                                     # 村社区 first: it asks for the township
    keys F4
    wait_for "请先选择乡镇街道" || return
    keys BTab F4
    wait_for "查找：" || return
    line_has "│[ >]$first"
    type_text "新安"
    wait_until "typing did not narrow the townships" eval '! line_matches "│[ >]$first"' || return
    keys Enter
    wait_until "the township was not taken from the picker" line_matches "^乡镇街道\*? +新安镇( |$)" || return
    keys Tab F4
    wait_for "查找：" || return
    line_has "│[ >]$village"
    keys Enter
    wait_until "the village was not taken from the picker" line_matches "^村社区 +$village( |$)" || return
    keys F2
    wait_for "已保存：赵小六" || return
    [ "$(sql "SELECT township || ' ' || village FROM person WHERE name = '赵小六'")" = "新安镇 $village" ] ||
        { fail "the database holds: $(sql "SELECT township, village FROM person WHERE name = '赵小六'")"; return; }
    # A rehabilitation institution's township: checked against the list, picked from it.
    keys Escape
    wait_title "主菜单" || return
    keys 4
    wait_title "康复情况" || return
    keys F7
    wait_title "康复机构" || return
    keys F2
    wait_title "新增" || return
    type_text "新安镇康复站"
    keys Tab
    type_text "2"
    keys Tab
    type_text "新按镇"
    keys F2
    wait_for "新按镇 不在地名表中；相近：新安镇" || return
    keys C-u F4
    wait_for "查找：" || return
    type_text "新安"
    keys Enter
    wait_until "the institution's township was not taken from the picker" line_matches "^乡镇街道\*? +新安镇( |$)" || return
    keys F2
    wait_for "已保存" || return
    [ "$(sql "SELECT township FROM institution WHERE name = '新安镇康复站'")" = "新安镇" ] ||
        fail "the institution's township is not stored"
}

# The manager keeps the place list on its screen: townships in code order with their
# villages under them; a village added under the selected township with its code, and a
# township's code changed; the database holds both.
case_places_80x24() {
    local first code
    first=$(sql "SELECT name FROM place WHERE parent IS NULL ORDER BY code LIMIT 1")
    code=$(sql "SELECT code FROM place WHERE parent IS NULL ORDER BY code LIMIT 1")
    start 80 24
    wait_for "主菜单" || return
    line_has "7\. 地名表"
    keys 7
    wait_title "地名表" || return
    line_has "^[ >]$first +$code "
    keys F2
    wait_for "新增地名" || return
    line_has "^乡镇街道\*? +$first"             # the selected row's township
    keys Tab
    type_text "新建村"
    keys Tab
    type_text "${code}099"
    keys F2
    wait_for "已保存" || return
    wait_for "  新建村" || return
    keys Home Enter
    wait_for "修改地名" || return
    keys Tab Tab C-u
    type_text "${code%?}9"
    keys F2
    wait_for "个村社区的代码不以 ${code%?}9 开头" || return   # its villages' codes would no longer begin with it
    keys C-u
    type_text "$code"
    keys F2
    wait_for "已保存" || return
    [ "$(sql "SELECT v.code FROM place v JOIN place t ON t.id = v.parent
              WHERE t.name = '$first' AND v.name = '新建村'")" = "${code}099" ] ||
        fail "the village is not stored with its code"
}

# A claim's documents received, ticked in the picker (a set): the line shows the names and
# the claim keeps their codes.
case_claim_documents_80x24() {
    local claim id
    claim=$(sql "SELECT min(id) FROM claim WHERE status < 4")
    id=$(sql "SELECT p.id_no FROM claim c JOIN person p ON p.id = c.person_id WHERE c.id = $claim")
    [ "$(sql "SELECT count(*) FROM claim WHERE person_id = (SELECT person_id FROM claim WHERE id = $claim)")" = 1 ] ||
        { fail "the demo's open claim is not its person's only one"; return; }
    start 80 24
    wait_for "主菜单" || return
    keys 1
    wait_for "持证残疾人名单" || return
    type_text "$id"
    wait_for "查找： $id" || return
    keys F11
    wait_for "的意外伤害保险" || return
    line_has "^[ >]$claim "
    keys Enter
    wait_for "理赔 #$claim" || return
    keys Tab Tab Tab Tab Tab                     # to 已收材料
    keys C-u F4
    wait_for "[ ] 1 理赔申请书" || return
    keys Space Down Down Space
    wait_for "[x] 3 残疾人证" || return
    line_has "\[x\] 1 理赔申请书"
    line_has "\[ \] 2 身份证明"
    keys Enter
    wait_until "the set was not written into the line" line_matches "^已收材料 +理赔申请书、残疾人证" || return
    keys F2
    wait_for "理赔 #$claim 已保存" || return
    [ "$(sql "SELECT docs FROM claim WHERE id = $claim")" = 13 ] ||
        fail "the claim holds documents '$(sql "SELECT docs FROM claim WHERE id = $claim")'"
}

# rename_persons AWK: the register exported whole, each data row's name (field 2) set by AWK
# (it sees n, the row's number from 1, and name, as bytes) and imported back: renamed
# through dpf's import, so the names get their pinyin keys as any name dpf stores does.
rename_persons() {
    "$build/dpf" --db "$work/$name.db" export persons --full-id --out "$work/$name.all.csv" > /dev/null &&
        LC_ALL=C awk -F, -v OFS=, "NR > 1 { n = NR - 1; name = \$2; $1; \$2 = name } { print }" \
            "$work/$name.all.csv" > "$work/$name.renamed.csv" &&
        "$build/dpf" --db "$work/$name.db" import persons "$work/$name.renamed.csv" > /dev/null ||
        fail "renaming through an import failed"
}

# Search by sound: pinyin initials and full pinyin find 卢玉峰, either case, with spaces; 曾 is
# found by its surname reading zeng and by its common one ceng.
case_pinyin_search_80x24() {
    rename_persons 'if (n == 7) name = "卢玉峰"; else if (n == 9) name = "曾小贤"'
    start 80 24
    wait_for "主菜单" || return
    keys 1
    wait_for "持证残疾人名单" || return
    type_text "lyf"
    wait_for "查找： lyf" || return
    line_has "^[ >]卢玉峰 +341503"
    keys C-u
    type_text "Lu Yu Feng"
    wait_for "查找： Lu Yu Feng" || return
    line_has "^[ >]卢玉峰 +341503"
    keys C-u
    type_text "zeng"
    wait_for "查找： zeng" || return
    line_has "^[ >]曾小贤 +341503"
    keys C-u
    type_text "cxx"
    wait_for "查找： cxx" || return
    line_has "^[ >]曾小贤 +341503"
}

# The list in pinyin order: 王 (wang) before 张 (zhang), though 张 comes first by code point.
# Three of each, everyone else 朱 (zhu), so both are on the first page.
case_pinyin_order_80x24() {
    local wang zhang
    rename_persons 'name = (n <= 3 ? "张" : n <= 6 ? "王" : "朱") substr(name, 4)'
    start 80 24
    wait_for "主菜单" || return
    keys 1
    wait_for "持证残疾人名单" || return
    line_has "^[ >]王"
    wang=$(screen | grep -n '^[ >]王' | head -1 | cut -d: -f1)
    zhang=$(screen | grep -n '^[ >]张' | head -1 | cut -d: -f1)
    [ -n "$wang" ] && [ -n "$zhang" ] && [ "$wang" -lt "$zhang" ] ||
        fail "王 is not listed before 张 (lines ${wang:-none} and ${zhang:-none})"
    [ "$(screen | grep -c '^[ >][王张]')" = 6 ] || fail "not all six 王 and 张 on the first page"
    [ "$(screen | grep '^[ >][王张朱]' | head -7 | tail -1 | cut -c2-4)" = "朱" ] ||
        fail "the 朱 rows do not follow the 张 rows"
}

# A session started two seconds before midnight: once midnight has passed, the new day is
# today on the open screens. A death dated 2026-07-01 is accepted, not "in the future", and
# its audit row is dated 2026-07-01 too.
case_midnight_80x24() {
    local id who at
    id=$(sql "SELECT id_no FROM person WHERE status = 1 ORDER BY id LIMIT 1")
    who=$(sql "SELECT name FROM person WHERE id_no = '$id'")
    clock_start "2026-06-30 23:59:58"
    start 80 24 "DPF_NOW='$clock_from'"
    wait_for "主菜单" || return
    keys 1
    wait_for "持证残疾人名单" || return
    type_text "$id"
    wait_for "查找： $id" || return
    keys F6
    wait_for "变更状态：$who" || return
    type_text "死亡"
    keys Tab
    # The clock started before the menu showed: past midnight once 2 s have gone by since.
    sleep 2.5
    type_text "2026-07-01"
    keys Tab
    type_text "病故"
    keys F2
    wait_for "状态已变更：$who" || return
    at=$(audit_at "$id" status)
    [[ $at == "2026-07-01 "* ]] && clock_since "$at" || fail "the death is stamped '$at'"
    [ "$(sql "SELECT status || ' ' || status_date FROM person WHERE id_no = '$id'")" = \
        "2 2026-07-01" ] || fail "the database does not hold the death on 2026-07-01"
}

# A clerk narrows the register by a filter and exports what the list shows (F3): the file
# read back holds exactly the persons of the filter, IDs masked.
case_list_export_80x24() {
    local want
    want=$(sql "SELECT count(*) FROM person WHERE township = '新安镇' AND category = 4")
    start 80 24
    wait_for "主菜单" || return
    keys 1
    wait_for "持证残疾人名单" || return
    keys F5
    wait_for "筛选名单" || return
    type_text "新安镇"
    keys Tab Tab                                 # past 村社区
    type_text "肢体"
    keys F2
    wait_for "乡镇街道=新安镇" || return
    wait_for "$want/300 人" || return
    keys F3
    wait_for "导出列表" || return
    keys C-u
    type_text "$work/limb.csv"
    keys F2
    wait_for "完整身份证号" || return            # the admin may ask for full IDs: no
    keys n
    wait_for "已导出 $want 人到 $work/limb.csv" || return
    /usr/bin/python3 - "$work/limb.csv" "$want" <<'PY' || fail "the exported list is not the filter's"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")))
assert len(rows) == int(sys.argv[2]), len(rows)
assert all(r["乡镇街道"] == "新安镇" and r["残疾类别"] == "肢体" for r in rows)
assert all("*" in r["残疾人证号"] for r in rows), "certificate numbers not masked"
PY
    # A flag narrows it further: 低保 是, only the persons on 低保.
    want=$(sql "SELECT count(*) FROM person WHERE township = '新安镇' AND category = 4 AND dibao = 1")
    keys F5
    wait_for "筛选名单" || return
    keys Tab Tab Tab Tab Tab Tab                 # to 低保
    type_text "是"
    keys F2
    wait_for "低保=是" || return
    wait_for "$want/300 人" || return
}

# The reviewer exports the bank's roster from the review screen: full IDs and accounts after
# the question, audited; every list ends with the signature block; the 追回 total counts
# persons (one person paid by two programmes after their death: two lines, one person).
case_review_roster_80x24() {
    local pid idno
    pid=$(sql "SELECT person_id FROM roster_line WHERE month = '2026-05' GROUP BY person_id
               HAVING count(*) >= 2 ORDER BY person_id LIMIT 1")
    idno=$(sql "SELECT id_no FROM person WHERE id = $pid")
    sql "UPDATE person SET status = 2, status_date = '2026-03-15' WHERE id = $pid"
    start 80 24
    wait_for "主菜单" || return
    keys 2
    wait_for "每月补贴审核 2026-06" || return
    line_has "应追回 [0-9,.]+（1 人）"
    keys F3
    wait_for "导出发放名册" || return
    keys C-u
    type_text "$work/bank.xlsx"
    keys F2
    wait_for "给银行：导出完整身份证号和银行账号（记入审计日志）？" || return
    keys y
    wait_for "到 $work/bank.xlsx（完整身份证号和账号）" || return
    /usr/bin/python3 - "$work/bank.xlsx" "$idno" <<'PY' || fail "the bank's roster is not as it should be"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ids = [r[2] for ws in wb.worksheets[:-1] for r in ws.iter_rows(min_row=4, values_only=True)]
assert sys.argv[2] in ids, "the person's full ID is not in the roster"
for ws in wb.worksheets[:-1]:
    rows = [r for r in ws.iter_rows(values_only=True) if any(c is not None for c in r)]
    last = [c for c in rows[-1] if c]
    assert last[0].startswith("制表人：") and last[1].startswith("审核人：") and \
        last[2].startswith("负责人：") and last[3].startswith("日期："), (ws.title, last)
rec = wb["追回名单"]
lines = [r for r in rec.iter_rows(min_row=4, values_only=True) if isinstance(r[0], int)]
total = [r for r in rec.iter_rows(values_only=True) if r[0] == "合计"][0]
assert len(lines) == 2 and total[1] == "1 人", (len(lines), total)
PY
    [ "$(sql "SELECT count(*) FROM audit WHERE action = 'disclose'
              AND json_extract(after, '$.what') = 'payment roster'
              AND json_extract(after, '$.file') = '$work/bank.xlsx'")" = 1 ] ||
        fail "the full export is not in the audit log"
}

# An import naming a township not on the place list is refused, the row and the column
# named with the nearest names, read whole on an 80-column terminal; nothing is imported.
case_import_place_80x24() {
    local before
    before=$(sql "SELECT count(*) FROM person")
    "$build/dpf" --db "$work/$name.db" template persons --out "$work/bad.csv" > /dev/null
    echo "34150319900101123542,赵小七,男,1990-01-01,汉族,肢体,二级,新按镇,,,,,,否,否,否,否,,在册,,,," \
        >> "$work/bad.csv"
    tm new-session -d -s t -x 80 -y 24 \
        "env -u LC_ALL -u LC_CTYPE LANG=C.UTF-8 '$build/dpf' --db '$work/$name.db' import persons '$work/bad.csv'; echo \"[exit \$?]\"; sleep 60"
    wait_for "[exit" || return
    tm capture-pane -p -J -t t | grep -qF "第 2 行，乡镇街道：新按镇 不在地名表中；相近：新安镇" ||
        fail "the refusal does not name the row, the column and the nearest names: $(tm capture-pane -p -J -t t)"
    [ "$(sql "SELECT count(*) FROM person")" = "$before" ] || fail "the failed import changed the register"
}

# Traditional characters (issue 22): under --lang zh_TW the menu, the register's title and
# column headers and the messages are Traditional; a name and a place typed in Traditional
# characters are stored Simplified, as the register keeps them.
case_traditional_80x24() {
    tm new-session -d -s t -x 80 -y 24 \
        "env -u LC_ALL -u LC_CTYPE LANG=C.UTF-8 $wrap '$build/dpf' --lang zh_TW --db '$work/$name.db'; echo \"[exit \$?]\"; sleep 60"
    wait_for "主選單" || return
    line_has "1\. 登記管理"
    line_has "^F1幫助 .*F10退出"
    keys Enter
    wait_for "持證殘疾人名單" || return
    line_has "^[ >]姓名 +殘疾人證號 +性別"
    keys F2
    wait_for "新增人員" || return
    type_text "34150319900101123541"
    keys Tab
    type_text "陳麗華"
    keys Tab Tab Tab Tab Tab Tab
    type_text "新安鎮"
    keys Tab
    type_text "黃墩村"
    keys Tab Tab
    type_text "139056412"
    keys Tab
    wait_for "聯絡電話：“139056412”" || return
    keys BTab C-u
    type_text "13905641234"
    keys F2
    wait_for "已儲存：陈丽华" || return
    [ "$(sql "SELECT name || '|' || township || '|' || village FROM person
              WHERE cert_no = '34150319900101123541'")" = "陈丽华|新安镇|黄墩村" ] ||
        fail "the Traditional name and places were not stored Simplified"
}

# A zh_HK locale (no --lang) speaks Traditional too, in Hong Kong's words (s2hk).
case_traditional_hk_80x24() {
    start 80 24 LANG=zh_HK.UTF-8
    wait_for "主菜單" || return         # Taiwan's words (s2twp) are 主選單
    line_has "1\. 登記管理"
}

# English at 80 columns: the register's key bar cannot hold every key; Esc Back, the way
# out, is kept at its end.
case_english_keys_80x24() {
    tm new-session -d -s t -x 80 -y 24 \
        "env -u LC_ALL -u LC_CTYPE LANG=C.UTF-8 $wrap '$build/dpf' --lang en --db '$work/$name.db'; echo \"[exit \$?]\"; sleep 60"
    wait_for "Main menu" || return
    keys Enter
    wait_for "Register of certified disabled persons" || return
    line_has "^F1Help F2New F3Export .* EscBack *$"
}

# ---- for a screen reader: the cursor on the focus, marks instead of attributes ----

# The terminal's cursor as "x,y" (0-based), where a screen reader or braille display reads.
cursor_at() { tm display -p -t t '#{cursor_x},#{cursor_y}'; }
cursor_line() { cursor_at | cut -d, -f2; }
# The cursor is at the first column of the one row marked ">" (the selected row).
cursor_on_marker() {
    local l
    l=$(screen | grep -n '^>' | cut -d: -f1)
    [ "$(echo "$l" | wc -w)" = 1 ] && [ "$(cursor_at)" = "0,$((l - 1))" ]
}
marker_line() { screen | grep -n '^>' | cut -d: -f1; }
marker_on() { [ "$(marker_line)" = "$1" ]; }

# cursor_follows W H: on the main menu, the register list, a form, a form's error, a
# question and help, the cursor sits on what has the focus; the selected row is marked ">".
cursor_follows() {
    local h=$2 at
    start "$1" "$h"
    wait_for "主菜单" || return 1
    line_has "^> +1\. 登记管理" || return 1
    wait_until "menu: the cursor is not on the selected row" cursor_on_marker || return 1
    keys Down Down
    wait_until "menu: the mark did not move to the third module" line_matches "^> +3\. " || return 1
    wait_until "menu: the cursor did not follow the selection" cursor_on_marker || return 1
    keys Home Enter
    wait_title "持证残疾人名单" || return 1
    wait_until "list: the first row (line 4) is not the marked one" marker_on 4 || return 1
    wait_until "list: the cursor is not on the selected row" cursor_on_marker || return 1
    keys Down Down Down
    wait_until "list: the mark did not move three rows down" marker_on 7 || return 1
    wait_until "list: the cursor did not follow the selection" cursor_on_marker || return 1
    sel_on_line 7 || { fail "list: the marked row is not the one in reverse video"; return 1; }
    keys F2
    wait_title "新增人员" || return 1
    screen | sed -n 2p | grep -q '^残疾人证号' || { fail "form: line 2 is not the first field"; return 1; }
    wait_until "form: the cursor is not on the first field" eval '[ "$(cursor_line)" = 1 ]' || return 1
    keys Tab
    type_text "李四"
    wait_until "form: the cursor is not on the second field" eval '[ "$(cursor_line)" = 2 ]' || return 1
    keys F2                                       # no certificate number
    wait_for "错误：残疾人证号不能为空" || return 1
    line_has "^!残疾人证号\* " || return 1
    wait_until "form: the cursor is not on the field in error" eval '[ "$(cursor_line)" = 1 ]' || return 1
    keys Escape
    wait_for "放弃所做的修改？" || return 1
    wait_until "question: the cursor is not on the status line" eval '[ "$(cursor_line)" = $((h - 2)) ]' || return 1
    at=$(cursor_at | cut -d, -f1)
    [ "$at" -gt 20 ] || { fail "question: the cursor is at column $at, not after the question"; return 1; }
    keys y
    wait_title "持证残疾人名单" || return 1
    wait_until "list: back from the form, the cursor is not on the selected row" cursor_on_marker || return 1
    keys F1
    wait_title "帮助" || return 1
    wait_until "help: the cursor is not on the first line shown" eval '[ "$(cursor_at)" = 0,1 ]'
}
case_cursor_80x24() { cursor_follows 80 24; }
case_cursor_120x40() { cursor_follows 120 40; }

# The marked row is the list's last: the line after it is empty or the status line.
marked_last() {
    local l
    l=$(marker_line)
    [ -n "$l" ] && screen | sed -n "$((l + 1))p" | grep -qE '^ *$|^数据库 '
}
# walk WHAT: the selected row is marked ">" with the cursor on it, and Down, End (the list's
# last row, on its last page) and Home move the mark and the cursor together.
walk() {
    local first
    wait_until "$1: the cursor is not on the marked row" cursor_on_marker || return 1
    first=$(marker_line)
    keys Down
    wait_until "$1: Down did not move the mark" marker_on $((first + 1)) || return 1
    wait_until "$1: the cursor did not follow Down" cursor_on_marker || return 1
    keys End
    wait_until "$1: End did not mark the last row" marked_last || return 1
    wait_until "$1: the cursor did not follow End" cursor_on_marker || return 1
    keys Home
    wait_until "$1: Home did not mark the first row" marker_on "$first" || return 1
    wait_until "$1: the cursor did not follow Home" cursor_on_marker
}
# An empty list: the cursor on its notice ("（无）"), where a screen reader reads it.
cursor_on_empty() {
    local x y
    IFS=, read -r x y <<< "$(cursor_at)"
    [ "$x" = 2 ] && screen | sed -n "$((y + 1))p" | grep -q '^  （'
}
# A text page (the report, a history): the cursor on the first line shown, before and after
# Down scrolls it.
text_cursor() {
    local top
    wait_until "$1: the cursor is not on the first line shown" eval '[ "$(cursor_at)" = 0,1 ]' || return 1
    top=$(screen | sed -n 2p)
    keys Down
    wait_until "$1: Down did not scroll" eval '[ "$(screen | sed -n 2p)" != "$top" ]' || return 1
    wait_until "$1: the cursor left the first line shown" eval '[ "$(cursor_at)" = 0,1 ]'
}
# A question on the status line: the cursor after its last word.
asked() {
    wait_for "$1" || return 1
    wait_until "question: the cursor is not on the status line" eval '[ "$(cursor_line)" = $((h - 2)) ]' || return 1
    [ "$(cursor_at | cut -d, -f1)" -gt 20 ] || { fail "question: the cursor is not after the question"; return 1; }
}

# cursor_lists W H: every list and menu of dpf (the review's nine sections, programmes and
# rules, the rehabilitation rates, institutions and projects, the policies, claims and
# insurance figures, the places, a person's subsidies, rehabilitation and claims) has its
# selected row marked ">" with the cursor on it as the clerk moves; the text pages keep the
# cursor on their first line; a refusal leaves the cursor on the row; a question takes it.
cursor_lists() {
    local h=$2 cert who section
    cert=$(sql "SELECT p.cert_no FROM claim c JOIN person p ON p.id = c.person_id WHERE c.id = 3")
    who=$(sql "SELECT name FROM person WHERE cert_no = '$cert'")
    sql "INSERT INTO service (person_id, year, served_on, institution_id, kind, item, cost)
         SELECT p.id, 2026, '2026-03-0' || x.n, (SELECT min(id) FROM institution), 1, '服务', 100
         FROM person p, (SELECT 1 AS n UNION SELECT 2) x WHERE p.cert_no = '$cert'"
    start "$1" "$h"
    wait_title "主菜单" || return 1
    keys 2
    wait_title "每月补贴审核 2026-06" || return 1
    line_has "^\[停发 5\] " || return 1
    walk "review, stops" || return 1
    keys F4                                     # only for an application: refused
    wait_for "错误：请在“在办”栏中选择申请" || return 1
    wait_until "review: after a refusal the cursor is not on the marked row" cursor_on_marker || return 1
    keys F7
    asked "停发全部 2 人？" || return 1
    keys n
    for section in 暂停 追回 补发 应享未享 在办 名册 乡镇 变动; do
        keys Tab
        wait_until "review: the section $section is not named" line_matches "\[$section [0-9]+\]" || return 1
        case $section in
            追回) wait_until "review, $section: the cursor is not on the notice" cursor_on_empty || return 1 ;;
            应享未享|名册|乡镇) walk "review, $section" || return 1 ;;
            *) wait_until "review, $section: the cursor is not on the marked row" cursor_on_marker || return 1 ;;
        esac
    done
    keys Escape
    wait_title "主菜单" || return 1
    keys 3
    wait_title "补贴项目" || return 1
    walk "programmes" || return 1
    keys Enter
    wait_title "困难残疾人生活补贴的规则" || return 1
    wait_until "rules: the cursor is not on the marked row" cursor_on_marker || return 1
    keys Escape Escape
    wait_title "主菜单" || return 1
    keys 4
    wait_title "2026 年康复情况" || return 1
    walk "rehabilitation rates" || return 1
    keys F7
    wait_title "康复机构" || return 1
    walk "institutions" || return 1
    keys Escape F8
    wait_title "2026 年康复项目" || return 1
    walk "projects" || return 1
    keys Escape Escape
    wait_title "主菜单" || return 1
    keys 5
    wait_title "意外伤害保险：保单" || return 1
    wait_until "policies: the cursor is not on the marked row" cursor_on_marker || return 1
    keys F4
    wait_title "修改保单" || return 1
    wait_until "policy form: the cursor is not on the first field" eval '[ "$(cursor_line)" = 1 ]' || return 1
    keys Tab Tab Tab
    type_text "x"                               # 40.00x
    keys Tab                                    # said as the clerk leaves the line
    wait_until "policy form: leaving a line in error said nothing" line_matches "错误：每人保费" || return 1
    line_has "^!每人保费\* " || return 1
    wait_until "policy form: the cursor is not on the next field" eval '[ "$(cursor_line)" = 5 ]' || return 1
    keys Escape
    asked "放弃所做的修改？" || return 1
    keys y
    wait_title "意外伤害保险：保单" || return 1
    wait_until "policies: back from the form, the cursor is not on the marked row" cursor_on_marker || return 1
    keys F7
    wait_title "2026 年度保单的理赔" || return 1
    walk "claims" || return 1
    keys Escape F8
    wait_title "2026 年度意外伤害保险" || return 1
    walk "insurance figures" || return 1
    keys Escape Escape
    wait_title "主菜单" || return 1
    keys 6
    wait_title "年度报表" || return 1
    text_cursor "report" || return 1
    keys Escape
    wait_title "主菜单" || return 1
    keys 7
    wait_title "地名表" || return 1
    walk "places" || return 1
    keys Down F4
    wait_title "修改地名" || return 1
    keys F2                                     # saved unchanged: a message after a key
    wait_for "已保存" || return 1
    wait_until "places: after the save the cursor is not on the marked row" cursor_on_marker || return 1
    marker_on 4 || { fail "places: the save did not keep the selected row"; return 1; }
    keys Escape
    wait_title "主菜单" || return 1
    keys 1
    wait_title "持证残疾人名单" || return 1
    type_text "$cert"
    line_has "^> ?$who " || return 1
    keys F8
    wait_title "${who}的补贴" || return 1
    walk "a person's subsidies" || return 1
    keys Escape F9
    wait_title "${who}的康复" || return 1
    walk "a person's rehabilitation" || return 1
    keys Escape F11
    wait_title "${who}的意外伤害保险" || return 1
    wait_until "a person's claims: the cursor is not on the marked row" cursor_on_marker || return 1
    keys Escape F7
    wait_title "${who}（" || return 1
    text_cursor "history"
}
case_cursor_lists_80x24() { cursor_lists 80 24; }
case_cursor_lists_120x40() { cursor_lists 120 40; }

# The picker: the cursor on the item Enter would take, marked ">".
case_cursor_picker_80x24() {
    new_person_form 80 24 || return
    type_text "34150319900101123562"
    keys Tab
    type_text "王小五"
    keys Tab Tab Tab Tab F4                      # the picker of 残疾类别
    wait_for "查找：" || return
    line_has "│>6 精神"                           # preset to the certificate's category
    no_box && { fail "no_box does not see the picker's border"; return; }   # plain_80x24's check works
    no_reverse && { fail "no_reverse does not see the selected item"; return; }
    wait_until "picker: the cursor is not on the selected item" \
        eval 'screen | sed -n "$(($(cursor_line) + 1))p" | grep -q "│>6 精神"' || return
    keys Down
    line_has "│>7 多重"
    wait_until "picker: the cursor did not follow the selection" \
        eval 'screen | sed -n "$(($(cursor_line) + 1))p" | grep -q "│>7 多重"'
}

# No box-drawing character (U+2500-U+257F) and no reverse video on the screen.
no_box() { screen | python3 -c 'import sys; sys.exit(any(0x2500 <= ord(c) <= 0x257F for c in sys.stdin.buffer.read().decode("utf-8", "replace")))'; }
no_reverse() { ! tm capture-pane -p -e -t t | grep -q $'\e\\[[0-9;]*7m'; }
plain_ok() {
    no_box || { fail "$1: box-drawing characters under --plain"; return 1; }
    no_reverse || { fail "$1: reverse video under --plain"; return 1; }
}

# --plain: the main flows (menu, register, form, picker, question, review, help) show no line
# characters and no reverse video; the marks and the cursor show the selection.
case_plain_80x24() {
    dpf_opts=--plain start 80 24
    wait_for "主菜单" || return
    line_has "^> +1\. 登记管理"
    plain_ok "menu" || return
    keys Enter
    wait_title "持证残疾人名单" || return
    wait_until "list: no marked row" marker_on 4 || return
    plain_ok "list" || return
    keys F2
    wait_title "新增人员" || return
    type_text "34150319900101123562"
    keys Tab
    type_text "王小五"
    keys Tab Tab Tab Tab F4
    wait_for "查找：" || return
    line_has " >6 精神"
    wait_until "picker: the cursor is not on the selected item" \
        eval 'screen | sed -n "$(($(cursor_line) + 1))p" | grep -q ">6 精神"' || return
    plain_ok "picker" || return
    keys Escape Escape
    wait_for "放弃所做的修改？" || return
    plain_ok "question" || return
    keys y
    wait_title "持证残疾人名单" || return
    keys Escape
    wait_for "主菜单" || return
    keys 2
    wait_for "2026-06" || return
    line_has "^\[停发 [0-9]+\] 暂停"             # the current section named in text
    plain_ok "review" || return
    keys F1
    wait_title "帮助" || return
    plain_ok "help" || return
    keys Escape Escape
    plain_visit 3 "补贴项目" Enter "的规则" || return
    plain_visit 4 "康复情况" F7 "康复机构" || return
    plain_visit 4 "康复情况" F8 "康复项目" || return
    plain_visit 5 "保单" F7 "理赔" || return
    plain_visit 5 "保单" F8 "年度意外伤害保险" || return
    plain_visit 6 "年度报表" F1 "帮助" || return
    plain_visit 7 "地名表" F2 "新增地名" || return
    plain_visit 1 "持证残疾人名单" F8 "的补贴" || return
    plain_visit 1 "持证残疾人名单" F9 "的康复" || return
    plain_visit 1 "持证残疾人名单" F11 "的意外伤害保险" || return
    plain_visit 1 "持证残疾人名单" F7 "的操作记录"
}
# plain_visit KEY TITLE KEY2 TITLE2: from the main menu, a module and a screen inside it,
# both without line characters or reverse video; back to the main menu.
plain_visit() {
    wait_title "主菜单" || return 1
    keys "$1"
    wait_title "$2" || return 1
    plain_ok "$2" || return 1
    keys "$3"
    wait_title "$4" || return 1
    plain_ok "$4" || return 1
    keys Escape
    wait_title "$2" || return 1
    keys Escape
}

# A terminal whose locale is not UTF-8: dpf says so in English and exits 1.
case_not_utf8() {
    tm new-session -d -s t -x 80 -y 24 \
        "env -u LC_ALL -u LC_CTYPE LANG=C '$build/dpf' --db '$work/$name.db'; echo \"[exit \$?]\"; sleep 60"
    wait_for "[exit 1]" || return
    line_has "the terminal is not UTF-8"
}

# TUI_CASES="a b": only those cases (while working on a screen).
all_cases="register_80x24 discard_and_save_errors list_120x40 subsidy_review_80x24
    rehab_rates_80x24 insurance_claim_80x24 claims_2000_120x40 enrol_70_120x40
    resize_person_pages_120x40 resize_lists resize_screens_120x40
    report_80x24 resize_subsidy_120x40 place_refused_80x24 role_refused_80x24
    form_pickers_80x24 place_picker_80x24 places_80x24 claim_documents_80x24
    pinyin_search_80x24 pinyin_order_80x24 midnight_80x24
    list_export_80x24 review_roster_80x24 import_place_80x24 traditional_80x24
    traditional_hk_80x24 english_keys_80x24 cursor_80x24 cursor_120x40
    cursor_lists_80x24 cursor_lists_120x40
    cursor_picker_80x24 plain_80x24 not_utf8"
for c in ${TUI_CASES:-$all_cases}; do
    run_case "$c"
done
if [ "${VALGRIND:-0}" = 1 ]; then
    logs=$(ls "$work"/vg.*.log 2> /dev/null | wc -l)
    if grep -lE "Invalid (read|write|free)|uninitialised|definitely lost|Mismatched" \
        "$work"/vg.*.log > "$work/vg.bad" 2> /dev/null; then
        for f in $(cat "$work/vg.bad"); do head -30 "$f"; done
        echo "tui: valgrind found errors in $(wc -l < "$work/vg.bad") of $logs runs"
        failed=$((failed + 1))
    else
        echo "tui: valgrind: $logs runs of dpf, no memory errors, no definite leaks"
    fi
fi
echo "tui: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

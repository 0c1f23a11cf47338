#!/usr/bin/env bash
# The installed privilege boundary (issue 16): `make install` into a temporary prefix with a
# temporary DATADIR and group, then a clerk and an admin (OS users made for the test) try to
# get round it. Shows that the clerk cannot read or write the database with sqlite3, cannot
# raise their role, cannot reach a file outside their own through dpf, and that what they
# change through dpf is audited under their login. Needs root (CI runs as root); skipped,
# with one line saying why, otherwise and under a sanitizer or valgrind, which cannot follow
# a setgid process. Ends with "install: N passed, N failed".
set -u
build=${1:-build-test}
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
passed=0 failed=0

skip() {
    echo "install: skipped: $1"
    echo "install: 0 passed, 0 failed"
    exit 0
}

check() {
    if [ "$2" = ok ]; then
        echo "install: $1 ok"; passed=$((passed + 1))
    else
        echo "install: $1 FAILED: $2"; failed=$((failed + 1))
    fi
}

# expect NAME CONDITION-COMMAND...: ok when the command succeeds.
expect() {
    local name=$1; shift
    if "$@"; then check "$name" ok; else check "$name" "${why:-the condition did not hold}"; fi
    why=
}
why=

case "$(basename "$build")" in
build-asan | build-tsan) skip "$build is a sanitizer build, which cannot follow a setgid process" ;;
esac
[ -z "${DPF_SAN:-}" ] || skip "a sanitizer build (SAN=$DPF_SAN) cannot follow a setgid process"
[ -z "${VALGRIND:-}" ] || skip "valgrind cannot follow a setgid process"
[ "$(id -u)" = 0 ] || skip "not root (it installs dpf setgid and adds OS users and a group; CI runs it as root)"
for t in useradd userdel groupdel runuser sqlite3 msgfmt findmnt sha256sum; do
    command -v "$t" > /dev/null || skip "$t is missing"
done
if grep -q '^NoNewPrivs:[[:space:]]*1' /proc/self/status; then
    skip "NoNewPrivs is set on this process (a container or systemd setting): the kernel ignores the setgid bit"
fi

# A prefix on a mount that honours the setgid bit (a nosuid mount silently ignores it).
work=
for base in /var/tmp /opt /tmp; do
    opts=$(findmnt -n -o OPTIONS --target "$base" 2> /dev/null) || continue
    case ",$opts," in
    *,nosuid,*) echo "install: $base is mounted nosuid (setgid ignored there): not used"; continue ;;
    esac
    work=$(mktemp -d "$base/dpf-install-XXXXXX") && break
done
[ -n "$work" ] || skip "every candidate folder (/var/tmp, /opt, /tmp) is on a nosuid mount"

grp=dpft$$ clerk=dpft-clerk-$$ admin=dpft-admin-$$
made_group=0
cleanup() {
    userdel "$clerk" 2> /dev/null
    userdel "$admin" 2> /dev/null
    [ "$made_group" = 1 ] && groupdel "$grp" 2> /dev/null
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
getent group "$grp" > /dev/null && skip "a group $grp exists already"
chmod 0755 "$work"
for u in "$clerk" "$admin"; do
    useradd --system --home-dir "$work/home-$u" --shell /bin/sh "$u" ||
        skip "useradd $u failed"
    mkdir -p "$work/home-$u" && chown "$u:" "$work/home-$u" && chmod 0700 "$work/home-$u"
done
chome=$work/home-$clerk ahome=$work/home-$admin

# The normal build (no test clock) with its own DATADIR, installed as root: creates the group.
prefix=$work/usr data=$work/data
env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -C "$src" -j2 install BUILD="$work/build" \
    PREFIX="$prefix" DATADIR="$data" DPF_GROUP="$grp" TEST_CLOCK= SAN= > "$work/make.log" 2>&1
rc=$?
getent group "$grp" > /dev/null && made_group=1
if [ $rc -ne 0 ]; then
    tail -20 "$work/make.log"
    check "make install" "exited $rc"
    echo "install: $passed passed, $failed failed"
    exit 1
fi
dpf=$prefix/bin/dpf
export LANG=C.UTF-8
unset DPF_DB DPF_LOCALEDIR DPF_NOW XDG_DATA_HOME

check "make install creates the group" "$([ $made_group = 1 ] && echo ok || echo "no group $grp")"
got=$(stat -c '%U:%G %a' "$dpf")
check "dpf is root:group 2755" "$([ "$got" = "root:$grp 2755" ] && echo ok || echo "$got")"
got=$(stat -c '%U:%G %a' "$data")
check "DATADIR is root:group 2770" "$([ "$got" = "root:$grp 2770" ] && echo ok || echo "$got")"
got=$(stat -c '%a' "$data/backup" "$data/restore" | tr '\n' ' ')
check "backup/ and restore/ 2770" "$([ "$got" = "2770 2770 " ] && echo ok || echo "$got")"
expect "the catalogue is installed" test -f "$prefix/share/locale/zh_CN/LC_MESSAGES/dpf.mo"
expect "the installed dpf is the normal build (no DPF_NOW)" eval '! grep -q DPF_NOW "$dpf"'

as() { local u=$1; shift; runuser -u "$u" -- env LANG=C.UTF-8 HOME="$work/home-$u" "$@"; }

# Root creates the database (and is its admin), then adds the admin and the clerk.
"$dpf" init > "$work/out" 2>&1
got=$(stat -c '%U:%G %a' "$data/dpf.db" 2>&1)
check "root's dpf init makes DATADIR/dpf.db root:group 0660" \
    "$([ "$got" = "root:$grp 660" ] && echo ok || echo "$got: $(cat "$work/out")")"
"$dpf" user add "$admin" --role 管理员 > "$work/out" 2>&1 &&
    "$dpf" user add "$clerk" --role 录入员 >> "$work/out" 2>&1
rc=$? why=$(cat "$work/out")
expect "root adds an admin and a clerk" eval '[ $rc -eq 0 ]'
role() { sqlite3 "$data/dpf.db" "SELECT role FROM app_user WHERE login = '$1'"; }
clerk_role=$(role "$clerk")

# The clerk reaches the data only through dpf.
expect "the clerk may use dpf" eval 'as "$clerk" "$dpf" summary > /dev/null'
expect "the clerk cannot list DATADIR" eval '! as "$clerk" ls "$data" > /dev/null 2>&1'
expect "the clerk cannot read the database with sqlite3" \
    eval '! as "$clerk" sqlite3 "$data/dpf.db" "SELECT count(*) FROM app_user" > /dev/null 2>&1'
as "$clerk" sqlite3 "$data/dpf.db" "UPDATE app_user SET role = 4 WHERE login = '$clerk'" \
    > /dev/null 2>&1
rc=$?
expect "the clerk cannot raise their role with sqlite3" \
    eval '[ $rc -ne 0 ] && [ "$(role "$clerk")" = "$clerk_role" ]'
as "$clerk" "$dpf" user add "$clerk" --role 管理员 > "$work/out" 2>&1
rc=$? why=$(cat "$work/out")
expect "dpf user add is refused to the clerk" \
    eval '[ $rc -ne 0 ] && [ "$(role "$clerk")" = "$clerk_role" ]'

# No file outside the clerk's own through dpf.
as "$clerk" "$dpf" --db /etc/shadow summary > "$work/out" 2>&1
rc=$? why=$(cat "$work/out")
expect "--db /etc/shadow is refused" eval '[ $rc -ne 0 ] && grep -q "$data" "$work/out" && ! grep -q "root:" "$work/out"'
as "$clerk" "$dpf" --db "$data/../outside.db" summary > "$work/out" 2>&1
rc=$? why=$(cat "$work/out")
expect "--db outside DATADIR (via ..) is refused" eval '[ $rc -ne 0 ] && grep -q "$data" "$work/out"'
as "$clerk" "$dpf" --db "$chome/own.db" init > "$work/out" 2>&1
rc=$? why=$(cat "$work/out")
expect "--db in the clerk's home is refused" eval '[ $rc -ne 0 ] && [ ! -e "$chome/own.db" ]'
as "$clerk" "$dpf" --db "$data/mine.db" init > "$work/out" 2>&1
rc=$? why=$(cat "$work/out")
expect "a clerk cannot create a database in DATADIR (and be its admin)" \
    eval '[ $rc -ne 0 ] && [ ! -e "$data/mine.db" ]'
as "$clerk" env DPF_DB="$chome/own.db" XDG_DATA_HOME="$chome" "$dpf" summary > "$work/out" 2>&1
rc=$? why=$(cat "$work/out")
expect "DPF_DB and XDG_DATA_HOME are ignored" \
    eval '[ $rc -eq 0 ] && [ ! -e "$chome/own.db" ] && [ ! -e "$chome/dpf" ]'

# A catalogue of the clerk's own would choose dpf's printf formats: ignored when setgid.
mkdir -p "$chome/locale/zh_CN/LC_MESSAGES"
printf 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "%s"\nmsgstr "HIJACKED\\n\\n"\n' \
    "dpf: the register and case work of a district Disabled Persons' Federation\\n\\n" \
    > "$work/fake.po"
msgfmt -o "$chome/locale/zh_CN/LC_MESSAGES/dpf.mo" "$work/fake.po" && chown -R "$clerk:" "$chome/locale"
ctl=$(DPF_LOCALEDIR="$chome/locale" "$build/dpf" --help 2>&1 | head -1)
got=$(as "$clerk" env DPF_LOCALEDIR="$chome/locale" "$dpf" --help 2>&1 | head -1)
check "DPF_LOCALEDIR is ignored (the test build, not setgid, follows it)" \
    "$([ "$ctl" = HIJACKED ] && [ -n "$got" ] && [ "$got" != HIJACKED ] && echo ok ||
        echo "installed: '$got'; test build: '$ctl'")"

# Changes through dpf are audited under the clerk's login.
cp "$here/../fixtures/persons_good.csv" "$chome/p.csv" && chown "$clerk:" "$chome/p.csv"
# The places are the manager's (issue 20): the admin keeps the list, the clerk imports.
for t in 城南镇:清水村 新安镇:双河村 江家店镇:永兴村 苏埠镇:黄墩村 鼓楼街道:花园社区; do
    as "$admin" "$dpf" place add "${t%%:*}" > /dev/null 2>&1
    as "$admin" "$dpf" place add "${t#*:}" --township "${t%%:*}" > /dev/null 2>&1
done
as "$clerk" "$dpf" import persons "$chome/p.csv" > "$work/out" 2>&1
rc=$? why=$(cat "$work/out")
expect "the clerk imports persons from a CSV in their home" eval '[ $rc -eq 0 ]'
got=$(sqlite3 "$data/dpf.db" "SELECT group_concat(DISTINCT user) FROM audit WHERE action = 'insert'")
check "each insert is audited under the clerk's login" \
    "$([ "$got" = "$clerk" ] && echo ok || echo "audit users: '$got'")"
as "$clerk" "$dpf" person status 34150319650312101941 --status 迁出 --date 2026-01-02 \
    --reason test > "$work/out" 2>&1
rc=$? why=$(cat "$work/out")
expect "the clerk changes a status" eval '[ $rc -eq 0 ]'
got=$(sqlite3 "$data/dpf.db" "SELECT user FROM audit WHERE action = 'status' ORDER BY id DESC LIMIT 1")
check "the status change is audited under the clerk's login" \
    "$([ "$got" = "$clerk" ] && echo ok || echo "audit user: '$got'")"

# Backups and restores stay inside DATADIR; a restore takes a recorded backup or root's file.
as "$admin" "$dpf" backup "$ahome/b.db" > "$work/out" 2>&1
rc=$? why=$(cat "$work/out")
expect "a backup outside DATADIR is refused" eval '[ $rc -ne 0 ] && [ ! -e "$ahome/b.db" ]'
as "$admin" "$dpf" backup --daily "$ahome" > "$work/out" 2>&1
rc=$? why=$(cat "$work/out")
expect "backup --daily outside DATADIR is refused" eval '[ $rc -ne 0 ]'
as "$admin" "$dpf" backup --auto "$ahome" > "$work/out" 2>&1
rc=$? why=$(cat "$work/out")
expect "backup --auto outside DATADIR is refused" eval '[ $rc -ne 0 ]'
as "$admin" "$dpf" backup --daily "$data/backup" > "$work/out" 2>&1
rc=$? why=$(cat "$work/out")
expect "backup --daily in DATADIR/backup" eval '[ $rc -eq 0 ]'
as "$admin" "$dpf" backup --auto "$data/backup" > "$work/out" 2>&1
rc=$? why=$(cat "$work/out")
expect "backup --auto in DATADIR/backup" eval '[ $rc -eq 0 ]'
bk=$(ls "$data"/backup/dpf-*.db 2> /dev/null | head -1)
sha=$(sqlite3 "$data/dpf.db" "SELECT json_extract(after, '\$.sha256') FROM audit WHERE action = 'backup' ORDER BY id DESC LIMIT 1")
check "the backup's audit row records its SHA-256, and it is 0660" \
    "$([ -n "$bk" ] && [ "$sha" = "$(sha256sum < "$bk" | cut -c1-64)" ] &&
        [ "$(stat -c %a "$bk")" = 660 ] && echo ok || echo "file '$bk', recorded '$sha'")"
cp "$bk" "$ahome/copy.db" && chown "$admin:" "$ahome/copy.db"
as "$admin" "$dpf" restore "$ahome/copy.db" > "$work/out" 2>&1
rc=$? why=$(cat "$work/out")
expect "a restore of a file outside DATADIR is refused" eval '[ $rc -ne 0 ] && grep -q "$data" "$work/out"'
"$dpf" --db "$data/other.db" init > /dev/null 2>&1
as "$admin" "$dpf" restore "$data/other.db" > "$work/out" 2>&1
rc=$? why=$(cat "$work/out")
expect "a restore of a file in DATADIR that no backup row names is refused" eval '[ $rc -ne 0 ]'
as "$admin" "$dpf" restore "$bk" > "$work/out" 2>&1
rc=$? why=$(cat "$work/out")
expect "the admin restores a recorded backup" eval '[ $rc -eq 0 ]'

# An import of a file only the group may read must not echo it. This needs the user's own
# opens (the other half of issue 16); until that is merged it is reported, not counted.
as "$clerk" "$dpf" import persons "$data/dpf.db" --rejects "$chome/rej.csv" > "$work/out" 2>&1
if grep -q "$clerk" "$work/out" "$chome/rej.csv" 2> /dev/null ||
    grep -qa "SQLite format" "$work/out" "$chome/rej.csv" 2> /dev/null; then
    echo "install: an import of the database itself echoes it: KNOWN FAILURE until the" \
        "user's own opens (issue 16, real gid) are merged; not counted"
else
    check "an import of the database itself echoes nothing of it" ok
fi

# The root-placed file in restore/ is accepted (last: it replaces the users).
cp "$data/other.db" "$data/restore/other.db"
as "$admin" "$dpf" restore "$data/restore/other.db" > "$work/out" 2>&1
rc=$? why=$(cat "$work/out")
expect "a restore of a file root placed in DATADIR/restore" eval '[ $rc -eq 0 ]'

env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -C "$src" uninstall BUILD="$work/build" \
    PREFIX="$prefix" DATADIR="$data" > "$work/make.log" 2>&1
check "make uninstall removes the program and catalogue, keeps DATADIR" \
    "$([ ! -e "$dpf" ] && [ ! -e "$prefix/share/locale/zh_CN/LC_MESSAGES/dpf.mo" ] &&
        [ -f "$data/dpf.db" ] && echo ok || echo "$(cat "$work/make.log")")"

echo "install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

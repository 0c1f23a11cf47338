#!/usr/bin/env bash
# The help that is installed (issue 22): `make install DESTDIR=...` of the normal build
# (REAL_DPF's folder, with the PREFIX and DATADIR it was built with, so nothing is rebuilt)
# puts dpf(1), a page for each catalogue and the bash completion in place; man formats each
# page without a warning and shows a command and an option; the completion function,
# sourced in bash, completes partial commands, options, a choice's codes and file names,
# and offers every command and option of `dpf help --rows`; `make uninstall` removes them.
# Needs no root (DESTDIR): the root-only tests/install installs into a prefix of its own.
# Ends with "help: N passed, N failed".
set -u
build=$(cd "${1:-build-test}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
real=${REAL_DPF:-$src/build/dpf}
passed=0 failed=0

check() {
    if [ "$2" = ok ]; then
        echo "help: $1 ok"; passed=$((passed + 1))
    else
        echo "help: $1 FAILED: $2"; failed=$((failed + 1))
    fi
}

# expect NAME GOT WANTED
expect() {
    if [ "$2" = "$3" ]; then check "$1" ok; else check "$1" "got \"$2\", wanted \"$3\""; fi
}

normal=$(cd "$(dirname "$real")" 2> /dev/null && pwd)
if [ -z "$normal" ] || [ ! -f "$normal/kind" ] || [ ! -x "$real" ]; then
    check "the normal build" "$real is missing (make builds it)"
    echo "help: $passed passed, $failed failed"
    exit 1
fi
for t in man groff; do
    command -v "$t" > /dev/null || { check "$t" "missing (scripts/deps.sh installs man-db)"; }
done
work=$(mktemp -d /tmp/dpf-help-XXXXXX)
trap 'rm -rf "$work"' EXIT
export LANG=C.UTF-8 MANPAGER=cat MANWIDTH=80
unset LANGUAGE LC_ALL LC_MESSAGES

# The normal build as it was made (its kind file names PREFIX and DATADIR).
prefix=$(sed -n 's/.* PREFIX=\([^ ]*\) .*/\1/p' "$normal/kind")
datadir=$(sed -n 's/.* DATADIR=\([^ ]*\) .*/\1/p' "$normal/kind")
dest=$work/dest
mk() {
    env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -C "$src" --no-print-directory "$@" \
        BUILD="$normal" PREFIX="$prefix" DATADIR="$datadir" TEST_CLOCK= SAN= DESTDIR="$dest" \
        > "$work/make.log" 2>&1
}
mk install
rc=$?
[ $rc -eq 0 ] || tail -20 "$work/make.log"
expect "make install DESTDIR=... (normal build, no rebuild)" \
    "$rc $(grep -c '^  CC' "$work/make.log")" "0 0"

share=$dest$prefix/share
comp=$share/bash-completion/completions/dpf
for f in man/man1/dpf.1 man/en/man1/dpf.1 man/zh_CN/man1/dpf.1 bash-completion/completions/dpf; do
    if [ -f "$share/$f" ]; then check "installed $f" ok; else check "installed $f" "missing"; fi
done

# Every page installed: no troff warning, a command and an option shown.
for page in $(find "$share/man" -name dpf.1 | sort); do
    name=${page#"$share/man/"}
    warn=$(man --warnings -l "$page" 2>&1 > /dev/null)
    expect "man --warnings -l $name: no warning" "$warn" ""
    man -l "$page" > "$work/page.txt" 2>&1
    if grep -q '^ *dpf import persons FILE' "$work/page.txt" && grep -q '^ *--category ' "$work/page.txt" &&
        grep -q 'dpf subsidy approve --month YYYY-MM' "$work/page.txt"; then
        check "man -l $name shows commands and options" ok
    else
        check "man -l $name shows commands and options" "$(head -20 "$work/page.txt")"
    fi
done
man -l "$share/man/en/man1/dpf.1" 2> /dev/null | grep -q '^SYNOPSIS' &&
    man -l "$share/man/zh_CN/man1/dpf.1" 2> /dev/null | grep -q '^名称' &&
    man -l "$share/man/zh_CN/man1/dpf.1" 2> /dev/null | grep -q '从 CSV、.xlsx 或 .xls 导入残疾人'
rc=$?
expect "the en page in English, the zh_CN page in Chinese" "$rc" 0
# A locale that names no language gets Chinese, as from dpf itself.
man -M "$share/man" dpf 2> /dev/null | grep -q '^名称'
expect "man dpf under C.UTF-8: the Chinese page" "$?" 0

# The completion: `complete` names the function; the cases complete as a user's TAB would.
mkdir -p "$work/files" && touch "$work/files/a.db" "$work/files/b.csv"
cd "$work/files" || exit 1
out=$(bash --norc --noprofile -c '
source "$1" || exit 1
complete -p dpf
t() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _dpf;
      printf "%s\n" "${COMPREPLY[*]}"; }
t dpf imp
t dpf import pe
t dpf export persons --cat
t dpf export persons --category ""
t dpf --db ""
t dpf --lang e
t dpf import persons ""
t dpf subsidy approve --month ""
t dpf --db x.db sub
t dpf insurance move --to ""
t dpf help subsidy appr
' - "$comp" 2>&1)
mapfile -t got <<< "$out"
expect "the completion is bash's for dpf" "${got[0]:-}" "complete -F _dpf dpf"
expect "dpf imp -> import" "${got[1]:-}" "import"
expect "dpf import pe -> persons" "${got[2]:-}" "persons"
expect "dpf export persons --cat -> --category" "${got[3]:-}" "--category"
expect "dpf export persons --category -> the 7 categories" "${got[4]:-}" "视力 听力 言语 肢体 智力 精神 多重"
expect "dpf --db -> the files" "$(tr ' ' '\n' <<< "${got[5]:-}" | sort | tr '\n' ' ')" "a.db b.csv "
expect "dpf --lang e -> en" "${got[6]:-}" "en"
expect "dpf import persons -> the files" "$(tr ' ' '\n' <<< "${got[7]:-}" | sort | tr '\n' ' ')" "a.db b.csv "
expect "dpf subsidy approve --month -> nothing (a month)" "${got[8]:-}" ""
expect "dpf --db x.db sub -> subsidy" "${got[9]:-}" "subsidy"
[ "${got[10]:-}" != "" ] && [ "${got[10]:-}" = "$("$real" insurance move --help | grep -o -- '--to [^] ]*' | head -1 | cut -d' ' -f2 | tr '|' ' ')" ]
expect "dpf insurance move --to -> its codes" "$?" 0
expect "dpf help subsidy appr -> approve" "${got[11]:-}" "approve"

# Generated from the rows: every command and option of `dpf help --rows` is offered.
"$real" help --rows > "$work/rows"
missing=$(bash --norc --noprofile -c '
source "$1" || exit 1
t() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _dpf; }
while IFS=$'"'"'\t'"'"' read -r -a row; do
    g=${row[0]} n=${row[1]} words=(dpf)
    [ "$g" = - ] || words+=("$g")
    t "${words[@]}" "${n:0:2}"
    [[ " ${COMPREPLY[*]} " == *" $n "* ]] || echo "$g $n"
    words+=("$n")
    for ((k = 4; k < ${#row[@]}; k++)); do
        o=--${row[k]%%:*}
        t "${words[@]}" "${o:0:4}"
        [[ " ${COMPREPLY[*]} " == *" $o "* ]] || echo "$g $n $o"
    done
done < "$2"
' - "$comp" "$work/rows" 2>&1)
expect "every command and option of the rows is completed" "$missing" ""

mk uninstall
rc=$?
left=$(find "$dest" -type f | sed "s|^$dest||")
expect "make uninstall removes the pages and the completion" "$rc $left" "0 "

echo "help: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

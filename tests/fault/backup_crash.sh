#!/usr/bin/env bash
# Crash test of backups and restores: `kill -9` dpf at random moments of `backup --daily`
# and of `restore`, ROUNDS times each, on a register big enough that most kills land in the
# middle of the copy. After every kill:
# - backup: the folder holds only complete backups under final names (dpf-YYYY-MM-DD.db,
#   each passing integrity_check with dpf's application id), the earlier backup is still
#   there, and anything else is a hidden leftover folder (.dpf-*.db.XXXXXX) that counts for
#   nothing; the next run writes today's backup;
# - restore: the database passes dpf check and is all before (the marker written after the
#   backup, no restore) or all after (no marker, one restore row, every rolled-back row).
# Usage: backup_crash.sh BUILD_DIR [ROUNDS]. Prints the kills survived.
name="backup crash" rounds_default=25
. "$(dirname "$0")/lib.sh"
q() { sqlite3 "$1" "$2"; }

# The backup folder holds complete backups by their final names, and nothing else counts.
check_folder() {    # check_folder DIR ROUND
    local f
    for f in "$1"/* "$1"/.[!.]*; do
        [ -e "$f" ] || continue
        case $(basename "$f") in
        dpf-[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9].db)
            [ "$(q "$f" 'PRAGMA integrity_check')" = ok ] || fail "round $2: $f is not whole"
            [ "$(q "$f" 'PRAGMA application_id')" = 1146111537 ] || fail "round $2: $f is not dpf's"
            [ "$(stat -c %a "$f")" = 600 ] || fail "round $2: $f is not private";;
        .dpf-*.db.??????) [ -d "$f" ] || fail "round $2: $f is not a leftover folder";;
        *) fail "round $2: $f in the backup folder";;
        esac
    done
}

"$dpf" --db "$work/src.db" demo --persons "${PERSONS:-40000}" > /dev/null || fail "demo"
mkdir "$work/proto"
DPF_NOW="2026-06-29 10:00:00" "$dpf" --db "$work/src.db" backup --daily "$work/proto" > /dev/null ||
    fail "yesterday's backup"
t0=$(date +%s%N)
"$dpf" --db "$work/src.db" backup "$work/timed.db" > /dev/null || fail "backup"
backup_ms=$((($(date +%s%N) - t0) / 1000000))

leftovers=0 killed=0
for r in $(seq "$rounds"); do
    rm -rf "$work/bk"
    cp -a "$work/proto" "$work/bk"
    kill_at $((RANDOM % (backup_ms + 50))) "$dpf" --db "$work/src.db" backup --daily "$work/bk" --keep 7
    check_folder "$work/bk" "$r"
    [ -f "$work/bk/dpf-2026-06-29.db" ] || fail "round $r: yesterday's backup is gone"
    ls -A "$work/bk" | grep -q '^\.dpf-' && leftovers=$((leftovers + 1))
    "$dpf" --db "$work/src.db" backup --daily "$work/bk" --keep 7 > /dev/null || fail "round $r: next backup"
    check_folder "$work/bk" "$r"
    [ -f "$work/bk/dpf-2026-06-30.db" ] || fail "round $r: no backup of today after the next run"
    killed=$((killed + 1))
done
"$dpf" --db "$work/src.db" check > "$work/check.out" 2>&1 || { cat "$work/check.out"; fail "check of the source"; }

# Before: the backup, then a full export and a marker; after: the backup restored.
"$dpf" --db "$work/src.db" backup "$work/b.db" > /dev/null || fail "backup for restore"
"$dpf" --db "$work/src.db" export persons --full-id --out "$work/full.csv" > /dev/null
q "$work/src.db" "INSERT INTO setting (key, value) VALUES ('marker', 'before'); PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
cp "$work/src.db" "$work/r.db"
t0=$(date +%s%N)
"$dpf" --db "$work/r.db" restore "$work/b.db" > /dev/null || fail "restore"
restore_ms=$((($(date +%s%N) - t0) / 1000000))
rolled=$(q "$work/r.db" "SELECT count(*) FROM audit_rolled_back")
[ "$rolled" -ge 2 ] || fail "restore rolled back $rolled rows"

restored=0
for r in $(seq "$rounds"); do
    rm -rf "$work"/r.db*
    cp "$work/src.db" "$work/r.db"
    kill_at $((RANDOM % (restore_ms + 50))) "$dpf" --db "$work/r.db" restore "$work/b.db"
    "$dpf" --db "$work/r.db" check > "$work/check.out" 2>&1 || { cat "$work/check.out"; fail "check after restore kill $r"; }
    marker=$(q "$work/r.db" "SELECT count(*) FROM setting WHERE key = 'marker'")
    restores=$(q "$work/r.db" "SELECT count(*) FROM audit WHERE action = 'restore'")
    kept=$(q "$work/r.db" "SELECT count(*) FROM audit_rolled_back")
    if [ "$marker" = 1 ]; then
        [ "$restores" = 0 ] && [ "$kept" = 0 ] || fail "restore kill $r: marker with $restores restores, $kept rolled back"
    else
        [ "$restores" = 1 ] && [ "$kept" = "$rolled" ] || fail "restore kill $r: half restored ($restores restores, $kept of $rolled rolled back)"
        restored=$((restored + 1))
    fi
    killed=$((killed + 1))
done
# A killed restore leaves its private image folder (a copy of personal data); the next
# restore clears every one that no running restore holds.
images=$(ls -d "$work"/.dpf-restore-* 2>/dev/null | wc -l)
"$dpf" --db "$work/r.db" restore "$work/b.db" > /dev/null || fail "restore after the kills"
[ -z "$(ls -d "$work"/.dpf-restore-* 2>/dev/null)" ] || fail "a killed restore's folder is left"
echo "backup crash test: $killed kills survived ($rounds in a daily backup taking ${backup_ms} ms, $leftovers of which left a leftover folder that counted for nothing; $rounds in a restore taking ${restore_ms} ms, $restored of which had finished, $images image folders left and cleared by the next restore); every backup folder held only whole backups, every database passed dpf check and was all before or all after"

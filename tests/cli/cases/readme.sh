# README.md's example block, as written, after what `make run` does (the demo in demo.db in
# the folder it is run from; here $PWD/build holds no dpf, the test build is on PATH already).
dpf --db demo.db demo --persons 300 > /dev/null
sed -n '/<!-- readme-example/,/^```$/p' "$FIX/../../README.md" | sed '1,2d;$d' > example.sh
grep -c '^dpf ' example.sh
bash -e example.sh > out.txt 2>&1 || { cat out.txt; exit 1; }
grep -E '^持证残疾人：|^已导出' out.txt
[ "$(grep -c '^已导出' out.txt)" = 1 ]

# The import cases again with each CSV parsed in a child process that streams the records
# over a pipe, as an installed (setgid) dpf does (DPF_TEST_PARSE_CHILD=1, read by a test
# build only): the output, rejects and all, is the same byte for byte, so this case's .out is
# theirs one after another.
export DPF_TEST_PARSE_CHILD=1
for c in import_good import_bad import_encodings import_update hostile import_workbook; do
    mkdir "$c"
    (cd "$c" && bash -e "$FIX/../cli/cases/$c.sh")
done

# Chinese by default (C.UTF-8, as over SSH), also when the zh_CN locale is not installed;
# a locale naming another language is followed; --lang overrides both.
dpf --db r.db init > /dev/null
dpf --db r.db summary | head -1
LANG=zh_CN.UTF-8 dpf --db r.db summary | head -1
LANG=zh_TW.UTF-8 dpf --db r.db summary | head -1
LANG=en_US.UTF-8 dpf --db r.db summary | head -1
LANG=en_US.UTF-8 dpf --lang zh_CN --db r.db summary | head -1
dpf --lang en --db r.db person show 110105194912310021 || echo "exit $?"

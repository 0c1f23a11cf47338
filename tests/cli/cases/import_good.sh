# A good file imports whole; derived fields (gender, birth date from the ID) are filled;
# the summary and the masked person view reflect it.
dpf --db r.db init
dpf --db r.db import persons "$FIX/persons_good.csv" --new-places
dpf --db r.db person show 341503201501013034
dpf --db r.db person show 34150319650312101941 --full-id | head -3
dpf --db r.db summary | head -4
dpf --db r.db check

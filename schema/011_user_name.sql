-- A user's display name (张三), shown instead of the login on rosters (制表人), reports and
-- the history; NULL: the login is shown. Numbered 011 after the places' 010: each file only
-- adds, so the two apply in either order a branch met them.
ALTER TABLE app_user ADD COLUMN name TEXT;

-- Users and roles, and an append-only audit log.
-- A user is an OS login name; role 1 录入员 clerk, 2 审核员 reviewer, 3 领导 manager,
-- 4 管理员 admin. The first user to open a database without users becomes its admin.
CREATE TABLE app_user (
    login       TEXT PRIMARY KEY,
    role        INTEGER NOT NULL CHECK (role BETWEEN 1 AND 4),
    added_on    TEXT NOT NULL,
    added_by    TEXT NOT NULL
) WITHOUT ROWID;

-- Nothing in dpf changes or removes an audit row; these make sure nothing else does either
-- (short of rebuilding the file).
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- 0004: each source key keeps the company and title its source gave when last imported, so that a later import tells a
-- change in the source (a new job: update and record it) from your own edit of the contact (kept, nothing recorded).
-- Keys imported before this version have none and are compared as before.

ALTER TABLE "ContactSources" ADD "SeenCompany" character varying(200) NULL;
ALTER TABLE "ContactSources" ADD "SeenTitle" character varying(200) NULL;

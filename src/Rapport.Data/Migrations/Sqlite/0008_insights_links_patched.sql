-- 0008: links told and introductions are patched too (0007 patched the other ten tables): a write to "ContactLinks" or
-- "Introductions" no longer deletes the account's mark but notes the contacts of the row written, before and after
-- ("InsightsInputsChanges", table 11 or 12, the contact as the key). A load reads again every link and introduction of
-- those contacts, which settles every pair they are in: the link you told, or, for a pair told no longer, the occasions
-- behind an inferred link counted again (Rapport.App.Insights.InputsPatch). The rest is as in 0007: the writes are
-- counted on the mark, past 2000 the mark goes, the triggers run only while there is one, and a row noted already is
-- skipped by NOT EXISTS.

DROP TRIGGER "InsightsInputs_ContactLinks_Insert";
CREATE TRIGGER "InsightsInputs_ContactLinks_Insert" AFTER INSERT ON "ContactLinks"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT m."AccountId", 11, v."Key" FROM (SELECT new."ContactAId" AS "Key" UNION SELECT new."ContactBId") v
            JOIN "InsightsInputsMarks" m ON m."AccountId" = new."AccountId" AND m."Writes" <= 2000
        WHERE v."Key" IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 11 AND c."Key" = v."Key");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_ContactLinks_Delete";
CREATE TRIGGER "InsightsInputs_ContactLinks_Delete" AFTER DELETE ON "ContactLinks"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = old."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT m."AccountId", 11, v."Key" FROM (SELECT old."ContactAId" AS "Key" UNION SELECT old."ContactBId") v
            JOIN "InsightsInputsMarks" m ON m."AccountId" = old."AccountId" AND m."Writes" <= 2000
        WHERE v."Key" IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 11 AND c."Key" = v."Key");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_ContactLinks_Update";
CREATE TRIGGER "InsightsInputs_ContactLinks_Update" AFTER UPDATE ON "ContactLinks"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
    OR (old."AccountId" <> new."AccountId" AND EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"))
BEGIN
    DELETE FROM "InsightsInputsMarks" WHERE old."AccountId" <> new."AccountId" AND "AccountId" IN (old."AccountId", new."AccountId");
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT m."AccountId", 11, v."Key" FROM (SELECT old."ContactAId" AS "Key" UNION SELECT old."ContactBId" UNION SELECT new."ContactAId" UNION SELECT new."ContactBId") v
            JOIN "InsightsInputsMarks" m ON m."AccountId" = new."AccountId" AND m."Writes" <= 2000
        WHERE v."Key" IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 11 AND c."Key" = v."Key");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;

DROP TRIGGER "InsightsInputs_Introductions_Insert";
CREATE TRIGGER "InsightsInputs_Introductions_Insert" AFTER INSERT ON "Introductions"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT m."AccountId", 12, v."Key" FROM (SELECT new."IntroducerId" AS "Key" UNION SELECT new."PersonAId" UNION SELECT new."PersonBId") v
            JOIN "InsightsInputsMarks" m ON m."AccountId" = new."AccountId" AND m."Writes" <= 2000
        WHERE v."Key" IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 12 AND c."Key" = v."Key");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Introductions_Delete";
CREATE TRIGGER "InsightsInputs_Introductions_Delete" AFTER DELETE ON "Introductions"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = old."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT m."AccountId", 12, v."Key" FROM (SELECT old."IntroducerId" AS "Key" UNION SELECT old."PersonAId" UNION SELECT old."PersonBId") v
            JOIN "InsightsInputsMarks" m ON m."AccountId" = old."AccountId" AND m."Writes" <= 2000
        WHERE v."Key" IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 12 AND c."Key" = v."Key");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_Introductions_Update";
CREATE TRIGGER "InsightsInputs_Introductions_Update" AFTER UPDATE ON "Introductions"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
    OR (old."AccountId" <> new."AccountId" AND EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"))
BEGIN
    DELETE FROM "InsightsInputsMarks" WHERE old."AccountId" <> new."AccountId" AND "AccountId" IN (old."AccountId", new."AccountId");
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT m."AccountId", 12, v."Key" FROM (SELECT old."IntroducerId" AS "Key" UNION SELECT old."PersonAId" UNION SELECT old."PersonBId" UNION SELECT new."IntroducerId" UNION SELECT new."PersonAId" UNION SELECT new."PersonBId") v
            JOIN "InsightsInputsMarks" m ON m."AccountId" = new."AccountId" AND m."Writes" <= 2000
        WHERE v."Key" IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 12 AND c."Key" = v."Key");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;

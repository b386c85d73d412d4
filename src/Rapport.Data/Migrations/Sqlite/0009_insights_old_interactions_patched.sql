-- 0009: an interaction older than those the insights kept, edited, is patched too (0007 left it to a read of the
-- tables): the triggers on "InteractionParticipants" now note the contact of each row written as well (table 13, the
-- contact as the key), beside its interaction (table 4, as in 0007). A participant taken off an old meeting is gone
-- from the tables, so the contact noted here is what tells a load whose touches and meetings to read again
-- (Rapport.App.Insights.InputsPatch); those still taking part are read from the tables. The rest is as in 0007.

DROP TRIGGER "InsightsInputs_InteractionParticipants_Insert";
CREATE TRIGGER "InsightsInputs_InteractionParticipants_Insert" AFTER INSERT ON "InteractionParticipants"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT m."AccountId", 4, v."Key" FROM (SELECT new."InteractionId" AS "Key") v
            JOIN "InsightsInputsMarks" m ON m."AccountId" = new."AccountId" AND m."Writes" <= 2000
        WHERE v."Key" IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 4 AND c."Key" = v."Key");
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT m."AccountId", 13, v."Key" FROM (SELECT new."ContactId" AS "Key") v
            JOIN "InsightsInputsMarks" m ON m."AccountId" = new."AccountId" AND m."Writes" <= 2000
        WHERE v."Key" IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 13 AND c."Key" = v."Key");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_InteractionParticipants_Delete";
CREATE TRIGGER "InsightsInputs_InteractionParticipants_Delete" AFTER DELETE ON "InteractionParticipants"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId")
BEGIN
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = old."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT m."AccountId", 4, v."Key" FROM (SELECT old."InteractionId" AS "Key") v
            JOIN "InsightsInputsMarks" m ON m."AccountId" = old."AccountId" AND m."Writes" <= 2000
        WHERE v."Key" IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 4 AND c."Key" = v."Key");
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT m."AccountId", 13, v."Key" FROM (SELECT old."ContactId" AS "Key") v
            JOIN "InsightsInputsMarks" m ON m."AccountId" = old."AccountId" AND m."Writes" <= 2000
        WHERE v."Key" IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 13 AND c."Key" = v."Key");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId" AND "Writes" > 2000;
END;
DROP TRIGGER "InsightsInputs_InteractionParticipants_Update";
CREATE TRIGGER "InsightsInputs_InteractionParticipants_Update" AFTER UPDATE ON "InteractionParticipants"
WHEN EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId")
    OR (old."AccountId" <> new."AccountId" AND EXISTS (SELECT 1 FROM "InsightsInputsMarks" WHERE "AccountId" = old."AccountId"))
BEGIN
    DELETE FROM "InsightsInputsMarks" WHERE old."AccountId" <> new."AccountId" AND "AccountId" IN (old."AccountId", new."AccountId");
    UPDATE "InsightsInputsMarks" SET "Writes" = "Writes" + 1 WHERE "AccountId" = new."AccountId";
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT m."AccountId", 4, v."Key" FROM (SELECT old."InteractionId" AS "Key" UNION SELECT new."InteractionId") v
            JOIN "InsightsInputsMarks" m ON m."AccountId" = new."AccountId" AND m."Writes" <= 2000
        WHERE v."Key" IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 4 AND c."Key" = v."Key");
    INSERT INTO "InsightsInputsChanges" ("AccountId", "Tab", "Key")
        SELECT m."AccountId", 13, v."Key" FROM (SELECT old."ContactId" AS "Key" UNION SELECT new."ContactId") v
            JOIN "InsightsInputsMarks" m ON m."AccountId" = new."AccountId" AND m."Writes" <= 2000
        WHERE v."Key" IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM "InsightsInputsChanges" c WHERE c."AccountId" = m."AccountId" AND c."Tab" = 13 AND c."Key" = v."Key");
    DELETE FROM "InsightsInputsMarks" WHERE "AccountId" = new."AccountId" AND "Writes" > 2000;
END;

-- 0003: the indexes on a contact's introducer and where you met hold only the contacts that have one (a deletion's
-- lookup for "= id" still uses them), rather than a null entry for every contact an import brings in.

DROP INDEX "IX_Contacts_IntroducedById";
DROP INDEX "IX_Contacts_MetAtEventId";
DROP INDEX "IX_Contacts_MetAtOrganizationId";

CREATE INDEX "IX_Contacts_IntroducedById" ON "Contacts" ("IntroducedById") WHERE "IntroducedById" IS NOT NULL;
CREATE INDEX "IX_Contacts_MetAtEventId" ON "Contacts" ("MetAtEventId") WHERE "MetAtEventId" IS NOT NULL;
CREATE INDEX "IX_Contacts_MetAtOrganizationId" ON "Contacts" ("MetAtOrganizationId") WHERE "MetAtOrganizationId" IS NOT NULL;

-- 0003: fewer indexes to keep up on every write.
--
-- An index on AccountId alone is dropped wherever another index or key already starts with AccountId: that one serves
-- every account-wide read. The indexes on a contact's introducer and where you met are kept for the contacts that have
-- one (a deletion's lookup for "= id" still uses them) rather than for every contact.

DROP INDEX "IX_ContactCategories_AccountId";
DROP INDEX "IX_ContactDates_AccountId";
DROP INDEX "IX_ContactEmails_AccountId";
DROP INDEX "IX_ContactLinks_AccountId";
DROP INDEX "IX_ContactMerges_AccountId";
DROP INDEX "IX_ContactPhones_AccountId";
DROP INDEX "IX_ContactProfiles_AccountId";
DROP INDEX "IX_ContactSources_AccountId";
DROP INDEX "IX_ContactTags_AccountId";
DROP INDEX "IX_Contacts_AccountId";
DROP INDEX "IX_Contacts_IntroducedById";
DROP INDEX "IX_Contacts_MetAtEventId";
DROP INDEX "IX_Contacts_MetAtOrganizationId";
DROP INDEX "IX_Events_AccountId";
DROP INDEX "IX_Exchanges_AccountId";
DROP INDEX "IX_Interactions_AccountId";
DROP INDEX "IX_LifeEvents_AccountId";
DROP INDEX "IX_Memberships_AccountId";
DROP INDEX "IX_Opportunities_AccountId";
DROP INDEX "IX_Organizations_AccountId";
DROP INDEX "IX_PlanItemStates_AccountId";
DROP INDEX "IX_Reminders_AccountId";
DROP INDEX "IX_Settings_AccountId";
DROP INDEX "IX_Trips_AccountId";

CREATE INDEX "IX_Contacts_IntroducedById" ON "Contacts" ("IntroducedById") WHERE "IntroducedById" IS NOT NULL;
CREATE INDEX "IX_Contacts_MetAtEventId" ON "Contacts" ("MetAtEventId") WHERE "MetAtEventId" IS NOT NULL;
CREATE INDEX "IX_Contacts_MetAtOrganizationId" ON "Contacts" ("MetAtOrganizationId") WHERE "MetAtOrganizationId" IS NOT NULL;

CREATE TABLE "Accounts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Accounts" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);


CREATE TABLE "Collaborations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Collaborations" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Outcome" TEXT NULL,
    "StartedOn" TEXT NULL,
    "EndedOn" TEXT NULL
);


CREATE TABLE "Goals" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Goals" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "TargetRoles" TEXT NULL,
    "TargetIndustries" TEXT NULL,
    "TargetOrganizations" TEXT NULL,
    "TargetRelation" TEXT NOT NULL,
    "TargetCount" INTEGER NULL,
    "Deadline" TEXT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "DeletedAt" TEXT NULL
);


CREATE TABLE "Organizations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Organizations" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Industry" TEXT NULL,
    "City" TEXT NULL,
    "Website" TEXT NULL,
    "MeetingCadenceDays" INTEGER NULL,
    "Notes" TEXT NULL,
    "DeletedAt" TEXT NULL
);


CREATE TABLE "Settings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Settings" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "Value" TEXT NOT NULL
);


CREATE TABLE "GoalCheckIns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GoalCheckIns" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "GoalId" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    CONSTRAINT "FK_GoalCheckIns_Goals_GoalId" FOREIGN KEY ("GoalId") REFERENCES "Goals" ("Id") ON DELETE CASCADE
);


CREATE TABLE "GoalLinks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GoalLinks" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "GoalId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "TargetId" INTEGER NOT NULL,
    CONSTRAINT "FK_GoalLinks_Goals_GoalId" FOREIGN KEY ("GoalId") REFERENCES "Goals" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Events" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Events" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "StartsAt" TEXT NOT NULL,
    "EndsAt" TEXT NULL,
    "City" TEXT NULL,
    "Venue" TEXT NULL,
    "OrganizerId" INTEGER NULL,
    "Size" INTEGER NULL,
    "Cost" TEXT NULL,
    "MinutesSpent" INTEGER NULL,
    "Rating" INTEGER NULL,
    "Attending" INTEGER NOT NULL,
    "Notes" TEXT NULL,
    "DeletedAt" TEXT NULL,
    CONSTRAINT "FK_Events_Organizations_OrganizerId" FOREIGN KEY ("OrganizerId") REFERENCES "Organizations" ("Id") ON DELETE SET NULL
);


CREATE TABLE "Opportunities" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Opportunities" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "OrganizationId" INTEGER NULL,
    "Stage" TEXT NOT NULL,
    "Advertised" INTEGER NOT NULL,
    "OpenedOn" TEXT NOT NULL,
    "ClosedOn" TEXT NULL,
    "Notes" TEXT NULL,
    "DeletedAt" TEXT NULL,
    CONSTRAINT "FK_Opportunities_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE SET NULL
);


CREATE TABLE "Contacts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Contacts" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "GivenName" TEXT NULL,
    "FamilyName" TEXT NULL,
    "PhotoUrl" TEXT NULL,
    "Company" TEXT NULL,
    "Title" TEXT NULL,
    "Industry" TEXT NULL,
    "Function" TEXT NULL,
    "Seniority" TEXT NOT NULL,
    "City" TEXT NULL,
    "Country" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "Trust" INTEGER NOT NULL,
    "TierPin" TEXT NULL,
    "Closeness" REAL NULL,
    "KeyPlayer" INTEGER NOT NULL,
    "WantToMeet" INTEGER NOT NULL,
    "HowWeMet" TEXT NULL,
    "MetAtEventId" INTEGER NULL,
    "MetAtOrganizationId" INTEGER NULL,
    "IntroducedById" INTEGER NULL,
    "KnownSince" TEXT NULL,
    "SeniorityAtLastContact" TEXT NOT NULL,
    "Notes" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "DeletedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Contacts_Contacts_IntroducedById" FOREIGN KEY ("IntroducedById") REFERENCES "Contacts" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Contacts_Events_MetAtEventId" FOREIGN KEY ("MetAtEventId") REFERENCES "Events" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Contacts_Organizations_MetAtOrganizationId" FOREIGN KEY ("MetAtOrganizationId") REFERENCES "Organizations" ("Id") ON DELETE SET NULL
);


CREATE TABLE "Interactions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Interactions" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "OccurredAt" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "Direction" TEXT NOT NULL,
    "Purpose" TEXT NULL,
    "Notes" TEXT NULL,
    "Insight" TEXT NULL,
    "Source" TEXT NOT NULL,
    "ExternalKey" TEXT NULL,
    "EventId" INTEGER NULL,
    "DeletedAt" TEXT NULL,
    CONSTRAINT "FK_Interactions_Events_EventId" FOREIGN KEY ("EventId") REFERENCES "Events" ("Id") ON DELETE SET NULL
);


CREATE TABLE "Attendances" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Attendances" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "EventId" INTEGER NOT NULL,
    "ContactId" INTEGER NOT NULL,
    "Met" INTEGER NOT NULL,
    CONSTRAINT "FK_Attendances_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Attendances_Events_EventId" FOREIGN KEY ("EventId") REFERENCES "Events" ("Id") ON DELETE CASCADE
);


CREATE TABLE "CollaborationParticipants" (
    "CollaborationId" INTEGER NOT NULL,
    "ContactId" INTEGER NOT NULL,
    "AccountId" INTEGER NOT NULL,
    CONSTRAINT "PK_CollaborationParticipants" PRIMARY KEY ("CollaborationId", "ContactId"),
    CONSTRAINT "FK_CollaborationParticipants_Collaborations_CollaborationId" FOREIGN KEY ("CollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CollaborationParticipants_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ContactCategories" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContactCategories" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "ContactId" INTEGER NOT NULL,
    "Category" TEXT NOT NULL,
    CONSTRAINT "FK_ContactCategories_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ContactDates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContactDates" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "ContactId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Label" TEXT NULL,
    "Month" INTEGER NOT NULL,
    "Day" INTEGER NOT NULL,
    "Year" INTEGER NULL,
    CONSTRAINT "FK_ContactDates_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ContactEmails" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContactEmails" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "ContactId" INTEGER NOT NULL,
    "Address" TEXT NOT NULL,
    "Label" TEXT NULL,
    "IsPrimary" INTEGER NOT NULL,
    CONSTRAINT "FK_ContactEmails_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ContactLinks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContactLinks" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "ContactAId" INTEGER NOT NULL,
    "ContactBId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Strength" REAL NULL,
    "Inferred" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ContactLinks_Contacts_ContactAId" FOREIGN KEY ("ContactAId") REFERENCES "Contacts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ContactLinks_Contacts_ContactBId" FOREIGN KEY ("ContactBId") REFERENCES "Contacts" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ContactPhones" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContactPhones" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "ContactId" INTEGER NOT NULL,
    "Number" TEXT NOT NULL,
    "Label" TEXT NULL,
    CONSTRAINT "FK_ContactPhones_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ContactProfiles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContactProfiles" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "ContactId" INTEGER NOT NULL,
    "Network" TEXT NOT NULL,
    "Url" TEXT NOT NULL,
    CONSTRAINT "FK_ContactProfiles_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ContactSources" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContactSources" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "ContactId" INTEGER NOT NULL,
    "Source" TEXT NOT NULL,
    "ExternalKey" TEXT NOT NULL,
    "FirstSeenAt" TEXT NOT NULL,
    "LastSeenAt" TEXT NOT NULL,
    CONSTRAINT "FK_ContactSources_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE CASCADE
);


CREATE TABLE "ContactTags" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContactTags" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "ContactId" INTEGER NOT NULL,
    "Tag" TEXT NOT NULL,
    CONSTRAINT "FK_ContactTags_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Introductions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Introductions" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "IntroducerId" INTEGER NULL,
    "PersonAId" INTEGER NULL,
    "PersonBId" INTEGER NULL,
    "IntroducedOn" TEXT NOT NULL,
    "Outcome" TEXT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_Introductions_Contacts_IntroducerId" FOREIGN KEY ("IntroducerId") REFERENCES "Contacts" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Introductions_Contacts_PersonAId" FOREIGN KEY ("PersonAId") REFERENCES "Contacts" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Introductions_Contacts_PersonBId" FOREIGN KEY ("PersonBId") REFERENCES "Contacts" ("Id") ON DELETE SET NULL
);


CREATE TABLE "Invitations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Invitations" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "Minutes" INTEGER NOT NULL,
    "FromContactId" INTEGER NULL,
    "FromOrganizationId" INTEGER NULL,
    "EventId" INTEGER NULL,
    "Decision" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "DecidedAt" TEXT NULL,
    CONSTRAINT "FK_Invitations_Contacts_FromContactId" FOREIGN KEY ("FromContactId") REFERENCES "Contacts" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Invitations_Events_EventId" FOREIGN KEY ("EventId") REFERENCES "Events" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Invitations_Organizations_FromOrganizationId" FOREIGN KEY ("FromOrganizationId") REFERENCES "Organizations" ("Id") ON DELETE SET NULL
);


CREATE TABLE "LifeEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LifeEvents" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "ContactId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "OccurredOn" TEXT NOT NULL,
    "Note" TEXT NULL,
    "Detected" INTEGER NOT NULL,
    "AcknowledgedAt" TEXT NULL,
    CONSTRAINT "FK_LifeEvents_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Memberships" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Memberships" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "OrganizationId" INTEGER NOT NULL,
    "ContactId" INTEGER NULL,
    "Role" TEXT NOT NULL,
    "Title" TEXT NULL,
    "StartedOn" TEXT NULL,
    "EndedOn" TEXT NULL,
    CONSTRAINT "FK_Memberships_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Memberships_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);


CREATE TABLE "OpportunitySources" (
    "OpportunityId" INTEGER NOT NULL,
    "ContactId" INTEGER NOT NULL,
    "AccountId" INTEGER NOT NULL,
    CONSTRAINT "PK_OpportunitySources" PRIMARY KEY ("OpportunityId", "ContactId"),
    CONSTRAINT "FK_OpportunitySources_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_OpportunitySources_Opportunities_OpportunityId" FOREIGN KEY ("OpportunityId") REFERENCES "Opportunities" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Reminders" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Reminders" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "ContactId" INTEGER NOT NULL,
    "Due" TEXT NOT NULL,
    "Note" TEXT NULL,
    "DoneAt" TEXT NULL,
    CONSTRAINT "FK_Reminders_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Trips" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Trips" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "ContactId" INTEGER NULL,
    "City" TEXT NOT NULL,
    "From" TEXT NOT NULL,
    "To" TEXT NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_Trips_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Exchanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Exchanges" PRIMARY KEY AUTOINCREMENT,
    "AccountId" INTEGER NOT NULL,
    "ContactId" INTEGER NOT NULL,
    "Direction" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "OccurredOn" TEXT NOT NULL,
    "InteractionId" INTEGER NULL,
    "OpportunityId" INTEGER NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_Exchanges_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Exchanges_Interactions_InteractionId" FOREIGN KEY ("InteractionId") REFERENCES "Interactions" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Exchanges_Opportunities_OpportunityId" FOREIGN KEY ("OpportunityId") REFERENCES "Opportunities" ("Id") ON DELETE SET NULL
);


CREATE TABLE "InteractionParticipants" (
    "InteractionId" INTEGER NOT NULL,
    "ContactId" INTEGER NOT NULL,
    "AccountId" INTEGER NOT NULL,
    CONSTRAINT "PK_InteractionParticipants" PRIMARY KEY ("InteractionId", "ContactId"),
    CONSTRAINT "FK_InteractionParticipants_Contacts_ContactId" FOREIGN KEY ("ContactId") REFERENCES "Contacts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_InteractionParticipants_Interactions_InteractionId" FOREIGN KEY ("InteractionId") REFERENCES "Interactions" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_Attendances_AccountId" ON "Attendances" ("AccountId");


CREATE INDEX "IX_Attendances_ContactId" ON "Attendances" ("ContactId");


CREATE UNIQUE INDEX "IX_Attendances_EventId_ContactId" ON "Attendances" ("EventId", "ContactId");


CREATE INDEX "IX_CollaborationParticipants_AccountId" ON "CollaborationParticipants" ("AccountId");


CREATE INDEX "IX_CollaborationParticipants_ContactId" ON "CollaborationParticipants" ("ContactId");


CREATE INDEX "IX_Collaborations_AccountId" ON "Collaborations" ("AccountId");


CREATE INDEX "IX_ContactCategories_AccountId" ON "ContactCategories" ("AccountId");


CREATE INDEX "IX_ContactCategories_AccountId_Category" ON "ContactCategories" ("AccountId", "Category");


CREATE UNIQUE INDEX "IX_ContactCategories_ContactId_Category" ON "ContactCategories" ("ContactId", "Category");


CREATE INDEX "IX_ContactDates_AccountId" ON "ContactDates" ("AccountId");


CREATE INDEX "IX_ContactDates_AccountId_Month_Day" ON "ContactDates" ("AccountId", "Month", "Day");


CREATE INDEX "IX_ContactDates_ContactId" ON "ContactDates" ("ContactId");


CREATE INDEX "IX_ContactEmails_AccountId" ON "ContactEmails" ("AccountId");


CREATE UNIQUE INDEX "IX_ContactEmails_AccountId_Address" ON "ContactEmails" ("AccountId", "Address");


CREATE INDEX "IX_ContactEmails_ContactId" ON "ContactEmails" ("ContactId");


CREATE INDEX "IX_ContactLinks_AccountId" ON "ContactLinks" ("AccountId");


CREATE UNIQUE INDEX "IX_ContactLinks_AccountId_ContactAId_ContactBId" ON "ContactLinks" ("AccountId", "ContactAId", "ContactBId");


CREATE INDEX "IX_ContactLinks_ContactAId" ON "ContactLinks" ("ContactAId");


CREATE INDEX "IX_ContactLinks_ContactBId" ON "ContactLinks" ("ContactBId");


CREATE INDEX "IX_ContactPhones_AccountId" ON "ContactPhones" ("AccountId");


CREATE INDEX "IX_ContactPhones_AccountId_Number" ON "ContactPhones" ("AccountId", "Number");


CREATE INDEX "IX_ContactPhones_ContactId" ON "ContactPhones" ("ContactId");


CREATE INDEX "IX_ContactProfiles_AccountId" ON "ContactProfiles" ("AccountId");


CREATE INDEX "IX_ContactProfiles_AccountId_Url" ON "ContactProfiles" ("AccountId", "Url");


CREATE INDEX "IX_ContactProfiles_ContactId" ON "ContactProfiles" ("ContactId");


CREATE INDEX "IX_Contacts_AccountId" ON "Contacts" ("AccountId");


CREATE INDEX "IX_Contacts_AccountId_City" ON "Contacts" ("AccountId", "City");


CREATE INDEX "IX_Contacts_AccountId_Company" ON "Contacts" ("AccountId", "Company");


CREATE INDEX "IX_Contacts_AccountId_DisplayName" ON "Contacts" ("AccountId", "DisplayName");


CREATE INDEX "IX_Contacts_IntroducedById" ON "Contacts" ("IntroducedById");


CREATE INDEX "IX_Contacts_MetAtEventId" ON "Contacts" ("MetAtEventId");


CREATE INDEX "IX_Contacts_MetAtOrganizationId" ON "Contacts" ("MetAtOrganizationId");


CREATE INDEX "IX_ContactSources_AccountId" ON "ContactSources" ("AccountId");


CREATE UNIQUE INDEX "IX_ContactSources_AccountId_Source_ExternalKey" ON "ContactSources" ("AccountId", "Source", "ExternalKey");


CREATE INDEX "IX_ContactSources_ContactId" ON "ContactSources" ("ContactId");


CREATE INDEX "IX_ContactTags_AccountId" ON "ContactTags" ("AccountId");


CREATE INDEX "IX_ContactTags_AccountId_Tag" ON "ContactTags" ("AccountId", "Tag");


CREATE UNIQUE INDEX "IX_ContactTags_ContactId_Tag" ON "ContactTags" ("ContactId", "Tag");


CREATE INDEX "IX_Events_AccountId" ON "Events" ("AccountId");


CREATE INDEX "IX_Events_AccountId_StartsAt" ON "Events" ("AccountId", "StartsAt");


CREATE INDEX "IX_Events_OrganizerId" ON "Events" ("OrganizerId");


CREATE INDEX "IX_Exchanges_AccountId" ON "Exchanges" ("AccountId");


CREATE INDEX "IX_Exchanges_AccountId_ContactId_OccurredOn" ON "Exchanges" ("AccountId", "ContactId", "OccurredOn");


CREATE INDEX "IX_Exchanges_ContactId" ON "Exchanges" ("ContactId");


CREATE INDEX "IX_Exchanges_InteractionId" ON "Exchanges" ("InteractionId");


CREATE INDEX "IX_Exchanges_OpportunityId" ON "Exchanges" ("OpportunityId");


CREATE INDEX "IX_GoalCheckIns_AccountId" ON "GoalCheckIns" ("AccountId");


CREATE INDEX "IX_GoalCheckIns_GoalId" ON "GoalCheckIns" ("GoalId");


CREATE INDEX "IX_GoalLinks_AccountId" ON "GoalLinks" ("AccountId");


CREATE UNIQUE INDEX "IX_GoalLinks_GoalId_Kind_TargetId" ON "GoalLinks" ("GoalId", "Kind", "TargetId");


CREATE INDEX "IX_Goals_AccountId" ON "Goals" ("AccountId");


CREATE INDEX "IX_InteractionParticipants_AccountId" ON "InteractionParticipants" ("AccountId");


CREATE INDEX "IX_InteractionParticipants_ContactId" ON "InteractionParticipants" ("ContactId");


CREATE INDEX "IX_Interactions_AccountId" ON "Interactions" ("AccountId");


CREATE INDEX "IX_Interactions_AccountId_ExternalKey" ON "Interactions" ("AccountId", "ExternalKey");


CREATE INDEX "IX_Interactions_AccountId_OccurredAt" ON "Interactions" ("AccountId", "OccurredAt");


CREATE INDEX "IX_Interactions_EventId" ON "Interactions" ("EventId");


CREATE INDEX "IX_Introductions_AccountId" ON "Introductions" ("AccountId");


CREATE INDEX "IX_Introductions_IntroducerId" ON "Introductions" ("IntroducerId");


CREATE INDEX "IX_Introductions_PersonAId" ON "Introductions" ("PersonAId");


CREATE INDEX "IX_Introductions_PersonBId" ON "Introductions" ("PersonBId");


CREATE INDEX "IX_Invitations_AccountId" ON "Invitations" ("AccountId");


CREATE INDEX "IX_Invitations_EventId" ON "Invitations" ("EventId");


CREATE INDEX "IX_Invitations_FromContactId" ON "Invitations" ("FromContactId");


CREATE INDEX "IX_Invitations_FromOrganizationId" ON "Invitations" ("FromOrganizationId");


CREATE INDEX "IX_LifeEvents_AccountId" ON "LifeEvents" ("AccountId");


CREATE INDEX "IX_LifeEvents_AccountId_OccurredOn" ON "LifeEvents" ("AccountId", "OccurredOn");


CREATE INDEX "IX_LifeEvents_ContactId" ON "LifeEvents" ("ContactId");


CREATE INDEX "IX_Memberships_AccountId" ON "Memberships" ("AccountId");


CREATE INDEX "IX_Memberships_AccountId_OrganizationId" ON "Memberships" ("AccountId", "OrganizationId");


CREATE INDEX "IX_Memberships_ContactId" ON "Memberships" ("ContactId");


CREATE INDEX "IX_Memberships_OrganizationId" ON "Memberships" ("OrganizationId");


CREATE INDEX "IX_Opportunities_AccountId" ON "Opportunities" ("AccountId");


CREATE INDEX "IX_Opportunities_AccountId_Stage" ON "Opportunities" ("AccountId", "Stage");


CREATE INDEX "IX_Opportunities_OrganizationId" ON "Opportunities" ("OrganizationId");


CREATE INDEX "IX_OpportunitySources_AccountId" ON "OpportunitySources" ("AccountId");


CREATE INDEX "IX_OpportunitySources_ContactId" ON "OpportunitySources" ("ContactId");


CREATE INDEX "IX_Organizations_AccountId" ON "Organizations" ("AccountId");


CREATE INDEX "IX_Organizations_AccountId_Name" ON "Organizations" ("AccountId", "Name");


CREATE INDEX "IX_Reminders_AccountId" ON "Reminders" ("AccountId");


CREATE INDEX "IX_Reminders_AccountId_Due" ON "Reminders" ("AccountId", "Due");


CREATE INDEX "IX_Reminders_ContactId" ON "Reminders" ("ContactId");


CREATE INDEX "IX_Settings_AccountId" ON "Settings" ("AccountId");


CREATE UNIQUE INDEX "IX_Settings_AccountId_Key" ON "Settings" ("AccountId", "Key");


CREATE INDEX "IX_Trips_AccountId" ON "Trips" ("AccountId");


CREATE INDEX "IX_Trips_AccountId_From" ON "Trips" ("AccountId", "From");


CREATE INDEX "IX_Trips_ContactId" ON "Trips" ("ContactId");



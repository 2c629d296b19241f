DROP DATABASE IF EXISTS plans; CREATE DATABASE plans;
\c plans
CREATE TABLE "Parties"("Id" text PRIMARY KEY, "OwnerPartyId" text NOT NULL, "Name" text COLLATE "C" NOT NULL, "IsMember" bool NOT NULL);
CREATE INDEX ON "Parties"("OwnerPartyId","Name","Id");
CREATE TABLE "Relationships"("Id" text PRIMARY KEY, "FromPartyId" text, "ToPartyId" text, "Kind" text, "Since" timestamptz, "Until" timestamptz, "OwnerPartyId" text);
CREATE INDEX ON "Relationships"("FromPartyId","Kind"); CREATE INDEX ON "Relationships"("ToPartyId","Kind"); CREATE INDEX rel_owner_kind ON "Relationships"("OwnerPartyId","Kind");
INSERT INTO "Parties" SELECT 'Y'||i, 'O000', CASE WHEN i % 2500 = 0 THEN 'Zz '||i ELSE 'Name '||lpad(((i*7919)%100000)::text,6,'0') END, false FROM generate_series(1,100000) i;
INSERT INTO "Parties" VALUES ('O000','O000','Owner Org',true);
INSERT INTO "Relationships" SELECT 'R'||"Id", "Id", 'O000', CASE WHEN "Name" LIKE 'Zz %' THEN 'customer-of' ELSE 'knows' END, '2026-01-01', NULL, 'O000' FROM "Parties" WHERE "Id" <> 'O000';
CREATE TABLE "Leads"("Id" text PRIMARY KEY, "OwnerPartyId" text, "AssignedPartnerPartyId" text, "Status" text, "CreatedAt" timestamptz, "Value" numeric);
CREATE INDEX ON "Leads"("OwnerPartyId","CreatedAt","Id"); CREATE INDEX ON "Leads"("AssignedPartnerPartyId","Status","CreatedAt","Id");
INSERT INTO "Leads" SELECT 'L'||i, 'O'||(i%50), CASE WHEN i%7=0 THEN NULL ELSE 'P'||(i%200) END, (ARRAY['won','lost','accepted','offered','unassigned'])[1+i%5], '2026-01-01'::timestamptz + (i||' minutes')::interval, i FROM generate_series(1,100000) i;
ANALYZE;
\timing on
\echo == role BEFORE
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) SELECT * FROM "Parties" p WHERE (p."OwnerPartyId"='O000' OR p."Id"='O000' OR p."IsMember") AND EXISTS (SELECT 1 FROM "Relationships" r WHERE (r."OwnerPartyId"='O000' OR r."FromPartyId"='O000' OR r."ToPartyId"='O000') AND r."Since" <= now() AND (r."Until" IS NULL OR r."Until" > now()) AND ((r."FromPartyId" = p."Id" AND r."Kind" = ANY('{customer-of}')) OR (r."ToPartyId" = p."Id" AND r."Kind" = ANY('{}')))) AND p."OwnerPartyId"='O000' ORDER BY p."Name", p."Id" LIMIT 51;
\echo == role AFTER probe
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) SELECT t."Id" FROM (
 SELECT r."FromPartyId" AS "Id" FROM "Relationships" r WHERE (r."OwnerPartyId"='O000' OR r."FromPartyId"='O000' OR r."ToPartyId"='O000') AND r."Since" <= now() AND (r."Until" IS NULL OR r."Until" > now()) AND r."Kind" = ANY('{customer-of}') AND r."OwnerPartyId"='O000'
 UNION ALL SELECT r."FromPartyId" FROM "Relationships" r WHERE (r."OwnerPartyId"='O000' OR r."FromPartyId"='O000' OR r."ToPartyId"='O000') AND r."Since" <= now() AND (r."Until" IS NULL OR r."Until" > now()) AND r."Kind" = ANY('{customer-of}') AND r."FromPartyId" IN ('O000','none')
 UNION ALL SELECT r."FromPartyId" FROM "Relationships" r WHERE (r."OwnerPartyId"='O000' OR r."FromPartyId"='O000' OR r."ToPartyId"='O000') AND r."Since" <= now() AND (r."Until" IS NULL OR r."Until" > now()) AND r."Kind" = ANY('{customer-of}') AND r."ToPartyId" IN ('O000','none')
) t WHERE EXISTS (SELECT 1 FROM "Parties" p WHERE p."Id" = t."Id" AND (p."OwnerPartyId"='O000' OR p."Id"='O000')) LIMIT 2001;
\echo == role AFTER page by key
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) SELECT * FROM "Parties" p WHERE (p."OwnerPartyId"='O000' OR p."Id"='O000' OR p."IsMember") AND p."Id" = ANY(ARRAY(SELECT "FromPartyId" FROM "Relationships" WHERE "Kind"='customer-of')) AND (p."OwnerPartyId"='O000' OR p."Id"='O000') ORDER BY p."Name", p."Id" LIMIT 51;
\echo == leads BEFORE
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) SELECT * FROM "Leads" l WHERE l."OwnerPartyId"='O1' OR l."AssignedPartnerPartyId"='O1' ORDER BY l."CreatedAt" DESC, l."Id" DESC LIMIT 51;
CREATE INDEX ON "Leads"("AssignedPartnerPartyId","CreatedAt","Id"); ANALYZE "Leads";
\echo == leads AFTER owner side, partner side
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) SELECT * FROM "Leads" l WHERE (l."OwnerPartyId"='O1' OR l."AssignedPartnerPartyId"='O1') AND l."OwnerPartyId"='O1' ORDER BY l."CreatedAt" DESC, l."Id" DESC LIMIT 51;
EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) SELECT * FROM "Leads" l WHERE (l."OwnerPartyId"='P1' OR l."AssignedPartnerPartyId"='P1') AND l."AssignedPartnerPartyId"='P1' AND l."OwnerPartyId"<>'P1' ORDER BY l."CreatedAt" DESC, l."Id" DESC LIMIT 51;

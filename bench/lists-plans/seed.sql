CREATE TABLE Leads(Id TEXT PRIMARY KEY, OwnerPartyId TEXT NOT NULL, AssignedPartnerPartyId TEXT, Status TEXT NOT NULL, CreatedAt TEXT NOT NULL, Value REAL, WonValue REAL, Title TEXT);
CREATE INDEX IX_Leads_OwnerPartyId_CreatedAt_Id ON Leads(OwnerPartyId, CreatedAt, Id);
CREATE INDEX IX_Leads_OwnerPartyId_Status_CreatedAt_Id ON Leads(OwnerPartyId, Status, CreatedAt, Id);
CREATE INDEX IX_Leads_AssignedPartnerPartyId_Status_CreatedAt_Id ON Leads(AssignedPartnerPartyId, Status, CreatedAt, Id);
CREATE INDEX IX_Leads_Status_AcceptBy ON Leads(Status, CreatedAt);
CREATE TABLE Orders(Id TEXT PRIMARY KEY, CustomerPartyId TEXT NOT NULL, SellerPartyId TEXT NOT NULL, PartnerPartyId TEXT, Status TEXT NOT NULL, CreatedAt TEXT NOT NULL, Total REAL);
CREATE INDEX IX_Orders_CustomerPartyId_Status_CreatedAt_Id ON Orders(CustomerPartyId, Status, CreatedAt, Id);
CREATE INDEX IX_Orders_SellerPartyId_Status_CreatedAt_Id ON Orders(SellerPartyId, Status, CreatedAt, Id);
CREATE INDEX IX_Orders_PartnerPartyId_Status_CreatedAt_Id ON Orders(PartnerPartyId, Status, CreatedAt, Id);
CREATE INDEX IX_Orders_SellerPartyId_PartnerPartyId_Status ON Orders(SellerPartyId, PartnerPartyId, Status);
CREATE TABLE Products(Id TEXT PRIMARY KEY, OwnerPartyId TEXT NOT NULL, Active INTEGER NOT NULL, Name TEXT NOT NULL, Sku TEXT, SearchText TEXT);
CREATE UNIQUE INDEX IX_Products_OwnerPartyId_Sku ON Products(OwnerPartyId, Sku);
CREATE INDEX IX_Products_OwnerPartyId_Name_Id ON Products(OwnerPartyId, Name, Id);
CREATE INDEX IX_Products_Active_Name_Id ON Products(Active, Name, Id);
CREATE TABLE Parties(Id TEXT PRIMARY KEY, OwnerPartyId TEXT NOT NULL, Name TEXT NOT NULL, IsMember INTEGER NOT NULL, Tags TEXT);
CREATE INDEX IX_Parties_OwnerPartyId_Name_Id ON Parties(OwnerPartyId, Name, Id);
CREATE INDEX IX_Parties_IsMember_Name_Id ON Parties(IsMember, Name, Id);
CREATE TABLE Relationships(Id TEXT PRIMARY KEY, FromPartyId TEXT NOT NULL, ToPartyId TEXT NOT NULL, Kind TEXT NOT NULL, Since TEXT NOT NULL, Until TEXT, OwnerPartyId TEXT NOT NULL);
CREATE INDEX IX_Relationships_FromPartyId_Kind ON Relationships(FromPartyId, Kind);
CREATE INDEX IX_Relationships_ToPartyId_Kind ON Relationships(ToPartyId, Kind);
CREATE INDEX IX_Relationships_OwnerPartyId ON Relationships(OwnerPartyId);
-- 100k leads over 50 owners and 200 partners; 100k orders; 100k products over 100 sellers (2% withdrawn)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 100000)
INSERT INTO Leads SELECT printf('L%08d', i), printf('O%03d', i % 50), CASE WHEN i % 7 = 0 THEN NULL ELSE printf('P%03d', i % 200) END,
  CASE i % 5 WHEN 0 THEN 'won' WHEN 1 THEN 'lost' WHEN 2 THEN 'accepted' WHEN 3 THEN 'offered' ELSE 'unassigned' END,
  printf('2026-%02d-%02d %02d:%02d:%02d', 1 + i % 11, 1 + i % 28, i % 24, i % 60, i % 59), i, NULL, 'Lead ' || i FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 100000)
INSERT INTO Orders SELECT printf('R%08d', i), printf('C%05d', i % 20000), printf('O%03d', i % 50), printf('P%03d', i % 200), CASE i % 3 WHEN 0 THEN 'delivered' ELSE 'handed-off' END,
  printf('2026-%02d-%02d %02d:%02d:%02d', 1 + i % 11, 1 + i % 28, i % 24, i % 60, i % 59), i FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 100000)
INSERT INTO Products SELECT printf('X%08d', i), printf('O%03d', i % 100), CASE WHEN i % 50 = 0 THEN 0 ELSE 1 END, printf('Product %05d', (i * 7919) % 100000), 'SKU' || i, lower(printf('product %05d sku%d', (i * 7919) % 100000, i)) FROM n;
-- a book of 100k parties owned by O000, 40 of them customers sorting last; everyone else 'knows' the owner
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 100000)
INSERT INTO Parties SELECT printf('Y%08d', i), 'O000', CASE WHEN i % 2500 = 0 THEN 'Zz ' || i ELSE printf('Name %06d', (i * 7919) % 100000) END, 0, '[]' FROM n;
INSERT INTO Parties VALUES('O000', 'O000', 'Owner Org', 1, '[]');
INSERT INTO Relationships SELECT 'R' || Id, Id, 'O000', CASE WHEN Name LIKE 'Zz %' THEN 'customer-of' ELSE 'knows' END, '2026-01-01', NULL, 'O000' FROM Parties WHERE Id <> 'O000';
ANALYZE;

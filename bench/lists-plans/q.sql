.parameter set @sys 0
.parameter set @in 1
.parameter set @me "'P001'"
.parameter set @yes 1
.parameter set @no 0
.parameter set @now "'2026-11-24'"
.timer on
.print '== leads BEFORE (filter OR, order by CreatedAt)'
EXPLAIN QUERY PLAN SELECT * FROM Leads l WHERE @sys OR (@in AND (l.OwnerPartyId = @me OR l.AssignedPartnerPartyId = @me)) ORDER BY l.CreatedAt DESC, l.Id DESC LIMIT 51;
SELECT count(*) FROM (SELECT * FROM Leads l WHERE @sys OR (@in AND (l.OwnerPartyId = @me OR l.AssignedPartnerPartyId = @me)) ORDER BY l.CreatedAt DESC, l.Id DESC LIMIT 51);
.print '== leads AFTER owner side / partner side'
EXPLAIN QUERY PLAN SELECT * FROM Leads l WHERE (@sys OR (@in AND (l.OwnerPartyId = @me OR l.AssignedPartnerPartyId = @me))) AND l.OwnerPartyId = @me ORDER BY l.CreatedAt DESC, l.Id DESC LIMIT 51;
EXPLAIN QUERY PLAN SELECT * FROM Leads l WHERE (@sys OR (@in AND (l.OwnerPartyId = @me OR l.AssignedPartnerPartyId = @me))) AND l.AssignedPartnerPartyId = @me AND l.OwnerPartyId <> @me ORDER BY l.CreatedAt DESC, l.Id DESC LIMIT 51;
SELECT count(*) FROM (SELECT * FROM Leads l WHERE (@sys OR (@in AND (l.OwnerPartyId = @me OR l.AssignedPartnerPartyId = @me))) AND l.OwnerPartyId = @me ORDER BY l.CreatedAt DESC, l.Id DESC LIMIT 51);
SELECT count(*) FROM (SELECT * FROM Leads l WHERE (@sys OR (@in AND (l.OwnerPartyId = @me OR l.AssignedPartnerPartyId = @me))) AND l.AssignedPartnerPartyId = @me AND l.OwnerPartyId <> @me ORDER BY l.CreatedAt DESC, l.Id DESC LIMIT 51);
.print '== pipeline'
EXPLAIN QUERY PLAN SELECT AssignedPartnerPartyId, Status, count(*), sum(coalesce(Value,0)), sum(coalesce(WonValue,0)) FROM Leads l WHERE (@sys OR (@in AND (l.OwnerPartyId = @me OR l.AssignedPartnerPartyId = @me))) AND l.OwnerPartyId = @me GROUP BY AssignedPartnerPartyId, Status;
SELECT count(*) FROM (SELECT AssignedPartnerPartyId, Status, count(*), sum(coalesce(Value,0)), sum(coalesce(WonValue,0)) FROM Leads l WHERE (@sys OR (@in AND (l.OwnerPartyId = @me OR l.AssignedPartnerPartyId = @me))) AND l.OwnerPartyId = @me GROUP BY AssignedPartnerPartyId, Status);
.print '== orders BEFORE'
EXPLAIN QUERY PLAN SELECT * FROM Orders o WHERE @sys OR (@in AND (o.CustomerPartyId = @me OR o.SellerPartyId = @me OR o.PartnerPartyId = @me)) ORDER BY o.CreatedAt DESC, o.Id DESC LIMIT 51;
SELECT count(*) FROM (SELECT * FROM Orders o WHERE @sys OR (@in AND (o.CustomerPartyId = @me OR o.SellerPartyId = @me OR o.PartnerPartyId = @me)) ORDER BY o.CreatedAt DESC, o.Id DESC LIMIT 51);
.print '== orders AFTER (seller side shown; customer and partner alike)'
EXPLAIN QUERY PLAN SELECT * FROM Orders o WHERE (@sys OR (@in AND (o.CustomerPartyId = @me OR o.SellerPartyId = @me OR o.PartnerPartyId = @me))) AND o.SellerPartyId = @me AND o.CustomerPartyId <> @me ORDER BY o.CreatedAt DESC, o.Id DESC LIMIT 51;
SELECT count(*) FROM (SELECT * FROM Orders o WHERE (@sys OR (@in AND (o.CustomerPartyId = @me OR o.SellerPartyId = @me OR o.PartnerPartyId = @me))) AND o.SellerPartyId = @me AND o.CustomerPartyId <> @me ORDER BY o.CreatedAt DESC, o.Id DESC LIMIT 51);
.print '== products BEFORE'
EXPLAIN QUERY PLAN SELECT * FROM Products p WHERE @sys OR (@in AND (p.OwnerPartyId = @me OR p.Active)) ORDER BY p.Name, p.Id LIMIT 51;
SELECT count(*) FROM (SELECT * FROM Products p WHERE @sys OR (@in AND (p.OwnerPartyId = @me OR p.Active)) ORDER BY p.Name, p.Id LIMIT 51);
.print '== products AFTER active / own withdrawn'
EXPLAIN QUERY PLAN SELECT * FROM Products p WHERE (@sys OR (@in AND (p.OwnerPartyId = @me OR p.Active))) AND p.Active = @yes ORDER BY p.Name, p.Id LIMIT 51;
EXPLAIN QUERY PLAN SELECT * FROM Products p WHERE (@sys OR (@in AND (p.OwnerPartyId = @me OR p.Active))) AND p.OwnerPartyId = @me AND p.Active = @no ORDER BY p.Name, p.Id LIMIT 51;
SELECT count(*) FROM (SELECT * FROM Products p WHERE (@sys OR (@in AND (p.OwnerPartyId = @me OR p.Active))) AND p.Active = @yes ORDER BY p.Name, p.Id LIMIT 51);
SELECT count(*) FROM (SELECT * FROM Products p WHERE (@sys OR (@in AND (p.OwnerPartyId = @me OR p.Active))) AND p.OwnerPartyId = @me AND p.Active = @no ORDER BY p.Name, p.Id LIMIT 51);
.print '== products q AFTER (active side)'
EXPLAIN QUERY PLAN SELECT * FROM Products p WHERE (@sys OR (@in AND (p.OwnerPartyId = @me OR p.Active))) AND p.SearchText LIKE '%12%' AND p.Active = @yes ORDER BY p.Name, p.Id LIMIT 51;
SELECT count(*) FROM (SELECT * FROM Products p WHERE (@sys OR (@in AND (p.OwnerPartyId = @me OR p.Active))) AND p.SearchText LIKE '%12%' AND p.Active = @yes ORDER BY p.Name, p.Id LIMIT 51);
.print '== role BEFORE (book walk with EXISTS), actor O000, 40 customers of 100k sort last'
.parameter set @me "'O000'"
.parameter set @person 'none'
EXPLAIN QUERY PLAN SELECT * FROM Parties p WHERE (@sys OR (@in AND (p.OwnerPartyId = @me OR p.Id = @me OR p.Id = @person OR p.IsMember))) AND EXISTS (SELECT 1 FROM Relationships r WHERE (@sys OR (@in AND (r.OwnerPartyId = @me OR r.FromPartyId = @me OR r.ToPartyId = @me OR r.FromPartyId = @person OR r.ToPartyId = @person))) AND r.Since <= @now AND (r.Until IS NULL OR r.Until > @now) AND r.FromPartyId = p.Id AND r.Kind IN ('customer-of')) AND p.OwnerPartyId = @me ORDER BY p.Name, p.Id LIMIT 51;
SELECT count(*) FROM (SELECT * FROM Parties p WHERE (@sys OR (@in AND (p.OwnerPartyId = @me OR p.Id = @me OR p.Id = @person OR p.IsMember))) AND EXISTS (SELECT 1 FROM Relationships r WHERE (@sys OR (@in AND (r.OwnerPartyId = @me OR r.FromPartyId = @me OR r.ToPartyId = @me OR r.FromPartyId = @person OR r.ToPartyId = @person))) AND r.Since <= @now AND (r.Until IS NULL OR r.Until > @now) AND r.FromPartyId = p.Id AND r.Kind IN ('customer-of')) AND p.OwnerPartyId = @me ORDER BY p.Name, p.Id LIMIT 51);

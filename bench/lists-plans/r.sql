.parameter set @sys 0
.parameter set @in 1
.parameter set @me "'O000'"
.parameter set @person "'none'"
.parameter set @now "'2026-11-24'"
.timer on
.print '== role BEFORE (book walk with EXISTS), actor O000, 40 customers of 100k sort last'
SELECT count(*) FROM (SELECT * FROM Parties p WHERE (@sys OR (@in AND (p.OwnerPartyId = @me OR p.Id = @me OR p.Id = @person OR p.IsMember))) AND EXISTS (SELECT 1 FROM Relationships r WHERE (@sys OR (@in AND (r.OwnerPartyId = @me OR r.FromPartyId = @me OR r.ToPartyId = @me OR r.FromPartyId = @person OR r.ToPartyId = @person))) AND r.Since <= @now AND (r.Until IS NULL OR r.Until > @now) AND r.FromPartyId = p.Id AND r.Kind IN ('customer-of')) AND p.OwnerPartyId = @me ORDER BY p.Name, p.Id LIMIT 51);
.print '== role AFTER probe (relationships side, to be run against each index set)'
EXPLAIN QUERY PLAN SELECT r.FromPartyId FROM Relationships r WHERE (@sys OR (@in AND (r.OwnerPartyId = @me OR r.FromPartyId = @me OR r.ToPartyId = @me OR r.FromPartyId = @person OR r.ToPartyId = @person))) AND r.Since <= @now AND (r.Until IS NULL OR r.Until > @now) AND r.Kind IN ('customer-of') AND EXISTS (SELECT 1 FROM Parties p WHERE (@sys OR (@in AND (p.OwnerPartyId = @me OR p.Id = @me OR p.Id = @person OR p.IsMember))) AND p.Id = r.FromPartyId AND (p.OwnerPartyId = @me OR p.Id = @me OR p.Id = @person)) LIMIT 2001;
SELECT count(*) FROM (SELECT r.FromPartyId FROM Relationships r WHERE (@sys OR (@in AND (r.OwnerPartyId = @me OR r.FromPartyId = @me OR r.ToPartyId = @me OR r.FromPartyId = @person OR r.ToPartyId = @person))) AND r.Since <= @now AND (r.Until IS NULL OR r.Until > @now) AND r.Kind IN ('customer-of') AND EXISTS (SELECT 1 FROM Parties p WHERE (@sys OR (@in AND (p.OwnerPartyId = @me OR p.Id = @me OR p.Id = @person OR p.IsMember))) AND p.Id = r.FromPartyId AND (p.OwnerPartyId = @me OR p.Id = @me OR p.Id = @person)) LIMIT 2001);

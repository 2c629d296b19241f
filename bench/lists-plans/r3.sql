.parameter set @sys 0
.parameter set @in 1
.parameter set @me "'O000'"
.parameter set @person "'none'"
.parameter set @now "'2026-11-24'"
.timer on
EXPLAIN QUERY PLAN SELECT t.Id FROM (
 SELECT r.FromPartyId AS Id FROM Relationships r WHERE (@sys OR (@in AND (r.OwnerPartyId = @me OR r.FromPartyId = @me OR r.ToPartyId = @me OR r.FromPartyId = @person OR r.ToPartyId = @person))) AND r.Since <= @now AND (r.Until IS NULL OR r.Until > @now) AND r.Kind IN ('customer-of') AND r.OwnerPartyId = @me
 UNION ALL
 SELECT r.FromPartyId AS Id FROM Relationships r WHERE (@sys OR (@in AND (r.OwnerPartyId = @me OR r.FromPartyId = @me OR r.ToPartyId = @me OR r.FromPartyId = @person OR r.ToPartyId = @person))) AND r.Since <= @now AND (r.Until IS NULL OR r.Until > @now) AND r.Kind IN ('customer-of') AND r.ToPartyId IN (@me, @person)
) t WHERE EXISTS (SELECT 1 FROM Parties p WHERE p.Id = t.Id AND (p.OwnerPartyId = @me OR p.Id = @me OR p.Id = @person)) LIMIT 2001;
SELECT count(*) FROM (SELECT t.Id FROM (
 SELECT r.FromPartyId AS Id FROM Relationships r WHERE (@sys OR (@in AND (r.OwnerPartyId = @me OR r.FromPartyId = @me OR r.ToPartyId = @me OR r.FromPartyId = @person OR r.ToPartyId = @person))) AND r.Since <= @now AND (r.Until IS NULL OR r.Until > @now) AND r.Kind IN ('customer-of') AND r.OwnerPartyId = @me
 UNION ALL
 SELECT r.FromPartyId AS Id FROM Relationships r WHERE (@sys OR (@in AND (r.OwnerPartyId = @me OR r.FromPartyId = @me OR r.ToPartyId = @me OR r.FromPartyId = @person OR r.ToPartyId = @person))) AND r.Since <= @now AND (r.Until IS NULL OR r.Until > @now) AND r.Kind IN ('customer-of') AND r.ToPartyId IN (@me, @person)
) t WHERE EXISTS (SELECT 1 FROM Parties p WHERE p.Id = t.Id AND (p.OwnerPartyId = @me OR p.Id = @me OR p.Id = @person)) LIMIT 2001);

using Mutual.Core.Data;
using Mutual.Core.Parties;
using Mutual.Core.Relationships;

namespace Mutual.Core.Tests;

/// <summary>Organizations and relationships added straight to a context (saved by the caller), all as of <paramref name="now"/>.</summary>
internal sealed class BookSeed(MutualDbContext db, DateTime now)
{
    /// <summary>An organization in <paramref name="owner"/>'s book, or in its own when none is given.</summary>
    public Party Organization(string name, Guid? owner = null)
    {
        var p = new Party { Kind = PartyKind.Organization, Name = name, CreatedAt = now, UpdatedAt = now };
        p.OwnerPartyId = owner ?? p.Id;
        p.RefreshSearchText();
        db.Parties.Add(p);
        return p;
    }

    /// <summary>A relationship recorded in <paramref name="owner"/>'s book, active since 30 days ago (until the given end).</summary>
    public Relationship Relate(Party from, Party to, string kind, Guid owner, DateTime? until = null) =>
        db.Relationships.Add(new Relationship
        {
            FromPartyId = from.Id, ToPartyId = to.Id, Kind = kind, OwnerPartyId = owner, Since = now.AddDays(-30), Until = until, CreatedAt = now,
        }).Entity;
}

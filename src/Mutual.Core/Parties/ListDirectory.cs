using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;

namespace Mutual.Core.Parties;

public sealed record DirectoryEntry(Guid Id, string Kind, string Name, string? Website, string? PublicProfile);

/// <summary>The network directory: member parties by name; a search matches names only.</summary>
public sealed class ListDirectoryHandler(MutualDbContext db)
{
    public async Task<Outcome<Page<DirectoryEntry>>> HandleAsync(string? q, int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "sg");
        if (!v.IsValid) return v.Fail<Page<DirectoryEntry>>();

        var words = PartySearch.Words(q);
        await using var plans = await CustomPlans.BeginAsync(db, words.Count > 0, ct);
        // Compared with a parameter on purpose: EF writes `p.IsMember` (or `== true`) as a bare `WHERE "IsMember"`, which
        // SQLite cannot match to the (IsMember, Name, Id) index, so it scanned and sorted every party; `= @member` is a range.
        var member = true;
        var query = (words.Count > 0 ? PartySearch.Match(db, words, namesOnly: true) : db.Parties).Where(p => p.IsMember == member);
        if (page.AfterString(0) is { } afterName && page.AfterGuid(1) is { } afterId)
            query = query.Where(p => string.Compare(p.Name, afterName) > 0 || (p.Name == afterName && p.Id.CompareTo(afterId) > 0));
        var rows = await query.OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new DirectoryEntry(p.Id, p.Kind == PartyKind.Person ? "person" : "organization", p.Name, p.Website, p.PublicProfile))
            .Take(page.Limit + 1).ToListAsync(ct);
        return Outcome<Page<DirectoryEntry>>.Ok(page.ToPage(rows, e => PageRequest.Encode(e.Name, e.Id.ToString())));
    }
}

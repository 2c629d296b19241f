using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;
using Mutual.Core.Parties;

namespace Mutual.Core.Consent;

public sealed record AccessLogReaderCount(PartyRef Reader, int Reads, DateTime LastAt);

/// <summary>
/// The individual's access log summed by reader over recent days, for the chart above the log: one grouped query
/// over the (subject, time) index, bounded by the window and by the busiest readers shown.
/// </summary>
public sealed class AccessLogSummary(MutualDbContext db)
{
    public const int MaxReaders = 10;

    public async Task<IReadOnlyList<AccessLogReaderCount>> ByReaderAsync(int days, CancellationToken ct = default)
    {
        var subject = db.Actor.PartyId;
        var since = db.Now.AddDays(-days);
        var rows = await db.Set<AccessLogEntry>().AsNoTracking()
            .Where(e => e.SubjectPartyId == subject && e.At >= since)
            .GroupBy(e => e.ReaderPartyId)
            .Select(g => new { ReaderPartyId = g.Key, Reads = g.Count(), LastAt = g.Max(e => e.At) })
            .ToListAsync(ct);
        var top = rows.OrderByDescending(r => r.Reads).ThenByDescending(r => r.LastAt).Take(MaxReaders).ToList();
        var names = await PartyNames.LoadAsync(db, top.Select(r => r.ReaderPartyId), ct);
        return top.Select(r => new AccessLogReaderCount(names.Get(r.ReaderPartyId), r.Reads, r.LastAt)).ToList();
    }
}

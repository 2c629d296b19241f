using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;

namespace Mutual.Core.Import;

/// <summary>What both importers share: the connection they hold open, their one event, their issue report.</summary>
internal static class ImportConnection
{
    /// <summary>
    /// Opens the connection for the whole import (BulkInsert then leaves it open between batches). On SQLite the
    /// FTS index's merge work and sorting go to memory and the page cache grows to 64 MB for this connection only.
    /// </summary>
    public static async Task OpenAsync(MutualDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        if (!db.IsPostgres()) await db.Database.ExecuteSqlRawAsync("PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;", ct);
    }

    public static OutboxMessage Completed(string what, DateTime now, Guid owner, ImportResult result) =>
        OutboxMessage.Create("import.completed", now,
            new { what, ownerPartyId = owner, rows = result.Rows, inserted = result.Inserted, duplicates = result.Duplicates, badRows = result.BadRows },
            [owner]);
}

/// <summary>Counts issues, keeps the first few for a summary and streams every one to the caller.</summary>
internal sealed class IssueReport(ImportResult result, Action<ImportIssue>? sink)
{
    public void Bad(long line, string field, string message)
    {
        result.BadRows++;
        Add(new ImportIssue(line, field, message));
    }

    /// <summary>One bad row with every message its validation collected.</summary>
    public void Bad(long line, Validation v, Func<string, string> toField, CsvMapping mapping)
    {
        result.BadRows++;
        foreach (var (field, messages) in v.Errors)
            foreach (var message in messages) Add(new ImportIssue(line, mapping.Header(toField(field)), message));
    }

    public void Duplicate(long line, string field, string message)
    {
        result.Duplicates++;
        Add(new ImportIssue(line, field, message, Duplicate: true));
    }

    private void Add(ImportIssue issue)
    {
        if (result.Issues.Count < ImportResult.KeptIssues) result.Issues.Add(issue);
        sink?.Invoke(issue);
    }
}

using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Events;
using Mutual.Core.Parties;

namespace Mutual.Core.Import;

/// <summary>
/// Imports parties from CSV into one owner's book, streaming: read a row → validate it by the same rules as the API
/// (<see cref="PartyRules.NewParty"/>) → skip it if an email is already in the book or earlier in the file → batch →
/// <see cref="BulkInsert"/>, one transaction per batch. Bad rows are reported and never stop the import. One
/// <c>import.completed</c> event is written at the end instead of one party.created per row (decision 019).
/// </summary>
public sealed class PartyImport(IDbContextFactory<MutualDbContext> factory, TimeProvider clock)
{
    public async Task<ImportResult> RunAsync(TextReader csv, ImportOptions options, CancellationToken ct = default)
    {
        if (options.Kind is not null && !PartyRules.TryParseKind(options.Kind, out _))
            return ImportResult.Refused("--kind must be 'person' or 'organization'.");
        using var rows = new CsvRows(csv, options.Delimiter);
        var header = rows.ReadHeader();
        if (header is null) return ImportResult.Refused("The file is empty: it needs a header row.");
        var mapping = CsvMapping.Resolve(header, CsvMapping.PartyFields, options.Map,
            options.Kind is null ? ["name", "kind"] : ["name"], out var error);
        if (mapping is null) return ImportResult.Refused(error!);

        await using var db = await factory.CreateSystemAsync(ct);
        await ImportConnection.OpenAsync(db, ct);
        var result = new ImportResult { DryRun = options.DryRun };
        var report = new IssueReport(result, options.OnIssue);
        // Every email in the book and in the file so far, with the line that brought it (0: already in the book).
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var emails in db.Parties.AsNoTracking().Where(p => p.OwnerPartyId == options.Owner).Select(p => p.Emails).AsAsyncEnumerable().WithCancellation(ct))
            foreach (var e in emails) seen.TryAdd(e, 0);

        var now = clock.GetUtcNow().UtcDateTime;
        var batch = new List<Party>(options.BatchSize);
        while (rows.Read())
        {
            if (rows.IsBlank) continue;
            result.Rows++;
            if (result.Rows % 1000 == 0) options.Progress?.Report(result.Rows);
            if (rows.Malformed) { report.Bad(rows.Line, "", "The row's quoting is broken (a quote inside an unquoted field, or one never closed)."); continue; }
            var record = rows.Record;
            var request = new CreatePartyRequest(options.Kind ?? mapping.Get(record, "kind")?.ToLowerInvariant(), mapping.Get(record, "name"),
                CsvMapping.Split(mapping.Get(record, "email")), CsvMapping.Split(mapping.Get(record, "phone")), mapping.Get(record, "website"),
                CsvMapping.Split(mapping.Get(record, "tags")), mapping.Get(record, "profile"));
            var v = new Validation();
            var party = PartyRules.NewParty(v, request, options.Owner, now);
            if (party is null)
            {
                report.Bad(rows.Line, v, ApiFieldToCsv, mapping);
                continue;
            }
            if (FirstSeen(party.Emails, seen) is { } email)
            {
                var where = seen[email] == 0 ? "is already in the book" : $"is already on line {seen[email]}";
                report.Duplicate(rows.Line, mapping.Header("email"), $"'{email}' {where}.");
                continue;
            }
            foreach (var e in party.Emails) seen[e] = rows.Line;
            batch.Add(party);
            if (batch.Count >= options.BatchSize) await FlushAsync(db, batch, options, result, ct);
        }
        await FlushAsync(db, batch, options, result, ct);
        options.Progress?.Report(result.Rows);

        if (!options.DryRun)
        {
            db.Outbox.Add(ImportConnection.Completed("parties", now, options.Owner, result));
            await db.SaveChangesAsync(ct);
        }
        await db.Database.CloseConnectionAsync();
        return result;
    }

    private static string? FirstSeen(List<string> emails, Dictionary<string, long> seen)
    {
        foreach (var e in emails) if (seen.ContainsKey(e)) return e;
        return null;
    }

    private static string ApiFieldToCsv(string apiField) => apiField switch
    {
        "emails" => "email",
        "phones" => "phone",
        "publicProfile" => "profile",
        _ => apiField,
    };

    private static async Task FlushAsync(MutualDbContext db, List<Party> batch, ImportOptions options, ImportResult result, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        if (!options.DryRun) await SqliteSearchIndex.InsertPartiesAsync(db, batch, ct);
        result.Inserted += batch.Count;
        batch.Clear();
    }
}

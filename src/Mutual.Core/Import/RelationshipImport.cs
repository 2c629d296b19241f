using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Relationships;

namespace Mutual.Core.Import;

/// <summary>
/// Imports relationships from CSV into one owner's book. Each end is named by party id or by email and must be a
/// party the owner can see (its book, the members, itself) — the same parties the API would accept. Rows pass
/// <see cref="RelationshipRules.Check"/>; a relationship that is already active (in the store or earlier in the
/// file) is a duplicate. Written with its "started" event, a batch per transaction, one import.completed at the end.
/// </summary>
public sealed class RelationshipImport(IDbContextFactory<MutualDbContext> factory, TimeProvider clock)
{
    public async Task<ImportResult> RunAsync(TextReader csv, ImportOptions options, CancellationToken ct = default)
    {
        using var rows = new CsvRows(csv, options.Delimiter);
        var header = rows.ReadHeader();
        if (header is null) return ImportResult.Refused("The file is empty: it needs a header row.");
        var mapping = CsvMapping.Resolve(header, CsvMapping.RelationshipFields, options.Map, ["from", "to", "kind"], out var error);
        if (mapping is null) return ImportResult.Refused(error!);

        var now = clock.GetUtcNow().UtcDateTime;
        // Read as the owner, so the access rule decides which parties and relationships count, exactly as for the API.
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Actor = new Actor(options.Owner, Guid.Empty, Guid.Empty);
        db.Clock = clock;
        await ImportConnection.OpenAsync(db, ct);
        var visible = new HashSet<Guid>();
        var byEmail = new Dictionary<string, Guid>(StringComparer.Ordinal); // Guid.Empty: more than one party has it
        await foreach (var p in db.Parties.AsNoTracking().Select(p => new { p.Id, p.Emails }).AsAsyncEnumerable().WithCancellation(ct))
        {
            visible.Add(p.Id);
            foreach (var e in p.Emails) byEmail[e] = byEmail.ContainsKey(e) ? Guid.Empty : p.Id;
        }
        var active = new HashSet<(Guid, Guid, string)>();
        await foreach (var r in db.Relationships.AsNoTracking().Where(r => r.Until == null || r.Until > now)
                           .Select(r => new { r.FromPartyId, r.ToPartyId, r.Kind }).AsAsyncEnumerable().WithCancellation(ct))
            active.Add((r.FromPartyId, r.ToPartyId, r.Kind));

        var result = new ImportResult { DryRun = options.DryRun };
        var report = new IssueReport(result, options.OnIssue);
        var batch = new List<Relationship>(options.BatchSize);
        var events = new List<RelationshipEvent>(options.BatchSize);
        while (rows.Read())
        {
            if (rows.IsBlank) continue;
            result.Rows++;
            if (result.Rows % 1000 == 0) options.Progress?.Report(result.Rows);
            if (rows.Malformed) { report.Bad(rows.Line, "", "The row's quoting is broken (a quote inside an unquoted field, or one never closed)."); continue; }
            var record = rows.Record;
            var v = new Validation();
            var from = Resolve(v, "from", mapping.Get(record, "from"), visible, byEmail);
            var to = Resolve(v, "to", mapping.Get(record, "to"), visible, byEmail);
            var kind = mapping.Get(record, "kind")?.ToLowerInvariant();
            DateTime? since = null;
            if (mapping.Get(record, "since") is { } sinceText)
            {
                if (DateTime.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)) since = parsed;
                else v.Add("since", $"'{sinceText}' is not a date (use ISO 8601, e.g. 2024-05-31).");
            }
            // Missing or unknown ends were reported by Resolve; the shared rules then check kind, self-links and dates.
            var start = RelationshipRules.Check(v, from ?? Guid.Empty, to ?? Guid.Empty, kind, since, now);
            if (!v.IsValid)
            {
                report.Bad(rows.Line, Unique(v), ApiFieldToCsv, mapping);
                continue;
            }
            if (!active.Add((from!.Value, to!.Value, kind!)))
            {
                report.Duplicate(rows.Line, mapping.Header("kind"), "This relationship already exists and has not ended (in the store or earlier in the file).");
                continue;
            }
            var (relationship, started) = RelationshipRules.New(from.Value, to.Value, kind!, start, options.Owner, now);
            batch.Add(relationship);
            events.Add(started);
            if (batch.Count >= options.BatchSize) await FlushAsync(db, batch, events, options, result, ct);
        }
        await FlushAsync(db, batch, events, options, result, ct);
        options.Progress?.Report(result.Rows);

        if (!options.DryRun)
        {
            db.Outbox.Add(ImportConnection.Completed("relationships", now, options.Owner, result));
            await db.SaveChangesAsync(ct);
        }
        await db.Database.CloseConnectionAsync();
        return result;
    }

    /// <summary>A party id or email the owner can see; null (with an error) otherwise.</summary>
    private static Guid? Resolve(Validation v, string field, string? text, HashSet<Guid> visible, Dictionary<string, Guid> byEmail)
    {
        if (text is null) { v.Add(field, $"'{field}' is required (a party id or email)."); return null; }
        if (Guid.TryParse(text, out var id))
        {
            if (visible.Contains(id)) return id;
            v.Add(field, $"No such party: {id}.");
            return null;
        }
        if (byEmail.TryGetValue(text.ToLowerInvariant(), out id))
        {
            if (id != Guid.Empty) return id;
            v.Add(field, $"More than one party has the email '{text}'; give its id.");
            return null;
        }
        v.Add(field, $"No such party: '{text}'.");
        return null;
    }

    /// <summary>Drops the "required" messages the shared rules add for an end Resolve already reported.</summary>
    private static Validation Unique(Validation v)
    {
        var clean = new Validation();
        foreach (var (field, messages) in v.Errors)
        {
            var own = messages.Where(m => !(field is "fromPartyId" or "toPartyId" && m.EndsWith("is required.", StringComparison.Ordinal))).ToList();
            foreach (var m in own) clean.Add(field, m);
        }
        return clean;
    }

    private static string ApiFieldToCsv(string apiField) => apiField switch
    {
        "fromPartyId" => "from",
        "toPartyId" => "to",
        _ => apiField,
    };

    private static async Task FlushAsync(MutualDbContext db, List<Relationship> batch, List<RelationshipEvent> events, ImportOptions options, ImportResult result, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        if (!options.DryRun)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await BulkInsert.InsertAsync(db, batch, ct);
            await BulkInsert.InsertAsync(db, events, ct);
            await tx.CommitAsync(ct);
        }
        result.Inserted += batch.Count;
        batch.Clear();
        events.Clear();
    }
}

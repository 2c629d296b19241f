namespace Mutual.Core.Import;

/// <summary>What to import and how; the same for parties and relationships.</summary>
public sealed record ImportOptions
{
    /// <summary>The party whose book receives the rows (resolved beforehand by <see cref="ImportOwner"/>).</summary>
    public required Guid Owner { get; init; }

    /// <summary>field → CSV header, overriding the default header names.</summary>
    public IReadOnlyDictionary<string, string> Map { get; init; } = new Dictionary<string, string>();

    /// <summary>Parties only: the kind of every row ("person" or "organization"); null reads the row's kind column.</summary>
    public string? Kind { get; init; }

    public char Delimiter { get; init; } = ',';

    /// <summary>Read, validate and deduplicate everything, write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// Rows per transaction by default. Each batch has fixed costs (on SQLite a full-text segment and the trigger's
    /// removal and return, which makes every connection prepare its statements again), so larger batches import
    /// faster: 1M rows on SQLite ~35,000 rows/s at 5,000 a batch, ~47,000 at 20,000, ~52,000 at 50,000. On SQLite a
    /// batch holds the write lock while it is written (about half a second at 50,000), which a server sharing the
    /// file waits out; --batch-size lowers it (decision 019).
    /// </summary>
    public const int DefaultBatchSize = 50_000;

    /// <summary>Rows per transaction: a batch commits on its own, so an import stopped half-way keeps what it wrote.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Told the running count of data rows read.</summary>
    public IProgress<long>? Progress { get; init; }

    /// <summary>Told every rejected or skipped row as it is met, so a report of any size streams out (the --errors file).</summary>
    public Action<ImportIssue>? OnIssue { get; init; }
}

/// <summary>A row that was not imported: bad (with the field and why) or a duplicate.</summary>
/// <param name="Line">The line of the file the row starts on (the header is line 1; a quoted field may span lines).</param>
public sealed record ImportIssue(long Line, string Field, string Message, bool Duplicate = false);

public sealed class ImportResult
{
    /// <summary>How many issues the result keeps for a summary; all of them go to <see cref="ImportOptions.OnIssue"/>.</summary>
    public const int KeptIssues = 100;

    /// <summary>Set when nothing could be read at all (a missing column, an unknown owner); then every count is zero.</summary>
    public string? Refusal { get; init; }

    public long Rows { get; set; }
    /// <summary>Rows written (in a dry run: rows that would have been).</summary>
    public long Inserted { get; set; }
    public long Duplicates { get; set; }
    public long BadRows { get; set; }
    public bool DryRun { get; init; }
    public List<ImportIssue> Issues { get; } = [];

    public static ImportResult Refused(string why) => new() { Refusal = why };
}

using System.CommandLine;
using System.Globalization;
using System.Text;
using CsvHelper;
using Mutual.Core.Data;
using Mutual.Core.Import;

namespace Mutual.Cli;

/// <summary><c>mutual import parties|relationships FILE.csv --owner …</c>: a progress bar on stderr, the summary on stdout.</summary>
public static class ImportCommands
{
    private static readonly Argument<FileInfo> FileArgument = new("file") { Description = "The CSV file (UTF-8, with a header row)" };
    private static readonly Option<string> OwnerOption = new("--owner") { Description = "Whose book: a member party id, an account's email, or a member organization's name", Required = true };
    private static readonly Option<string[]> MapOption = new("--map") { Description = "field=Header: read a field from a differently named column (repeatable)" };
    private static readonly Option<string> DelimiterOption = new("--delimiter") { Description = "The field separator: one character, or 'tab'", DefaultValueFactory = _ => "," };
    private static readonly Option<bool> DryRunOption = new("--dry-run") { Description = "Read and check every row, write nothing" };
    private static readonly Option<FileInfo?> ErrorsOption = new("--errors") { Description = "Write every rejected or duplicate row to this CSV (line, field, message)" };
    private static readonly Option<int> BatchOption = new("--batch-size") { Description = "Rows per transaction (lower it when importing into a SQLite file a busy server shares)", DefaultValueFactory = _ => ImportOptions.DefaultBatchSize };
    private static readonly Option<string?> KindOption = new("--kind") { Description = "person or organization for every row (default: the row's 'kind' column)" };

    public static Command Create()
    {
        var import = new Command("import", "Import parties or relationships from CSV into one party's book");
        import.Options.Add(CliContext.ProviderOption);
        import.Options.Add(CliContext.ConnectionOption);

        var parties = new Command("parties", "Import people and organizations (columns: name, kind, email, phone, tags, website, profile)")
        {
            FileArgument, OwnerOption, MapOption, KindOption, DelimiterOption, DryRunOption, ErrorsOption, BatchOption,
        };
        parties.SetAction((parse, ct) => RunAsync(parse, "parties", (cli, csv, options) => new PartyImport(cli, cli.Clock).RunAsync(csv, options, ct), ct));
        var relationships = new Command("relationships", "Import relationships (columns: from, to — party id or email —, kind, since)")
        {
            FileArgument, OwnerOption, MapOption, DelimiterOption, DryRunOption, ErrorsOption, BatchOption,
        };
        relationships.SetAction((parse, ct) => RunAsync(parse, "relationships", (cli, csv, options) => new RelationshipImport(cli, cli.Clock).RunAsync(csv, options, ct), ct));
        import.Add(parties);
        import.Add(relationships);
        return import;
    }

    private static async Task<int> RunAsync(ParseResult parse, string what, Func<CliContext, TextReader, ImportOptions, Task<ImportResult>> run, CancellationToken ct)
    {
        var file = parse.GetValue(FileArgument)!;
        if (!file.Exists) return Fail($"No such file: {file.FullName}");
        var delimiter = parse.GetValue(DelimiterOption)!;
        if (delimiter is "tab" or "\\t") delimiter = "\t";
        if (delimiter.Length != 1) return Fail("--delimiter must be one character (or 'tab').");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in parse.GetValue(MapOption) ?? [])
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) return Fail($"--map {pair}: write field=Header.");
            map[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }
        var batchSize = parse.GetValue(BatchOption);
        if (batchSize < 1) return Fail("--batch-size must be at least 1.");

        var cli = CliContext.From(parse);
        await using (var db = await cli.CreateSystemAsync(ct)) await MutualDatabase.MigrateAsync(db, ct);
        var (owner, ownerError) = await ImportOwner.ResolveAsync(cli, parse.GetValue(OwnerOption), ct);
        if (owner is null) return Fail(ownerError!);

        await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var errorsFile = parse.GetValue(ErrorsOption);
        await using var errors = errorsFile is null ? null : new CsvWriter(new StreamWriter(errorsFile.FullName, false, new UTF8Encoding(false)), CultureInfo.InvariantCulture);
        errors?.WriteField("line"); errors?.WriteField("field"); errors?.WriteField("message"); errors?.NextRecord();

        // The bar follows the bytes read, since the row count is unknown until the end (a quoted field may span lines).
        var bar = new ProgressBar(what, fraction: () => stream.Length == 0 ? 1 : (double)stream.Position / stream.Length);
        ImportResult result;
        try
        {
            result = await RunImportAsync();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // Rows are checked before they are written, so this is the store failing (disk full, connection lost).
            Console.Error.WriteLine();
            return Fail($"The import stopped: {e.Message} Every batch committed before this is kept; re-running skips those rows as duplicates when they have emails.");
        }
        if (result.Refusal is not null) return Fail(result.Refusal);
        bar.Finish();
        Summarise(result, what, bar, errorsFile);
        return 0;

        Task<ImportResult> RunImportAsync() => run(cli, reader, new ImportOptions
        {
            Owner = owner.Value,
            Map = map,
            Kind = parse.GetValue(KindOption),
            Delimiter = delimiter[0],
            DryRun = parse.GetValue(DryRunOption),
            BatchSize = batchSize,
            Progress = bar,
            OnIssue = errors is null ? null : issue =>
            {
                errors.WriteField(issue.Line); errors.WriteField(issue.Field); errors.WriteField(issue.Message); errors.NextRecord();
            },
        });
    }

    private static void Summarise(ImportResult result, string what, ProgressBar bar, FileInfo? errorsFile)
    {
        foreach (var issue in result.Issues.Take(20))
            Console.Error.WriteLine($"  line {issue.Line}{(issue.Field.Length > 0 ? $" ({issue.Field})" : "")}: {issue.Message}");
        var shown = Math.Min(20, result.Issues.Count);
        if (result.BadRows + result.Duplicates > shown)
            Console.Error.WriteLine($"  … {result.BadRows + result.Duplicates - shown:N0} more{(errorsFile is null ? " (use --errors FILE for all)" : $" in {errorsFile.Name}")}");
        var verb = result.DryRun ? "Dry run: would import" : "Imported";
        Console.WriteLine($"{verb} {result.Inserted:N0} {what} of {result.Rows:N0} rows ({result.Duplicates:N0} duplicates skipped, {result.BadRows:N0} bad rows) "
            + $"in {bar.Elapsed.TotalSeconds:N1} s, {result.Rows / Math.Max(bar.Elapsed.TotalSeconds, 1e-6):N0} rows/s.");
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }
}

using CsvHelper;
using CsvHelper.Configuration;
using System.Globalization;

namespace Mutual.Core.Import;

/// <summary>
/// Which column holds which field. A field is found by its default header names, case-insensitively and ignoring
/// spaces, dashes and underscores ("E-mail", "Email", "emails"); <c>--map field=Header</c> names the header outright.
/// </summary>
public sealed class CsvMapping
{
    public static readonly IReadOnlyDictionary<string, string[]> PartyFields = new Dictionary<string, string[]>
    {
        ["name"] = ["name", "fullname"],
        ["kind"] = ["kind", "type"],
        ["email"] = ["email", "emails", "emailaddress"],
        ["phone"] = ["phone", "phones", "telephone"],
        ["tags"] = ["tags", "tag"],
        ["website"] = ["website", "web", "url"],
        ["profile"] = ["profile", "publicprofile"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> RelationshipFields = new Dictionary<string, string[]>
    {
        ["from"] = ["from", "fromparty", "frompartyid"],
        ["to"] = ["to", "toparty", "topartyid"],
        ["kind"] = ["kind", "type"],
        ["since"] = ["since", "start", "startdate"],
    };

    private readonly Dictionary<string, int> _columns;
    private readonly Dictionary<string, string> _headers;

    private CsvMapping(Dictionary<string, int> columns, Dictionary<string, string> headers) => (_columns, _headers) = (columns, headers);

    /// <summary>The column of a field, or -1 when the file has none.</summary>
    public int Column(string field) => _columns.GetValueOrDefault(field, -1);

    /// <summary>How issues name a field: by the file's own header.</summary>
    public string Header(string field) => _headers.GetValueOrDefault(field, field);

    /// <summary>The trimmed cell of a field, or null when the column is missing or the cell empty.</summary>
    public string? Get(string[] record, string field)
    {
        var i = Column(field);
        if (i < 0 || i >= record.Length) return null;
        var value = record[i].Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>Matches a header row; null with <paramref name="error"/> when an override names an unknown field or header, or a required field has no column.</summary>
    public static CsvMapping? Resolve(string[] header, IReadOnlyDictionary<string, string[]> fields, IReadOnlyDictionary<string, string> map,
        IEnumerable<string> required, out string? error)
    {
        error = null;
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, wanted) in map)
        {
            var key = field.Trim().ToLowerInvariant();
            if (!fields.ContainsKey(key)) { error = $"--map: unknown field '{field}' (fields: {string.Join(", ", fields.Keys)})."; return null; }
            var i = Array.FindIndex(header, h => string.Equals(h.Trim(), wanted.Trim(), StringComparison.OrdinalIgnoreCase));
            if (i < 0) { error = $"--map {field}={wanted}: the file has no column '{wanted}'."; return null; }
            columns[key] = i;
        }
        var normalised = header.Select(Normalise).ToArray();
        foreach (var (field, names) in fields)
        {
            if (columns.ContainsKey(field)) continue;
            var i = Array.FindIndex(normalised, h => names.Contains(h));
            if (i >= 0) columns[field] = i;
        }
        foreach (var (field, i) in columns) headers[field] = header[i].Trim();
        var missing = required.Where(f => !columns.ContainsKey(f)).ToList();
        if (missing.Count > 0)
        {
            error = $"The file has no column for {string.Join(", ", missing)} (headers: {string.Join(", ", header)}); name it with --map field=Header.";
            return null;
        }
        return new CsvMapping(columns, headers);
    }

    private static string Normalise(string header) =>
        new(header.Trim().ToLowerInvariant().Where(c => c is not (' ' or '-' or '_' or '.')).ToArray());

    /// <summary>Splits a multi-value cell ("a; b") into its values.</summary>
    public static List<string?> Split(string? cell) =>
        cell is null ? [] : cell.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList<string?>();
}

/// <summary>
/// Streams the records of a CSV file with the line each starts on. Quoting, a byte-order mark and the delimiter
/// are CsvHelper's business; a record with broken quoting is handed on marked <see cref="Malformed"/> instead of
/// stopping the read. Blank lines are kept as records (and skipped by the importers) so line numbers stay exact.
/// </summary>
public sealed class CsvRows : IDisposable
{
    private readonly CsvParser _parser;
    private long _lastRawRow;

    public CsvRows(TextReader reader, char delimiter)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            IgnoreBlankLines = false,
            BadDataFound = _ => Malformed = true,
            DetectDelimiter = false,
        };
        _parser = new CsvParser(reader, config, leaveOpen: true); // the caller owns the reader (the CLI still reads its position)
    }

    /// <summary>The header row, or null for an empty file.</summary>
    public string[]? ReadHeader()
    {
        if (!Read()) return null;
        // A reader that did not detect the byte-order mark (one over a string, or opened as Latin-1) leaves it on the first header.
        if (Record.Length > 0) Record[0] = Record[0].TrimStart('\uFEFF');
        return Record;
    }

    public string[] Record { get; private set; } = [];
    public long Line { get; private set; }
    public bool Malformed { get; private set; }
    public bool IsBlank => Record.All(string.IsNullOrWhiteSpace);

    public bool Read()
    {
        Malformed = false;
        if (!_parser.Read()) return false;
        Line = _lastRawRow + 1;
        _lastRawRow = _parser.RawRow;
        Record = _parser.Record ?? [];
        return true;
    }

    public void Dispose() => _parser.Dispose();
}

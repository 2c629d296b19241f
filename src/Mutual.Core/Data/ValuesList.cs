namespace Mutual.Core.Data;

/// <summary>
/// The rows of a raw statement's <c>VALUES</c> list as EF's numbered placeholders (<c>({0}, {1}), ({2}, {3})</c>) and
/// their parameters, which take EF's mapping for their type (ids and times are written as EF writes them).
/// </summary>
internal sealed class ValuesList
{
    private readonly List<string> _rows = [];

    public List<object> Parameters { get; } = [];

    /// <summary>Adds a row and returns the number of its first placeholder.</summary>
    public int Add(params object[] row)
    {
        var first = Parameters.Count;
        _rows.Add("(" + string.Join(", ", Enumerable.Range(first, row.Length).Select(n => $"{{{n}}}")) + ")");
        Parameters.AddRange(row);
        return first;
    }

    public override string ToString() => string.Join(", ", _rows);
}

using System.Diagnostics;

namespace Mutual.Cli;

/// <summary>
/// One line of progress on stderr — "parties ██████░░░░ 600,000/1,000,000  84,210 rows/s" — redrawn in place
/// on a terminal at most ten times a second, and printed as a plain line every five seconds when the
/// output is redirected (CI logs). Stdout stays free for the command's result.
/// </summary>
public sealed class ProgressBar : IProgress<long>
{
    private const int Width = 24;
    private readonly string _label;
    private readonly long? _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _redraw = !Console.IsErrorRedirected;
    private TimeSpan? _lastDrawn;
    private readonly Func<double>? _fraction;
    private long _done;

    /// <param name="fraction">How far along the work is (0–1), when that is known some other way than a row total (bytes of a file read).</param>
    public ProgressBar(string label, long? total = null, Func<double>? fraction = null)
    {
        _label = label;
        _total = total;
        _fraction = fraction;
    }

    public long Done => _done;
    public TimeSpan Elapsed => _clock.Elapsed;
    public double RowsPerSecond => _done / Math.Max(_clock.Elapsed.TotalSeconds, 1e-6);

    /// <summary>Reports the running count of rows done.</summary>
    public void Report(long done)
    {
        _done = done;
        var now = _clock.Elapsed;
        if (_lastDrawn is { } last && now - last < (_redraw ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(5))) return;
        _lastDrawn = now;
        Draw(final: false);
    }

    /// <summary>Draws the final state and ends the line.</summary>
    public void Finish()
    {
        _clock.Stop();
        Draw(final: true);
    }

    private void Draw(bool final)
    {
        var bar = "";
        double? part = _total is > 0 and var total ? (double)_done / total : _fraction?.Invoke();
        if (part is { } p)
        {
            var filled = (int)Math.Clamp(p * Width, 0, Width);
            bar = new string('█', filled) + new string('░', Width - filled) + " ";
        }
        var count = _total is { } t ? $"{_done:N0}/{t:N0}" : $"{_done:N0}";
        var line = $"{_label,-14} {bar}{count}  {RowsPerSecond:N0} rows/s  {_clock.Elapsed:mm\\:ss}";
        if (_redraw) Console.Error.Write("\r" + line.PadRight(Console.WindowWidth > 0 ? Math.Min(Console.WindowWidth - 1, 100) : 100) + (final ? Environment.NewLine : ""));
        else Console.Error.WriteLine(line);
    }
}

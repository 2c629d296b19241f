using System.Threading.Channels;

namespace Mutual.Core.Events;

/// <summary>
/// A wake-up for a background loop: <see cref="Notify"/> any number of times while the loop is busy and its next
/// <see cref="WaitAsync"/> returns at once, once. Used where a loop would otherwise sleep until its next tick.
/// </summary>
public class Wakeup
{
    // Spelled out: inside Mutual.Core the partner-channel namespace (Mutual.Core.Channel) shadows the type's name.
    private readonly System.Threading.Channels.Channel<bool> _wake = System.Threading.Channels.Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _wake.Writer.TryWrite(true);

    /// <summary>
    /// Waits for a notification since the last wait, or for <paramref name="timeout"/> on <paramref name="clock"/>;
    /// says whether there was one.
    /// </summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        if (_wake.Reader.TryRead(out _)) return true;
        if (timeout <= TimeSpan.Zero) return false;
        using var tick = new CancellationTokenSource(timeout, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(tick.Token, ct);
        try { return await _wake.Reader.ReadAsync(either.Token); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { return false; }
    }
}

using System.Collections.Concurrent;

namespace Mutual.Web.Infrastructure;

/// <summary>
/// Limits sign-ups per client address within a window, on the app's clock (like <see cref="LoginThrottle"/>):
/// every attempt counts, a refused one too, so the endpoint can neither mint accounts in bulk nor serve as a
/// fast oracle for which emails have an account.
/// </summary>
public sealed class RegistrationThrottle(TimeProvider clock, IConfiguration config)
{
    private readonly ConcurrentDictionary<string, (int Attempts, DateTimeOffset WindowStart)> _attempts = new();
    private int MaxAttempts => config.GetValue("Mutual:Auth:MaxRegistrationsPerHour", 20);
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Counts an attempt; returns how long to wait when the address has used its budget, else null.</summary>
    public TimeSpan? Attempt(string? address)
    {
        var now = clock.GetUtcNow();
        var key = address ?? "unknown";
        var entry = _attempts.AddOrUpdate(key, _ => (1, now),
            (_, f) => f.WindowStart + Window <= now ? (1, now) : (f.Attempts + 1, f.WindowStart));
        if (_attempts.Count > 100_000) _attempts.Clear(); // bounded memory under a spray of addresses
        return entry.Attempts > MaxAttempts ? entry.WindowStart + Window - now : null;
    }
}

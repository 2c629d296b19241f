using System.Collections.Concurrent;

namespace Mutual.Web.Infrastructure;

/// <summary>
/// Slows password guessing: after a number of failed sign-ins for one email from one address within a
/// window, further attempts are refused with 429 until the window passes. Successful sign-ins are not
/// counted, so busy scripts that know their password are never throttled.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock, IConfiguration config)
{
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset WindowStart)> _failures = new();
    private int MaxFailures => config.GetValue("Mutual:Auth:MaxFailedLogins", 10);
    private TimeSpan Window => TimeSpan.FromMinutes(config.GetValue("Mutual:Auth:FailedLoginWindowMinutes", 15));

    public TimeSpan? RetryAfter(string email, string? address)
    {
        if (!_failures.TryGetValue(Key(email, address), out var f)) return null;
        var until = f.WindowStart + Window;
        var now = clock.GetUtcNow();
        return f.Failures >= MaxFailures && until > now ? until - now : null;
    }

    public void Failed(string email, string? address)
    {
        var now = clock.GetUtcNow();
        _failures.AddOrUpdate(Key(email, address), _ => (1, now),
            (_, f) => f.WindowStart + Window < now ? (1, now) : (f.Failures + 1, f.WindowStart));
        if (_failures.Count > 100_000) _failures.Clear(); // bounded memory under a spray of random emails
    }

    public void Succeeded(string email, string? address) => _failures.TryRemove(Key(email, address), out _);

    private static string Key(string email, string? address) => (email ?? "").Trim().ToLowerInvariant() + "|" + address;
}

using Microsoft.Extensions.Caching.Memory;
using Mutual.Core.Accounts;

namespace Mutual.Web.Infrastructure;

/// <summary>
/// Bearer tokens already checked against the database, remembered for half a minute of wall time, so that an API
/// request does not pay a database round trip just to learn who is asking (the signed-in trivial endpoint ran at a
/// tenth of the anonymous one; docs/performance.md). This is safe because nothing changes an account's acting party
/// or role once made and tokens are not revoked before they expire: a future logout or role change must evict here,
/// and other nodes keep the old answer for at most <see cref="Lifetime"/>. A hit still honours the token's expiry by
/// the app's clock. Keys are token hashes, so the cache does not keep live tokens in memory.
/// </summary>
public sealed class BearerTokenCache(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public TokenSession? Get(string token) =>
        _cache.TryGetValue(Secrets.Hash(token), out TokenSession? session) && session!.ExpiresAt > clock.GetUtcNow().UtcDateTime
            ? session : null;

    public void Set(string token, TokenSession session) =>
        _cache.Set(Secrets.Hash(token), session, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });

    public void Dispose() => _cache.Dispose();
}

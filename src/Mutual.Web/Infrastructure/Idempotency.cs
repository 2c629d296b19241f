using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Idempotency;

namespace Mutual.Web.Infrastructure;

/// <summary>Marks a creating POST whose first response is kept and replayed for a repeated Idempotency-Key.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class IdempotentAttribute : Attribute
{
    /// <summary>
    /// Top-level properties of the answer that are secrets shown once (a tracking code): the stored copy, and so a
    /// replay, carries them as null, so that the idempotency table never holds them in plain text.
    /// </summary>
    public string[] Withheld { get; init; } = [];
}

/// <summary>
/// Keeps the first 2xx response to a creating POST per (account, Idempotency-Key). A repeat with the same
/// body gets that response again and creates nothing; a repeat with another body is refused with 422.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public async Task InvokeAsync(HttpContext http, IDbContextFactory<MutualDbContext> factory, TimeProvider clock)
    {
        var key = http.Request.Headers[Header].ToString();
        var actor = ActorClaims.ToActor(http.User);
        var idempotent = http.GetEndpoint()?.Metadata.GetMetadata<IdempotentAttribute>();
        if (string.IsNullOrEmpty(key) || !HttpMethods.IsPost(http.Request.Method) || !actor.IsSignedIn || idempotent is null)
        {
            await next(http);
            return;
        }
        if (key.Length > 200)
        {
            await Results.ValidationProblem(new Dictionary<string, string[]> { [Header] = ["At most 200 characters."] }).ExecuteAsync(http);
            return;
        }

        http.Request.EnableBuffering();
        var hash = await HashRequestAsync(http);
        await using var db = await factory.CreateDbContextAsync(http.RequestAborted);
        db.Actor = Actor.System;
        var now = clock.GetUtcNow().UtcDateTime;
        var earlier = await db.IdempotencyRecords.AsNoTracking()
            .FirstOrDefaultAsync(r => r.AccountId == actor.AccountId && r.Key == key && r.CreatedAt > now - Retention, http.RequestAborted);
        if (earlier is not null)
        {
            if (earlier.RequestHash != hash)
            {
                await Results.Problem("This Idempotency-Key was used with a different request.", statusCode: 422,
                    title: "Idempotency-Key reused.").ExecuteAsync(http);
                return;
            }
            http.Response.StatusCode = earlier.StatusCode;
            if (earlier.Location is not null) http.Response.Headers.Location = earlier.Location;
            if (earlier.ETag is not null) http.Response.Headers.ETag = earlier.ETag;
            http.Response.Headers["Idempotent-Replayed"] = "true";
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(earlier.ResponseBody, http.RequestAborted);
            return;
        }

        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }
        buffer.Position = 0;
        var body = await new StreamReader(buffer).ReadToEndAsync(http.RequestAborted);
        if (http.Response.StatusCode is >= 200 and < 300)
        {
            // The key's earlier record, and the account's records past retention, go: replays are kept 24 hours, no longer.
            await db.IdempotencyRecords.Where(r => r.AccountId == actor.AccountId && (r.Key == key || r.CreatedAt <= now - Retention))
                .ExecuteDeleteAsync(http.RequestAborted);
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                AccountId = actor.AccountId, Key = key, RequestHash = hash, StatusCode = http.Response.StatusCode,
                Location = http.Response.Headers.Location, ETag = http.Response.Headers.ETag, ResponseBody = Withhold(body, idempotent.Withheld), CreatedAt = now,
            });
            try { await db.SaveChangesAsync(http.RequestAborted); }
            catch (DbUpdateException) { /* a concurrent twin stored it first; either copy is the same response */ }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private static string Withhold(string body, string[] secrets)
    {
        if (secrets.Length == 0 || System.Text.Json.Nodes.JsonNode.Parse(body) is not System.Text.Json.Nodes.JsonObject answer) return body;
        foreach (var name in secrets) if (answer.ContainsKey(name)) answer[name] = null;
        return answer.ToJsonString();
    }

    private static async Task<string> HashRequestAsync(HttpContext http)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(http.Request.Method + " " + http.Request.Path + "\n"));
        var bytes = new byte[8192];
        int read;
        while ((read = await http.Request.Body.ReadAsync(bytes, http.RequestAborted)) > 0) sha.AppendData(bytes, 0, read);
        http.Request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}

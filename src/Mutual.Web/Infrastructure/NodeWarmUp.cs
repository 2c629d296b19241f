using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mutual.Core.Access;
using Mutual.Core.Channel;
using Mutual.Core.Conversations;
using Mutual.Core.Data;
using Mutual.Core.Network;
using Mutual.Core.Parties;

namespace Mutual.Web.Infrastructure;

/// <summary>
/// What a node does on itself before /health/ready says 200: the requests traffic is made of — a page of the book, a
/// search, a party's page and timeline, the inbox and a thread, a warm path, a post and a lead — as the oldest
/// account, a few rounds, the writes in transactions rolled back. A node taken into service cold spends its first
/// seconds compiling those paths and translating their queries while requests queue behind them (at 1M parties its
/// first posts took ~0.5 s each). Best effort: a failure is logged and the node goes into service anyway.
/// </summary>
public sealed class NodeWarmUp(IServiceScopeFactory scopes, IOptions<JsonOptions> json, IConfiguration config,
    IHostApplicationLifetime lifetime, ILogger<NodeWarmUp> log)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _rounds = config.GetValue("Mutual:WarmUp:Rounds", 20);
    private int _started;

    /// <summary>Finished, well or not (or switched off with Mutual:WarmUp:Rounds = 0).</summary>
    public bool IsDone => _rounds <= 0 || _done.Task.IsCompleted;

    public Task Completion => _rounds <= 0 ? Task.CompletedTask : _done.Task;

    /// <summary>Rounds that ran through; fewer than asked when one failed, none when there is no account to act as.</summary>
    public int RoundsDone { get; private set; }

    /// <summary>Starts the warm-up once the network index is loaded (warm paths are among its requests); later calls do nothing.</summary>
    public void Start()
    {
        if (_rounds > 0 && Interlocked.Exchange(ref _started, 1) == 0) _ = Task.Run(() => RunAsync(lifetime.ApplicationStopping));
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            // A new install has no account to act as, and nothing to warm.
            var actor = await OldestAccountAsync(ct);
            for (var round = 0; actor is not null && round < _rounds; round++)
            {
                await RoundAsync(actor, ct);
                RoundsDone++;
            }
            log.LogInformation("Warm-up done: {Rounds} round(s) in {Elapsed}", RoundsDone, Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The node is stopping.
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Warm-up failed after {Elapsed}; the node goes into service cold", Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            _done.TrySetResult();
        }
    }

    private async Task<Actor?> OldestAccountAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MutualDbContext>();
        db.Actor = Actor.System;
        var account = await db.Accounts.AsNoTracking().OrderBy(a => a.Id).FirstOrDefaultAsync(ct);
        return account is null ? null : new Actor(account.ActingPartyId, account.PersonPartyId, account.Id) { IsAdmin = account.IsAdmin };
    }

    /// <summary>One request of each kind, as the actor would send them.</summary>
    private async Task RoundAsync(Actor actor, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<MutualDbContext>();
        db.Actor = actor;

        var book = Serialize(await services.GetRequiredService<ListPartiesHandler>().HandleAsync(new(null, null, null, null, null, null), ct));
        if (book is { Items: [var party, ..] })
        {
            Serialize(await services.GetRequiredService<ListPartiesHandler>().HandleAsync(new(SearchWord(party.Name), null, null, null, null, null), ct));
            Serialize(await services.GetRequiredService<GetPartyHandler>().HandleAsync(party.Id, ct));
            Serialize(await services.GetRequiredService<TimelineQuery>().HandleAsync(party.Id, null, null, ct));
            Serialize(await services.GetRequiredService<PathSearch>().HandleAsync(actor.PartyId, book.Items[^1].Id.ToString(), null, ct));
        }

        var queries = services.GetRequiredService<ConversationQueries>();
        var inbox = Serialize(await queries.ListAsync(null, null, ct));
        if (inbox is { Items: [var conversation, ..] })
        {
            Serialize(await queries.MessagesAsync(conversation.Id, null, null, ct));
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var handler = services.GetRequiredService<PostMessageHandler>();
            PostMessageRequest post = new("Warm-up (rolled back).", null, null);
            Serialize(await handler.HandleAsync(conversation.Id, post, ct));
            // Messages that arrive together are posted in one save (MessageIntake), which reads for all of them at once.
            foreach (var posted in await handler.PostAllAsync([new(actor, conversation.Id, post), new(actor, conversation.Id, post)], ct)) Serialize(posted);
        }
        db.ChangeTracker.Clear();

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var leads = services.GetRequiredService<Leads>();
            CreateLeadRequest lead = new("Warm-up (rolled back)", "Warm-up", "DE", null, null, 1000m);
            Serialize(await leads.CreateAsync(lead, LeadSources.Api, ct));
            // Leads that arrive together are routed as a batch (LeadIntake), which reads and narrows differently.
            var together = new[] { lead, lead with { Country = "US", Region = "CA" } }.Select(r => leads.New(r, LeadSources.Api).Value!).ToList();
            await leads.SaveAllAsync(together, ct);
            foreach (var created in await services.GetRequiredService<LeadQueries>().DescribeCreatedAsync(together, ct)) Serialize(Outcome<LeadDto>.Ok(created));
        }
    }

    private static string? SearchWord(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : null;

    /// <summary>Writes the answer as the API would (its serializer warms up too) and hands the value on.</summary>
    private T? Serialize<T>(Outcome<T> outcome)
    {
        if (outcome.IsOk) JsonSerializer.Serialize(outcome.Value, json.Value.SerializerOptions);
        return outcome.Value;
    }
}

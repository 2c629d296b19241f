using Microsoft.Extensions.DependencyInjection;
using Mutual.Core.Access;
using Mutual.Core.Data;

namespace Mutual.Core.Conversations;

/// <summary>
/// Posts the messages that arrive over the API at the same moment in one save (a
/// <see cref="GroupCommit{TRequest,TResult}"/>), whoever writes them and wherever
/// (<see cref="PostMessageHandler.PostAllAsync"/>). Posted one at a time, each message was a durable commit of its own:
/// on SQLite a turn at the write lock, an fsync of the write-ahead log and a fresh copy of every page it touched (about
/// 26: the messages', the outbox's and their indexes' last pages, the conversation, its participants, the engagement
/// links), and its own five reads; sixteen people posting at once got less done than one.
/// </summary>
public sealed class MessageIntake(IServiceScopeFactory scopes) : GroupCommit<MessageIntake.Queued, Outcome<MessageDto>>
{
    public sealed record Queued(Guid ConversationId, PostMessageRequest Request);

    /// <summary>Posts the message as the actor, with whatever else arrives now; answers once it is committed.</summary>
    public Task<Outcome<MessageDto>> PostAsync(Actor actor, Guid conversationId, PostMessageRequest request, CancellationToken ct = default) =>
        SubmitAsync(actor, new(conversationId, request), ct);

    protected override async Task<IReadOnlyList<Outcome<MessageDto>>> CommitTogetherAsync(IReadOnlyList<Submission> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<PostMessageHandler>();
        return await handler.PostAllAsync(batch.Select(s => new MessagePosting(s.Actor, s.Request.ConversationId, s.Request.Request)).ToList());
    }

    // Alone, a post that loses a race for its conversation is applied again on fresh data, as it always was.
    protected override async Task<Outcome<MessageDto>> CommitAloneAsync(Submission submission)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MutualDbContext>().Actor = submission.Actor;
        return await scope.ServiceProvider.GetRequiredService<PostMessageHandler>().HandleAsync(submission.Request.ConversationId, submission.Request.Request);
    }
}

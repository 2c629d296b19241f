using Mutual.Core.Conversations;

namespace Mutual.Core.Demo.Synthetic;

/// <summary>
/// The conversations and their messages. Each conversation is a tenant talking with the two ends of a
/// relationship in its book (a customer and the person working for it, two partners…), opened at a moment
/// of the three years and running for a day to a year. Message counts per conversation are heavy-tailed:
/// most threads are short, a few run to hundreds of messages. Every message is a function of
/// (seed, conversation, position), so a conversation's row can carry its count, last activity and last excerpt
/// before its messages are written, and the messages can be written in global time order.
/// </summary>
internal sealed class SyntheticConversations
{
    private const int Slots = 3;
    private static readonly string[] ChannelMix = [Channels.Email, Channels.Email, Channels.Email, Channels.Portal, Channels.Chat, Channels.Call, Channels.Meeting];

    private readonly SyntheticGraph _graph;
    private readonly Guid[] _partyIds;
    private readonly int _seed;
    private readonly int[] _counts;
    private readonly long[] _start;
    private readonly long[] _step;
    private readonly int[] _participants;
    private readonly int[] _rep;
    private readonly byte[] _channel;
    private readonly Guid[] _ids;

    public int Count { get; }

    public SyntheticConversations(SyntheticGraph graph, Guid[] partyIds, int count, long messages, int seed, SyntheticSpan span, Random rng)
    {
        (_graph, _partyIds, _seed, Count) = (graph, partyIds, seed, count);
        _counts = MessageCounts(count, messages, rng);
        _start = new long[count];
        _step = new long[count];
        _participants = new int[count * Slots];
        Array.Fill(_participants, -1);
        _rep = new int[count];
        _channel = new byte[count];
        _ids = new Guid[count];
        for (var c = 0; c < count; c++)
        {
            var fraction = 0.97 * (c + 0.5) / count;
            var start = span.At(fraction);
            _start[c] = start.Ticks;
            _ids[c] = SyntheticIds.At(start, rng);
            var book = SyntheticGraph.PickBook(rng);
            if (graph.BookEdges[book].Count == 0) book = Array.FindIndex(graph.BookEdges, e => e.Count > 0);
            // A relationship made by now (edges are in time order and spread evenly over the span).
            var edges = graph.BookEdges[book];
            var edge = edges[rng.Next(Math.Max(1, (int)Math.Ceiling(edges.Count * (c + 1.0) / count)))];
            AddParticipant(c, book);
            AddParticipant(c, (int)(edge >> 32));
            AddParticipant(c, (int)edge);
            var staff = graph.TenantStaff[book];
            _rep[c] = staff.Count > 0 ? staff[rng.Next(staff.Count)] : book;
            _channel[c] = (byte)rng.Next(ChannelMix.Length);
            var days = 1 + 364 * rng.NextDouble() * rng.NextDouble();
            var room = (span.End - start).Ticks - TimeSpan.TicksPerHour;
            var step = Math.Min((long)(days * TimeSpan.TicksPerDay), room) / _counts[c];
            _step[c] = Math.Max(10, step - step % 10);
        }
    }

    private void AddParticipant(int c, int party)
    {
        for (var s = c * Slots; s < (c + 1) * Slots; s++)
        {
            if (_participants[s] == party) return;
            if (_participants[s] < 0)
            {
                _participants[s] = party;
                return;
            }
        }
    }

    private static int[] MessageCounts(int count, long messages, Random rng)
    {
        var weights = new double[count];
        for (var c = 0; c < count; c++) weights[c] = Math.Min(Math.Pow(1 - rng.NextDouble(), -1 / 1.5), 1000);
        var sum = weights.Sum();
        var extra = messages - count;
        var counts = new int[count];
        long assigned = 0;
        for (var c = 0; c < count; c++) assigned += counts[c] = 1 + (int)(weights[c] / sum * extra);
        for (var c = 0; assigned < messages; c = (c + 1) % count, assigned++) counts[c]++;
        return counts;
    }

    private ulong Hash(int c) => SyntheticHash.Of(_seed, c, -1);

    private DateTime Time(int c, int k)
    {
        var jitter = k == 0 ? 0 : (long)(SyntheticHash.Of(_seed, c, k) % (ulong)Math.Max(1, _step[c] / 2));
        return new DateTime(_start[c] + k * _step[c] + jitter - jitter % 10, DateTimeKind.Utc);
    }

    private string Body(int c, int k) => SyntheticText.Body(Hash(c), SyntheticHash.Of(_seed, c, k) >> 3);

    private IEnumerable<int> Parties(int c)
    {
        for (var s = c * Slots; s < (c + 1) * Slots && _participants[s] >= 0; s++) yield return _participants[s];
    }

    /// <summary>Who writes message k: the tenant's person on even turns, the others in turn; an organization speaks through its contact.</summary>
    private (int Author, int OnBehalfOf) Speaker(int c, int k)
    {
        var others = Parties(c).Count() - 1;
        if (k % 2 == 0 || others == 0) return (_rep[c], _participants[c * Slots]);
        var party = _participants[c * Slots + 1 + k / 2 % others];
        return _graph.IsOrganization[party] && _graph.Contact[party] >= 0 ? (_graph.Contact[party], party) : (party, party);
    }

    public IEnumerable<Conversation> Conversations()
    {
        for (var c = 0; c < Count; c++)
        {
            var n = _counts[c];
            yield return new Conversation
            {
                Id = _ids[c], Subject = SyntheticText.Subject(Hash(c)), Channel = ChannelMix[_channel[c]],
                OwnerPartyId = _partyIds[_participants[c * Slots]], CreatedAt = Time(c, 0), LastActivityAt = Time(c, n - 1),
                MessageCount = n, LastMessageExcerpt = ConversationRules.Excerpt(Body(c, n - 1)), Version = 1 + n,
            };
        }
    }

    public IEnumerable<ConversationParticipant> Participants()
    {
        for (var c = 0; c < Count; c++)
        {
            var last = Time(c, _counts[c] - 1);
            foreach (var p in Parties(c))
                yield return new ConversationParticipant { ConversationId = _ids[c], PartyId = _partyIds[p], AddedAt = Time(c, 0), LastActivityAt = last };
        }
    }

    /// <summary>All messages in time order (so their time-ordered ids arrive in key order), merged across conversations.</summary>
    public IEnumerable<Message> Messages(Random rng)
    {
        var next = new int[Count];
        var queue = new PriorityQueue<int, long>(Count);
        for (var c = 0; c < Count; c++) queue.Enqueue(c, _start[c]);
        while (queue.TryDequeue(out var c, out var ticks))
        {
            var k = next[c]++;
            var at = new DateTime(ticks, DateTimeKind.Utc);
            var body = Body(c, k);
            var (author, onBehalfOf) = Speaker(c, k);
            yield return new Message
            {
                Id = SyntheticIds.At(at, rng), ConversationId = _ids[c], Body = body, BodyHtml = SyntheticText.Html(body),
                Channel = ChannelMix[_channel[c]], OccurredAt = at, CreatedAt = at,
                AuthorPartyId = _partyIds[author], OnBehalfOfPartyId = _partyIds[onBehalfOf],
            };
            if (next[c] < _counts[c]) queue.Enqueue(c, Time(c, next[c]).Ticks);
        }
    }
}

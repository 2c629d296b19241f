using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutual.Core.Data;
using Mutual.Core.Parties;

namespace Mutual.Core.Conversations;

/// <summary>
/// A two-way dialogue between parties. Its owner is always a participant; every participant's
/// people read and write it.
/// </summary>
public sealed class Conversation
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public string Subject { get; set; } = "";
    public string Channel { get; set; } = Channels.Portal;
    public Guid OwnerPartyId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastActivityAt { get; set; }
    public int MessageCount { get; set; }
    public string? LastMessageExcerpt { get; set; }
    public long Version { get; set; } = 1;
    public List<ConversationParticipant> Participants { get; set; } = [];
}

public sealed class ConversationParticipant
{
    public Guid ConversationId { get; set; }
    public Guid PartyId { get; set; }
    public DateTime AddedAt { get; set; }

    /// <summary>Copied from the conversation so each party's inbox is one index range scan.</summary>
    public DateTime LastActivityAt { get; set; }

    public Conversation? Conversation { get; set; }
    public Party? Party { get; set; }
}

public sealed class Message
{
    public Guid Id { get; set; } = Uuid7.NewId();
    public Guid ConversationId { get; set; }
    public string Body { get; set; } = "";

    /// <summary>The body rendered from Markdown and sanitized once, when written.</summary>
    public string BodyHtml { get; set; } = "";
    public string Channel { get; set; } = Channels.Portal;
    public DateTime OccurredAt { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The person who wrote it.</summary>
    public Guid AuthorPartyId { get; set; }

    /// <summary>The party the author acted for.</summary>
    public Guid OnBehalfOfPartyId { get; set; }
    public Guid? AuthorAccountId { get; set; }
    public Conversation? Conversation { get; set; }
}

/// <summary>When an account last read a conversation; drives "unread".</summary>
public sealed class ConversationRead
{
    public Guid AccountId { get; set; }
    public Guid ConversationId { get; set; }
    public DateTime ReadAt { get; set; }
}

public static class Channels
{
    public const string Email = "email";
    public const string Call = "call";
    public const string Meeting = "meeting";
    public const string Chat = "chat";
    public const string Portal = "portal";
    public const string Note = "note";
    public static readonly IReadOnlyList<string> All = [Email, Call, Meeting, Chat, Portal, Note];
    public static bool IsValid(string? channel) => channel is not null && All.Contains(channel);
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.ToTable("Conversations");
        b.Property(c => c.Subject).HasMaxLength(ConversationRules.SubjectMax);
        b.Property(c => c.Channel).HasMaxLength(16);
        b.Property(c => c.LastMessageExcerpt).HasMaxLength(200);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasMany(c => c.Participants).WithOne(p => p.Conversation).HasForeignKey(p => p.ConversationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.LastActivityAt, c.Id });
    }
}

internal sealed class ConversationParticipantConfiguration : IEntityTypeConfiguration<ConversationParticipant>
{
    public void Configure(EntityTypeBuilder<ConversationParticipant> b)
    {
        b.ToTable("ConversationParticipants");
        b.HasKey(p => new { p.ConversationId, p.PartyId });
        b.HasOne(p => p.Party).WithMany().HasForeignKey(p => p.PartyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.PartyId, p.LastActivityAt, p.ConversationId });
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.ToTable("Messages");
        b.Property(m => m.Body).HasMaxLength(ConversationRules.BodyMax);
        b.Property(m => m.Channel).HasMaxLength(16);
        b.HasOne(m => m.Conversation).WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.ConversationId, m.OccurredAt, m.Id });
        // A person's timeline includes what they wrote on behalf of their organization (performance.md).
        b.HasIndex(m => new { m.AuthorPartyId, m.OccurredAt });
    }
}

internal sealed class ConversationReadConfiguration : IEntityTypeConfiguration<ConversationRead>
{
    public void Configure(EntityTypeBuilder<ConversationRead> b)
    {
        b.ToTable("ConversationReads");
        b.HasKey(r => new { r.AccountId, r.ConversationId });
    }
}

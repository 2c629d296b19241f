using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Mutual.Core.Access;
using Mutual.Core.Accounts;
using Mutual.Core.ApiKeys;
using Mutual.Core.Cases;
using Mutual.Core.Channel;
using Mutual.Core.Commerce;
using Mutual.Core.Consent;
using Mutual.Core.Conversations;
using Mutual.Core.Discovery;
using Mutual.Core.Engagement;
using Mutual.Core.Events;
using Mutual.Core.Idempotency;
using Mutual.Core.Individuals;
using Mutual.Core.Matching;
using Mutual.Core.Intents;
using Mutual.Core.Parties;
using Mutual.Core.Relationships;
using Mutual.Core.Webhooks;

namespace Mutual.Core.Data;

/// <summary>
/// The one EF Core context. It is bound to an <see cref="Access.Actor"/>; the access rule is applied
/// to every query as global filters (see <see cref="AccessRules"/>), so a forgotten check cannot leak.
/// A new context starts as <see cref="Actor.Anonymous"/> and sees nothing.
/// </summary>
public sealed class MutualDbContext(DbContextOptions<MutualDbContext> options) : DbContext(options)
{
    public Actor Actor { get; set; } = Actor.Anonymous;

    // The filters read these members; EF Core re-evaluates them for every query on this instance.
    public bool ActorIsSystem => Actor.IsSystem;
    public bool ActorIsSignedIn => Actor.IsSignedIn;
    public Guid ActorPartyId => Actor.PartyId;
    public Guid ActorPersonId => Actor.PersonPartyId;
    public Guid ActorAccountId => Actor.AccountId;

    /// <summary>The request's clock (a fake one in tests), so filters on expiry agree with the use cases' idea of now.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public DbSet<Party> Parties => Set<Party>();
    public DbSet<Relationship> Relationships => Set<Relationship>();
    public DbSet<RelationshipEvent> RelationshipEvents => Set<RelationshipEvent>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ConversationParticipant> ConversationParticipants => Set<ConversationParticipant>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<ConversationRead> ConversationReads => Set<ConversationRead>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Fact> Facts => Set<Fact>();
    public DbSet<FactRevision> FactRevisions => Set<FactRevision>();
    public DbSet<ShelfLifeRule> ShelfLifeRules => Set<ShelfLifeRule>();
    public DbSet<EngagementLink> EngagementLinks => Set<EngagementLink>();
    public DbSet<EngagementTier> EngagementTiers => Set<EngagementTier>();
    public DbSet<FollowUpTask> Tasks => Set<FollowUpTask>();
    public DbSet<PartnerProfile> PartnerProfiles => Set<PartnerProfile>();
    public DbSet<PartnerCertification> PartnerCertifications => Set<PartnerCertification>();
    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();
    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<LeadHop> LeadHops => Set<LeadHop>();
    public DbSet<LeadStatusChange> LeadStatusChanges => Set<LeadStatusChange>();
    public DbSet<PipelineTotal> PipelineTotals => Set<PipelineTotal>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<ProductPrice> ProductPrices => Set<ProductPrice>();
    public DbSet<PartnerPrice> PartnerPrices => Set<PartnerPrice>();
    public DbSet<Cart> Carts => Set<Cart>();
    public DbSet<CartLine> CartLines => Set<CartLine>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<OrderStatusChange> OrderStatusChanges => Set<OrderStatusChange>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<ServiceCase> Cases => Set<ServiceCase>();
    public DbSet<CaseParticipant> CaseParticipants => Set<CaseParticipant>();
    public DbSet<CaseEntry> CaseEntries => Set<CaseEntry>();
    public DbSet<CaseFile> CaseFiles => Set<CaseFile>();
    public DbSet<CaseLink> CaseLinks => Set<CaseLink>();
    public DbSet<WorkLease> WorkLeases => Set<WorkLease>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<IndividualProfile> IndividualProfiles => Set<IndividualProfile>();
    public DbSet<VendorProfile> VendorProfiles => Set<VendorProfile>();
    public DbSet<ConsentGrant> Consents => Set<ConsentGrant>();
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();
    public DbSet<StatedValues> StatedValues => Set<StatedValues>();
    public DbSet<ContactAssignment> ContactAssignments => Set<ContactAssignment>();
    public DbSet<Intent> Intents => Set<Intent>();
    public DbSet<Offer> Offers => Set<Offer>();

    /// <summary>The acting party, for writes that put a record in its book; refuses to write for no one.</summary>
    public Guid ActingPartyId => Actor.IsSignedIn ? Actor.PartyId
        : throw new InvalidOperationException("This change needs a signed-in actor.");

    /// <summary>Saves, keeping the partners' tallies and the owners' pipeline totals in step with the leads and offers saved (in one transaction).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Changes are detected once, here, for the tallies and the save alike (each would otherwise scan the tracker);
        // a caller that turned detection off has said its tracked state is current, as EF's own save assumes.
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        if (detect) ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        try { return await SaveWithKeptCountsAsync(acceptAllChangesOnSuccess, cancellationToken); }
        finally { ChangeTracker.AutoDetectChangesEnabled = detect; }
    }

    private async Task<int> SaveWithKeptCountsAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var tallies = await PartnerTallies.CollectAsync(this, cancellationToken);
        var totals = PipelineSums.Collect(this);
        if (tallies.Count == 0 && totals.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Database.CurrentTransaction is not null)
        {
            await WriteAddedRowsAsync(cancellationToken);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await WriteKeptCountsAsync();
            return written;
        }
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        // Changes are accepted only once the counts are written too, so a failure leaves the tracked state as it was
        // (but for rows written below EF, which read as saved: a context whose save failed is not saved again).
        await WriteAddedRowsAsync(cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
        await WriteKeptCountsAsync();
        await transaction.CommitAsync(cancellationToken);
        if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
        return saved;

        // Tallies first, then totals, in every save: each locks its rows in one order, so two saves cannot deadlock.
        async Task WriteKeptCountsAsync()
        {
            await PartnerTallies.ApplyAsync(this, tallies, cancellationToken);
            await PipelineSums.ApplyAsync(this, totals, cancellationToken);
        }
    }

    // The kinds of row a save that moves leads writes below EF, in the order their keys refer to each other. Posting's
    // messages and events were tried too: no gain on SQLite (its save is mostly updates), so posts stay with EF.
    private static readonly Type[] WrittenBelowEf = [typeof(Lead), typeof(LeadHop), typeof(OutboxMessage)];

    /// <summary>Set when outbox rows were written below EF, for the commit's signal (<see cref="OutboxCommitInterceptor"/>).</summary>
    internal bool OutboxWrittenBelowEf { get; set; }

    /// <summary>
    /// Writes the save's added leads, offers and events through <see cref="BulkInsert"/>, in the save's transaction,
    /// when every added row is of those kinds (a row of another kind could be one they refer to, which EF would insert
    /// after them), and marks them unchanged so EF's own save writes only the rest (decision 037). EF's insert made a
    /// command, a modification object per column and a read-back for every row: half of a lead batch's commit.
    /// Written rows read as saved even if the transaction then fails: a context whose save failed is not saved again.
    /// </summary>
    private async Task WriteAddedRowsAsync(CancellationToken ct)
    {
        var added = new List<EntityEntry>[WrittenBelowEf.Length];
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Added) continue;
            var kind = Array.IndexOf(WrittenBelowEf, entry.Metadata.ClrType);
            if (kind < 0) return;
            (added[kind] ??= []).Add(entry);
        }
        for (var kind = 0; kind < added.Length; kind++)
        {
            if (added[kind] is not { } entries) continue;
            try { await BulkInsert.InsertAsync(this, WrittenBelowEf[kind], entries.Select(e => e.Entity), ct); }
            // As EF reports a failed insert, so callers tell a lost race (a unique key) from other failures the same way.
            catch (DbException e) { throw new DbUpdateException($"Writing {WrittenBelowEf[kind].Name} rows failed: {e.Message}", e, entries); }
            foreach (var entry in entries) entry.State = EntityState.Unchanged;
        }
        if (added[Array.IndexOf(WrittenBelowEf, typeof(OutboxMessage))] is not null) OutboxWrittenBelowEf = true;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        ChangeTracker.Entries().Any(e => e.Entity is Lead or LeadHop && e.State != EntityState.Unchanged)
            ? throw new NotSupportedException("Leads are saved with SaveChangesAsync, which keeps the partners' tallies.")
            : base.SaveChanges(acceptAllChangesOnSuccess);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MutualDbContext).Assembly);
        AccessRules.Apply(modelBuilder, this);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // All times are UTC; SQLite hands them back without a kind, so say so on the way in and out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcNullableDateTimeConverter>();
    }
}

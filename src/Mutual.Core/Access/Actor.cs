namespace Mutual.Core.Access;

/// <summary>
/// Who is acting: the party an account acts for, the person behind the account, and the account.
/// Every <see cref="Data.MutualDbContext"/> is bound to one actor; its query filters show only what that actor may see.
/// </summary>
public sealed record Actor(Guid PartyId, Guid PersonPartyId, Guid AccountId, bool IsSystem = false)
{
    /// <summary>No one signed in: sees nothing but what public pages show explicitly.</summary>
    public static readonly Actor Anonymous = new(Guid.Empty, Guid.Empty, Guid.Empty);

    /// <summary>Background work, start-up and the command line: bypasses the access rule on purpose.</summary>
    public static readonly Actor System = new(Guid.Empty, Guid.Empty, Guid.Empty, IsSystem: true);

    public bool IsSignedIn => PartyId != Guid.Empty;

    /// <summary>An administrator of the acting party: sets its policies (shelf lives, engagement tiers).</summary>
    public bool IsAdmin { get; init; }

    /// <summary>True when the actor is the party itself or the person behind the account.</summary>
    public bool Is(Guid partyId) => partyId == PartyId || partyId == PersonPartyId;
}

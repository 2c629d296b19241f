using Mutual.Core.Access;

namespace Mutual.Core.Individuals;

public static class IndividualActor
{
    /// <summary>An individual acts for themself: the acting party is the person behind the account.</summary>
    public static bool IsIndividual(this Actor actor) => actor.IsSignedIn && actor.PartyId == actor.PersonPartyId;
}

namespace Mutual.Web.Components.Shared;

/// <summary>A party offered by a picker: from the actor's book, or a member from the network directory.</summary>
public sealed record PartyOption(Guid Id, string Name, string Kind, bool InBook);

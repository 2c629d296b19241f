using Mutual.Core.Accounts;
using Mutual.Core.Discovery;

namespace Mutual.Web.Components.Discipline;

/// <summary>Who may do what with a fact, as the Core handlers decide it, so the UI only offers what will work.</summary>
public static class DisciplineUi
{
    public static bool Owns(MeDto? me, FactDto f) => me is not null && f.OwnerPartyId == me.ActingPartyId;

    /// <summary>The owner re-checks its fact; the subject confirms or corrects what was shared with it.</summary>
    public static bool CanConfirm(MeDto? me, FactDto f) =>
        Owns(me, f) || (me is not null && f.SharedWithSubject && (f.SubjectPartyId == me.ActingPartyId || f.SubjectPartyId == me.PersonPartyId));

    public static string FactorLabel(string name) => name switch
    {
        "recency" => "Recent dialogue",
        "balance" => "Both sides talk",
        "facts" => "Facts are current",
        "follow-ups" => "Follow-ups on time",
        _ => name,
    };

    public static string HealthBand(int score) => score >= 70 ? "healthy" : score >= 40 ? "watch" : "at-risk";

    public static string HealthBandLabel(int score) => score >= 70 ? "Healthy" : score >= 40 ? "Watch" : "At risk";

    public static string RevisionLabel(string kind) => kind switch
    {
        "recorded" => "Recorded",
        "confirmed" => "Confirmed",
        "corrected" => "Corrected",
        _ => kind,
    };
}

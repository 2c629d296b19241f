namespace Mutual.Core.Channel;

/// <summary>
/// A partner's record with one owner, counted from the owner's leads: how often it accepts what it is
/// offered, how fast, and how often it wins. <see cref="Score"/> ranks partners for routing; both rates
/// are smoothed (one success and one failure assumed) so a newcomer starts in the middle, not at zero.
/// </summary>
public sealed record TrackRecord(int Offered, int Accepted, int Declined, int TimedOut, double? AcceptanceRate,
    double? HoursToAccept, int Won, int Lost, double? WinRate, int OpenLeads)
{
    public static readonly TrackRecord Empty = new(0, 0, 0, 0, null, null, 0, 0, null, 0);

    public double Score => ScoreFrom(Accepted, Declined, TimedOut, Won, Lost);

    /// <summary>The <see cref="Score"/> of the record a tally gives, without making the record.</summary>
    public static double ScoreOf(Tally t) => ScoreFrom(t.Accepted, t.Declined, t.TimedOut, t.Won, t.Lost);

    private static double ScoreFrom(int accepted, int declined, int timedOut, int won, int lost) =>
        Math.Round((SmoothedRate(accepted, accepted + declined + timedOut) + SmoothedRate(won, won + lost)) / 2, 2);

    private static double SmoothedRate(int hits, int tries) => (hits + 1.0) / (tries + 2.0);

    /// <summary>The record a partner's tally gives (<see cref="PartnerTallies"/> keeps it with every lead saved).</summary>
    public static TrackRecord Of(Tally t)
    {
        var answered = t.Accepted + t.Declined + t.TimedOut;
        return new TrackRecord(t.Offers, t.Accepted, t.Declined, t.TimedOut,
            answered == 0 ? null : Math.Round((double)t.Accepted / answered, 3),
            t.Accepted == 0 ? null : Math.Round(t.AcceptSeconds / (double)t.Accepted / 3600, 1),
            t.Won, t.Lost, t.Won + t.Lost == 0 ? null : Math.Round((double)t.Won / (t.Won + t.Lost), 3),
            t.Open);
    }
}

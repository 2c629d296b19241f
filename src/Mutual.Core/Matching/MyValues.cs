using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;

namespace Mutual.Core.Matching;

public sealed record ValuesRequest(Dictionary<string, JsonElement>? Answers, bool? UseForMatching);

/// <summary>A person's own answers: a string per <c>one</c> question, an array otherwise; version 0 before the first save.</summary>
public sealed record ValuesDto(Guid PersonPartyId, IReadOnlyDictionary<string, object> Answers, bool UseForMatching, DateTime? UpdatedAt, long Version)
{
    /// <summary>The option ids chosen for a question, whichever shape it has.</summary>
    public IReadOnlyList<string> Chosen(string questionId) => Answers.TryGetValue(questionId, out var a)
        ? a switch { string s => [s], string[] list => list, _ => [] }
        : [];
}

/// <summary>
/// The acting person's stated values. Anyone signed in answers for themself — an individual, or a rep acting for
/// an organization (the person behind the account, never the organization). Only that person reads them.
/// </summary>
public sealed class MyValues(MutualDbContext db, TimeProvider clock)
{
    public async Task<Outcome<ValuesDto>> GetAsync(CancellationToken ct = default)
    {
        var person = db.Actor.PersonPartyId;
        var row = await db.Set<StatedValues>().AsNoTracking().FirstOrDefaultAsync(v => v.PersonPartyId == person, ct);
        return Outcome<ValuesDto>.Ok(row is null ? new ValuesDto(person, new Dictionary<string, object>(), true, null, 0) : ToDto(row));
    }

    /// <summary>Replaces the answers (PUT); an absent <c>useForMatching</c> keeps the current choice (true at first).</summary>
    public async Task<Outcome<ValuesDto>> PutAsync(ValuesRequest request, long? expectedVersion, CancellationToken ct = default)
    {
        var person = db.Actor.PersonPartyId;
        if (person == Guid.Empty) return Outcome<ValuesDto>.Unprocessable("Only a person states values; this key acts for no one.");
        var v = new Validation();
        var answers = ValueRules.Answers(v, request.Answers);
        if (!v.IsValid) return v.Fail<ValuesDto>();

        var row = await db.Set<StatedValues>().FirstOrDefaultAsync(x => x.PersonPartyId == person, ct);
        if (row is null)
        {
            if (expectedVersion is { } first && first != 0) return Outcome<ValuesDto>.Stale();
            row = new StatedValues { PersonPartyId = person, Version = 0 };
            db.Set<StatedValues>().Add(row);
        }
        else if (expectedVersion is { } ev && ev != row.Version) return Outcome<ValuesDto>.Stale();
        row.Answers = ValueRules.Write(answers);
        row.UseForMatching = request.UseForMatching ?? row.UseForMatching;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        row.Version++;
        // No event: the answers are the person's alone, and an event would carry them (or their existence) elsewhere.
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<ValuesDto>.Stale();
        }
        return Outcome<ValuesDto>.Ok(ToDto(row));
    }

    private static ValuesDto ToDto(StatedValues row) =>
        new(row.PersonPartyId, ValueRules.ToApi(ValueRules.Read(row.Answers)), row.UseForMatching, row.UpdatedAt, row.Version);
}

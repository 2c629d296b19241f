using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Parties;

namespace Mutual.Core.Channel;

/// <summary>A certification as clients send it: a bare name, or <c>{ "name", "expiresAt" }</c>.</summary>
[JsonConverter(typeof(CertificationInputConverter))]
public sealed record CertificationInput(string? Name, DateTime? ExpiresAt);

public sealed record PartnerProfileRequest(List<CertificationInput?>? Certifications, List<string?>? Territories, int? Capacity);

public sealed record CertificationDto(string Name, DateTime? ExpiresAt, bool Valid);

public sealed record PartnerProfileDto(Guid Id, Guid PartnerPartyId, PartyRef Partner, IReadOnlyList<CertificationDto> Certifications,
    IReadOnlyList<string> Territories, int Capacity, int CapacityLeft, TrackRecord TrackRecord, double Score, DateTime UpdatedAt, long Version);

/// <summary>The owner's partner profiles: kept by its partner managers, read by routing.</summary>
public sealed class PartnerProfiles(MutualDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Creates or replaces the profile of one partner (PUT semantics; If-Match guards a replace).</summary>
    public async Task<Outcome<PartnerProfileDto>> PutAsync(Guid partnerPartyId, PartnerProfileRequest request, long? expectedVersion, CancellationToken ct = default)
    {
        var owner = db.ActingPartyId;
        var partner = await db.Parties.AsNoTracking().Where(p => p.Id == partnerPartyId).Select(p => new { p.Id, p.Kind }).FirstOrDefaultAsync(ct);
        if (partner is null) return Outcome<PartnerProfileDto>.NotFound("No such party.");
        var v = Validate(request);
        if (partner.Kind != PartyKind.Organization) v.Add("partyId", "A partner is an organization.");
        if (partnerPartyId == owner) v.Add("partyId", "An organization cannot be its own partner.");
        if (!v.IsValid) return v.Fail<PartnerProfileDto>();

        var profile = await db.PartnerProfiles.Include(p => p.Certifications)
            .FirstOrDefaultAsync(p => p.OwnerPartyId == owner && p.PartnerPartyId == partnerPartyId, ct);
        if (profile is null)
        {
            if (expectedVersion is not null) return Outcome<PartnerProfileDto>.Stale();
            profile = new PartnerProfile { OwnerPartyId = owner, PartnerPartyId = partnerPartyId, Version = 0 };
            // A partner may already have a history with the owner (a profile deleted and made again).
            profile.SetTally((await PartnerTallies.CountAsync(db, owner, [partnerPartyId], ct))[partnerPartyId]);
            db.PartnerProfiles.Add(profile);
        }
        else if (expectedVersion is { } ev && ev != profile.Version) return Outcome<PartnerProfileDto>.Stale();

        profile.Territories = request.Territories!.Select(t => ChannelRules.Normalize(t!)).Distinct().Order(StringComparer.Ordinal).ToList();
        profile.Capacity = request.Capacity!.Value;
        profile.UpdatedAt = Now;
        profile.Version++;
        var wanted = (request.Certifications ?? []).Select(c => (Name: c!.Name!.Trim().ToLowerInvariant(), c.ExpiresAt?.ToUniversalTime()))
            .DistinctBy(c => c.Name).ToList();
        profile.Certifications.RemoveAll(c => wanted.All(w => w.Name != c.Name));
        foreach (var (name, expires) in wanted)
        {
            var held = profile.Certifications.FirstOrDefault(c => c.Name == name);
            if (held is null) profile.Certifications.Add(new PartnerCertification { ProfileId = profile.Id, Name = name, ExpiresAt = expires });
            else held.ExpiresAt = expires;
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Outcome<PartnerProfileDto>.Stale(); }
        catch (DbUpdateException) when (profile.Version == 1) { return Outcome<PartnerProfileDto>.Conflict("The profile was created meanwhile; reload it."); }
        return Outcome<PartnerProfileDto>.Ok((await DescribeAsync([profile], ct))[0]);
    }

    public async Task<Outcome<PartnerProfileDto>> GetAsync(Guid partnerPartyId, CancellationToken ct = default)
    {
        var owner = db.ActingPartyId;
        var profile = await db.PartnerProfiles.AsNoTracking().Include(p => p.Certifications)
            .FirstOrDefaultAsync(p => p.OwnerPartyId == owner && p.PartnerPartyId == partnerPartyId, ct);
        return profile is null ? Outcome<PartnerProfileDto>.NotFound("No partner profile for this party.")
            : Outcome<PartnerProfileDto>.Ok((await DescribeAsync([profile], ct))[0]);
    }

    public async Task<Outcome<bool>> DeleteAsync(Guid partnerPartyId, CancellationToken ct = default)
    {
        var owner = db.ActingPartyId;
        var deleted = await db.PartnerProfiles.Where(p => p.OwnerPartyId == owner && p.PartnerPartyId == partnerPartyId).ExecuteDeleteAsync(ct);
        return deleted == 0 ? Outcome<bool>.NotFound("No partner profile for this party.") : Outcome<bool>.Ok(true);
    }

    /// <summary>The owner's partners by id (stable pages), each with its live track record.</summary>
    public async Task<Outcome<Page<PartnerProfileDto>>> ListAsync(int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "g");
        if (!v.IsValid) return v.Fail<Page<PartnerProfileDto>>();
        var owner = db.ActingPartyId;
        var q = db.PartnerProfiles.AsNoTracking().Include(p => p.Certifications).Where(p => p.OwnerPartyId == owner);
        if (page.AfterGuid(0) is { } after) q = q.Where(p => p.Id.CompareTo(after) > 0);
        var rows = await q.OrderBy(p => p.Id).Take(page.Limit + 1).AsSplitQuery().ToListAsync(ct);
        var cut = page.ToPage(rows, p => PageRequest.Encode(p.Id.ToString()));
        return Outcome<Page<PartnerProfileDto>>.Ok(new Page<PartnerProfileDto>(await DescribeAsync(cut.Items, ct), cut.NextCursor));
    }

    private static Validation Validate(PartnerProfileRequest r)
    {
        var v = new Validation();
        if (r.Territories is null) v.Add("territories", "'territories' is required (ISO codes such as \"DE\" or \"US-CA\").");
        else ChannelRules.Territories(v, "territories", r.Territories);
        if (r.Capacity is null) v.Add("capacity", "'capacity' is required: how many open leads the partner can hold.");
        else if (r.Capacity is < 0 or > ChannelRules.MaxCapacity) v.Add("capacity", $"'capacity' must be between 0 and {ChannelRules.MaxCapacity}.");
        var certs = r.Certifications ?? [];
        if (certs.Count > ChannelRules.MaxCertifications) v.Add("certifications", $"At most {ChannelRules.MaxCertifications} certifications.");
        else if (certs.Any(c => !ChannelRules.IsCertification(c?.Name?.Trim().ToLowerInvariant())))
            v.Add("certifications", "Each certification has a name of lowercase letters, digits, dots and dashes (e.g. \"solar-installer\").");
        return v;
    }

    internal async Task<List<PartnerProfileDto>> DescribeAsync(IReadOnlyList<PartnerProfile> profiles, CancellationToken ct)
    {
        if (profiles.Count == 0) return [];
        var names = await PartyNames.LoadAsync(db, profiles.Select(p => p.PartnerPartyId).ToList(), ct);
        var now = Now;
        return profiles.Select(p =>
        {
            var record = TrackRecord.Of(Tally.Of(p));
            return new PartnerProfileDto(p.Id, p.PartnerPartyId, names.Get(p.PartnerPartyId),
                p.Certifications.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new CertificationDto(c.Name, c.ExpiresAt, c.ExpiresAt is null || c.ExpiresAt > now)).ToList(),
                p.Territories, p.Capacity, Math.Max(0, p.Capacity - record.OpenLeads), record, record.Score, p.UpdatedAt, p.Version);
        }).ToList();
    }
}

internal sealed class CertificationInputConverter : JsonConverter<CertificationInput>
{
    public override CertificationInput? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return new CertificationInput(reader.GetString(), null);
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A certification is a name or { \"name\", \"expiresAt\" }.");
        string? name = null;
        DateTime? expires = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            if (string.Equals(property, "name", StringComparison.OrdinalIgnoreCase)) name = Text(ref reader, "name");
            else if (string.Equals(property, "expiresAt", StringComparison.OrdinalIgnoreCase))
                expires = Text(ref reader, "expiresAt") is null ? null
                    : reader.TryGetDateTime(out var at) ? at : throw new JsonException("'expiresAt' must be an RFC 3339 time.");
            else reader.Skip();
        }
        return new CertificationInput(name, expires);
    }

    private static string? Text(ref Utf8JsonReader reader, string field) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        _ => throw new JsonException($"'{field}' must be a string."),
    };

    public override void Write(Utf8JsonWriter writer, CertificationInput value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("name", value.Name);
        if (value.ExpiresAt is { } e) writer.WriteString("expiresAt", e);
        writer.WriteEndObject();
    }
}

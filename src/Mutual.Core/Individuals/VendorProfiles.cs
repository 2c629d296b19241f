using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Parties;

namespace Mutual.Core.Individuals;

public sealed record VendorProfileRequest(List<string?>? Categories, List<string?>? Territories);

public sealed record VendorProfileDto(Guid PartyId, IReadOnlyList<string> Categories, IReadOnlyList<string> Territories, DateTime UpdatedAt, long Version);

/// <summary>The acting organization's own vendor profile. Intent matching (a later step) reads it past the rule, as the system.</summary>
public sealed class VendorProfiles(MutualDbContext db, TimeProvider clock)
{
    public async Task<Outcome<VendorProfileDto>> GetAsync(CancellationToken ct = default)
    {
        var p = await db.Set<VendorProfile>().AsNoTracking().FirstOrDefaultAsync(x => x.PartyId == db.Actor.PartyId, ct);
        return p is null ? Outcome<VendorProfileDto>.NotFound("No vendor profile yet; PUT one.") : Outcome<VendorProfileDto>.Ok(ToDto(p));
    }

    public async Task<Outcome<VendorProfileDto>> PutAsync(VendorProfileRequest request, long? expectedVersion, CancellationToken ct = default)
    {
        var acting = await db.Parties.AsNoTracking().Where(p => p.Id == db.ActingPartyId).Select(p => p.Kind).FirstAsync(ct);
        if (acting != PartyKind.Organization) return Outcome<VendorProfileDto>.Unprocessable("Only an organization has a vendor profile; you act for yourself.");
        var v = new Validation();
        var categories = ProfileRules.Categories(v, request.Categories);
        var territories = ProfileRules.Territories(v, request.Territories);
        if (!v.IsValid) return v.Fail<VendorProfileDto>();

        var profile = await db.Set<VendorProfile>().FirstOrDefaultAsync(x => x.PartyId == db.Actor.PartyId, ct);
        if (profile is null)
        {
            if (expectedVersion is not null) return Outcome<VendorProfileDto>.Stale();
            profile = new VendorProfile { PartyId = db.Actor.PartyId, Version = 0 };
            db.Set<VendorProfile>().Add(profile);
        }
        else if (expectedVersion is { } ev && ev != profile.Version) return Outcome<VendorProfileDto>.Stale();
        profile.Categories = categories;
        profile.Territories = territories;
        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        profile.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<VendorProfileDto>.Stale();
        }
        return Outcome<VendorProfileDto>.Ok(ToDto(profile));
    }

    private static VendorProfileDto ToDto(VendorProfile p) => new(p.PartyId, p.Categories, p.Territories, p.UpdatedAt, p.Version);
}

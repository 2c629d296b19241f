using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;
using Mutual.Core.Parties;

namespace Mutual.Core.Commerce;

public sealed record CreateProductRequest(string? Sku, string? Name, string? Description, bool? Active, List<PriceInput?>? Prices);

/// <summary>A merge patch: absent fields stay; <c>prices</c>, when present, replaces the whole list.</summary>
public sealed record UpdateProductRequest(string? Sku, string? Name, string? Description, bool? Active, List<PriceInput?>? Prices);

public sealed record ProductDto(Guid Id, Guid SellerPartyId, PartyRef Seller, string Sku, string Name, string Description, bool Active,
    IReadOnlyList<PriceDto> Prices, DateTime CreatedAt, DateTime UpdatedAt, long Version);

/// <summary>The catalogue: every signed-in party browses active products; only the seller writes its own.</summary>
public sealed class CatalogueService(MutualDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<ProductDto>> CreateAsync(CreateProductRequest request, CancellationToken ct = default)
    {
        var v = new Validation();
        v.Require("sku", request.Sku, CommerceRules.SkuMax).Require("name", request.Name, CommerceRules.NameMax)
            .MaxLength("description", request.Description, CommerceRules.DescriptionMax);
        var prices = CommerceRules.ReadPrices(v, request.Prices);
        if (!v.IsValid) return v.Fail<ProductDto>();
        var owner = db.ActingPartyId;
        var sku = request.Sku!.Trim();
        if (await db.Products.AnyAsync(p => p.OwnerPartyId == owner && p.Sku == sku, ct))
            return Outcome<ProductDto>.Invalid("sku", $"Your catalogue already has a product with sku '{sku}'.");
        var product = new Product
        {
            OwnerPartyId = owner, Sku = sku, Name = request.Name!.Trim(), Description = request.Description?.Trim() ?? "",
            Active = request.Active ?? true, CreatedAt = Now, UpdatedAt = Now,
            Prices = prices.Select(p => new ProductPrice { Region = p.Region, Currency = p.Currency, Amount = p.Amount }).ToList(),
        };
        product.SearchText = Search(product);
        db.Products.Add(product);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return Outcome<ProductDto>.Invalid("sku", $"Your catalogue already has a product with sku '{sku}'."); }
        return Outcome<ProductDto>.Ok((await DescribeAsync([product], ct))[0]);
    }

    public async Task<Outcome<ProductDto>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var p = await db.Products.AsNoTracking().Include(x => x.Prices).FirstOrDefaultAsync(x => x.Id == id, ct);
        return p is null ? Outcome<ProductDto>.NotFound("No such product.") : Outcome<ProductDto>.Ok((await DescribeAsync([p], ct))[0]);
    }

    public async Task<Outcome<ProductDto>> UpdateAsync(Guid id, UpdateProductRequest request, long? expectedVersion, CancellationToken ct = default)
    {
        // Visible is not writable: another seller's product answers 404 like an invisible one.
        var p = await db.Products.Include(x => x.Prices).FirstOrDefaultAsync(x => x.Id == id && x.OwnerPartyId == db.ActorPartyId, ct);
        if (p is null) return Outcome<ProductDto>.NotFound("No such product.");
        if (expectedVersion is { } ev && ev != p.Version) return Outcome<ProductDto>.Stale();
        var v = new Validation();
        if (request.Sku is not null) v.Require("sku", request.Sku, CommerceRules.SkuMax);
        if (request.Name is not null) v.Require("name", request.Name, CommerceRules.NameMax);
        v.MaxLength("description", request.Description, CommerceRules.DescriptionMax);
        var prices = CommerceRules.ReadPrices(v, request.Prices);
        if (!v.IsValid) return v.Fail<ProductDto>();
        if (request.Sku is { } sku && sku.Trim() != p.Sku)
        {
            sku = sku.Trim();
            if (await db.Products.AnyAsync(x => x.OwnerPartyId == p.OwnerPartyId && x.Sku == sku && x.Id != p.Id, ct))
                return Outcome<ProductDto>.Invalid("sku", $"Your catalogue already has a product with sku '{sku}'.");
            p.Sku = sku;
        }
        if (request.Name is not null) p.Name = request.Name.Trim();
        if (request.Description is not null) p.Description = request.Description.Trim();
        if (request.Active is { } active) p.Active = active;
        if (request.Prices is not null)
        {
            db.ProductPrices.RemoveRange(p.Prices);
            // Through the set: new rows already have their ids, so discovery through the navigation would take them for existing ones.
            db.ProductPrices.AddRange(prices.Select(x => new ProductPrice { ProductId = p.Id, Region = x.Region, Currency = x.Currency, Amount = x.Amount }));
        }
        p.SearchText = Search(p);
        p.UpdatedAt = Now;
        p.Version++;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Outcome<ProductDto>.Stale(); }
        catch (DbUpdateException) { return Outcome<ProductDto>.Invalid("sku", "Your catalogue already has a product with that sku."); }
        return Outcome<ProductDto>.Ok((await DescribeAsync([p], ct))[0]);
    }

    /// <summary>Deletes a product: open carts lose its line; orders keep their snapshot.</summary>
    public async Task<Outcome<bool>> DeleteAsync(Guid id, long? expectedVersion, CancellationToken ct = default)
    {
        var p = await db.Products.FirstOrDefaultAsync(x => x.Id == id && x.OwnerPartyId == db.ActorPartyId, ct);
        if (p is null) return Outcome<bool>.NotFound("No such product.");
        if (expectedVersion is { } ev && ev != p.Version) return Outcome<bool>.Stale();
        db.Products.Remove(p);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Outcome<bool>.Stale(); }
        return Outcome<bool>.Ok(true);
    }

    /// <summary>
    /// The catalogue by name: active products of every seller plus the actor's own withdrawn ones;
    /// <paramref name="q"/> matches name or sku, <paramref name="sellerPartyId"/> narrows to one seller.
    /// </summary>
    public async Task<Outcome<Page<ProductDto>>> ListAsync(string? q, Guid? sellerPartyId, int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "sg");
        v.MaxLength("q", q, CommerceRules.NameMax);
        if (!v.IsValid) return v.Fail<Page<ProductDto>>();
        var query = db.Products.AsNoTracking();
        if (sellerPartyId is { } seller) query = query.Where(p => p.OwnerPartyId == seller);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
            query = query.Where(p => p.SearchText.Contains(term));
        }
        if (page.AfterString(0) is { } name && page.AfterGuid(1) is { } after)
            query = query.Where(p => string.Compare(p.Name, name) > 0 || (p.Name == name && p.Id.CompareTo(after) > 0));
        // Two ordered ranges instead of the access filter's OR (which reads and sorts the whole table): every seller's
        // active products through (Active, Name, Id) and the actor's own withdrawn ones through (OwnerPartyId, Active, Name, Id).
        // Active is compared with a parameter so that SQLite takes it as an index constraint.
        var me = db.Actor.PartyId;
        bool yes = true, no = false;
        var active = await ByName(query.Where(p => p.Active == yes), page.Limit + 1, ct);
        var withdrawn = await ByName(query.Where(p => p.OwnerPartyId == me && p.Active == no), page.Limit + 1, ct);
        var rows = active.Concat(withdrawn).OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).Take(page.Limit + 1).ToList();
        var cut = page.ToPage(rows, p => PageRequest.Encode(p.Name, p.Id.ToString()));
        return Outcome<Page<ProductDto>>.Ok(new Page<ProductDto>(await DescribeAsync(cut.Items, ct), cut.NextCursor));
    }

    private static Task<List<Product>> ByName(IQueryable<Product> q, int take, CancellationToken ct) =>
        q.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(take).Include(p => p.Prices).ToListAsync(ct);

    private static string Search(Product p) => $"{p.Name} {p.Sku}".ToLowerInvariant();

    private async Task<List<ProductDto>> DescribeAsync(IReadOnlyList<Product> products, CancellationToken ct)
    {
        var names = await PartyNames.LoadAsync(db, products.Select(p => p.OwnerPartyId), ct);
        return products.Select(p => new ProductDto(p.Id, p.OwnerPartyId, names.Get(p.OwnerPartyId), p.Sku, p.Name, p.Description, p.Active,
            p.Prices.OrderBy(x => x.Region == CommerceRules.AnyRegion).ThenBy(x => x.Region).Select(x => new PriceDto(x.Region, x.Currency, x.Amount)).ToList(),
            p.CreatedAt, p.UpdatedAt, p.Version)).ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;

namespace Mutual.Core.Commerce;

public sealed record CreateCartRequest(Guid? SellerPartyId, string? Country, string? Region);

public sealed record UpdateCartRequest(string? Country, string? Region);

public sealed record SetCartLineRequest(int? Quantity);

/// <summary>The customer's carts: one open cart per seller, priced for its delivery place. Only the customer sees them.</summary>
public sealed class CartService(MutualDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<CartDto>> CreateAsync(CreateCartRequest request, CancellationToken ct = default)
    {
        var v = new Validation();
        if (request.SellerPartyId is null) v.Add("sellerPartyId", "'sellerPartyId' is required.");
        var (country, region) = CommerceRules.ReadPlace(v, request.Country, request.Region);
        if (!v.IsValid) return v.Fail<CartDto>();
        var customer = db.ActingPartyId;
        var seller = request.SellerPartyId!.Value;
        if (!await db.Parties.AnyAsync(p => p.Id == seller, ct)) return Outcome<CartDto>.NotFound("No such seller: sellerPartyId.");
        if (seller == customer) return Outcome<CartDto>.Unprocessable("You cannot buy from your own catalogue.");
        if (await db.Carts.Where(c => c.CustomerPartyId == customer && c.SellerPartyId == seller && c.Status == CartStatus.Open)
                .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct) is { } open)
            return Outcome<CartDto>.Conflict($"You already have an open cart with this seller: {open}.");
        var cart = new Cart { CustomerPartyId = customer, SellerPartyId = seller, Country = country, Region = region, CreatedAt = Now, UpdatedAt = Now };
        db.Carts.Add(cart);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return Outcome<CartDto>.Conflict("You already have an open cart with this seller."); }
        return Outcome<CartDto>.Ok((await CartView.DescribeAsync(db, [cart], ct))[0]);
    }

    public async Task<Outcome<CartDto>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var cart = await db.Carts.AsNoTracking().Include(c => c.Lines).FirstOrDefaultAsync(c => c.Id == id, ct);
        return cart is null ? Outcome<CartDto>.NotFound("No such cart.") : Outcome<CartDto>.Ok((await CartView.DescribeAsync(db, [cart], ct))[0]);
    }

    /// <summary>The actor's carts, newest first; <paramref name="status"/> is open or checked_out.</summary>
    public async Task<Outcome<Page<CartDto>>> ListAsync(string? status, int? limit, string? cursor, CancellationToken ct = default)
    {
        var v = new Validation();
        var page = PageRequest.Parse(v, limit, cursor, "tg");
        if (status is not null and not (CartStatus.Open or CartStatus.CheckedOut)) v.Add("status", "'status' must be 'open' or 'checked_out'.");
        if (!v.IsValid) return v.Fail<Page<CartDto>>();
        var q = db.Carts.AsNoTracking().Where(c => c.CustomerPartyId == db.ActorPartyId);
        if (status is not null) q = q.Where(c => c.Status == status);
        if (page.AfterTime(0) is { } at && page.AfterGuid(1) is { } after)
            q = q.Where(c => c.CreatedAt < at || (c.CreatedAt == at && c.Id.CompareTo(after) < 0));
        var rows = await q.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(page.Limit + 1).Include(c => c.Lines).ToListAsync(ct);
        var cut = page.ToPage(rows, c => PageRequest.Encode(PageRequest.Ticks(c.CreatedAt), c.Id.ToString()));
        return Outcome<Page<CartDto>>.Ok(new Page<CartDto>(await CartView.DescribeAsync(db, cut.Items, ct), cut.NextCursor));
    }

    /// <summary>Moves the delivery place; every line must still be sold there, in one currency.</summary>
    public Task<Outcome<CartDto>> UpdatePlaceAsync(Guid id, UpdateCartRequest request, long? expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, (cart, products) => Task.FromResult<Validation?>(MovePlace(cart, products, request)), ct);

    private static Validation MovePlace(Cart cart, Dictionary<Guid, Product> products, UpdateCartRequest request)
    {
        var v = new Validation();
        var (country, region) = CommerceRules.ReadPlace(v, request.Country ?? cart.Country, request.Country is null && request.Region is null ? cart.Region : request.Region);
        if (!v.IsValid) return v;
        var prices = cart.Lines.Where(l => products.TryGetValue(l.ProductId, out var p) && p.Active)
            .Select(l => (Line: l, Price: CommerceRules.PriceFor(products[l.ProductId].Prices, x => x.Region, country))).ToList();
        if (prices.FirstOrDefault(x => x.Price is null) is { Line: not null } unsold)
            return v.Add("country", $"'{products[unsold.Line.ProductId].Sku}' is not sold for delivery to {country}.");
        var currencies = prices.Select(x => x.Price!.Currency).Distinct().ToList();
        if (currencies.Count > 1) return v.Add("country", $"For delivery to {country} the cart's products are priced in {string.Join(" and ", currencies)}; a cart has one currency.");
        (cart.Country, cart.Region) = (country, region);
        cart.Currency = currencies.Count == 1 ? currencies[0] : null;
        return v;
    }

    /// <summary>Adds a product or sets its quantity.</summary>
    public Task<Outcome<CartDto>> SetLineAsync(Guid id, Guid productId, SetCartLineRequest request, long? expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, async (cart, products) =>
        {
            var v = new Validation();
            CommerceRules.Quantity(v, request.Quantity);
            if (!v.IsValid) return v;
            var product = await db.Products.AsNoTracking().Include(p => p.Prices)
                .FirstOrDefaultAsync(p => p.Id == productId && p.OwnerPartyId == cart.SellerPartyId && p.Active, ct);
            if (product is null) return null;
            var price = CommerceRules.PriceFor(product.Prices, x => x.Region, cart.Country);
            if (price is null) return v.Add("productId", $"'{product.Sku}' is not sold for delivery to {cart.Country}.");
            var line = cart.Lines.FirstOrDefault(l => l.ProductId == productId);
            var others = cart.Lines.Where(l => l.ProductId != productId).ToList();
            if (others.Count > 0 && cart.Currency is { } currency && price.Currency != currency)
                return v.Add("productId", $"'{product.Sku}' is priced in {price.Currency} for {cart.Country}; this cart is in {currency}.");
            if (line is null && cart.Lines.Count >= CommerceRules.MaxLines) return v.Add("productId", $"A cart holds at most {CommerceRules.MaxLines} products.");
            // Added through the set: a new line already has its id, so discovery through the navigation would take it for an existing row.
            if (line is null) db.CartLines.Add(new CartLine { CartId = cart.Id, ProductId = productId, Quantity = request.Quantity!.Value, AddedAt = Now });
            else line.Quantity = request.Quantity!.Value;
            cart.Currency = price.Currency;
            return v;
        }, ct);

    public Task<Outcome<CartDto>> RemoveLineAsync(Guid id, Guid productId, long? expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, (cart, _) =>
        {
            var line = cart.Lines.FirstOrDefault(l => l.ProductId == productId);
            if (line is null) return Task.FromResult<Validation?>(null);
            cart.Lines.Remove(line);
            db.CartLines.Remove(line);
            if (cart.Lines.Count == 0) cart.Currency = null;
            return Task.FromResult<Validation?>(new Validation());
        }, ct);

    /// <summary>
    /// The shape of every cart change: find the actor's open cart, check If-Match, apply, bump the version.
    /// The change returns field errors, or null for "no such product in this cart/catalogue" (404).
    /// </summary>
    private async Task<Outcome<CartDto>> ChangeAsync(Guid id, long? expectedVersion, Func<Cart, Dictionary<Guid, Product>, Task<Validation?>> change, CancellationToken ct)
    {
        var cart = await db.Carts.Include(c => c.Lines).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cart is null) return Outcome<CartDto>.NotFound("No such cart.");
        if (expectedVersion is { } ev && ev != cart.Version) return Outcome<CartDto>.Stale();
        if (cart.Status != CartStatus.Open) return Outcome<CartDto>.Unprocessable("This cart was checked out; start a new one.");
        var products = await CartView.LoadProductsAsync(db, [cart], ct);
        var v = await change(cart, products);
        if (v is null) return Outcome<CartDto>.NotFound("No such product in this seller's catalogue or this cart.");
        if (!v.IsValid) return v.Fail<CartDto>();
        cart.UpdatedAt = Now;
        cart.Version++;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Outcome<CartDto>.Stale(); }
        catch (DbUpdateException) { return Outcome<CartDto>.Conflict("The cart changed at the same time; reload it and try again."); }
        return Outcome<CartDto>.Ok((await CartView.DescribeAsync(db, [cart], ct))[0]);
    }
}

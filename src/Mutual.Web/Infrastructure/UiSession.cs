using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Data;

namespace Mutual.Web.Infrastructure;

/// <summary>
/// For Blazor components: a live circuit outlives any HTTP request, so each operation opens its own
/// context bound to the signed-in actor, and calls the same Core handlers the API does.
/// </summary>
public sealed class UiSession(AuthenticationStateProvider auth, IDbContextFactory<MutualDbContext> factory, TimeProvider clock)
{
    public TimeProvider Clock => clock;

    public async Task<Actor> ActorAsync() => ActorClaims.ToActor((await auth.GetAuthenticationStateAsync()).User);

    public async Task<MutualDbContext> OpenAsync()
    {
        var db = await factory.CreateDbContextAsync();
        db.Actor = await ActorAsync();
        db.Clock = clock;
        return db;
    }
}

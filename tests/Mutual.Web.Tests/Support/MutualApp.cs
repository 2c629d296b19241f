using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Mutual.Web.Tests.Support;

/// <summary>
/// The real app in-process on a real database (SQLite, or PostgreSQL when configured), bootstrapped with a
/// host organization and admin, and a fake clock that tests move instead of sleeping.
/// </summary>
public class MutualApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@host.test";
    public const string AdminPassword = "correct-horse-battery";

    private TestDatabase? _database;
    private readonly bool _sharesDatabase;

    public MutualApp() { }

    /// <summary>Another app node over a database a first node created (and disposes); see <see cref="AppNode"/>.</summary>
    protected MutualApp(TestDatabase shared)
    {
        _database = shared;
        _sharesDatabase = true;
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        _database ??= await TestDatabase.CreateAsync();
        _ = Server; // start the host now: migrations and bootstrap run before the first test
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Mutual:Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Mutual", Database.ConnectionString);
        builder.UseSetting("Mutual:Bootstrap:OrganizationName", "Host Co");
        builder.UseSetting("Mutual:Bootstrap:AdminName", "Hannah Host");
        builder.UseSetting("Mutual:Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Mutual:Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Noise that hides a failure in CI's log: the migration history probe on a fresh database, TestServer lacking a
        // body-size feature, and key storage without an encryptor (a test's keys are throwaway).
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "None");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Routing.EndpointRoutingMiddleware", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        // Tests run the sweeps and the health job themselves, at the moments they choose.
        builder.UseSetting("Mutual:Discipline:Enabled", "false");
        // ...and the warm-up a node runs on itself before it is ready (NodeWarmUpTests runs it)...
        builder.UseSetting("Mutual:WarmUp:Rounds", "0");
        // ...and the webhook dispatcher and sender.
        builder.UseSetting("Mutual:Webhooks:Enabled", "false");
        // Long enough for a loaded CI machine to answer; the slow receiver waits 30 s, so timeouts still show.
        builder.UseSetting("Mutual:Webhooks:TimeoutSeconds", "3");
        // Every test client shares one address; the sign-up throttle has its own test (RegistrationTests).
        builder.UseSetting("Mutual:Auth:MaxRegistrationsPerHour", "100000");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public async Task<HttpClient> LoginAsync(string email, string password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<HttpClient> AdminAsync() => LoginAsync(AdminEmail, AdminPassword);

    /// <summary>How many outbox events of a type mention a record.</summary>
    public async Task<int> OutboxCountAsync(string type, Guid recordId)
    {
        var factory = Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Mutual.Core.Data.MutualDbContext>>();
        await using var db = await Mutual.Core.Data.SystemContext.CreateSystemAsync(factory);
        var id = recordId.ToString();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Outbox, o => o.Type == type && o.Data.Contains(id));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null && !_sharesDatabase) await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public sealed record TokenBody(string AccessToken, string TokenType, int ExpiresIn);
}

/// <summary>A further app node over the database of another <see cref="MutualApp"/>.</summary>
public sealed class AppNode(TestDatabase shared) : MutualApp(shared);

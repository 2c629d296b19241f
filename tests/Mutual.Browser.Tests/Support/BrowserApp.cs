using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Mutual.Web.Tests.Support;

namespace Mutual.Browser.Tests.Support;

/// <summary>
/// The real app on Kestrel (a real socket the browser can reach) over a fresh SQLite database in a temp
/// folder. With <see cref="Bootstrap"/> the host organization and its admin exist from the start;
/// without, the database is empty and the browser meets the first-run page.
/// </summary>
public class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "hannah@host.test";
    public const string AdminPassword = "correct-horse-battery";
    public const string HostName = "Host Co";
    public const string AdminName = "Hannah Host";

    private TestDatabase? _database;

    protected virtual bool Bootstrap => true;

    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development serves the static web assets (MudBlazor, the framework script) from their packages, as `dotnet run` does.
        builder.UseEnvironment("Development");
        builder.UseSetting("Mutual:Database:Provider", _database!.Provider);
        builder.UseSetting("ConnectionStrings:Mutual", _database.ConnectionString);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // No background sweeps racing the tests; tests that need the health job run it themselves.
        builder.UseSetting("Mutual:Discipline:Enabled", "false");
        // Nor the node's warm-up (its rolled-back writes would hold SQLite's write lock while a test writes);
        // Mutual.Web.Tests' NodeWarmUpTests runs it.
        builder.UseSetting("Mutual:WarmUp:Rounds", "0");
        if (Bootstrap)
        {
            builder.UseSetting("Mutual:Bootstrap:OrganizationName", HostName);
            builder.UseSetting("Mutual:Bootstrap:AdminName", AdminName);
            builder.UseSetting("Mutual:Bootstrap:AdminEmail", AdminEmail);
            builder.UseSetting("Mutual:Bootstrap:AdminPassword", AdminPassword);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>An app on an empty database: no organization, no account.</summary>
public sealed class EmptyBrowserApp : BrowserApp
{
    protected override bool Bootstrap => false;
}

/// <summary>An app started with <c>--demo</c>: the demo network loaded into a fresh database, as a person trying Mutual sees it.</summary>
public sealed class DemoBrowserApp : BrowserApp
{
    protected override bool Bootstrap => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mutual:Demo", "true");
    }
}

using Microsoft.EntityFrameworkCore;
using Mutual.Core.Access;
using Mutual.Core.Accounts;
using Mutual.Core.Data;
using Mutual.Core.Demo;
using Mutual.Core.Events;

namespace Mutual.Web.Infrastructure;

/// <summary>Before the host serves: migrate (unless told not to), load the demo network if asked, then bootstrap the first admin from configuration.</summary>
public static class DatabaseStartup
{
    public static void AddMutualDatabase(this IServiceCollection services, IConfiguration config)
    {
        var provider = MutualDatabase.ParseProvider(config["Mutual:Database:Provider"]);
        var connection = config.GetConnectionString("Mutual");
        var planLog = config["Mutual:Database:QueryPlanLog"] is { Length: > 0 } path ? new QueryPlanLog(path) : null;
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxCommitInterceptor>();
        services.AddDbContextFactory<MutualDbContext>((sp, o) =>
        {
            MutualDatabase.Configure(o, provider, connection);
            o.AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>());
            if (planLog is not null) o.AddInterceptors(planLog);
        });
        // The request's context is bound to the signed-in actor; without one it sees nothing.
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<MutualDbContext>>().CreateDbContext();
            db.Actor = ActorClaims.ToActor(sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User);
            db.Clock = sp.GetRequiredService<TimeProvider>();
            return db;
        });
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var config = app.Configuration;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Mutual.Startup");
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<MutualDbContext>>().CreateDbContextAsync();
        db.Actor = Actor.System;
        if (config.GetValue("Mutual:Database:MigrateOnStart", true))
        {
            var applied = await MutualDatabase.MigrateAsync(db);
            log.LogInformation("Database ready; {Count} migration(s) applied", applied);
        }

        var setup = scope.ServiceProvider.GetRequiredService<AccountSetup>();
        // The demo goes first, so on an empty database it wins over the bootstrap settings, which then find an account and do nothing.
        if (config.GetValue("Mutual:Demo", false)) await LoadDemoAsync(app, log);

        var email = config["Mutual:Bootstrap:AdminEmail"];
        if (!string.IsNullOrWhiteSpace(email) && !await setup.IsSetUpAsync())
        {
            var result = await setup.BootstrapAsync(new SetupRequest(
                config["Mutual:Bootstrap:OrganizationName"] ?? "Host organization",
                config["Mutual:Bootstrap:AdminName"], email, config["Mutual:Bootstrap:AdminPassword"]));
            if (result.IsOk) log.LogInformation("Bootstrapped the host organization and admin {Email}", email);
            else log.LogError("Bootstrap configuration is invalid: {Errors}", result.Errors);
        }
    }

    private static async Task LoadDemoAsync(WebApplication app, ILogger log)
    {
        var result = await DemoNetwork.LoadAsync(app.Services.GetRequiredService<IDbContextFactory<MutualDbContext>>(),
            app.Services.GetRequiredService<TimeProvider>(), app.Services.GetRequiredService<AuthOptions>(), app.Lifetime.ApplicationStopping);
        if (!result.Loaded)
        {
            log.LogInformation("Demo network not loaded: {Reason}", result.Refusal);
            return;
        }
        log.LogInformation("Loaded the demo network: {Parties} parties, {Relationships} relationships, {Conversations} conversations, {Messages} messages, {Cases} service cases. "
            + "Every demo account's password is '{Password}'", result.Parties, result.Relationships, result.Conversations, result.Messages, result.Cases, DemoNetwork.Password);
        foreach (var a in result.Accounts)
            log.LogInformation("Demo account {Email}: {Name}, acting for {ActingFor}{Admin}", a.Email, a.Name, a.ActingFor, a.IsAdmin ? " (admin)" : "");
        if (result.Track is { } track) log.LogInformation("Track case '{Title}': {Path}", track.Title, track.Path);
    }
}

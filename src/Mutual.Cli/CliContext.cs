using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Mutual.Core.Accounts;
using Mutual.Core.Data;

namespace Mutual.Cli;

/// <summary>
/// Where the command line finds the database: the same settings as the web host (appsettings.json in the
/// working directory, then environment variables such as Mutual__Database__Provider and
/// ConnectionStrings__Mutual), overridden by --provider and --connection.
/// </summary>
public sealed class CliContext : IDbContextFactory<MutualDbContext>
{
    private readonly DbContextOptions<MutualDbContext> _options;

    private CliContext(DbContextOptions<MutualDbContext> options) => _options = options;

    public static readonly System.CommandLine.Option<string?> ProviderOption = new("--provider") { Description = "sqlite (default) or postgres", Recursive = true };
    public static readonly System.CommandLine.Option<string?> ConnectionOption = new("--connection") { Description = "The connection string (default: ConnectionStrings:Mutual, or data/mutual.db)", Recursive = true };

    public TimeProvider Clock { get; } = TimeProvider.System;
    public AuthOptions Auth { get; } = new();

    public static CliContext From(System.CommandLine.ParseResult parse)
    {
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var provider = MutualDatabase.ParseProvider(parse.GetValue(ProviderOption) ?? config["Mutual:Database:Provider"]);
        var connection = parse.GetValue(ConnectionOption) ?? config.GetConnectionString("Mutual");
        var builder = new DbContextOptionsBuilder<MutualDbContext>();
        MutualDatabase.Configure(builder, provider, connection);
        return new CliContext(builder.Options);
    }

    public MutualDbContext CreateDbContext() => new(_options);
}

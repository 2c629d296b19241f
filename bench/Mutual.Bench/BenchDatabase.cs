using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;

namespace Mutual.Bench;

/// <summary>The database under test, named the way the web host and the CLI name it.</summary>
internal static class BenchDatabase
{
    public static readonly Option<string> Provider = new("--provider") { Description = "sqlite or postgres", DefaultValueFactory = _ => "sqlite", Recursive = true };
    public static readonly Option<string> Connection = new("--connection") { Description = "The connection string", Required = true, Recursive = true };

    public static MutualDbContext Open(ParseResult parse)
    {
        var builder = new DbContextOptionsBuilder<MutualDbContext>();
        MutualDatabase.Configure(builder, MutualDatabase.ParseProvider(parse.GetValue(Provider)), parse.GetValue(Connection));
        return new MutualDbContext(builder.Options);
    }
}

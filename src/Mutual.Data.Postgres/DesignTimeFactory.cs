using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Mutual.Core.Data;

namespace Mutual.Data.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL; no database is touched.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MutualDbContext>
{
    public MutualDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MutualDbContext>();
        MutualDatabase.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=mutual_design");
        return new MutualDbContext(options.Options);
    }
}

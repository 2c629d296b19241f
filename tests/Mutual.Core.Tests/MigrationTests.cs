using Microsoft.EntityFrameworkCore;
using Mutual.Core.Data;

namespace Mutual.Core.Tests;

public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=unused")]
    public void EachProvidersMigrationsMatchTheModel(DatabaseProvider provider, string connection)
    {
        var options = new DbContextOptionsBuilder<MutualDbContext>();
        MutualDatabase.Configure(options, provider, connection);
        using var db = new MutualDbContext(options.Options);
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model changed without a {provider} migration: run dotnet-ef migrations add for both providers (README).");
        Assert.NotEmpty(db.Database.GetMigrations());
    }
}

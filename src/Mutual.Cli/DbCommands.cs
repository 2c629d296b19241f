using System.CommandLine;
using Mutual.Core.Data;

namespace Mutual.Cli;

public static class DbCommands
{
    public static Command Create()
    {
        var db = new Command("db", "Database operations");
        db.Options.Add(CliContext.ProviderOption);
        db.Options.Add(CliContext.ConnectionOption);
        var migrate = new Command("migrate", "Apply pending schema migrations");
        migrate.SetAction(async (parse, ct) =>
        {
            var cli = CliContext.From(parse);
            await using var context = await cli.CreateSystemAsync(ct);
            var applied = await MutualDatabase.MigrateAsync(context, ct);
            Console.WriteLine(applied == 0 ? "The schema is up to date." : $"Applied {applied} migration(s).");
            return 0;
        });
        db.Add(migrate);
        return db;
    }
}

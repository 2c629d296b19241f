using System.CommandLine;
using Mutual.Core.Data;
using Mutual.Core.Demo;

namespace Mutual.Cli;

public static class DemoCommand
{
    public static Command Create()
    {
        var demo = new Command("demo", "Load the demo network (Northwind Components and its partners, suppliers and customers) into an empty database");
        demo.Options.Add(CliContext.ProviderOption);
        demo.Options.Add(CliContext.ConnectionOption);
        demo.SetAction(async (parse, ct) =>
        {
            var cli = CliContext.From(parse);
            await using (var db = await cli.CreateSystemAsync(ct)) await MutualDatabase.MigrateAsync(db, ct);
            var result = await DemoNetwork.LoadAsync(cli, cli.Clock, cli.Auth, ct);
            if (!result.Loaded)
            {
                Console.Error.WriteLine(result.Refusal);
                return 1;
            }
            Console.WriteLine($"Loaded the demo network: {result.Parties} parties, {result.Relationships} relationships, "
                + $"{result.Conversations} conversations, {result.Messages} messages, {result.Cases} service cases.");
            Console.WriteLine($"Every account's password is '{DemoNetwork.Password}'.");
            Console.WriteLine();
            var width = result.Accounts.Max(a => a.Email.Length);
            foreach (var a in result.Accounts)
                Console.WriteLine($"  {a.Email.PadRight(width)}  {a.Name}, acting for {a.ActingFor}{(a.IsAdmin ? " (admin)" : "")}");
            // Tracking codes are shown only when a case is opened, so this is the one chance to see the public page.
            if (result.Track is { } track) Console.WriteLine($"{Environment.NewLine}Track case '{track.Title}': {track.Path}");
            return 0;
        });
        return demo;
    }
}

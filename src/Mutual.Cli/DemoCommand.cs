using System.CommandLine;
using Mutual.Core.Data;
using Mutual.Core.Demo;
using Mutual.Core.Demo.Synthetic;

namespace Mutual.Cli;

public static class DemoCommand
{
    public static Command Create()
    {
        var demo = new Command("demo", "Load the demo network (Northwind Components and its partners, suppliers and customers) into an empty database");
        demo.Options.Add(CliContext.ProviderOption);
        demo.Options.Add(CliContext.ConnectionOption);
        var size = new Option<string?>("--size") { Description = "Generate a synthetic network instead: N parties (or 100k, 1m) with 5×N relationships, N/5 conversations, 10×N messages" };
        var seed = new Option<int>("--seed") { Description = "The synthetic network's seed (same seed, same network)", DefaultValueFactory = _ => 42 };
        demo.Options.Add(size);
        demo.Options.Add(seed);
        demo.SetAction(async (parse, ct) =>
        {
            var cli = CliContext.From(parse);
            var sizeText = parse.GetValue(size);
            var synthetic = SyntheticSize.Parse(sizeText);
            if (sizeText is not null && synthetic is null)
            {
                Console.Error.WriteLine($"--size must be a number of parties from {SyntheticSize.Minimum:N0} to {SyntheticSize.Maximum:N0}, such as 2000, 100k or 1m.");
                return 2;
            }
            await using (var db = await cli.CreateSystemAsync(ct)) await MutualDatabase.MigrateAsync(db, ct);
            if (synthetic is not null) return await SyntheticAsync(cli, synthetic, parse.GetValue(seed), ct);
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

    private static async Task<int> SyntheticAsync(CliContext cli, SyntheticSize size, int seed, CancellationToken ct)
    {
        var result = await SyntheticNetwork.LoadAsync(cli, cli.Clock, cli.Auth, size, seed, new BarProgress(), ct);
        if (!result.Loaded)
        {
            Console.Error.WriteLine(result.Refusal);
            return 1;
        }
        Console.WriteLine($"Loaded a synthetic network of {size.Parties:N0} parties (seed {seed}) in {result.Elapsed.TotalSeconds:N1} s:");
        foreach (var t in result.Tables)
            Console.WriteLine($"  {t.Name,-20} {t.Rows,12:N0} rows  {t.Elapsed.TotalSeconds,8:N1} s  {t.RowsPerSecond,10:N0} rows/s");
        Console.WriteLine($"Every account's password is '{SyntheticNetwork.Password}':");
        foreach (var a in result.Accounts)
            Console.WriteLine($"  {a.Email}  acting for {a.ActingFor}{(a.IsAdmin ? " (admin)" : "")}");
        return 0;
    }

    /// <summary>A progress bar per table on stderr.</summary>
    private sealed class BarProgress : ISyntheticProgress
    {
        private ProgressBar? _bar;

        public IProgress<long> Begin(string table, long total) => _bar = new ProgressBar(table, total > 0 ? total : null);

        public void End(string table) => _bar?.Finish();
    }
}

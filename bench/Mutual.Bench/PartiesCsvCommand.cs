using System.CommandLine;
using System.Text;

namespace Mutual.Bench;

/// <summary>
/// A parties CSV for the import benchmark, deterministic from a seed: people and organizations with unique
/// emails, phones, tags and websites, and a bad row every 1,000 lines so the error path is part of the rate.
/// </summary>
internal static class PartiesCsvCommand
{
    private static readonly string[] First = ["Ana", "Ben", "Chiara", "Dmitri", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemal", "Lena", "Mateo", "Nora", "Omar", "Priya"];
    private static readonly string[] Last = ["Almeida", "Becker", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Horvat", "Ivanova", "Jensen", "Kowalski", "Laine", "Moreau", "Novak", "Okafor", "Petrov"];
    private static readonly string[] Tags = ["prospect", "customer", "vip", "supplier", "partner", "event-2026", "newsletter", "churn-risk"];

    public static Command Create()
    {
        var rows = new Option<int>("--rows") { DefaultValueFactory = _ => 100_000 };
        var file = new Option<string>("--out") { Required = true };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 7 };
        var command = new Command("parties-csv", "Write a parties CSV for the import benchmark") { rows, file, seed };
        command.SetAction(async (parse, ct) =>
        {
            var random = new Random(parse.GetValue(seed));
            await using var writer = new StreamWriter(parse.GetValue(file)!, false, new UTF8Encoding(false), 1 << 16);
            await writer.WriteLineAsync("kind,name,email,phone,tags,website");
            for (var i = 1; i <= parse.GetValue(rows); i++)
            {
                if (i % 1000 == 0)
                {
                    await writer.WriteLineAsync("person,,not-an-email,,,"); // no name, bad email: reported, not stopping the import
                    continue;
                }
                var person = random.Next(4) != 0;
                var name = person ? $"{First[random.Next(First.Length)]} {Last[random.Next(Last.Length)]}" : $"{Last[random.Next(Last.Length)]} Works {i}";
                var email = person ? $"person{i}@example-{i % 97}.test" : $"info@org{i}.test";
                var tags = $"{Tags[random.Next(Tags.Length)]};{Tags[random.Next(Tags.Length)]}";
                var website = person ? "" : $"https://org{i}.test";
                await writer.WriteLineAsync($"{(person ? "person" : "organization")},\"{name}\",{email},+1 555 {i % 10_000_000:D7},{tags},{website}");
            }
            return 0;
        });
        return command;
    }
}

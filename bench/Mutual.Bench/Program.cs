using System.CommandLine;
using Mutual.Bench;

// The benchmark's helpers around the real system: what bench/run.sh cannot do with the CLI, curl and wrk.
var root = new RootCommand("mutual-bench — helpers for bench/run.sh");
root.Options.Add(BenchDatabase.Provider);
root.Options.Add(BenchDatabase.Connection);
root.Add(SampleCommand.Create());
root.Add(RawInsertCommand.Create());
root.Add(PartiesCsvCommand.Create());
root.Add(ChannelSetupCommand.Create());
root.Add(ChannelSetupCommand.CreateCount());
root.Add(WebhookLagCommand.Create());
return await root.Parse(args).InvokeAsync();

using System.CommandLine;
using Mutual.Cli;

var root = new RootCommand("mutual — set up and operate a Mutual relationship network");
root.Add(DbCommands.Create());
root.Add(UserCommands.Create());
root.Add(DemoCommand.Create());
root.Add(ImportCommands.Create());
return await root.Parse(args).InvokeAsync();

using System.CommandLine;
using Mutual.Core.Accounts;
using Mutual.Core.Data;

namespace Mutual.Cli;

public static class UserCommands
{
    public static Command Create()
    {
        var user = new Command("user", "Accounts");
        user.Options.Add(CliContext.ProviderOption);
        user.Options.Add(CliContext.ConnectionOption);

        var email = new Option<string>("--email") { Description = "Sign-in email", Required = true };
        var password = new Option<string>("--password") { Description = "Password (at least 8 characters)", Required = true };
        var name = new Option<string?>("--name") { Description = "The person's name" };
        var organization = new Option<Guid?>("--organization") { Description = "Id of the organization the person works for (default: the host)" };
        var admin = new Option<bool>("--admin") { Description = "Make the account an administrator" };
        var hostName = new Option<string?>("--host-name") { Description = "On an empty database: create the host organization with this name first" };
        var create = new Command("create", "Create a person with an account acting for an organization (or set up an empty database)")
        {
            email, password, name, organization, admin, hostName,
        };
        create.SetAction(async (parse, ct) =>
        {
            var cli = CliContext.From(parse);
            await using (var db = await cli.CreateSystemAsync(ct)) await MutualDatabase.MigrateAsync(db, ct);
            var setup = new AccountSetup(cli, cli.Clock, cli.Auth);
            if (!await setup.IsSetUpAsync(ct))
            {
                var first = await setup.BootstrapAsync(new SetupRequest(parse.GetValue(hostName) ?? "Host organization",
                    parse.GetValue(name), parse.GetValue(email), parse.GetValue(password)), ct);
                return Report(first, "Set up the host organization with its first admin");
            }
            var result = await setup.CreateUserAsync(parse.GetValue(name), parse.GetValue(email), parse.GetValue(password),
                parse.GetValue(organization), parse.GetValue(admin), ct);
            return Report(result, "Created account");
        });
        user.Add(create);
        return user;
    }

    private static int Report(Mutual.Core.Access.Outcome<Account> result, string done)
    {
        if (result.IsOk)
        {
            Console.WriteLine($"{done}: {result.Value!.Email} (account {result.Value.Id}, acting for party {result.Value.ActingPartyId}).");
            return 0;
        }
        Console.Error.WriteLine(result.Detail);
        foreach (var (field, messages) in result.Errors) Console.Error.WriteLine($"  {field}: {string.Join(" ", messages)}");
        return 1;
    }
}
